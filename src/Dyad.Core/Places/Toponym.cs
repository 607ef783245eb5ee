namespace Dyad.Places;

/// <summary>How a name in the text refers to its place.</summary>
public enum ToponymKind
{
    /// <summary>The name says where something is or happens ("in Mosul", "Texas").</summary>
    Place,

    /// <summary>A word for a country's people or things ("Russian" → Russia): not where anything happened.</summary>
    Demonym,

    /// <summary>A place name that qualifies a longer name ("Mansfield Mayor", "U.S. Centers for Disease Control").</summary>
    Modifier,
}

/// <summary>A place name found in a text and the place it was resolved to.</summary>
/// <param name="Start">Character offset of the first character in the text.</param>
/// <param name="End">Character offset one past the last character.</param>
/// <param name="Text">The words as they stand in the text.</param>
/// <param name="Place">The chosen gazetteer entry, or <c>null</c> when the name could not be resolved.</param>
/// <param name="HasLocationCue">True when a locative word ("in", "at", "near", "city of"...), a dateline or a
/// "Town, Country" pattern marks the name as a place.</param>
/// <param name="Confidence">Share of the chosen candidate in the softmax over candidate scores, 0 to 1.</param>
/// <param name="Kind">Whether the name places something (<see cref="ToponymKind.Place"/>), names a people or
/// qualifies another name; event locations use places only.</param>
public sealed record Toponym(int Start, int End, string Text, Place? Place, bool HasLocationCue, double Confidence, ToponymKind Kind = ToponymKind.Place)
{
    /// <summary>
    /// What decided the place, joined by '+': "prior" (population and feature: a country before a city of the same
    /// name) or "only-candidate", then any of "cue" (a locative word, dateline or comma pattern marked the name),
    /// "caller-context" (an actor's country), "country-named" (a country the document names), "country-resolved" (a
    /// country chosen earlier), "comma-pattern" ("Paris, Texas"), "division-word" ("Anbar province"),
    /// "sentence-country" (a country named in the same sentence), "document-division" (a division the document
    /// names or places other names in), "dominant-country" (the country most of the document's names are in),
    /// "earlier-choice" (the same name earlier) and "same-division". Empty when not computed.
    /// </summary>
    public string Signals { get; init; } = string.Empty;

    /// <summary>The kind as written in Dyad's output: "place", "demonym" or "modifier".</summary>
    public string KindName => Kind switch
    {
        ToponymKind.Demonym => "demonym",
        ToponymKind.Modifier => "modifier",
        _ => "place",
    };

    /// <summary>The place's display (English) name.</summary>
    public string? Name => Place?.Name;

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public string? Country => Place?.CountryCode;

    /// <summary>ISO 3166-1 alpha-3 country code, as CAMEO actor codes use.</summary>
    public string? CountryAlpha3 => Place?.CountryAlpha3;

    /// <summary>The place's CAMEO country code (<see cref="Places.Place.CameoCountry"/>), or null.</summary>
    public string? CameoCountry => Place?.CameoCountry;

    /// <summary>GeoNames first-level division code inside the country.</summary>
    public string? Adm1 => Place?.Adm1Code;

    /// <summary>Degrees north.</summary>
    public double? Latitude => Place?.Latitude;

    /// <summary>Degrees east.</summary>
    public double? Longitude => Place?.Longitude;

    /// <summary>GeoNames id (populated places only).</summary>
    public long? GeoNamesId => Place?.GeoNamesId;

    /// <summary>"country", "adm1", "adm2", "city" or "region".</summary>
    public string? Feature => Place?.FeatureName;

    /// <summary>The character range in the text.</summary>
    public TextRange Range => new(Start, End);
}
