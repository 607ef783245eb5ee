using System.Diagnostics;
using Dyad.Documents;
using Dyad.Ingest;

namespace Dyad.Analysis;

/// <summary>
/// The one ingest service, used by <c>dyad ingest</c>, <c>dyad bench ingest</c>, <c>dyad recode</c> and the server's
/// POST: it reads results from <see cref="ArticleReader"/>, skips documents the store holds (or that came twice)
/// before analysing them, analyses the new ones a batch at a time on several threads, and stores each batch in one
/// transaction. A document that cannot be read, or that a stage of the analysis fails on, goes to the quarantine with
/// its error code, the stage's name and the reason, and the run goes on; the store quarantines what it refuses.
/// </summary>
/// <remarks>
/// A document's key is its given id or its URL, else the hash of its text (<see cref="ArticleDocuments"/>). Because every
/// batch is one transaction and stored documents are skipped, a run that was killed can be run again and stores exactly
/// what is missing. Re-coding (<see cref="RecodeAsync"/>) rebuilds each stored document as ingest read it (text,
/// dateline, publication date as stated) and analyses it the same way, so an unchanged knowledge base gives the same
/// events.
/// </remarks>
public sealed class DocumentIngest
{
    /// <summary>The most characters of a failed document's text kept in the quarantine.</summary>
    public const int MaxQuarantinedChars = 64 * 1024;

    private readonly IDocumentStore _store;
    private readonly Func<ArticleAnalyzer> _loadAnalyzer;
    private readonly Func<string> _knowledgeBase;
    private ArticleAnalyzer? _analyzer;
    private string? _knowledgeBaseVersion;

