using System.Text.Json;
using Dyad.Analysis;
using Dyad.Documents;
using Dyad.Ingest;
using Dyad.Store;

namespace Dyad.Cli.Tests;

/// <summary>
/// The one ingest service (<see cref="DocumentIngest"/>) over a real DuckDB store with the committed models, Dyad's
/// knowledge base and gazetteer: its error policy, its skipping, and re-coding that gives back what ingest stored.
/// </summary>
public sealed class DocumentIngestTests : IAsyncLifetime
{
    private static Lazy<ArticleAnalyzer> Analyzer => TestAnalyzer.Shared;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dyad-service-" + Guid.NewGuid().ToString("N"));
    private IEventStore _store = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string RepositoryRoot => TestAnalyzer.RepositoryRoot;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _store = await EventStore.OpenAsync(Path.Combine(_folder, "t.duckdb"), cancellationToken: Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static List<IngestResult> Read(params (string Id, string Text)[] documents)
    {
        var lines = string.Join('\n', documents.Select(d => JsonSerializer.Serialize(new { id = d.Id, published = "2024-03-05", text = d.Text })));
        var reader = new ArticleReader(new ReadOptions { Format = ArticleFormat.JsonLines });
        return reader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(lines)), "news.jsonl", CancellationToken.None).ToList();
    }

    private sealed class Recorder : IIngestObserver
    {
        public List<DocumentOutcome> Outcomes { get; } = [];

        public void Done(DocumentOutcome outcome) => Outcomes.Add(outcome);
    }

    [Fact]
    public async Task Ingest_AStageFailingOnOneDocument_QuarantinesItUnderThatStage_AndStoresTheOthers()
    {
        // Given three documents, and a coding stage that breaks on the second
        var recorder = new Recorder();
        var ingest = new DocumentIngest(_store, () => Analyzer.Value, () => "kb-test")
        {
            Observer = recorder,
            Analyze = (analyzer, article, token) => article.Id == "b"
                ? StageFailedException.Run<AnalyzedArticle>("coding", () => throw new InvalidOperationException("the coder broke"))
                : analyzer.Analyze(article, token),
        };

        // When they are ingested
        var totals = await ingest.IngestAsync(Read(("a", "France praised Germany on Monday."), ("b", "Chile met Peru."), ("c", "Egypt condemned the attack.")), Cancel);

        // Then the others are stored, and the broken one is in the quarantine with its code, its stage and its text
        Assert.Equal((3L, 2L, 1L), (totals.Read, totals.Stored, totals.Quarantined));
        Assert.True(await _store.ContainsAsync("a", Cancel));
        Assert.False(await _store.ContainsAsync("b", Cancel));
        var entry = Assert.Single(await _store.ListQuarantineAsync(Cancel));
        Assert.Equal(("coding", "Chile met Peru."), (entry.Stage, entry.Content));
        Assert.StartsWith(ErrorCodes.AnalysisFailed + ": ", entry.Reason, StringComparison.Ordinal);
        Assert.Contains("the coder broke", entry.Reason, StringComparison.Ordinal);
        Assert.Equal(
            [DocumentStatus.Stored, DocumentStatus.Failed, DocumentStatus.Stored],
            recorder.Outcomes.OrderBy(o => o.Number).Select(o => o.Status));
    }

    [Fact]
    public async Task Ingest_DocumentsStoredOrRepeated_AreSkippedWithoutBeingAnalysed()
    {
        // Given a stored document
        var first = new DocumentIngest(_store, () => Analyzer.Value, () => "kb-test");
        await first.IngestAsync(Read(("a", "France praised Germany on Monday.")), Cancel);

        // When it comes again with a new one that comes twice
        var analysed = new List<string>();
        var again = new DocumentIngest(_store, () => Analyzer.Value, () => "kb-test")
        {
            Analyze = (analyzer, article, token) =>
            {
                lock (analysed)
                {
                    analysed.Add(article.Id);
                }

                return analyzer.Analyze(article, token);
            },
        };
        var totals = await again.IngestAsync(Read(("a", "France praised Germany on Monday."), ("n", "Egypt condemned the attack."), ("n", "Egypt condemned the attack.")), Cancel);

        // Then only the new one is analysed and stored
        Assert.Equal((3L, 1L, 2L), (totals.Read, totals.Stored, totals.Skipped));
        Assert.Equal(["n"], analysed);
    }

    [Fact]
    public async Task Recode_WithTheSameKnowledgeBase_GivesExactlyTheEventsIngestStored()
    {
        // Given the samples ingested: a datelined wire report and the JSON Lines briefs, each with a publication date
        var reader = new ArticleReader(new ReadOptions());
        var results = reader.ReadDirectory(Path.Combine(RepositoryRoot, "samples"), CancellationToken.None).ToList();
        var ingest = new DocumentIngest(_store, () => Analyzer.Value, () => "kb-test");
        var totals = await ingest.IngestAsync(results, Cancel);
        Assert.True(totals.Events > 0, "the samples gave no event");
        var before = await Events();

        // When every stored document is coded again with the same analyzer
        var recode = await new DocumentIngest(_store, () => Analyzer.Value, () => "kb-test").RecodeAsync(Cancel);

        // Then the events are the same, field for field
        Assert.Equal((0L, totals.Events, totals.Events), (recode.Failed, recode.Before, recode.After));
        Assert.Equal(before, await Events());

        async Task<List<string>> Events()
        {
            var events = new List<string>();
            await foreach (var m in _store.QueryAsync(EventQuery.All, Cancel))
            {
                events.Add(JsonSerializer.Serialize(m.Event with { Id = null }));
            }

            return events;
        }
    }
}
