using System.Text.RegularExpressions;
using Dyad.Analysis;
using Dyad.Ingest;

namespace Dyad.Cli.Tests;

/// <summary>
/// The analysis as stages (issue 11): every step from tokenizer to event location is an <see cref="IStage"/> with a
/// versioned name, a stage run before the one that makes its input says so with one exception, and running the stages
/// by hand gives what <see cref="ArticleAnalyzer.Analyze"/> gives.
/// </summary>
public sealed class ArticleStagesTests
{
    private static ArticleAnalyzer Analyzer => TestAnalyzer.Shared.Value;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Stages_AreTheWholePipelineInOrder_EachWithAVersionedName()
    {
        // Given the analyzer over the committed models, knowledge base and gazetteer
        // When its stages are listed
        var names = Analyzer.Stages.Select(s => s.Name).ToList();

        // Then they run from the tokenizer to the event location, each named with its version
        Assert.Equal(
            ["tokenizer", "tagger", "lemmatizer", "parser", "coder", "event-dates", "toponyms", "event-location"],
            names.Select(n => n[..n.IndexOf(".v", StringComparison.Ordinal)]));
        Assert.All(names, n => Assert.Matches(new Regex(@"^[a-z-]+\.v\d+$"), n));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void EveryStageButTheTokenizer_RunOnABareDocument_ThrowsStageOrderException()
    {
        // Given a document that no stage has touched
        var bare = new Document("bare", "Russia offered to train the Iraqi army.") { Published = new DateOnly(2015, 11, 12) };

        // When each stage after the tokenizer is run on it
        foreach (var stage in Analyzer.Stages.Skip(1))
        {
            // Then it refuses with the one exception, coded DY2003 and naming itself
            var error = Assert.Throws<StageOrderException>(() => stage.Process(bare, Cancel));
            Assert.StartsWith(ErrorCodes.StageOrder + ": stage '" + stage.Name + "'", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Stages_RunByHand_GiveTheEventsAndPlacesThatAnalyzeGives()
    {
        // Given a short report, as an article and as a bare document with its publication date
        const string Text = "An Iraqi delegation arrived in Moscow on Wednesday. Russia offered to train the Iraqi army in Baghdad.";
        var published = new DateOnly(2015, 11, 12);
        var article = new Article("report", null, null, null, null, null, new PublicationDate(published), null, Text, ArticleFormat.Text, "report.txt", string.Empty, []);
        var document = new Document("report", Text) { Published = published };

        // When the stages are run one after another, and the analyzer analyses the article
        foreach (var stage in Analyzer.Stages)
        {
            document = stage.Process(document, Cancel);
        }

        var analyzed = Analyzer.Analyze(article, Cancel);

        // Then both give the same events (the analyzer adds the document's fields) and the same places
        Assert.NotEmpty(document.Events);
        Assert.Equal(analyzed.Events.Select(e => e with { Document = null }), document.Events);
        Assert.Equal(analyzed.Places, document.Toponyms);
        Assert.Contains(document.Events, e => e.Date == new DateOnly(2015, 11, 11) && e.DateEvidence == "on Wednesday");
        Assert.Contains(document.Events, e => e.Location?.Name is "Moscow" or "Baghdad");
    }

    [Fact]
    public void EventDateStage_WithoutAPublicationDate_LeavesEventsUndated()
    {
        // Given a parsed and coded document whose publication date is unknown
        var document = new Document("undated", "Russia offered to train the Iraqi army on Wednesday.");
        foreach (var stage in Analyzer.Stages.TakeWhile(s => s.Name != EventDateStage.StageName))
        {
            document = stage.Process(document, Cancel);
        }

        // When the event dates stage runs
        var dated = new EventDateStage().Process(document, Cancel);

        // Then the events have no date: a weekday means nothing without the day it counts from
        Assert.NotEmpty(dated.Events);
        Assert.All(dated.Events, e => Assert.Equal((null, null, null), (e.Date, e.DatePrecision, e.DateEvidence)));
    }

    [Fact]
    public void Analyze_AGovernmentWithoutACountry_TakesTheDatelinesCountry_Marked()
    {
        // Given a report datelined KABUL that names Afghanistan again, where "the government" has no country in its words
        const string Text = "Published: 2024-03-05\n\nKABUL (Reuters) - The government criticised the Taliban on Monday. Afghan officials said the attack in Kandahar killed ten people.\n";
        var article = Assert.IsType<ArticleAccepted>(Assert.Single(new ArticleReader().Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Text)), "kabul.txt", Cancel))).Article;

        // When it is analysed
        var events = Analyzer.Analyze(article, Cancel).Events;

        // Then the government is Afghanistan's, and the record says the dateline decided it; actors named with their
        // country keep it unmarked
        var criticised = Assert.Single(events, e => e.Evidence.Verb.Text == "criticised");
        Assert.Equal(("AFGGOV", "dateline"), (criticised.Source.Value, criticised.SourceCountryFrom));
        Assert.Null(criticised.TargetCountryFrom);
    }
}
