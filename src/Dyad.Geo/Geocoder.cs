using System.Collections.Frozen;

namespace Dyad.Geo;

/// <summary>
/// Finds place names in text and resolves each to a gazetteer entry, in process and without a server.
/// Recognition: capitalised word sequences that match a gazetteer name (longest match first: "New York", "Deir
/// ez-Zor", "Abu Dhabi"), with locative words ("in", "at", "near"...), datelines and "Town, Country" as cues; demonyms
/// ("Iraqi"), adjectives, months, titles and names inside longer proper names ("Michael Jordan", "Washington Post")
/// are kept apart. Resolution: among the candidates of a name, the highest score from its population (log10), its
/// kind (a country name is a country; a capital before a division of the same name), the caller's country context
/// (actors' countries), the countries the document names, the "Town, Country" pattern, and the choice made for the
/// same name earlier in the document.
/// </summary>
/// <remarks>Holds only the read-only gazetteer, so one instance may serve many threads.</remarks>
public sealed class Geocoder
{
    /// <summary>Cities smaller than this are taken only with a cue ("in Sinjar", "Paris, Texas"), not from capitals alone.</summary>
    public const long MinimumPopulationWithoutCue = 15_000;

    /// <summary>Most tokens a name may span ("Deir", "ez", "-", "Zor" is four).</summary>
    private const int MaxSpanTokens = 8;

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

    /// <summary>In text without case (all lower or all upper), cities below this size are not taken: too many are words.</summary>
    public const long CasePoorMinimumPopulation = 200_000;

    /// <summary>Below this share of capitalised words, a text is read as having lost its case.</summary>
    private const double CasePoorCapitalShare = 0.03;

    /// <summary>Above this share of all-capital words, a text is read as having lost its case.</summary>
    private const double CasePoorAllCapsShare = 0.6;

    private static readonly FrozenSet<string> CueWords = Set(
        "in", "at", "near", "from", "to", "into", "outside", "inside", "across", "around", "throughout", "toward",
        "towards", "via", "through", "within", "beyond", "nearby", "off", "reached", "entered", "visited", "visit", "visiting",
        "captured", "recaptured", "retook", "seized", "liberated", "besieged", "shelled", "bombed", "struck", "stormed", "fled");

    private static readonly FrozenSet<string> PlaceNouns = Set(
        "city", "town", "village", "province", "region", "capital", "outskirts", "district", "state", "governorate",
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "suburbs", "center", "centre",
        "heart", "port", "area", "countryside", "streets", "people", "residents", "citizens", "border");

    private static readonly FrozenSet<string> DivisionWords = Set(
        "province", "governorate", "state", "region", "oblast", "district", "county", "prefecture", "department");

    private static readonly FrozenSet<string> ModifierWords = Set(
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeastern",
        "northwestern", "southeastern", "southwestern", "upper", "lower", "greater", "downtown", "occupied", "rebel-held");

    private static readonly FrozenSet<string> FunctionWords = Set(
        "the", "in", "at", "on", "of", "for", "from", "to", "and", "but", "or", "by", "with", "near", "as", "after",
        "before", "since", "while", "when", "if", "a", "an", "this", "that", "across", "around", "inside", "outside",
        "into", "toward", "towards", "via", "both", "all", "some", "many", "like", "than", "between", "against", "over",
        "under", "during", "about", "only", "also", "then", "meanwhile", "however", "yet", "so", "said", "says", "says:");

    private static readonly FrozenSet<string> Titles = Set(
        "mr", "mrs", "ms", "miss", "dr", "gen", "general", "col", "colonel", "lt", "capt", "captain", "maj", "major",
        "sgt", "adm", "admiral", "sen", "senator", "rep", "gov", "governor", "president", "minister", "premier",
        "king", "queen", "prince", "princess", "pope", "sheikh", "sheik", "emir", "sultan", "ayatollah", "imam", "rev",
        "father", "judge", "justice", "chancellor", "secretary", "ambassador", "envoy", "mayor", "commander", "marshal",
        "prof", "professor", "lord", "lady", "sir", "saint", "coach", "spokesman", "spokeswoman", "mp");

