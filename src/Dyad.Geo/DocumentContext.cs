namespace Dyad.Geo;

/// <summary>What the resolver's first pass learnt about the whole document, for its second pass.</summary>
/// <param name="Divisions">First-level divisions ("US.LA") and the names that put something in them.</param>
/// <param name="DominantCountry">The country most of the document's names are in, or null.</param>
/// <param name="DominantKeys">The names that made it dominant.</param>
internal sealed record DocumentContext(Dictionary<string, HashSet<string>> Divisions, string? DominantCountry, HashSet<string>? DominantKeys);
