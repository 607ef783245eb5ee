using System.Diagnostics;
using System.Globalization;
using Dyad.Analysis;
using Dyad.Documents;
using Dyad.Ingest;

namespace Dyad.Cli;

/// <summary>What one ingest run did.</summary>
/// <param name="Read">Documents read (accepted and rejected).</param>
/// <param name="Stored">New documents stored.</param>
/// <param name="Skipped">Documents already in the store (or met twice in this run); neither analysed nor written.</param>
/// <param name="Quarantined">Documents that failed a stage in this run (read, analyze or store); each is in the quarantine.</param>
/// <param name="Events">Event mentions stored.</param>
/// <param name="Sentences">Sentences analysed.</param>
/// <param name="Seconds">Wall-clock seconds of the run, model loading included when it happened in the run.</param>
/// <param name="Warnings">Warnings written to standard error: articles read with repairs (invalid bytes, control characters, an unreadable date) and inputs skipped (DY1006).</param>
internal sealed record IngestSummary(long Read, long Stored, long Skipped, long Quarantined, long Events, long Sentences, double Seconds, long Warnings)
{
    public string Line() => string.Create(
        CultureInfo.InvariantCulture,
        $"ingest: {Read} documents read, {Stored} stored, {Skipped} skipped, {Quarantined} quarantined, {Events} events, {Warnings} warnings in {Seconds:0.0} s ({(Seconds > 0 ? Stored / Seconds : 0):0.0} documents/s)");
}

/// <summary>
/// <c>dyad ingest</c> and <c>dyad bench ingest</c> over the one ingest service (<see cref="DocumentIngest"/>): this
/// class reports on standard error what the service hears (rejected and repaired documents, failed stages, progress)
/// and counts the warnings it writes.
/// </summary>
internal sealed class ArticleIngest : IIngestObserver
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private readonly IDocumentStore _store;
    private readonly Func<ArticleAnalyzer> _loadAnalyzer;
    private readonly Func<string> _knowledgeBase;
    private readonly TextWriter _error;
    private readonly Stopwatch _clock = new();
    private TimeSpan _lastProgress;
    private IngestTotals? _lastTotals;
    private long _warnings;

    /// <param name="store">Where documents go.</param>
    /// <param name="loadAnalyzer">Loads the analyzer; called once, when the first new document needs it (a run over stored documents loads no model).</param>
    /// <param name="knowledgeBase">The version of the knowledge base the analyzer codes with; called with the analyzer.</param>
    /// <param name="error">Where rejected documents are reported and progress is shown (see <see cref="Progress"/>).</param>
    public ArticleIngest(IDocumentStore store, Func<ArticleAnalyzer> loadAnalyzer, Func<string> knowledgeBase, TextWriter error)
    {
        _store = store;
        _loadAnalyzer = loadAnalyzer;
        _knowledgeBase = knowledgeBase;
        _error = error;
    }

    /// <summary>Documents analysed and stored together, in one transaction.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Threads that analyse a batch's documents at once.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Where to add the seconds of reading and storing (see <see cref="StageTimes"/>), or null.</summary>
    public StageTimes? Times { get; init; }

    /// <summary>How progress is shown on the error writer (documents/s, events).</summary>
    public IngestProgress Progress { get; init; }

    /// <summary>Ingests every result of <paramref name="results"/>.</summary>
    public async Task<IngestSummary> RunAsync(IEnumerable<IngestResult> results, CancellationToken cancellationToken)
    {
        _clock.Restart();
        var ingest = new DocumentIngest(_store, _loadAnalyzer, _knowledgeBase) { BatchSize = BatchSize, Threads = Threads, Observer = this, Times = Times };
        var totals = await ingest.IngestAsync(Watch(results), cancellationToken).ConfigureAwait(false);
        ShowProgress(totals, final: true);
        return new IngestSummary(totals.Read, totals.Stored, totals.Skipped, totals.Quarantined, totals.Events, totals.Sentences, totals.Seconds, _warnings);
    }

    void IIngestObserver.InputSkipped(ArticleRejected skipped)
    {
        // A FIFO, a link loop or the store itself under a folder: not a document, so neither read nor quarantined.
        CliArticles.Report(skipped, _error);
        _warnings++;
    }

    void IIngestObserver.Rejected(ArticleRejected rejected)
    {
        CliArticles.Report(rejected, _error);
        _warnings += rejected.Problem.Severity == Severity.Warning ? 1 : 0;
    }

    void IIngestObserver.Read(Article article) => _warnings += CliArticles.ReportDiagnostics(article, _error);

    void IIngestObserver.Failed(Article article, StageFailedException failure) =>
        CliArticles.ReportFailure(article, failure, $"the document is in the quarantine (stage {failure.Stage})", _error);

    void IIngestObserver.BatchStored(IngestTotals totals)
    {
        _lastTotals = totals;
        if (Progress == IngestProgress.Lines)
        {
            _error.WriteLine("ingest: " + totals);
            _error.Flush();
        }
    }

    /// <summary>Passes the results through, showing progress between them.</summary>
    private IEnumerable<IngestResult> Watch(IEnumerable<IngestResult> results)
    {
        foreach (var result in results)
        {
            yield return result;
            if (_lastTotals is { } totals)
            {
                ShowProgress(totals, final: false);
            }
        }
    }

    private void ShowProgress(IngestTotals totals, bool final)
    {
        if (Progress != IngestProgress.Bar)
        {
            return;
        }

        var now = _clock.Elapsed;
        if (!final && now - _lastProgress < ProgressInterval)
        {
            return;
        }

        _lastProgress = now;
        _error.Write(final ? "\r\u001b[K" : "\r" + totals + "\u001b[K");
        _error.Flush();
    }
}

/// <summary>How <see cref="ArticleIngest"/> shows its progress on standard error.</summary>
internal enum IngestProgress
{
    /// <summary>Not at all.</summary>
    None,

    /// <summary>One line rewritten in place a few times a second (for a terminal).</summary>
    Bar,

    /// <summary>One plain line after each stored batch (for logs, and for the crash test to know what is stored).</summary>
    Lines,
}
