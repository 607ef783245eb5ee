using System.CommandLine;
using System.Globalization;

namespace Dyad.Cli;

/// <summary>
/// <c>dyad ingest PATH... [--store PATH|postgres://...] [--date YYYY-MM-DD] [--batch N] [--dictionaries DIR] [--fast]</c>:
/// reads articles, codes them and stores them with their events; failures go to the store's quarantine.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Articles to ingest: text, HTML, RSS/Atom or JSON Lines files, or folders of them; '-' reads standard input.", Arity = ArgumentArity.OneOrMore };
        var store = CliStore.StoreOption();
        var date = CliArticles.DateOption();
        var batch = BatchOption();
        var threads = ThreadsOption();
        var dictionaries = CliDictionaries.Option();
        var models = CliPipeline.ModelsOption();
        var beam = CliPipeline.BeamOption();
        var fast = CliPipeline.FastOption();
        var rulesOnly = CliArticles.RulesOnlyOption();
        var progress = new Option<string>("--progress")
        {
            Description = "auto (a line rewritten in place when standard error is a terminal, else nothing), bar, lines (one line per stored batch) or none.",
            DefaultValueFactory = _ => "auto",
        };
        progress.AcceptOnlyFromAmong("auto", "bar", "lines", "none");
        var command = new Command("ingest", "Read articles, code their events and keep them in the store; documents already stored are skipped, and documents that fail go to the quarantine.")
        {
            paths, store, date, batch, threads, progress, dictionaries, models, beam, fast, rulesOnly,
        };
        command.SetAction(parsed => CliStore.Run(async cancellationToken =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            if (!CliArticles.TryReadDate(parsed, date, error, out var day) || !TryReadSizes(parsed, batch, threads, error))
            {
                return ExitCodes.Usage;
            }

            var location = CliStore.Location(parsed, store);
            var opened = await CliStore.OpenAsync(location, create: true, error, cancellationToken).ConfigureAwait(false);
            if (opened is null)
            {
                return ExitCodes.InputProblem;
            }

            await using (opened.ConfigureAwait(false))
            {
                var ingest = new ArticleIngest(
                    opened,
                    () => CliArticles.LoadAnalyzer(parsed, dictionaries, models, beam, fast, error, rulesOnly),
                    () => CliStore.KnowledgeBaseVersion(CliDictionaries.Folder(parsed.GetValue(dictionaries))),
                    error)
                {
                    BatchSize = parsed.GetValue(batch),
                    Threads = parsed.GetValue(threads),
                    Progress = parsed.GetValue(progress) switch
                    {
                        "bar" => IngestProgress.Bar,
                        "lines" => IngestProgress.Lines,
                        "none" => IngestProgress.None,
                        _ => ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? IngestProgress.Bar : IngestProgress.None,
                    },
                };
                var summary = await ingest.RunAsync(CliArticles.Read(parsed.GetValue(paths) ?? [], day, location, cancellationToken), cancellationToken).ConfigureAwait(false);
                output.WriteLine(summary.Line());
                return summary.Quarantined > 0 ? ExitCodes.InputProblem
                    : summary.Stored == 0 ? ExitCodes.NothingFound
                    : ExitCodes.Ok;
            }
        }));
        return command;
    }

    public static Option<int> BatchOption() => new("--batch") { Description = "Documents stored per transaction (default 100).", DefaultValueFactory = _ => 100 };

    public static Option<int> ThreadsOption() => new("--threads") { Description = "Threads that analyse documents at once (default: one per processor).", DefaultValueFactory = _ => Environment.ProcessorCount };

    public static bool TryReadSizes(ParseResult parsed, Option<int> batch, Option<int> threads, TextWriter error)
    {
        if (parsed.GetValue(batch) < 1 || parsed.GetValue(threads) < 1)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dyad: --batch and --threads take numbers of 1 or more (got {parsed.GetValue(batch)} and {parsed.GetValue(threads)})."));
            return false;
        }

        return true;
    }
}
