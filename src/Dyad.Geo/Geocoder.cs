using Dyad.Places;
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
/// <remarks>
/// Composes the pieces: <see cref="TextReading"/> reads the tokens, <see cref="ToponymRecognizer"/> finds the mentions
/// with the word lists of <see cref="GeoLexicon"/>, <see cref="ToponymResolver"/> places them. Holds only read-only
/// state (the gazetteer, the lexicon), so one instance may serve many threads.
/// </remarks>
public sealed class Geocoder
{
    /// <summary>Cities smaller than this are taken only with a cue ("in Sinjar", "Paris, Texas"), not from capitals alone.</summary>
    public const long MinimumPopulationWithoutCue = 15_000;

    /// <summary>In text without case (all lower or all upper), cities below this size are not taken: too many are words.</summary>
    public const long CasePoorMinimumPopulation = 200_000;

    private readonly Gazetteer _gazetteer;
    private readonly GeoLexicon _lexicon = GeoLexicon.Default;
    private readonly ToponymResolver _resolver;

    /// <summary>Creates a geocoder over <paramref name="gazetteer"/>.</summary>
    public Geocoder(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        _gazetteer = gazetteer;
        _resolver = new ToponymResolver(gazetteer);
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
    /// <exception cref="StageOrderException">The document has no tokens yet.</exception>
    public IReadOnlyList<Toponym> Geocode(Document document, IEnumerable<string>? countryContext = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Tokens.IsDefault)
        {
            throw new StageOrderException(ToponymStage.StageName, "tokenizer");
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
        var reading = new TextReading(text, tokens, sentenceStarts, _lexicon);
        var mentions = new ToponymRecognizer(_gazetteer, _lexicon, reading).Recognize();
        return _resolver.Resolve(reading, mentions, countryContext);
    }
}
