using System.CommandLine;
using System.Globalization;
using Dyad.Events;
using Dyad.Store;
using Dyad.Store.Export;

namespace Dyad.Cli;

/// <summary>
/// <c>dyad query [--store ...] [filters] [--limit N] [--offset N] [--format table|jsonl] [--daily]</c>: stored events,
/// one mention a row, or with <c>--daily</c> one event per day, dyad and code with its mention, source and article counts.
/// </summary>
internal static class QueryCommand
{
    public static Command Create()
    {
        var store = CliStore.StoreOption();
        var filters = new EventFilterOptions(paging: true);
        var format = new Option<string>("--format") { Description = "table or jsonl (the fields of 'dyad code --format jsonl' as the store keeps them, with ids and the document).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl");
        var daily = new Option<bool>("--daily") { Description = "One event per (day, source, target, code), with num_mentions, num_sources, num_articles and num_stories (GDELT's one-a-day filter)." };
        var command = new Command("query", "Print stored events that pass the filters, as a table or JSON Lines.") { store, format, daily };
        filters.AddTo(command);
        command.SetAction(parsed => CliStore.Run(async cancellationToken =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            if (filters.Read(parsed, error) is not { } query)
            {
                return ExitCodes.Usage;
            }

            var opened = await CliStore.OpenAsync(CliStore.Location(parsed, store), create: false, error, cancellationToken).ConfigureAwait(false);
            if (opened is null)
            {
                return ExitCodes.InputProblem;
            }

            await using (opened.ConfigureAwait(false))
            {
                var jsonl = parsed.GetValue(format) == "jsonl";
                var rows = parsed.GetValue(daily)
                    ? await WriteDailyAsync(opened, query, jsonl, output, cancellationToken).ConfigureAwait(false)
                    : await WriteMentionsAsync(opened, query, jsonl, output, cancellationToken).ConfigureAwait(false);
                return rows == 0 ? ExitCodes.NothingFound : ExitCodes.Ok;
            }
        }));
        return command;
    }

    private static async Task<long> WriteMentionsAsync(IEventStore store, EventQuery query, bool jsonl, TextWriter output, CancellationToken cancellationToken)
    {
        if (jsonl)
        {
            return await EventExport.WriteAsync(store, ExportFormat.Jsonl, output, query, cancellationToken).ConfigureAwait(false);
        }

        long rows = 0;
        output.WriteLine("day         source      target      cameo  goldstein  plover        place            document                  words (source | verb | target)");
        await foreach (var m in store.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            var e = m.Event;
            var words = $"{e.Evidence.Source?.Text ?? "-"} | {e.Evidence.Verb.Text} | {e.Evidence.Target?.Text ?? "-"}";
            var goldstein = e.Goldstein?.ToString("0.0", CultureInfo.InvariantCulture) ?? string.Empty;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{Day(m.Day),-10}  {e.Source,-10}  {e.Target,-10}  {e.Cameo,-5}  {goldstein,9}  {e.Plover.Event ?? "-",-12}  {e.Location?.Name ?? "-",-15}  {Shorten(m.Document.Key, 24),-24}  {words}"));
            rows++;
        }

        return rows;
    }

    private static async Task<long> WriteDailyAsync(IEventStore store, EventQuery query, bool jsonl, TextWriter output, CancellationToken cancellationToken)
    {
        long rows = 0;
        if (!jsonl)
        {
            output.WriteLine("day         source      target      cameo  goldstein  num_mentions  num_sources  num_articles  num_stories");
        }

        await foreach (var d in store.QueryDailyAsync(query, cancellationToken).ConfigureAwait(false))
        {
            var e = d.First.Event;
            if (jsonl)
            {
                Json.WriteRecord(output, new DailyLine(
                    d.GlobalEventId,
                    d.First.Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    e.Source,
                    e.Target,
                    e.Cameo,
                    e.Root,
                    e.QuadClass,
                    e.Goldstein,
                    e.Plover.Event,
                    d.NumMentions,
                    d.NumSources,
                    d.NumArticles,
                    d.NumStories,
                    d.DateAdded.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                    d.First.Document.Key,
                    d.First.Document.Url,
                    e.Evidence.Text));
            }
            else
            {
                var goldstein = e.Goldstein?.ToString("0.0", CultureInfo.InvariantCulture) ?? string.Empty;
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{Day(d.First.Day),-10}  {e.Source,-10}  {e.Target,-10}  {e.Cameo,-5}  {goldstein,9}  {d.NumMentions,12}  {d.NumSources,11}  {d.NumArticles,12}  {d.NumStories,11}"));
            }

            rows++;
        }

        return rows;
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 3)] + "...";

    /// <summary>A one-a-day event as <c>dyad query --daily --format jsonl</c> writes it; the sentence and document are its first mention's.</summary>
    private sealed record DailyLine(
        long EventId,
        string? Day,
        ActorCode Source,
        ActorCode Target,
        CameoCode Cameo,
        string Root,
        int QuadClass,
        double? Goldstein,
        string? PloverEvent,
        long NumMentions,
        long NumSources,
        long NumArticles,
        long NumStories,
        string DateAdded,
        string FirstDocument,
        string? FirstUrl,
        string FirstSentence);
}