    private static readonly FrozenSet<string> OrganizationWords = Set(
        "post", "times", "journal", "herald", "tribune", "news", "press", "agency", "university", "college", "school",
        "institute", "club", "united", "fc", "bank", "group", "company", "corp", "corporation", "inc", "ltd", "airlines",
        "airways", "agreement", "accord", "accords", "declaration", "protocol", "convention", "treaty", "summit",
        "conference", "council", "committee", "party", "front", "movement", "brigade", "brigades", "army", "police",
        "government", "ministry", "stock", "exchange", "observer", "mail", "telegraph", "guardian", "daily", "today",
        "declaration", "initiative", "format", "talks", "process", "peace", "dam", "airport", "international");

    private static readonly FrozenSet<string> CalendarWords = Set(
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    /// <summary>Words that are places somewhere but far more often something else in news text.</summary>
    private static readonly FrozenSet<string> CommonWords = Set(
        "god", "allah", "christ", "jesus", "mary", "islam", "muslim", "christian", "jewish", "arab", "kurd", "kurds",
        "kurdish", "sunni", "shiite", "shia", "government", "president", "republic", "union", "state", "states", "city",
        "capital", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "police",
        "army", "reuters", "congress", "parliament", "senate", "house", "court", "media", "internet", "world", "earth",
        "i", "we", "you", "he", "she", "it", "they", "a", "an", "the", "of", "and", "or",
        "no", "yes", "mr", "new", "old", "victory", "liberty", "independence", "union", "unity", "progress", "hope",
        "paradise", "enterprise", "opportunity", "university", "friendship", "peace", "justice", "freedom", "concord", "providence",
        "best", "bath", "deal", "split", "sale", "mobile", "reading", "orange", "normal", "commerce", "industry");

    /// <summary>Words after a place name that make it a modifier of an institution or office ("California Department of
    /// Health", "Mansfield Mayor", "U.S. Army"), so the place is reported as a <see cref="ToponymKind.Modifier"/>.</summary>
    private static readonly FrozenSet<string> InstitutionWords = Set(
        "department", "ministry", "government", "army", "navy", "air", "force", "forces", "military", "police", "centers",
        "center", "centre", "centres", "institute", "institutes", "university", "agency", "council", "house", "senate",
        "congress", "parliament", "assembly", "legislature", "court", "supreme", "state", "national", "federal", "health",
        "public", "mayor", "governor", "president", "premier", "minister", "officials", "official", "secretary", "attorney",
        "sheriff", "county", "city", "school", "schools", "hospital", "college", "board", "commission", "committee",
        "embassy", "consulate", "foreign", "defense", "defence", "interior", "coast", "guard", "office", "bureau", "service",
        "services", "authority", "authorities", "association", "society", "federation", "union", "league", "party",
        "museum", "airport", "fire", "emergency", "environmental", "food", "medical", "chief", "general", "department's",
        "red", "geological", "highway", "patrol", "representative", "representatives", "delegation", "ambassador", "consul",
        "envoy", "prime", "navy's", "government's", "wildlife", "agricultural", "agriculture", "veterinary", "disease",
        "energy", "electoral", "central", "democratic", "republican", "labor", "labour", "conservative", "liberal");

    /// <summary>Words after a place name that make the two a publication's name ("Washington Post"), not a place.</summary>
    private static readonly FrozenSet<string> MediaWords = Set(
        "post", "times", "journal", "herald", "tribune", "news", "press", "mail", "telegraph", "guardian", "daily", "today",
        "observer", "gazette", "chronicle", "star", "sun", "globe", "examiner", "courier", "record", "register", "inquirer",
        "review", "standard", "independent");

    /// <summary>Country and division names that are also first names ("Jordan Peterson", "Chad Smith"): as modifiers they
    /// need an institution word after them.</summary>
    private static readonly FrozenSet<string> FirstNameLikePlaces = Set(
        "jordan", "chad", "georgia", "india", "israel", "virginia", "carolina", "victoria", "kenya", "florida", "montana",
        "dakota", "nevada", "savannah", "brittany", "lorraine", "normandy", "alberta", "guinea", "niger", "tyrone", "jersey");

    /// <summary>Words that name a place but, in text without case, are more often ordinary words.</summary>
    private static readonly FrozenSet<string> CasePoorWords = Set(
        "nice", "reading", "mobile", "bath", "split", "orange", "deal", "sale", "best", "male", "jersey", "man", "phoenix",
        "buffalo", "aurora", "victoria", "florence", "derby", "hull", "cork", "page", "chester", "march", "may", "mercedes",
        "independence", "concord", "providence", "bristol", "lincoln", "jackson", "austin", "columbus", "charlotte", "troy",
        "eugene", "marion", "mesa", "bay", "bar", "university", "guinea", "niger", "chad", "jordan", "georgia", "turkey",
        "federal", "free", "michael", "nelson", "pool", "capital", "central", "union", "national", "western", "eastern");

    /// <summary>Words that are places but, at the start of a sentence, are usually ordinary words.</summary>
    private static readonly FrozenSet<string> SentenceInitialWords = Set(
        "nice", "florence", "victoria", "eugene", "troy", "marion", "lincoln", "austin", "charlotte", "aurora", "mobile");

    private readonly Gazetteer _gazetteer;

    /// <summary>Creates a geocoder over <paramref name="gazetteer"/>.</summary>
    public Geocoder(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        _gazetteer = gazetteer;
    }

    /// <summary>The gazetteer the geocoder reads.</summary>
    public Gazetteer Gazetteer => _gazetteer;

    /// <summary>Finds and resolves the toponyms of <paramref name="text"/>, tokenized by <see cref="SimpleTokenizer"/>.</summary>
    /// <param name="text">The document's text.</param>
    /// <param name="countryContext">Countries the caller knows the document is about (actors' countries): ISO alpha-2,
    /// alpha-3 or CAMEO actor codes ("IRQGOV"); unknown codes are ignored.</param>
    public IReadOnlyList<Toponym> Geocode(string text, IEnumerable<string>? countryContext = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Geocode(text, SimpleTokenizer.Tokenize(text), countryContext);
    }

    /// <summary>Finds and resolves the toponyms of a document that Dyad's pipeline has tokenized (and perhaps tagged).</summary>
    /// <param name="document">The document; its tokens must be set, its tags and sentences are used when set.</param>
    /// <param name="countryContext">As in <see cref="Geocode(string, IEnumerable{string}?)"/>.</param>
    /// <exception cref="InvalidOperationException">The document has no tokens yet.</exception>
    public IReadOnlyList<Toponym> Geocode(Document document, IEnumerable<string>? countryContext = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Tokens.IsDefault)
        {
            throw new InvalidOperationException("The geocoder needs tokens: run the tokenizer first.");
        }

        var tagged = !document.Tags.IsDefault;
        var tokens = new GeoToken[document.Tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = new GeoToken(document.Tokens[i].Start, document.Tokens[i].End, tagged ? document.Tags[i].Upos : null);
        }

        int[]? starts = document.Sentences.IsDefault ? null : [.. document.Sentences.Select(s => s.TokenStart)];
        return Geocode(document.Text, tokens, countryContext, starts);
    }

