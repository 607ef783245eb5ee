using System.CommandLine;
using System.Globalization;
using Dyad.Store.Export;

namespace Dyad.Cli;

/// <summary><c>dyad export [--store ...] --format gdelt|mentions|jsonl|csv|parquet --out FILE [filters]</c>: writes stored events to a file.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var store = CliStore.StoreOption();
        var filters = new EventFilterOptions(paging: true);
        var format = new Option<string>("--format")
        {
            Description = "gdelt (GDELT 2.0 event table: one-a-day events, 61 tab-separated columns), mentions (GDELT mentions table, 16 columns), jsonl, csv, or parquet.",
            Required = true,
        };
        format.AcceptOnlyFromAmong("gdelt", "mentions", "jsonl", "csv", "parquet");
        var output = new Option<string>("--out") { Description = "The file to write (replaced); '-' writes a text format to standard output.", Required = true };
        var command = new Command("export", "Write the stored events that pass the filters to a file: GDELT event or mentions table, JSON Lines, CSV or Parquet.") { store, format, output };
        filters.AddTo(command);
        command.SetAction(parsed => CliStore.Run(async cancellationToken =>
        {
            var stdout = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            if (filters.Read(parsed, error) is not { } query)
            {
                return ExitCodes.Usage;
            }

            _ = EventExport.TryParseFormat(parsed.GetValue(format), out var chosen);
            var path = parsed.GetValue(output)!;
            if (path == "-" && chosen == ExportFormat.Parquet)
            {
                error.WriteLine("dyad: Parquet is written to a file; give --out FILE.");
                return ExitCodes.Usage;
            }

            if (path != "-" && Directory.Exists(path))
            {
                error.WriteLine($"dyad: --out {path} is a directory; name a file to write, such as {Path.Combine(path, "events." + Extension(chosen))}.");
                return ExitCodes.Usage;
            }

            var opened = await CliStore.OpenAsync(CliStore.Location(parsed, store), create: false, error, cancellationToken).ConfigureAwait(false);
            if (opened is null)
            {
                return ExitCodes.InputProblem;
            }

            await using (opened.ConfigureAwait(false))
            {
                long rows;
                try
                {
                    rows = path == "-"
                        ? await EventExport.WriteAsync(opened, chosen, stdout, query, cancellationToken).ConfigureAwait(false)
                        : await EventExport.WriteAsync(opened, chosen, path, query, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (path != "-" && e is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"dyad: {ErrorCodes.ExportUnwritable}: cannot write --out {path}: {e.Message}");
                    return ExitCodes.InputProblem;
                }

                var summary = path == "-" ? error : stdout;
                summary.WriteLine(string.Create(CultureInfo.InvariantCulture, $"export: {rows} rows ({chosen.ToString().ToLowerInvariant()}) to {path}"));
                return rows == 0 ? ExitCodes.NothingFound : ExitCodes.Ok;
            }
        }));
        return command;
    }

    private static string Extension(ExportFormat format) => format switch
    {
        ExportFormat.Jsonl => "jsonl",
        ExportFormat.Csv => "csv",
        ExportFormat.Parquet => "parquet",
        _ => "tsv",
    };
}