    /// <summary>Creates the service.</summary>
    /// <param name="store">Where documents go.</param>
    /// <param name="loadAnalyzer">Loads the analyzer; called once, when the first new document needs it (a run over stored documents loads no model).</param>
    /// <param name="knowledgeBase">The version of the knowledge base the analyzer codes with; called with the analyzer.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public DocumentIngest(IDocumentStore store, Func<ArticleAnalyzer> loadAnalyzer, Func<string> knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(loadAnalyzer);
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        _store = store;
        _loadAnalyzer = loadAnalyzer;
        _knowledgeBase = knowledgeBase;
    }

    /// <summary>Documents analysed and stored together, in one transaction.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Threads that analyse a batch's documents at once.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Who hears of each document and batch; null for no one.</summary>
    public IIngestObserver? Observer { get; init; }

    /// <summary>The clock that stamps quarantine entries.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Held around each write to the store (and the check of what it holds), for callers that share one store among requests; null for none.</summary>
    public SemaphoreSlim? WriteLock { get; init; }

    /// <summary>Where to add the seconds spent reading the inputs (<c>read</c>) and writing batches (<c>store</c>), or null.</summary>
    public StageTimes? Times { get; init; }

    /// <summary>How a document is analysed; <see cref="ArticleAnalyzer.Analyze"/> unless a caller needs another step (tests put a failing one here).</summary>
    public Func<ArticleAnalyzer, Article, CancellationToken, AnalyzedArticle>? Analyze { get; init; }

    /// <summary>Ingests every result of <paramref name="results"/>.</summary>
    /// <param name="results">What the reader made of the inputs, in order.</param>
    /// <param name="cancellationToken">Cancels between documents (a batch being written is rolled back).</param>
    /// <returns>The run's totals.</returns>
    public async Task<IngestTotals> IngestAsync(IEnumerable<IngestResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        var run = new Run(Stopwatch.StartNew());
        var pending = new List<(long Number, Article Article, DocumentInput Input, string Key)>();
        using var reading = results.GetEnumerator();
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            var more = reading.MoveNext();
            Times?.AddSince("read", started);
            if (!more)
            {
                break;
            }

            var result = reading.Current;
            if (result is ArticleRejected { Problem: { Code: ErrorCodes.InputSkipped, Severity: Severity.Warning } } skippedInput)
            {
                Observer?.InputSkipped(skippedInput);
                continue;
            }

            run.Read++;
            if (result is ArticleRejected rejected)
            {
                Observer?.Rejected(rejected);
                var reason = $"{rejected.Problem.Code}: {rejected.Problem.Message}";
                await QuarantineAsync(run, rejected.Input, rejected.Location, "read", reason, rejected.Raw, cancellationToken).ConfigureAwait(false);
                Observer?.Done(new DocumentOutcome(run.Read, rejected.Input, rejected.Location, null, DocumentStatus.Rejected, null, rejected.Problem.Code, rejected.Problem.Message));
                continue;
            }

            var article = ((ArticleAccepted)result).Article;
            Observer?.Read(article);
            var input = ArticleDocuments.ToDocumentInput(article);
            var key = DocumentKey.Of(input);
            var number = run.Read;
            if (!run.Seen.Add(key))
            {
                run.Skipped++;
                Observer?.Done(new DocumentOutcome(number, article.Input, article.Location, key, DocumentStatus.Skipped, null, null, null));
                continue;
            }

            pending.Add((number, article, input, key));
            if (pending.Count >= BatchSize)
            {
                await FlushAsync(run, pending, cancellationToken).ConfigureAwait(false);
            }
        }

        await FlushAsync(run, pending, cancellationToken).ConfigureAwait(false);
        return run.Totals();
    }

    /// <summary>
    /// Codes every stored document again with the current analyzer and replaces its events, without reading the sources
    /// again. A document whose analysis fails keeps its old events and is reported to the observer.
    /// </summary>
    /// <param name="cancellationToken">Cancels between batches.</param>
    /// <returns>Documents, events before and after, and failures.</returns>
    public async Task<RecodeTotals> RecodeAsync(CancellationToken cancellationToken)
    {
        // The documents stream in batches, and each batch's events are replaced while the read goes on: the read sees the
        // store as it was when it began (both engines keep snapshots), and no more than a batch of texts is held at once.
        long documents = 0, before = 0, after = 0, failed = 0;
        var chunk = new List<StoredDocument>(BatchSize);
        await foreach (var document in _store.ListDocumentsAsync(cancellationToken).ConfigureAwait(false))
        {
            chunk.Add(document);
            if (chunk.Count == BatchSize)
            {
                await RecodeBatchAsync().ConfigureAwait(false);
            }
        }

        await RecodeBatchAsync().ConfigureAwait(false);
        return new RecodeTotals(documents, before, after, failed);

        async Task RecodeBatchAsync()
        {
            if (chunk.Count == 0)
            {
                return;
            }

            var articles = chunk.Select(ArticleDocuments.ToArticle).ToList();
            var outcomes = AnalyzeAll(articles, cancellationToken);
            for (var i = 0; i < chunk.Count; i++)
            {
                documents++;
                if (outcomes[i].Failure is { } failure)
                {
                    failed++;
                    Observer?.Failed(articles[i], failure);
                    continue;
                }

                var events = outcomes[i].Analyzed!.Events;
                before += await WriteAsync(() => _store.ReplaceEventsAsync(chunk[i].Key, events, _knowledgeBaseVersion!, cancellationToken)).ConfigureAwait(false);
                after += events.Count;
            }

            chunk.Clear();
        }
    }

    /// <summary>
    /// Analyses <paramref name="articles"/> on <paramref name="threads"/> threads, each on its own: a stage that fails on
    /// one gives that one a <see cref="StageFailedException"/> and the others go on. <c>dyad code</c> uses this alone.
    /// </summary>
    /// <param name="analyzer">The analyzer.</param>
    /// <param name="articles">The articles.</param>
    /// <param name="threads">Threads to use (at least one).</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <param name="analyze">How one article is analysed; <see cref="ArticleAnalyzer.Analyze"/> when null.</param>
    /// <returns>One outcome per article, in order: its analysis or the failure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="analyzer"/> or <paramref name="articles"/> is null.</exception>
    public static IReadOnlyList<(AnalyzedArticle? Analyzed, StageFailedException? Failure)> AnalyzeAll(
        ArticleAnalyzer analyzer,
        IReadOnlyList<Article> articles,
        int threads,
        CancellationToken cancellationToken,
        Func<ArticleAnalyzer, Article, CancellationToken, AnalyzedArticle>? analyze = null)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(articles);
        analyze ??= (a, article, token) => a.Analyze(article, token);
        var outcomes = new (AnalyzedArticle?, StageFailedException?)[articles.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken };
        Parallel.For(0, articles.Count, options, i =>
        {
            try
            {
                outcomes[i] = (analyze(analyzer, articles[i], cancellationToken), null);
            }
            catch (StageFailedException failure)
            {
                outcomes[i] = (null, failure);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A failure outside the named stages (chunking, the analyzer's own glue) is the analysis's.
                outcomes[i] = (null, new StageFailedException("analysis", $"The analysis failed: {exception.GetType().Name}: {exception.Message}", exception));
            }
        });
        return outcomes;
    }

    private IReadOnlyList<(AnalyzedArticle? Analyzed, StageFailedException? Failure)> AnalyzeAll(IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        _analyzer ??= _loadAnalyzer();
        _knowledgeBaseVersion ??= _knowledgeBase();
        return AnalyzeAll(_analyzer, articles, Threads, cancellationToken, Analyze);
    }

    private async Task FlushAsync(Run run, List<(long Number, Article Article, DocumentInput Input, string Key)> pending, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return;
        }

        // Documents stored by an earlier run are skipped before any analysis: one query for the whole batch.
        var stored = await WriteAsync(() => _store.ContainsManyAsync([.. pending.Select(p => p.Key)], cancellationToken)).ConfigureAwait(false);
        foreach (var (number, article, _, key) in pending.Where(p => stored.Contains(p.Key)))
        {
            run.Skipped++;
            Observer?.Done(new DocumentOutcome(number, article.Input, article.Location, key, DocumentStatus.Skipped, null, null, null));
        }

        pending.RemoveAll(p => stored.Contains(p.Key));
        if (pending.Count == 0)
        {
            Observer?.BatchStored(run.Totals());
            return;
        }

        var outcomes = AnalyzeAll([.. pending.Select(p => p.Article)], cancellationToken);
        var batch = new List<IngestDocument>(pending.Count);
        var done = new List<DocumentOutcome>(pending.Count);
        for (var i = 0; i < pending.Count; i++)
        {
            var (number, article, input, key) = pending[i];
            if (outcomes[i].Failure is { } failure)
            {
                Observer?.Failed(article, failure);
                var text = article.Text.Length > MaxQuarantinedChars ? article.Text[..MaxQuarantinedChars] : article.Text;
                var reason = $"{ErrorCodes.AnalysisFailed}: {failure.Message}";
                await QuarantineAsync(run, article.Input, article.Location, failure.Stage, reason, text, cancellationToken).ConfigureAwait(false);
                Observer?.Done(new DocumentOutcome(number, article.Input, article.Location, key, DocumentStatus.Failed, null, ErrorCodes.AnalysisFailed, failure.Message));
                continue;
            }

            var analyzed = outcomes[i].Analyzed!;
            run.Sentences += analyzed.Sentences;
            batch.Add(new IngestDocument(input, analyzed.Events));
            done.Add(new DocumentOutcome(number, article.Input, article.Location, key, DocumentStatus.Stored, analyzed, null, null));
        }

        var storing = Stopwatch.GetTimestamp();
        var counts = await WriteAsync(() => _store.StoreAsync(batch, _knowledgeBaseVersion!, cancellationToken)).ConfigureAwait(false);
        Times?.AddSince("store", storing);
        run.Stored += counts.DocumentsStored;
        run.Skipped += counts.DocumentsSkipped;
        run.Events += counts.EventsStored;
        run.Quarantined += counts.Quarantined;
        foreach (var outcome in done)
        {
            Observer?.Done(outcome);
        }

        pending.Clear();
        Observer?.BatchStored(run.Totals());
    }

    private async Task QuarantineAsync(Run run, string input, string place, string stage, string reason, string? content, CancellationToken cancellationToken)
    {
        run.Quarantined++;
        await WriteAsync(() => _store.QuarantineAsync(new QuarantineEntry(input, place, stage, reason, content, Clock.GetUtcNow()), cancellationToken)).ConfigureAwait(false);
    }

    private async Task<T> WriteAsync<T>(Func<Task<T>> write)
    {
        if (WriteLock is null)
        {
            return await write().ConfigureAwait(false);
        }

        await WriteLock.WaitAsync().ConfigureAwait(false);
        try
        {
            return await write().ConfigureAwait(false);
        }
        finally
        {
            WriteLock.Release();
        }
    }

    /// <summary>The counts of one run as it goes.</summary>
    private sealed class Run(Stopwatch clock)
    {
        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public long Read { get; set; }

        public long Stored { get; set; }

        public long Skipped { get; set; }

        public long Quarantined { get; set; }

        public long Events { get; set; }

        public long Sentences { get; set; }

        public IngestTotals Totals() => new(Read, Stored, Skipped, Quarantined, Events, Sentences, clock.Elapsed.TotalSeconds);
    }
}
