using System.CommandLine;
using System.Globalization;
using Dyad.Store;
using Dyad.Store.Export;

namespace Dyad.Cli;

/// <summary>
/// <c>dyad export [--store ...] --format gdelt|mentions|jsonl|csv|parquet --out FILE [filters]</c>: writes stored events to a file;
/// <c>dyad export --since TIME [--window 15m] [--base-url URL] --out DIR [filters]</c>: writes GDELT 2.0 update files (see <see cref="GdeltUpdates"/>).
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var store = CliStore.StoreOption();
        var filters = new EventFilterOptions(paging: true);
        var format = new Option<string>("--format")
        {
            Description = "gdelt (GDELT 2.0 event table: one-a-day events, 61 tab-separated columns), mentions (GDELT mentions table, 16 columns), jsonl, csv, or parquet.",
        };
        format.AcceptOnlyFromAmong("gdelt", "mentions", "jsonl", "csv", "parquet");
        var output = new Option<string>("--out") { Description = "The file to write (replaced); '-' writes a text format to standard output. With --since, the folder to write the update files in.", Required = true };
        var since = new Option<string?>("--since") { Description = "Write GDELT 2.0 update files instead (zipped event and mentions tables per window of arrival time, lastupdate.txt, masterfilelist.txt), from this time (UTC; ISO 8601 or YYYYMMDDHHMMSS), rounded down to its window, to the latest arrival." };
        var window = new Option<string>("--window") { Description = "With --since: the window length, such as 15m (the default), 1h or 1d.", DefaultValueFactory = _ => "15m" };
        var baseUrl = new Option<string?>("--base-url") { Description = "With --since: the URL put before each file name in lastupdate.txt and masterfilelist.txt." };
        var command = new Command("export", "Write the stored events that pass the filters to a file: GDELT event or mentions table, JSON Lines, CSV or Parquet; or, with --since, GDELT 2.0 update files to a folder.") { store, format, output, since, window, baseUrl };
        filters.AddTo(command);
        command.SetAction(parsed => CliStore.Run(async cancellationToken =>
        {
            var stdout = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            if (filters.Read(parsed, error) is not { } query)
            {
                return ExitCodes.Usage;
            }

            if (parsed.GetValue(since) is { } sinceText)
            {
                return await UpdatesAsync(parsed, store, query, parsed.GetValue(format), sinceText, parsed.GetValue(window), parsed.GetValue(baseUrl), parsed.GetValue(output)!, cancellationToken).ConfigureAwait(false);
            }

            if (parsed.GetValue(format) is null)
            {
                error.WriteLine("dyad: --format is required (or --since, for GDELT update files).");
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

    private static async Task<int> UpdatesAsync(ParseResult parsed, Option<string?> store, EventQuery query, string? formatText, string sinceText, string? windowText, string? baseUrl, string folder, CancellationToken cancellationToken)
    {
        var stdout = parsed.InvocationConfiguration.Output;
        var error = parsed.InvocationConfiguration.Error;
        var usage = new List<string>();
        if (!GdeltUpdates.TryParseTime(sinceText, out var since))
        {
            usage.Add($"--since '{sinceText}' is not a time; give ISO 8601 (2024-03-01T10:15:00Z) or YYYYMMDDHHMMSS, in UTC.");
        }

        if (!GdeltUpdates.TryParseWindow(windowText, out var window))
        {
            usage.Add($"--window '{windowText}' is not a window; give minutes, hours or days, such as 15m, 1h or 1d.");
        }

        if (formatText is not null)
        {
            usage.Add("--format does not apply with --since: update files hold the GDELT event and mentions tables.");
        }

        if (query.Limit is not null || query.Offset != 0)
        {
            usage.Add("--limit and --offset do not apply with --since.");
        }

        if (folder == "-" || File.Exists(folder))
        {
            usage.Add($"--out {folder} is not a folder; with --since, name the folder to write the update files in.");
        }

        if (usage.Count > 0)
        {
            foreach (var problem in usage)
            {
                error.WriteLine("dyad: " + problem);
            }

            return ExitCodes.Usage;
        }

        var opened = await CliStore.OpenAsync(CliStore.Location(parsed, store), create: false, error, cancellationToken).ConfigureAwait(false);
        if (opened is null)
        {
            return ExitCodes.InputProblem;
        }

        await using (opened.ConfigureAwait(false))
        {
            IReadOnlyList<UpdateWindow> written;
            try
            {
                written = await GdeltUpdates.WriteAsync(opened, query, since, window, folder, baseUrl, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"dyad: {ErrorCodes.ExportUnwritable}: cannot write --out {folder}: {e.Message}");
                return ExitCodes.InputProblem;
            }

            stdout.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"export: {written.Count} windows, {written.Sum(w => w.Events)} events, {written.Sum(w => w.Mentions)} mentions (gdelt updates) to {folder}"));
            return written.Count == 0 ? ExitCodes.NothingFound : ExitCodes.Ok;
        }
    }

    private static string Extension(ExportFormat format) => format switch
    {
        ExportFormat.Jsonl => "jsonl",
        ExportFormat.Csv => "csv",
        ExportFormat.Parquet => "parquet",
        _ => "tsv",
    };
}