    /// <summary>Finds and resolves the toponyms of <paramref name="text"/> given its tokens.</summary>
    /// <param name="text">The document's text.</param>
    /// <param name="tokens">Tokens in text order, as character ranges of <paramref name="text"/>, with optional UPOS.</param>
    /// <param name="countryContext">As in <see cref="Geocode(string, IEnumerable{string}?)"/>.</param>
    /// <param name="sentenceStarts">Indexes of the tokens that start a sentence; when <c>null</c>, a sentence starts at
    /// the first token, after '.', '!' or '?', and after a line break.</param>
    /// <returns>The toponyms in text order; they never overlap.</returns>
    public IReadOnlyList<Toponym> Geocode(string text, IReadOnlyList<GeoToken> tokens, IEnumerable<string>? countryContext = null, IReadOnlyList<int>? sentenceStarts = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var reading = new Reading(this, text, tokens, sentenceStarts);
        var mentions = reading.Recognize();
        return Resolve(reading, mentions, countryContext);
    }

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Resolves every mention twice: the first pass as the text reads, the second with what the first found about the
    /// whole document (the divisions it names or places its towns in), so that a local paper's "Alexandria" beside
    /// "Rapides Parish" is the Louisiana one even when it comes first.
    /// </summary>
    private List<Toponym> Resolve(Reading reading, List<Mention> mentions, IEnumerable<string>? countryContext)
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

