using System.CommandLine;
using System.Globalization;
using Dyad.Analysis;
using Dyad.Ingest;
using Dyad.Store;

namespace Dyad.Cli;

/// <summary>
/// <c>dyad recode [--store ...] [--dictionaries DIR]</c>: codes every stored document's text again with the current
/// knowledge base and replaces its events, without reading the sources again.
/// </summary>
internal static class RecodeCommand
{
    public static Command Create()
    {
        var store = CliStore.StoreOption();
        var threads = IngestCommand.ThreadsOption();
        var dictionaries = CliDictionaries.Option();
        var models = CliPipeline.ModelsOption();
        var beam = CliPipeline.BeamOption();
        var fast = CliPipeline.FastOption();
        var rulesOnly = CliArticles.RulesOnlyOption();
        var command = new Command("recode", "Code every stored document again with the current knowledge base (from the stored text) and replace its events; prints documents, events before and after.")
        {
            store, threads, dictionaries, models, beam, fast, rulesOnly,
        };
        command.SetAction(parsed => CliStore.Run(async cancellationToken =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            if (parsed.GetValue(threads) < 1)
            {
                error.WriteLine("dyad: --threads takes a number of 1 or more.");
                return ExitCodes.Usage;
            }

            var opened = await CliStore.OpenAsync(CliStore.Location(parsed, store), create: false, error, cancellationToken).ConfigureAwait(false);
            if (opened is null)
            {
                return ExitCodes.InputProblem;
            }

            await using (opened.ConfigureAwait(false))
            {
                var analyzer = CliArticles.LoadAnalyzer(parsed, dictionaries, models, beam, fast, error, rulesOnly);
                var version = CliStore.KnowledgeBaseVersion(CliDictionaries.Folder(parsed.GetValue(dictionaries)));
                var counts = await RecodeAsync(opened, analyzer, version, parsed.GetValue(threads), error, cancellationToken).ConfigureAwait(false);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recode: {counts.Documents} documents, {counts.Before} events before, {counts.After} after, {counts.Failed} failed (knowledge base {version})"));
                return counts.Failed > 0 ? ExitCodes.InputProblem
                    : counts.Documents == 0 ? ExitCodes.NothingFound
                    : ExitCodes.Ok;
            }
        }));
        return command;
    }

    /// <summary>The documents a batch of re-coding reads before analysing them on several threads.</summary>
    private const int BatchSize = 100;

    private static async Task<(long Documents, long Before, long After, long Failed)> RecodeAsync(IEventStore store, ArticleAnalyzer analyzer, string version, int threads, TextWriter error, CancellationToken cancellationToken)
    {
        // The documents stream in batches, and each batch's events are replaced while the read goes on: the read sees the
        // store as it was when it began (both engines keep snapshots), and no more than a batch of texts is held at once.
        long documents = 0, before = 0, after = 0, failed = 0;
        var chunk = new List<StoredDocument>(BatchSize);
        await foreach (var document in store.ListDocumentsAsync(cancellationToken).ConfigureAwait(false))
        {
            chunk.Add(document);
            if (chunk.Count == BatchSize)
            {
                await RecodeBatchAsync().ConfigureAwait(false);
            }
        }

        await RecodeBatchAsync().ConfigureAwait(false);
        return (documents, before, after, failed);

        async Task RecodeBatchAsync()
        {
            var analyzed = new AnalyzedArticle?[chunk.Count];
            var failures = new Exception?[chunk.Count];
            Parallel.For(0, chunk.Count, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, i =>
            {
                try
                {
                    analyzed[i] = analyzer.Analyze(ToArticle(chunk[i]), cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failures[i] = e;
                }
            });

            for (var i = 0; i < chunk.Count; i++)
            {
                documents++;
                if (failures[i] is { } failure)
                {
                    // The document keeps its old events.
                    failed++;
                    error.WriteLine($"{chunk[i].Key}: error: analysis failed: {failure.GetType().Name}: {failure.Message}; its events were kept.");
                    continue;
                }

                var mentions = analyzed[i]!.Events.Select(e => e.ToMention()).ToList();
                before += await store.ReplaceEventsAsync(chunk[i].Key, mentions, version, cancellationToken).ConfigureAwait(false);
                after += mentions.Count;
            }

            chunk.Clear();
        }
    }

    /// <summary>A stored document as the analyzer takes it: its key as id, its publication day (UTC) and its text.</summary>
    private static Article ToArticle(StoredDocument document)
    {
        var published = document.Published is { } p
            ? new PublicationDate(DateOnly.FromDateTime(p.UtcDateTime), TimeOnly.FromDateTime(p.UtcDateTime), TimeSpan.Zero)
            : null;
        return new Article(document.Key, document.Title, null, document.Source, null, document.Url, published, document.PublishedFrom, document.Text, ArticleFormat.Text, "store", string.Empty, []);
    }
}
