using Dyad.Places;
namespace Dyad.Geo;

/// <summary>
/// Chooses a gazetteer place for each recognised mention. Among the candidates of a name, the highest score from its
/// population (log10), its kind (a country name is a country; a capital before a division of the same name), the
/// caller's country context (actors' countries), the countries the document names, the "Town, Country" pattern, the
/// countries named in the same sentence and the choice made for the same name earlier in the document; a second pass
/// adds the divisions the document names and its dominant country.
/// </summary>
/// <remarks>Holds only the read-only gazetteer, so one instance may serve many threads.</remarks>
internal sealed class ToponymResolver
{
    private const double CountryBonus = 3.0;
    private const double Adm1Bonus = -0.5;
    private const double CapitalBonus = 1.5;
    private const double DivisionSeatBonus = 0.5;
    private const double SecondLevelSeatBonus = 0.2;
    private const double CallerContextBonus = 4.0;
    private const double DocumentContextBonus = 3.0;
    private const double ResolvedContextBonus = 1.5;
    private const double CommaPatternBonus = 10.0;
    private const double DivisionWordBonus = 3.0;
    private const double SameDivisionBonus = 1.0;
    private const double SameSentenceCountryBonus = 4.0;
    private const double EarlierChoiceBonus = 1.5;

    /// <summary>A continent or region ("Africa", "Middle East") is scored as a place of about a million people.</summary>
    private const double RegionBonus = 6.0;

    /// <summary>Second-level divisions carry a size prior (1,000 per place in them), not a population.</summary>
    private const double Adm2Bonus = 1.0;

    /// <summary>A candidate inside a first-level division that another name of the document is resolved to or in.</summary>
    private const double DocumentDivisionBonus = 3.0;

    /// <summary>A division of the country most of the document's names are in.</summary>
    private const double DominantCountryBonus = 3.5;

    /// <summary>A first-pass choice at least this sure lends its division to the second pass.</summary>
    private const double ConfidentShare = 0.9;

    private readonly Gazetteer _gazetteer;

    /// <summary>Creates a resolver over <paramref name="gazetteer"/>.</summary>
    public ToponymResolver(Gazetteer gazetteer)
    {
        _gazetteer = gazetteer;
    }

    /// <summary>
    /// Resolves every mention twice: the first pass as the text reads, the second with what the first found about the
    /// whole document (the divisions it names or places its towns in), so that a local paper's "Alexandria" beside
    /// "Rapides Parish" is the Louisiana one even when it comes first.
    /// </summary>
    public List<Toponym> Resolve(TextReading reading, List<Mention> mentions, IEnumerable<string>? countryContext)
    {
        var first = ResolvePass(reading, mentions, countryContext, null);
        var divisions = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < first.Count; i++)
        {
            if (first[i] is { Kind: ToponymKind.Place, Place: { Adm1Code: { } adm1 } place }
                && (place.Feature is FeatureType.Adm1 or FeatureType.Adm2 || first[i].Confidence >= ConfidentShare))
            {
                var key = place.CountryCode + "." + adm1;
                if (!divisions.TryGetValue(key, out var keys))
                {
                    divisions[key] = keys = new HashSet<string>(StringComparer.Ordinal);
                }

                keys.Add(mentions[i].Key);
            }
        }