    /// <summary>What the first pass learnt about the whole document.</summary>
    /// <param name="Divisions">First-level divisions ("US.LA") and the names that put something in them.</param>
    /// <param name="DominantCountry">The country most of the document's names are in, or null.</param>
    /// <param name="DominantKeys">The names that made it dominant.</param>
    private sealed record DocumentContext(Dictionary<string, HashSet<string>> Divisions, string? DominantCountry, HashSet<string>? DominantKeys);

    private List<Toponym> ResolvePass(Reading reading, List<Mention> mentions, IEnumerable<string>? countryContext, DocumentContext? document)
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
    private static HashSet<string> SentenceCountries(Reading reading, List<Mention> mentions, Mention mention)
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

    /// <summary>A recognized name with its candidates.</summary>
    private sealed record Mention(int First, int Last, string Key, IReadOnlyList<Place> Candidates, bool Cue, bool DivisionWordAfter, Place? Qualifier, ToponymKind Kind = ToponymKind.Place)
    {
        /// <summary>Where the name ends when it stops inside its last token ("Sydney" of "Sydney-based"); null at the token's end.</summary>
        public int? End { get; init; }

        /// <summary>Whether one of the candidates is a country or region.</summary>
        public bool NamesRegion { get; } = Candidates.Any(c => c.Feature is FeatureType.Country or FeatureType.Region);
    }

    /// <summary>The state of reading one text: its tokens, sentence starts and the names seen so far.</summary>
    private sealed class Reading
    {
        private readonly Geocoder _owner;
        private readonly bool[] _sentenceStart;
        private readonly string[] _lower;
        private readonly HashSet<string> _personTails = new(StringComparer.Ordinal);
        private readonly int[] _sentenceIndex;
        private readonly bool _casePoor;

        public Reading(Geocoder owner, string text, IReadOnlyList<GeoToken> tokens, IReadOnlyList<int>? sentenceStarts)
        {
            _owner = owner;
            Text = text;
            Tokens = tokens;
            _lower = new string[tokens.Count];
            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Start < 0 || tokens[i].End > text.Length || tokens[i].End < tokens[i].Start)
                {
                    throw new ArgumentOutOfRangeException(nameof(tokens), $"Token {i} [{tokens[i].Start},{tokens[i].End}) lies outside the text.");
                }

                _lower[i] = text[tokens[i].Start..tokens[i].End].ToLowerInvariant().TrimEnd('.');
            }

