using System.Diagnostics;
using System.Globalization;
using Dyad.Analysis;
using Dyad.Ingest;
using Dyad.Store;

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
/// The ingest loop of <c>dyad ingest</c> and <c>dyad bench ingest</c>: reads articles, skips those the store holds
/// before analysing them, analyses the new ones a batch at a time on several threads, and stores each batch in one
/// transaction. A document that cannot be read, analysed or stored goes to the quarantine with its stage and reason,
/// and the run goes on.
/// </summary>
/// <remarks>
/// A document's key is its given id (a JSON <c>id</c>, a feed item's id) or its URL, else the hash of its text: the id
/// the reader makes up from a file name is not used as a key, since the same name in another folder (or an edited file)
/// is another document. Because every batch is one transaction and stored documents are skipped, a run that was killed
/// can be run again and stores exactly what is missing.
/// </remarks>
internal sealed class ArticleIngest
{
    /// <summary>The most characters of a failed document's text kept in the quarantine.</summary>
    private const int MaxQuarantinedChars = 64 * 1024;

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private readonly IEventStore _store;
    private readonly Func<ArticleAnalyzer> _loadAnalyzer;
    private readonly Func<string> _knowledgeBase;
    private readonly TextWriter _error;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<(Article Article, DocumentInput Input)> _pending = [];
    private readonly Stopwatch _clock = new();
    private ArticleAnalyzer? _analyzer;
    private string? _knowledgeBaseVersion;
    private TimeSpan _lastProgress;
    private long _read, _stored, _skipped, _quarantined, _events, _sentences, _warnings;

    /// <param name="store">Where documents go.</param>
    /// <param name="loadAnalyzer">Loads the analyzer; called once, when the first new document needs it (a run over stored documents loads no model).</param>
    /// <param name="knowledgeBase">The version of the knowledge base the analyzer codes with; called with the analyzer.</param>
    /// <param name="error">Where rejected documents are reported and progress is shown (see <see cref="Progress"/>).</param>
    public ArticleIngest(IEventStore store, Func<ArticleAnalyzer> loadAnalyzer, Func<string> knowledgeBase, TextWriter error)
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

    /// <summary>How progress is shown on the error writer (documents/s, events).</summary>
    public IngestProgress Progress { get; init; }

    /// <summary>Ingests every result of <paramref name="results"/>.</summary>
    public async Task<IngestSummary> RunAsync(IEnumerable<IngestResult> results, CancellationToken cancellationToken)
    {
        _clock.Restart();
        foreach (var result in results)
        {
            if (result is ArticleRejected { Problem: { Code: ErrorCodes.InputSkipped, Severity: Severity.Warning } } skippedInput)
            {
                // A FIFO, a link loop or the store itself under a folder: not a document, so neither read nor quarantined.
                CliArticles.Report(skippedInput, _error);
                _warnings++;
                continue;
            }

            _read++;
            if (result is ArticleRejected rejected)
            {
                CliArticles.Report(rejected, _error);
                _warnings += rejected.Problem.Severity == Severity.Warning ? 1 : 0;
                var place = string.IsNullOrEmpty(rejected.Location) ? string.Empty : rejected.Location;
                await QuarantineAsync(rejected.Input, place, "read", $"{rejected.Problem.Code}: {rejected.Problem.Message}", rejected.Raw, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var article = ((ArticleAccepted)result).Article;
            _warnings += CliArticles.ReportDiagnostics(article, _error);

            var input = ArticleDocuments.ToDocumentInput(article);
            var key = DocumentKey.Of(input);
            if (!_seen.Add(key))
            {
                _skipped++;
            }
            else
            {
                _pending.Add((article, input));
                if (_pending.Count >= BatchSize)
                {
                    await FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            ShowProgress(final: false);
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);
        ShowProgress(final: true);
        return new IngestSummary(_read, _stored, _skipped, _quarantined, _events, _sentences, _clock.Elapsed.TotalSeconds, _warnings);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        // Documents stored by an earlier run are skipped before any analysis: one query for the whole batch.
        var stored = await _store.ContainsManyAsync([.. _pending.Select(p => DocumentKey.Of(p.Input))], cancellationToken).ConfigureAwait(false);
        if (stored.Count > 0)
        {
            _skipped += _pending.RemoveAll(p => stored.Contains(DocumentKey.Of(p.Input)));
            if (_pending.Count == 0)
            {
                return;
            }
        }

        _analyzer ??= _loadAnalyzer();
        _knowledgeBaseVersion ??= _knowledgeBase();
        var analyzer = _analyzer;
        var analyzed = new AnalyzedArticle?[_pending.Count];
        var failures = new Exception?[_pending.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Threads), CancellationToken = cancellationToken };
        Parallel.For(0, _pending.Count, options, i =>
        {
            try
            {
                analyzed[i] = analyzer.Analyze(_pending[i].Article, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One document's failure must not stop the others: it goes to the quarantine below.
                failures[i] = e;
            }
        });

        var batch = new List<IngestDocument>(_pending.Count);
        for (var i = 0; i < _pending.Count; i++)
        {
            var (article, input) = _pending[i];
            if (failures[i] is { } failure)
            {
                _error.WriteLine($"{article.Input}{(article.Location.Length > 0 ? " " + article.Location : string.Empty)}: error: analysis failed: {failure.GetType().Name}: {failure.Message}");
                var text = article.Text.Length > MaxQuarantinedChars ? article.Text[..MaxQuarantinedChars] : article.Text;
                await QuarantineAsync(article.Input, article.Location, "analyze", $"{failure.GetType().Name}: {failure.Message}", text, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var result = analyzed[i]!;
            _sentences += result.Sentences;
            batch.Add(new IngestDocument(input, [.. result.Events.Select(e => e.ToMention())]));
        }

        var counts = await _store.StoreAsync(batch, _knowledgeBaseVersion, cancellationToken).ConfigureAwait(false);
        _stored += counts.DocumentsStored;
        _skipped += counts.DocumentsSkipped;
        _events += counts.EventsStored;
        _quarantined += counts.Quarantined;
        _pending.Clear();
        if (Progress == IngestProgress.Lines)
        {
            _error.WriteLine("ingest: " + ProgressText());
            _error.Flush();
        }
    }

    private async Task QuarantineAsync(string input, string place, string stage, string reason, string? content, CancellationToken cancellationToken)
    {
        _quarantined++;
        await _store.QuarantineAsync(new QuarantineEntry(input, place, stage, reason, content, DateTimeOffset.UtcNow), cancellationToken).ConfigureAwait(false);
    }

    private void ShowProgress(bool final)
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
        _error.Write(final ? "\r\u001b[K" : "\r" + ProgressText() + "\u001b[K");
        _error.Flush();
    }

    private string ProgressText()
    {
        var seconds = _clock.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? (_stored + _skipped) / seconds : 0;
        return string.Create(CultureInfo.InvariantCulture, $"{_read} read, {_stored} stored, {_skipped} skipped, {_quarantined} quarantined, {_events} events, {rate:0.0} documents/s");
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