        // The document's dominant country: the one most of its distinct place names are in (at least two, and half).
        var votes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < first.Count; i++)
        {
            if (first[i] is { Kind: not ToponymKind.Demonym, Place: { Feature: not FeatureType.Region } place })
            {
                if (!votes.TryGetValue(place.CountryCode, out var keys))
                {
                    votes[place.CountryCode] = keys = new HashSet<string>(StringComparer.Ordinal);
                }

                keys.Add(mentions[i].Key);
            }
        }

        var total = votes.Values.Sum(v => v.Count);
        var dominant = votes.Where(v => v.Value.Count >= 2 && v.Value.Count * 2 >= total).Select(v => (v.Key, v.Value)).FirstOrDefault();
        if (divisions.Count == 0 && dominant.Key is null)
        {
            return first;
        }

        return ResolvePass(reading, mentions, countryContext, new DocumentContext(divisions, dominant.Key, dominant.Value));
    }

    private List<Toponym> ResolvePass(TextReading reading, List<Mention> mentions, IEnumerable<string>? countryContext, DocumentContext? document)
    {
        var documentDivisions = document?.Divisions;
        var callerCountries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in countryContext ?? [])
        {
            if (code is not null && _gazetteer.NormalizeCountryCode(code) is { } alpha2)
            {
                callerCountries.Add(alpha2);
            }
        }

        // Countries the document itself names: a name whose best candidate is a country.
        var documentCountries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mention in mentions)
        {
            if (mention.Candidates.Any(c => c.Feature == FeatureType.Country) && mention.Candidates.Count(c => c.Feature == FeatureType.Country) == 1)
            {
                documentCountries.Add(mention.Candidates.First(c => c.Feature == FeatureType.Country).CountryCode);
            }
        }

        var resolvedCountries = new HashSet<string>(StringComparer.Ordinal);
        var resolvedDivisions = new HashSet<string>(StringComparer.Ordinal);
        var earlier = new Dictionary<string, Place>(StringComparer.Ordinal);
        var result = new List<Toponym>(mentions.Count);
        foreach (var mention in mentions)
        {
            earlier.TryGetValue(mention.Key, out var previous);
            var sentenceCountries = SentenceCountries(reading, mentions, mention);
            double Score(Place candidate, List<string>? signals)
            {
                var score = Math.Log10(Math.Max(candidate.Population, 1));
                score += candidate.Feature switch
                {
                    FeatureType.Country => CountryBonus,
                    FeatureType.Adm1 => Adm1Bonus,
                    FeatureType.Region => RegionBonus,
                    FeatureType.Adm2 => Adm2Bonus,
                    _ => candidate.FeatureCode switch
                    {
                        "PPLC" => CapitalBonus,
                        "PPLA" => DivisionSeatBonus,
                        "PPLA2" => SecondLevelSeatBonus,
                        _ => 0,
                    },
                };
                if (callerCountries.Contains(candidate.CountryCode))
                {
                    score += CallerContextBonus;
                    signals?.Add("caller-context");
                }
                else if (documentCountries.Contains(candidate.CountryCode) && candidate.Feature != FeatureType.Country)
                {
                    score += DocumentContextBonus;
                    signals?.Add("country-named");
                }
                else if (resolvedCountries.Contains(candidate.CountryCode))
                {
                    score += ResolvedContextBonus;
                    signals?.Add("country-resolved");
                }

                if (mention.Qualifier is { } qualifier && candidate.Feature != FeatureType.Country
                    && qualifier.CountryCode == candidate.CountryCode
                    && (qualifier.Feature == FeatureType.Country || qualifier.Adm1Code == candidate.Adm1Code))
                {
                    score += CommaPatternBonus;
                    signals?.Add("comma-pattern");
                }

                if (mention.DivisionWordAfter && candidate.Feature == FeatureType.Adm1)
                {
                    score += DivisionWordBonus;
                    signals?.Add("division-word");
                }

                if (candidate.Feature != FeatureType.Country && sentenceCountries.Contains(candidate.CountryCode))
                {
                    score += SameSentenceCountryBonus;
                    signals?.Add("sentence-country");
                }

                // Not for a name that is also a country or region, or a division of the candidate's own country
                // ("California", Pennsylvania's town beside the state): those keep their own prior.
                if (documentDivisions is not null && candidate.Adm1Code is { } adm1 && candidate.Feature != FeatureType.Adm1
                    && !mention.NamesRegion && !mention.Candidates.Any(c => c.Feature == FeatureType.Adm1 && c.CountryCode == candidate.CountryCode)
                    && documentDivisions.TryGetValue(candidate.CountryCode + "." + adm1, out var namedBy)
                    && namedBy.Any(k => !string.Equals(k, mention.Key, StringComparison.Ordinal)))
                {
                    score += DocumentDivisionBonus;
                    signals?.Add("document-division");
                }

                // A division of the document's dominant country ("Georgia" in a story about Atlanta and Kansas),
                // unless this name alone made the country dominant, or the name is also that country or one of its
                // capitals or division seats ("Mexico", "Buenos Aires", "Washington"): those keep their own prior.
                if (document?.DominantCountry is { } dominant && candidate.Feature is FeatureType.Adm1 or FeatureType.Adm2
                    && string.Equals(candidate.CountryCode, dominant, StringComparison.Ordinal)
                    && !mention.Candidates.Any(c => string.Equals(c.CountryCode, dominant, StringComparison.Ordinal)
                        && (c.Feature == FeatureType.Country || c.FeatureCode is "PPLC" or "PPLA"))
                    && document.DominantKeys!.Any(k => !string.Equals(k, mention.Key, StringComparison.Ordinal)))
                {
                    score += DominantCountryBonus;
                    signals?.Add("dominant-country");
                }

                if (ReferenceEquals(candidate, previous))
                {
                    score += EarlierChoiceBonus;
                    signals?.Add("earlier-choice");
                }

                if (candidate.Feature == FeatureType.City && resolvedDivisions.Contains(candidate.CountryCode + "." + candidate.Adm1Code))
                {
                    score += SameDivisionBonus;
                    signals?.Add("same-division");
                }

                return score;
            }

            var scores = new double[mention.Candidates.Count];
            for (var i = 0; i < scores.Length; i++)
            {
                scores[i] = Score(mention.Candidates[i], null);
            }

            var bestIndex = 0;
            for (var i = 1; i < scores.Length; i++)
            {
                if (scores[i] > scores[bestIndex])
                {
                    bestIndex = i;
                }
            }

            var best = mention.Candidates[bestIndex];
            var confidence = 1.0 / scores.Sum(s => Math.Exp(s - scores[bestIndex]));
            var reasons = new List<string>(4) { mention.Candidates.Count == 1 ? "only-candidate" : "prior" };
            Score(best, reasons);
            if (mention.Cue)
            {
                reasons.Add("cue");
            }

            earlier[mention.Key] = best;
            if (best.Feature != FeatureType.Region)
            {
                resolvedCountries.Add(best.CountryCode);
            }

            if (best.Feature == FeatureType.Adm1)
            {
                resolvedDivisions.Add(best.CountryCode + "." + best.Adm1Code);
            }

            var start = reading.Tokens[mention.First].Start;
            var end = mention.End ?? reading.Tokens[mention.Last].End;
            result.Add(new Toponym(start, end, reading.Text[start..end], best, mention.Cue, Math.Round(confidence, 4), mention.Kind)
            {
                Signals = string.Join('+', reasons),
            });
        }

        return result;
    }

    /// <summary>Countries named (as countries) by other mentions of the same sentence: "In Lebanon, ... Tripoli".</summary>
    private static HashSet<string> SentenceCountries(TextReading reading, List<Mention> mentions, Mention mention)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var other in mentions)
        {
            if (other != mention && reading.SentenceOf(other.First) == reading.SentenceOf(mention.First)
                && other.Candidates.Count(c => c.Feature == FeatureType.Country) == 1)
            {
                result.Add(other.Candidates.First(c => c.Feature == FeatureType.Country).CountryCode);
            }
        }

        return result;
    }
}
