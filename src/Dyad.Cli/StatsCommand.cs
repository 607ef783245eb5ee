using System.CommandLine;
using System.Globalization;
using Dyad.Store;

namespace Dyad.Cli;

/// <summary><c>dyad stats [--store ...] [filters] [--top N] [--json]</c>: the store's totals and event counts by month, dyad and root.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var store = CliStore.StoreOption();
        var filters = new EventFilterOptions(paging: false);
        var top = new Option<int>("--top") { Description = "How many dyads to list (default 10).", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: totals, by_month, by_dyad, by_root (each row: key, mentions, articles)." };
        var command = new Command("stats", "Count the stored events that pass the filters by month, by dyad (the top N) and by CAMEO root, with the store's totals.") { store, top, json };
        filters.AddTo(command);
        command.SetAction(parsed => CliStore.Run(async cancellationToken =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            if (filters.Read(parsed, error) is not { } query)
            {
                return ExitCodes.Usage;
            }

            if (parsed.GetValue(top) < 0)
            {
                error.WriteLine("dyad: --top takes a number of 0 or more.");
                return ExitCodes.Usage;
            }

            var opened = await CliStore.OpenAsync(CliStore.Location(parsed, store), create: false, error, cancellationToken).ConfigureAwait(false);
            if (opened is null)
            {
                return ExitCodes.InputProblem;
            }

            await using (opened.ConfigureAwait(false))
            {
                var totals = await opened.TotalsAsync(cancellationToken).ConfigureAwait(false);
                var stats = await opened.StatsAsync(query, parsed.GetValue(top), cancellationToken).ConfigureAwait(false);
                if (parsed.GetValue(json))
                {
                    Json.Write(output, new StatsJson(totals, stats.ByMonth, stats.ByDyad, stats.ByRoot));
                }
                else
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: {totals.Documents} documents, {totals.Events} events, {totals.Stories} stories, {totals.Quarantined} quarantined"));
                    Write(output, "month", stats.ByMonth);
                    Write(output, "dyad", stats.ByDyad);
                    Write(output, "root", stats.ByRoot);
                }

                return stats.ByRoot.Count == 0 && stats.ByMonth.Count == 0 ? ExitCodes.NothingFound : ExitCodes.Ok;
            }
        }));
        return command;
    }

    private static void Write(TextWriter output, string title, IReadOnlyList<CountRow> rows)
    {
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{title,-16}  {"mentions",10}  {"articles",10}"));
        foreach (var row in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Key,-16}  {row.Mentions,10}  {row.Articles,10}"));
        }
    }

    private sealed record StatsJson(StoreTotals Totals, IReadOnlyList<CountRow> ByMonth, IReadOnlyList<CountRow> ByDyad, IReadOnlyList<CountRow> ByRoot);
}
