using Dyad.Places;
namespace Dyad.Geo;

/// <summary>A recognised place name with its gazetteer candidates, before resolution.</summary>
/// <param name="First">Index of its first token.</param>
/// <param name="Last">Index of its last token.</param>
/// <param name="Key">The name folded as the gazetteer looks names up ("deir ez-zor").</param>
/// <param name="Candidates">The gazetteer places it may be.</param>
/// <param name="Cue">Whether a cue marks it as a place ("in", a dateline, "Town, Country").</param>
/// <param name="DivisionWordAfter">Whether a division word follows it ("province").</param>
/// <param name="Qualifier">The country or division named after a comma ("Paris, Texas"), when one of the candidates is in it.</param>
/// <param name="Kind">Whether it names a place, a people or qualifies an institution.</param>
internal sealed record Mention(int First, int Last, string Key, IReadOnlyList<Place> Candidates, bool Cue, bool DivisionWordAfter, Place? Qualifier, ToponymKind Kind = ToponymKind.Place)
{
    /// <summary>Where the name ends when it stops inside its last token ("Sydney" of "Sydney-based"); null at the token's end.</summary>
    public int? End { get; init; }

    /// <summary>Whether one of the candidates is a country or region.</summary>
    public bool NamesRegion { get; } = Candidates.Any(c => c.Feature is FeatureType.Country or FeatureType.Region);
}
