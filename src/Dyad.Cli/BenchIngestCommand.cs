using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dyad.Analysis;

namespace Dyad.Cli;

/// <summary>
/// <c>dyad bench ingest --input DIR [--store PATH] [--json]</c>: times <c>dyad ingest</c> end to end (read, parse, code,
/// date, place, store) into a new DuckDB store in a temporary folder (or the given store) and prints the rates, and the
/// seconds of each stage (read, each analysis stage by its versioned name, store), summed over the threads.
/// </summary>
internal static class BenchIngestCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "A folder (or file) of articles.", Required = true };
        var store = new Option<string?>("--store") { Description = "The store to ingest into (default: a new DuckDB file in a temporary folder, removed afterwards)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var date = CliArticles.DateOption();
        var batch = IngestCommand.BatchOption();
        var threads = IngestCommand.ThreadsOption();
        var dictionaries = CliDictionaries.Option();
        var models = CliPipeline.ModelsOption();
        var beam = CliPipeline.BeamOption();
        var fast = CliPipeline.FastOption();
        var rulesOnly = CliArticles.RulesOnlyOption();
        var history = BenchHistory.Option();
        var command = new Command("ingest", "Time 'dyad ingest' end to end into a fresh store; prints documents_per_second, sentences_per_second, events, peak_working_set_mb.")
        {
            input, store, json, date, batch, threads, dictionaries, models, beam, fast, rulesOnly, history,
        };
        command.SetAction(parsed => CliStore.Run(async cancellationToken =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            if (!CliArticles.TryReadDate(parsed, date, error, out var day) || !IngestCommand.TryReadSizes(parsed, batch, threads, error))
            {
                return ExitCodes.Usage;
            }

            var path = parsed.GetValue(input)!;
            if (!Directory.Exists(path) && !File.Exists(path))
            {
                error.WriteLine($"dyad: {ErrorCodes.InputUnreadable}: {path} does not exist.");
                return ExitCodes.InputProblem;
            }

            var temporary = parsed.GetValue(store) is null ? Directory.CreateTempSubdirectory("dyad-bench-").FullName : null;
            try
            {
                var location = parsed.GetValue(store) ?? Path.Combine(temporary!, "bench.duckdb");
                var opened = await CliStore.OpenAsync(location, create: true, error, cancellationToken).ConfigureAwait(false);
                if (opened is null)
                {
                    return ExitCodes.InputProblem;
                }

                await using (opened.ConfigureAwait(false))
                {
                    var loading = Stopwatch.StartNew();
                    var times = new StageTimes();
                    var analyzer = CliArticles.LoadAnalyzer(parsed, dictionaries, models, beam, fast, error, rulesOnly).WithTimes(times);
                    var version = CliStore.KnowledgeBaseVersion(CliDictionaries.Folder(parsed.GetValue(dictionaries)));
                    var loadSeconds = loading.Elapsed.TotalSeconds;
                    using var self = Process.GetCurrentProcess();
                    var cpuBefore = self.TotalProcessorTime;
                    var ingest = new ArticleIngest(opened, () => analyzer, () => version, error)
                    {
                        BatchSize = parsed.GetValue(batch),
                        Threads = parsed.GetValue(threads),
                        Times = times,
                    };
                    var summary = await ingest.RunAsync(CliArticles.Read([path], day, cancellationToken), cancellationToken).ConfigureAwait(false);
                    self.Refresh();
                    var seconds = Math.Max(summary.Seconds, 1e-9);
                    var result = new IngestBenchmark(
                        summary.Read,
                        summary.Stored,
                        summary.Skipped,
                        summary.Quarantined,
                        summary.Sentences,
                        summary.Events,
                        Math.Round(summary.Seconds, 3),
                        Math.Round(summary.Stored / seconds, 1),
                        Math.Round(summary.Sentences / seconds, 1),
                        Math.Round(summary.Events / seconds, 1),
                        Math.Round((self.TotalProcessorTime - cpuBefore).TotalSeconds, 3),
                        parsed.GetValue(threads),
                        Math.Round(self.PeakWorkingSet64 / (1024.0 * 1024.0), 1),
                        Math.Round(loadSeconds, 3),
                        opened.Kind,
                        times.Snapshot().ToDictionary(t => t.Stage, t => Math.Round(t.Seconds, 3), StringComparer.Ordinal));
                    if (parsed.GetValue(json))
                    {
                        Json.Write(output, result);
                    }
                    else
                    {
                        output.WriteLine(string.Create(
                            CultureInfo.InvariantCulture,
                            $"{result.Stored} documents ({result.Sentences} sentences, {result.Events} events) in {result.Seconds} s: {result.DocumentsPerSecond} documents/s, {result.SentencesPerSecond} sentences/s, {result.EventsPerSecond} events/s ({result.CpuSeconds} CPU s on {result.Threads} threads); peak {result.PeakWorkingSetMb} MB; loaded in {result.LoadSeconds} s; store {result.Store}"));
                        output.WriteLine("stage seconds (summed over threads): " + string.Join(", ", result.StageSeconds.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value}"))));
                    }

                    var variant = BenchCommand.Variant(parsed.GetValue(fast), parsed.GetValue(beam), parsed.GetValue(threads)) + (parsed.GetValue(rulesOnly) ? " --rules-only" : string.Empty) + " " + opened.Kind;
                    BenchHistory.Record("ingest", path, variant, "sentences_per_second", result, parsed.GetValue(history), error);
                    return summary.Stored == 0 ? ExitCodes.NothingFound : ExitCodes.Ok;
                }
            }
            finally
            {
                if (temporary is not null)
                {
                    Directory.Delete(temporary, recursive: true);
                }
            }
        }));
        return command;
    }

    private sealed record IngestBenchmark(
        long Documents,
        long Stored,
        long Skipped,
        long Quarantined,
        long Sentences,
        long Events,
        double Seconds,
        double DocumentsPerSecond,
        double SentencesPerSecond,
        double EventsPerSecond,
        double CpuSeconds,
        int Threads,
        double PeakWorkingSetMb,
        double LoadSeconds,
        string Store,
        IReadOnlyDictionary<string, double> StageSeconds);
}
