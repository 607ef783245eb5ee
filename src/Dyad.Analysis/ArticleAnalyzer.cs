using System.Collections.Immutable;
using System.Diagnostics;
using Dyad.Coding.Coding;
using Dyad.Coding.Learned;
using Dyad.Events;
using Dyad.Geo;
using Dyad.Ingest;
using Dyad.Nlp;
using Dyad.Nlp.Text;
using Dyad.Places;

namespace Dyad.Analysis;

/// <summary>
/// The article pipeline after reading: cuts an article's text into pieces the parser takes at once and runs the
/// stages over each (<see cref="Stages"/>: tokenizer, tagger, lemmatizer, parser, coder, event dates, toponyms, event
/// location), then gathers the pieces' events and places with their offsets moved to the whole text's. Thread-safe when
/// its stages are (they are: none holds per-call state), so one analyzer can serve several threads.
/// </summary>
public sealed class ArticleAnalyzer
{
    private readonly Pipeline _pipeline;
    private readonly EventCoder _coder;
    private readonly Geocoder? _geocoder;
    private readonly EventModel? _model;
    private readonly OutletCountries? _outlets;
    private ImmutableArray<IStage> _stages;

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
        _outlets = geocoder is null ? null : new OutletCountries(geocoder.Gazetteer);
        _stages = BuildStages();
    }

    /// <summary>The longest piece of text parsed at once; longer articles are cut at paragraph or line breaks.</summary>
    public int ChunkLength { get; init; } = TextChunks.DefaultMaxLength;

    /// <summary>The learned layer over the rules (it vetoes, re-types and adds events), or null for the rules alone.</summary>
    public EventModel? Model
    {
        get => _model;
        init
        {
            _model = value;
            _stages = BuildStages();
        }
    }

    /// <summary>
    /// Whether actors with a role but no country take the country the article is about (<see cref="ArticleCountry"/>);
    /// on by default. The records say which actors were given one.
    /// </summary>
    public bool InferActorCountries { get; init; } = true;

    /// <summary>Where to add the time each stage takes, or null not to time them.</summary>
    public StageTimes? Times { get; init; }

    /// <summary>The stages every piece of an article goes through, in order; each name is versioned (<c>parser.v1</c>).</summary>
    public IReadOnlyList<IStage> Stages => _stages;

    /// <summary>The same analyzer with another learned layer (null for the rules alone).</summary>
    /// <param name="model">The event model.</param>
    public ArticleAnalyzer WithModel(EventModel? model) => new(_pipeline, _coder, _geocoder) { ChunkLength = ChunkLength, Model = model, InferActorCountries = InferActorCountries, Times = Times };

    /// <summary>The same analyzer, timing its stages into <paramref name="times"/>.</summary>
    /// <param name="times">Where to add the times.</param>
    public ArticleAnalyzer WithTimes(StageTimes? times) => new(_pipeline, _coder, _geocoder) { ChunkLength = ChunkLength, Model = Model, InferActorCountries = InferActorCountries, Times = times };

    private ImmutableArray<IStage> BuildStages()
    {
        var stages = ImmutableArray.CreateBuilder<IStage>();
        stages.AddRange(_pipeline.Stages);
        stages.Add(new CodingStage(_coder, _model));
        stages.Add(new EventDateStage());
        if (_geocoder is { } geocoder)
        {
            stages.Add(new ToponymStage(geocoder));
            stages.Add(new EventLocationStage());
        }

        return stages.ToImmutable();
    }

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
    /// <param name="cancellationToken">Cancels between pieces and stages.</param>
    /// <exception cref="ArgumentNullException"><paramref name="article"/> is null.</exception>
    /// <exception cref="StageFailedException">A stage failed; its <see cref="StageFailedException.Stage"/> names it.</exception>
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
        var times = Times;
        if (article.Dateline is { } dateline && dateline.Range.End <= text.Length && dateline.Range.Start >= 0 && _geocoder is { } geocoder)
        {
            var started = Stopwatch.GetTimestamp();
            var found = StageFailedException.Run(ToponymStage.StageName, () => geocoder.Geocode(article.Text[dateline.Range.Start..dateline.Range.End])
                .Select(t => Shift(t, dateline.Range.Start)).ToList());
            places.AddRange(found);
            filedAt = found.FirstOrDefault(t => t.Place is not null && t.Kind == ToponymKind.Place);
            times?.AddSince("dateline", started);
        }

        var storyDiscarded = false;
        foreach (var chunk in TextChunks.Split(text, ChunkLength))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var document = new Document(article.Id, text[chunk.Start..chunk.End])
            {
                Published = published,
                FiledAt = chunk.Start == 0 ? filedAt : null,
                StoryDiscarded = storyDiscarded,
            };
            foreach (var stage in _stages)
            {
                var input = document;
                var started = Stopwatch.GetTimestamp();
                document = StageFailedException.Run(stage.Name, () => stage.Process(input, cancellationToken));
                times?.AddSince(stage.Name, started);
            }

            if (document.StoryDiscarded && !storyDiscarded)
            {
                // A story discard (PETRARCH's conventions) drops the article's events, those of earlier pieces too.
                storyDiscarded = true;
                events.Clear();
            }

            var offset = chunk.Start;
            var before = sentences;
            if (!document.Events.IsDefault)
            {
                events.AddRange(document.Events.Select(e => e with
                {
                    Location = e.Location is { Start: not null } place ? Shift(place, offset) : e.Location,
                    Evidence = e.Evidence.Shift(offset, before),
                    Document = fields,
                }));
            }

            if (!document.Toponyms.IsDefault)
            {
                places.AddRange(document.Toponyms.Select(t => Shift(t, offset)));
            }

            sentences += document.Sentences.Length;
        }

        // Actors with a role but no country ("the government") take the country the article is about, when it is clear.
        var inferring = Stopwatch.GetTimestamp();
        var outlet = _outlets?.Of(article.Source, article.Url);
        if (InferActorCountries && ArticleCountry.Find(places, filedAt, outlet) is { } about)
        {
            for (var i = 0; i < events.Count; i++)
            {
                events[i] = ArticleCountry.Apply(events[i], about.Country, about.From, places);
            }
        }

        times?.AddSince("article-country", inferring);

        return new AnalyzedArticle(article, events, places, sentences);
    }

    /// <summary>A toponym found in a piece of the text, with its offsets moved to the whole text's.</summary>
    private static Toponym Shift(Toponym toponym, int by) => toponym with { Start = toponym.Start + by, End = toponym.End + by };

    private static EventPlace Shift(EventPlace place, int by) => place with { Start = place.Start + by, End = place.End + by };
}