            _sentenceStart = new bool[tokens.Count];
            if (sentenceStarts is not null)
            {
                foreach (var start in sentenceStarts)
                {
                    if (start >= 0 && start < tokens.Count)
                    {
                        _sentenceStart[start] = true;
                    }
                }
            }
            else
            {
                for (var i = 0; i < tokens.Count; i++)
                {
                    _sentenceStart[i] = i == 0 || Form(i - 1) is "." or "!" or "?" && !Titles.Contains(_lower[Math.Max(0, i - 2)])
                        || text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End).Contains('\n');
                }
            }

            if (tokens.Count > 0)
            {
                _sentenceStart[0] = true;
            }

            _casePoor = IsCasePoor(text, tokens);
            _sentenceIndex = new int[tokens.Count];
            var sentence = -1;
            for (var i = 0; i < tokens.Count; i++)
            {
                sentence += _sentenceStart[i] ? 1 : 0;
                _sentenceIndex[i] = sentence;
            }
        }

        public string Text { get; }

        public IReadOnlyList<GeoToken> Tokens { get; }

        private Gazetteer Gazetteer => _owner._gazetteer;

        public int SentenceOf(int token) => _sentenceIndex[token];

        /// <summary>
        /// True when the text has lost its case: almost no word starts with a capital (lower-cased text) or most words
        /// are all capitals (a wire in capitals). Names are then looked up in every word, and only countries, divisions,
        /// regions, capitals and big cities are taken.
        /// </summary>
        private static bool IsCasePoor(string text, IReadOnlyList<GeoToken> tokens)
        {
            int words = 0, capitalised = 0, allCaps = 0;
            foreach (var token in tokens)
            {
                if (token.End - token.Start < 2 || !char.IsLetter(text[token.Start]))
                {
                    continue;
                }

                words++;
                if (char.IsUpper(text[token.Start]))
                {
                    capitalised++;
                    if (!text.AsSpan(token.Start, token.End - token.Start).ContainsAnyInRange('a', 'z'))
                    {
                        allCaps++;
                    }
                }
            }

            return words >= 20 && ((double)capitalised / words < CasePoorCapitalShare || (double)allCaps / words > CasePoorAllCapsShare);
        }

        public List<Mention> Recognize()
        {
            if (!_casePoor)
            {
                CollectPersonTails();
            }

            var mentions = new List<Mention>();
            var i = 0;
            while (i < Tokens.Count)
            {
                if ((!IsCapitalised(i) && !IsAllCaps(i)) || (_casePoor && FunctionWords.Contains(_lower[i])))
                {
                    i++;
                    continue;
                }

                var match = LongestMatch(i);
                if ((match is null || (match.Value.Last == i && !match.Value.Candidates.Any(c => c.Feature == FeatureType.Country)))
                    && Demonym(i) is { } demonym)
                {
                    mentions.Add(demonym);
                    i++;
                    continue;
                }

                if (match is not { } found)
                {
                    if (HyphenCompound(i) is { } compound)
                    {
                        mentions.Add(compound);
                    }

                    i++;
                    continue;
                }

                if (Accept(found.Last, i, found.Key, found.Candidates, mentions) is { } mention)
                {
                    mentions.Add(mention);
                    i = found.Last + 1;
                }
                else
                {
                    // Without case a rejected span says little about the words inside it ("in the united states").
                    i = _casePoor ? i + 1 : found.Last + 1;
                }
            }

            return mentions;
        }

        /// <summary>
        /// A place name joined by a hyphen to a lower-case word in one token ("Pakistan-administered", "Sydney-based",
        /// "Australia-wide"): the name alone, as a modifier, when it is a country, division, region or a town of some size.
        /// </summary>
        private Mention? HyphenCompound(int index)
        {
            var token = Tokens[index];
            var dash = Text.IndexOf('-', token.Start, token.End - token.Start);
            if (dash <= token.Start + 2 || dash + 2 >= token.End || !char.IsLower(Text[dash + 1]) || !char.IsUpper(Text[token.Start]))
            {
                return null;
            }

            var key = NameFolding.Fold(Text.AsSpan(token.Start, dash - token.Start));
            if (CommonWords.Contains(key) || Gazetteer.DemonymCountry(key) is not null)
            {
                return null;
            }

            var candidates = Gazetteer.FindFolded(key)
                .Where(c => c.Feature != FeatureType.City || c.Population >= MinimumPopulationWithoutCue || c.FeatureCode is "PPLC" or "PPLA")
                .ToList();
            return candidates.Count == 0 ? null : new Mention(index, index, key, candidates, false, false, null, ToponymKind.Modifier) { End = dash };
        }

        /// <summary>A word for a country's people or things ("Russian", "Iraqis"), reported as a demonym of that country.</summary>
        private Mention? Demonym(int index)
        {
            if (Gazetteer.DemonymCountry(Form(index)) is not { } code || Gazetteer.Country(code) is not { } country)
            {
                return null;
            }

            return new Mention(index, index, NameFolding.Fold(Form(index)), [country], false, false, null, ToponymKind.Demonym);
        }

        private (int Last, string Key, IReadOnlyList<Place> Candidates)? LongestMatch(int first)
        {
            var limit = Math.Min(Tokens.Count - 1, first + Math.Min(MaxSpanTokens, Gazetteer.MaxNameWords * 2) - 1);
            var last = first;
            while (last < limit && !_sentenceStart[last + 1] && (IsInner(last + 1) || IsCapitalised(last + 1) || IsAllCaps(last + 1))
                && Tokens[last + 1].Start - Tokens[last].End <= 1)
            {
                last++;
            }

            for (; last >= first; last--)
            {
                if (!IsCapitalised(last) && !IsAllCaps(last))
                {
                    continue;
                }

                var key = NameFolding.Fold(Text.AsSpan(Tokens[first].Start, Tokens[last].End - Tokens[first].Start));
                if (key.Length == 0)
                {
                    continue;
                }

                var candidates = Gazetteer.FindFolded(key);
                if (candidates.Count > 0)
                {
                    return (last, key, candidates);
                }
            }

            return null;
        }

        private Mention? Accept(int last, int first, string key, IReadOnlyList<Place> candidates, List<Mention> mentions)
        {
            var spanText = Text[Tokens[first].Start..Tokens[last].End];
            var single = first == last;
            var previous = first > 0 && !_sentenceStart[first] ? _lower[first - 1] : null;
            var initial = _sentenceStart[first] || (first > 0 && _sentenceStart[first - 1] && Form(first - 1) is "\"" or "'" or "(" or "\u201C");
            var next = last + 1 < Tokens.Count ? Form(last + 1) : null;

            // Demonyms ("Iraqi", "Iraqis") name people, not places; "Philippines" is both a plural of "Philippine" and
            // the country's name, and the name wins.
            if (single && Gazetteer.DemonymCountry(spanText) is { } people && !candidates.Any(c => c.Feature == FeatureType.Country && c.CountryCode == people))
            {
                return null;
            }

            var allCaps = !spanText.Any(char.IsLower);
            var dateline = allCaps && IsLineStart(first) && next is "," or "(" or "-" or "--" or "\u2014" or "\u2013";
            if ((allCaps && !_casePoor) || key.Replace(" ", "", StringComparison.Ordinal).Length <= 3)
            {
                // Short names and all-capital words must be written as the gazetteer writes them ("US", "UAE", "Ufa"),
                // so that "Us" and headline capitals are not places; a dateline ("MOSUL, Iraq") is the exception.
                var written = candidates.Where(c => c.AllNames.Any(n => WrittenAs(n, spanText))).ToList();
                if (!dateline)
                {
                    if (written.Count == 0)
                    {
                        return null;
                    }

                    candidates = written;
                }
            }

            var cue = dateline || (previous is not null && CueWords.Contains(previous)) || PlaceNounOf(first)
                || FollowsCuedMention(first, mentions);
            var qualifier = Qualifier(last, candidates);
            cue |= qualifier is not null;

            var upos = single ? Tokens[first].Upos : null;
            if (upos is not null && upos is not ("PROPN" or "NOUN" or "X") && !cue)
            {
                return null;
            }

            if (upos == "NOUN" && initial && !candidates.Any(c => c.Feature == FeatureType.Country))
            {
                return null;
            }

            if (_casePoor)
            {
                if (single && (CommonWords.Contains(key) || CalendarWords.Contains(key) || FunctionWords.Contains(key) || CasePoorWords.Contains(key)
                    || Titles.Contains(key) || PlaceNouns.Contains(key) || ModifierWords.Contains(key)))
                {
                    return null;
                }

                // "US" in capitals is as often "us": without case a short undotted name needs "the" or "in" before it.
                if (key.Length <= 3 && !spanText.Contains('.', StringComparison.Ordinal) && previous is not ("the" or "in" or "from" or "across" or "throughout"))
                {
                    return null;
                }

                candidates = candidates.Where(c => c.Feature != FeatureType.City || c.FeatureCode == "PPLC" || c.Population >= CasePoorMinimumPopulation).ToList();
                if (candidates.Count == 0)
                {
                    return null;
                }
            }

            if (single && qualifier is null)
            {
                if (CalendarWords.Contains(key) || CommonWords.Contains(key) || (initial && SentenceInitialWords.Contains(key) && !cue))
                {
                    return null;
                }

                if (_personTails.Contains(key) && !cue)
                {
                    return null;
                }
            }

            // Inside a longer proper name: a title or another capitalised word before ("President Obama", "Michael
            // Jordan"), or a capitalised word after ("Washington Post", "Jordan Peterson").
            if (!_casePoor && first > 0 && !_sentenceStart[first] && IsPersonOrNameBefore(first - 1))
            {
                return null;
            }

            if (first > 0 && Titles.Contains(_lower[first - 1]))
            {
                return null;
            }

            var kind = ToponymKind.Place;
            if (!_casePoor && last + 1 < Tokens.Count && !_sentenceStart[last + 1] && !dateline && qualifier is null
                && Tokens[last + 1].Start - Tokens[last].End <= 1
                && (IsCapitalised(last + 1) || OrganizationWords.Contains(_lower[last + 1]) && IsCapitalised(last + 1))
                && !CalendarWords.Contains(_lower[last + 1]) && Gazetteer.DemonymCountry(Form(last + 1)) is null)
            {
                // A capitalised word after: a modifier of an institution ("U.S. Army", "Mansfield Mayor") or a longer
                // name that is no place ("Washington Post", "Jordan Peterson").
                if (!IsModifier(last, key, candidates))
                {
                    return null;
                }

                kind = ToponymKind.Modifier;
            }

            if (!cue)
            {
                candidates = candidates
                    .Where(c => c.Feature != FeatureType.City || c.Population >= MinimumPopulationWithoutCue || c.FeatureCode is "PPLC" or "PPLA")
                    .ToList();
                if (candidates.Count == 0)
                {
                    return null;
                }
            }

            var divisionWord = last + 1 < Tokens.Count && DivisionWords.Contains(_lower[last + 1]);
            return new Mention(first, last, key, candidates, cue && kind == ToponymKind.Place, divisionWord, qualifier, kind);
        }

        /// <summary>The country or division named right after a comma ("Paris, Texas"; "Tripoli, Lebanon") when it
        /// contains one of the candidates.</summary>
        private Place? Qualifier(int last, IReadOnlyList<Place> candidates)
        {
            if (last + 2 >= Tokens.Count || Form(last + 1) != "," || !IsCapitalised(last + 2) && !IsAllCaps(last + 2))
            {
                return null;
            }

            if (LongestMatch(last + 2) is not { } match)
            {
                return null;
            }

            foreach (var place in match.Candidates
                .Where(p => p.Feature is FeatureType.Country or FeatureType.Adm1)
                .OrderBy(p => p.Feature == FeatureType.Country ? 0 : 1)
                .ThenByDescending(p => p.Population))
            {
                if (candidates.Any(c => c.Feature != FeatureType.Country && c.CountryCode == place.CountryCode
                    && (place.Feature == FeatureType.Country || c.Adm1Code == place.Adm1Code)))
                {
                    return place;
                }
            }

            return null;
        }

        /// <summary>Whether a place name followed by a capitalised word qualifies it ("California Department", "U.S.
        /// Centers") rather than being part of a person's or a publication's name.</summary>
        private bool IsModifier(int last, string key, IReadOnlyList<Place> candidates)
        {
            var next = _lower[last + 1];
            if (MediaWords.Contains(next))
            {
                return false;
            }

            if (InstitutionWords.Contains(next))
            {
                return true;
            }

            // A country or region before any other capitalised word ("U.S. NAMRU-2 lab", "Taco Bell Canada"
            // is caught by the name before), unless it is also a first name.
            return !FirstNameLikePlaces.Contains(key)
                && candidates.Any(c => c.Feature is FeatureType.Country or FeatureType.Region)
                && !_personTails.Contains(NameFolding.Fold(Form(last + 1)));
        }

        private bool PlaceNounOf(int first) =>
            first >= 2 && _lower[first - 1] == "of" && PlaceNouns.Contains(_lower[first - 2]);

        private bool FollowsCuedMention(int first, List<Mention> mentions)
        {
            if (mentions.Count == 0 || first < 2 || _lower[first - 1] is not ("and" or "or" or ","))
            {
                return false;
            }

            var previous = mentions[^1];
            return previous.Cue && (previous.Last == first - 2 || (previous.Last == first - 3 && _lower[first - 2] == ","));
        }

        private bool IsPersonOrNameBefore(int index)
        {
            if (!IsCapitalised(index) || IsAllCaps(index))
            {
                return false;
            }

            // A tagged word that is no proper noun is not part of a name ("Current Hong Kong legislation").
            if (Tokens[index].Upos is { } upos && upos is not ("PROPN" or "X"))
            {
                return false;
            }

            var word = _lower[index];
            return !FunctionWords.Contains(word) && !ModifierWords.Contains(word) && !CueWords.Contains(word)
                && !CalendarWords.Contains(word) && Gazetteer.DemonymCountry(Form(index)) is null;
        }

        /// <summary>
        /// Collects the last words of two- and three-word capitalised names that are not places ("Barack Obama",
        /// "Michael Jordan"), so that the same word alone later in the document is read as that name.
        /// </summary>
        private void CollectPersonTails()
        {
            var i = 0;
            while (i < Tokens.Count)
            {
                var end = i;
                while (end < Tokens.Count && IsPlainCapitalised(end) && (end == i || !_sentenceStart[end]))
                {
                    end++;
                }

                var length = end - i;
                if (length is 2 or 3 && Gazetteer.FindFolded(NameFolding.Fold(Text.AsSpan(Tokens[i].Start, Tokens[end - 1].End - Tokens[i].Start))).Count == 0
                    && (Titles.Contains(_lower[Math.Max(0, i - 1)]) || Gazetteer.FindFolded(_lower[i]).Count == 0))
                {
                    _personTails.Add(NameFolding.Fold(Form(end - 1)));
                }

                i = Math.Max(end, i + 1);
            }
        }

        private bool IsPlainCapitalised(int index)
        {
            var word = _lower[index];
            return IsCapitalised(index) && !IsAllCaps(index) && !FunctionWords.Contains(word) && !ModifierWords.Contains(word)
                && !Titles.Contains(word) && !CalendarWords.Contains(word) && Gazetteer.DemonymCountry(Form(index)) is null;
        }

        private string Form(int index) => Text[Tokens[index].Start..Tokens[index].End];

        private bool IsCapitalised(int index)
        {
            var token = Tokens[index];
            if (token.End <= token.Start)
            {
                return false;
            }

            if (_casePoor)
            {
                return char.IsLetter(Text[token.Start]);
            }

            var first = Text[token.Start];
            if (char.IsUpper(first))
            {
                return true;
            }

            // Arabic article prefixes keep the name capitalised after them: "al-Qaim", "ez-Zor".
            var dash = Text.IndexOf('-', token.Start, token.End - token.Start);
            return dash > token.Start && dash - token.Start <= 3 && dash + 1 < token.End && char.IsUpper(Text[dash + 1]);
        }

        private bool IsAllCaps(int index)
        {
            if (_casePoor)
            {
                return false;
            }

            var span = Text.AsSpan(Tokens[index].Start, Tokens[index].End - Tokens[index].Start);
            var letters = 0;
            foreach (var c in span)
            {
                if (char.IsLower(c))
                {
                    return false;
                }

                if (char.IsLetter(c))
                {
                    letters++;
                }
            }

            return letters >= 2;
        }

        private bool IsInner(int index)
        {
            var word = _lower[index];
            return word is "of" or "de" or "del" or "della" or "di" or "da" or "do" or "dos" or "das" or "du" or "des" or "la"
                or "le" or "les" or "el" or "al" or "ad" or "ar" or "as" or "ash" or "az" or "ez" or "es" or "en" or "on"
                or "upon" or "am" or "im" or "an" or "der" or "den" or "sur" or "and" or "y" or "bin" or "ibn" or "-" or "the"
                or "'" or "\u2019";
        }

        private bool IsLineStart(int index)
        {
            for (var p = Tokens[index].Start - 1; p >= 0; p--)
            {
                if (Text[p] == '\n')
                {
                    return true;
                }

                if (!char.IsWhiteSpace(Text[p]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Whether the text writes a short name as the gazetteer does: the same letters and case ("US", "UAE", "Ufa", not
        /// "Us"); a dotted name ("U.S.", "W.Va.") also with its dots, though the last may have gone with the sentence.
        /// </summary>
        private static bool WrittenAs(string name, string text)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                return true;
            }

            if (name.Contains('.', StringComparison.Ordinal))
            {
                return name.Length == text.Length + 1 && name[^1] == '.' && name.StartsWith(text, StringComparison.Ordinal)
                    || string.Equals(name.Replace(" ", "", StringComparison.Ordinal), text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
            }

            return string.Equals(name, Undotted(text), StringComparison.Ordinal);
        }

        private static string Undotted(string text) => text.Replace(".", "", StringComparison.Ordinal);
    }
}
