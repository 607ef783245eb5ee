using System.CommandLine;
using System.Globalization;
using Dyad.Analysis;
using Dyad.Documents;
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

    private static async Task<RecodeTotals> RecodeAsync(IEventStore store, ArticleAnalyzer analyzer, string version, int threads, TextWriter error, CancellationToken cancellationToken)
    {
        var recode = new DocumentIngest(store, () => analyzer, () => version) { Threads = threads, Observer = new Reporter(error) };
        return await recode.RecodeAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Says on standard error which documents kept their old events because their analysis failed.</summary>
    private sealed class Reporter(TextWriter error) : IIngestObserver
    {
        public void Failed(Article article, StageFailedException failure) =>
            error.WriteLine($"{article.Id}: error: {ErrorCodes.AnalysisFailed}: {failure.Message}; its events were kept.");
    }
}
