using System.Collections.Immutable;
using System.Globalization;
using Dyad.Coding.Coding;
using Dyad.Coding.Learned;
using Dyad.Events;
using Dyad.Geo;
using Dyad.Ingest;
using Dyad.Nlp;
using Dyad.Nlp.Text;

namespace Dyad.Analysis;

/// <summary>
/// The article pipeline after reading: parse, code events, date them from the text against the publication date, find
/// and resolve the places named, and give each event its location. Thread-safe when its parts are (they are: the
/// pipeline, coder and geocoder hold no per-call state), so one analyzer can serve several threads.
/// </summary>
public sealed class ArticleAnalyzer
{
    private readonly Pipeline _pipeline;
    private readonly EventCoder _coder;
    private readonly Geocoder? _geocoder;

    /// <summary>Creates an analyzer over loaded parts.</summary>
    /// <param name="pipeline">The language pipeline.</param>
    /// <param name="coder">The event coder.</param>
    /// <param name="geocoder">The geocoder, or null to place nothing.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/> or <paramref name="coder"/> is null.</exception>
    public ArticleAnalyzer(Pipeline pipeline, EventCoder coder, Geocoder? geocoder)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(coder);
        _pipeline = pipeline;
        _coder = coder;
        _geocoder = geocoder;
    }

    /// <summary>The longest piece of text parsed at once; longer articles are cut at paragraph or line breaks.</summary>
    public int ChunkLength { get; init; } = TextChunks.DefaultMaxLength;

    /// <summary>The learned layer over the rules (it vetoes, re-types and adds events), or null for the rules alone.</summary>
    public EventModel? Model { get; init; }

    /// <summary>The same analyzer with another learned layer (null for the rules alone).</summary>
    /// <param name="model">The event model.</param>
    public ArticleAnalyzer WithModel(EventModel? model) => new(_pipeline, _coder, _geocoder) { ChunkLength = ChunkLength, Model = model };

    /// <summary>
    /// The parsed pieces of <paramref name="article"/>'s text (its dateline blanked, as <see cref="Analyze"/> parses it)
    /// with the events the rules alone coded in each and the piece's offset in the text: what the learned layer learns from.
    /// </summary>
    /// <param name="article">An article.</param>
    /// <param name="cancellationToken">Cancels between pieces.</param>
    /// <exception cref="ArgumentNullException"><paramref name="article"/> is null.</exception>
    public IEnumerable<(Document Document, CodingResult Rules, int Offset)> CodeRules(Article article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = BlankDateline(article);
        foreach (var chunk in TextChunks.Split(text, ChunkLength))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var document = _pipeline.Process(new Document(article.Id, text[chunk.Start..chunk.End]), cancellationToken);
            yield return (document, _coder.Code(document, article.Published?.Date), chunk.Start);
        }
    }

    private static string BlankDateline(Article article)
    {
        var text = article.Text;
        return article.Dateline is { } dateline && dateline.Range.End <= text.Length && dateline.Range.Start >= 0
            ? string.Concat(text.AsSpan(0, dateline.Range.Start), new string(' ', dateline.Range.End - dateline.Range.Start), text.AsSpan(dateline.Range.End))
            : text;
    }

    /// <summary>Analyzes <paramref name="article"/>.</summary>
    /// <param name="article">An article from <see cref="ArticleReader"/>.</param>
    /// <param name="cancellationToken">Cancels between sentences.</param>
    /// <exception cref="ArgumentNullException"><paramref name="article"/> is null.</exception>
    public AnalyzedArticle Analyze(Article article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        var published = article.Published?.Date;
        var fields = new EventDocument(article.Id, article.Title, article.Source, article.Url, published, article.PublishedFrom);
        var events = new List<EventRecord>();
        var places = new List<Toponym>();
        var sentences = 0;

        // The dateline ("KABUL (Reuters) -") says where the report was filed, not who acted: it is blanked out (offsets
        // kept) before parsing, so it never becomes the first sentence's subject, and its place is listed on its own.
        var text = BlankDateline(article);
        Toponym? filedAt = null;
        if (article.Dateline is { } dateline && dateline.Range.End <= text.Length && dateline.Range.Start >= 0)
        {
            if (_geocoder is { } geocoder)
            {
                var found = StageFailedException.Run("places", () => geocoder.Geocode(article.Text[dateline.Range.Start..dateline.Range.End])
                    .Select(t => Shift(t, dateline.Range.Start)).ToList());
                places.AddRange(found);
                filedAt = found.FirstOrDefault(t => t.Place is not null && t.Kind == ToponymKind.Place);
            }
        }

        var storyDiscarded = false;
        foreach (var chunk in TextChunks.Split(text, ChunkLength))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var document = StageFailedException.Run("language", () => _pipeline.Process(new Document(article.Id, text[chunk.Start..chunk.End]), cancellationToken));
            var rules = StageFailedException.Run("coding", () => _coder.Code(document, published));
            if (rules.StoryDiscarded)
            {
                // A story discard (PETRARCH's conventions) drops the article's events, those of earlier pieces too.
                storyDiscarded = true;
                events.Clear();
            }

            var model = Model;
            ImmutableArray<CodedEvent> coded = storyDiscarded ? [] : model is null ? rules.Events : StageFailedException.Run("learned", () => model.Apply(document, rules, _coder, published)).Events;
            var context = coded.SelectMany(e => new[] { e.SourceCode, e.TargetCode }).Where(c => c.Length >= 3 && c[0] != '-').ToList();
            IReadOnlyList<Toponym> toponyms = _geocoder is { } chunkGeocoder ? StageFailedException.Run("places", () => chunkGeocoder.Geocode(document, context)) : [];
            // Demonyms ("Russian") and modifiers ("Mansfield Mayor") are listed with the places but never locate an event.
            var locating = toponyms.Where(t => t.Kind == ToponymKind.Place).ToList();
            foreach (var e in coded)
            {
                var offset = chunk.Start;
                var before = sentences;
                events.Add(StageFailedException.Run("date-and-place", () => Build(document, e, published, locating, offset, before, fields, filedAt)));
            }

            places.AddRange(toponyms.Select(t => Shift(t, chunk.Start)));
            sentences += document.Sentences.Length;
        }

        return new AnalyzedArticle(article, events, places, sentences);
    }

    private static EventRecord Build(Document document, CodedEvent coded, DateOnly? published, IReadOnlyList<Toponym> toponyms, int offset, int sentenceBase, EventDocument fields, Toponym? filedAt)
    {
        var record = EventRecords.From(document, coded, published);
        var evidence = record.Evidence;
        var sentence = new TextRange(evidence.Start, evidence.End);

        DateOnly? date = null;
        string? precision = null, dateEvidence = null;
        if (published is { } day)
        {
            var when = EventDateResolver.Resolve(evidence.Text, day, evidence.Start, evidence.Verb.Start);
            date = when.Date;
            precision = when.FromText ? when.Precision.ToString().ToLowerInvariant() : "published";
            dateEvidence = when.FromText ? when.Evidence : null;
        }

        var sentenceIndex = evidence.Sentence - 1;
        // Neighbouring sentences lend a place only within the paragraph: across a blank line the story has moved on.
        TextRange? previous = sentenceIndex > 0 ? SentenceRange(document, sentenceIndex - 1) : null;
        TextRange? next = sentenceIndex + 1 < document.Sentences.Length ? SentenceRange(document, sentenceIndex + 1) : null;
        if (previous is { } p && ParagraphBreak(document.Text, p.End, sentence.Start))
        {
            previous = null;
        }

        if (next is { } n && ParagraphBreak(document.Text, sentence.End, n.Start))
        {
            next = null;
        }
        // The source's words are who acted, not where, and so is a target that names a country ("signed an agreement
        // with Israel"); a target that names a city or region ("captured Mosul", "arrived in Moscow") is where it happened.
        var actors = new List<TextRange>();
        if (evidence.Source is { } source)
        {
            actors.Add(new TextRange(source.Start, source.End));
        }

        if (evidence.Target is { } target && toponyms.Any(t => t.Start < target.End && target.Start < t.End && t.Feature == "country"))
        {
            actors.Add(new TextRange(target.Start, target.End));
        }
        // Where it happened, in order: a place the sentence names that is not an actor; for the lead sentence of a
        // datelined report, where it was filed; a country the target names ("bombed Syria"); a place in the sentences
        // around it.
        var syntax = VerbToken(document, sentenceIndex, evidence.Verb.Start) is { } verb ? new EventSyntax(document, sentenceIndex, verb) : null;
        var where = ActionLocation.Choose(toponyms, sentence, syntax, actors);
        var location = where?.Place is null ? null : Place(Shift(where, offset));
        if (location is null && filedAt is not null && sentenceBase == 0 && evidence.Sentence == 1)
        {
            location = Place(filedAt);
        }

        // The source's words name who acted, but a place marked as one inside them ("demonstrators in Nepal protested",
        // "police in Karachi arrested") says where they were when they did.
        if (location is null && evidence.Source is { } actor
            && ActionLocation.Choose([.. toponyms.Where(t => t.HasLocationCue && t.Start >= actor.Start && t.End <= actor.End)], sentence, syntax) is { } actorPlace)
        {
            location = Place(Shift(actorPlace, offset));
        }

        if (location is null && evidence.Target is { } aimed
            && toponyms.FirstOrDefault(t => t.Place is not null && t.Start < aimed.End && aimed.Start < t.End) is { } targetPlace)
        {
            location = Place(Shift(targetPlace, offset));
        }

        if (location is null && ActionLocation.Choose(toponyms, sentence, syntax, actors, previous, next) is { Place: not null } near)
        {
            location = Place(Shift(near, offset));
        }

        return record with
        {
            Date = date,
            DatePrecision = precision,
            DateEvidence = dateEvidence,
            Location = location,
            Evidence = evidence.Shift(offset, sentenceBase),
            Document = fields,
        };
    }

    /// <summary>The event-place fields of a resolved toponym, with the words it was read from.</summary>
    private static EventPlace Place(Toponym toponym) =>
        new(toponym.Name, toponym.Country, toponym.Adm1, toponym.Latitude, toponym.Longitude, toponym.GeoNamesId, toponym.Feature, toponym.Text, toponym.Start, toponym.End);

    /// <summary>A toponym found in a piece of the text, with its offsets moved to the whole text's.</summary>
    private static Toponym Shift(Toponym toponym, int by) => toponym with { Start = toponym.Start + by, End = toponym.End + by };

    private static bool ParagraphBreak(string text, int from, int to) =>
        from >= 0 && to <= text.Length && from < to && text.AsSpan(from, to - from).Contains("\n\n", StringComparison.Ordinal);

    /// <summary>The document-wide index of the token of sentence <paramref name="sentenceIndex"/> that holds character <paramref name="start"/>, or null.</summary>
    private static int? VerbToken(Document document, int sentenceIndex, int start)
    {
        if (sentenceIndex < 0 || sentenceIndex >= document.Sentences.Length)
        {
            return null;
        }

        var s = document.Sentences[sentenceIndex];
        for (var i = s.TokenStart; i < s.TokenEnd; i++)
        {
            if (document.Tokens[i].Start <= start && start < document.Tokens[i].End)
            {
                return i;
            }
        }

        return null;
    }

    private static TextRange SentenceRange(Document document, int index)
    {
        var s = document.Sentences[index];
        return new TextRange(document.Tokens[s.TokenStart].Start, document.Tokens[s.TokenEnd - 1].End);
    }
}
