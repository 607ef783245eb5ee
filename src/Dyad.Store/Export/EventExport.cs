using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DuckDB.NET.Data;
using Dyad.Events;

namespace Dyad.Store.Export;

/// <summary>The formats <see cref="EventExport"/> writes.</summary>
public enum ExportFormat
{
    /// <summary>GDELT 2.0 event table: one-a-day events, 61 tab-separated columns, no header.</summary>
    Gdelt,

    /// <summary>GDELT 2.0 mentions table: one row per mention, 16 tab-separated columns, no header.</summary>
    Mentions,

    /// <summary>JSON Lines, one mention a line: the <c>dyad code</c> event fields plus ids, document and location.</summary>
    Jsonl,

    /// <summary>CSV (RFC 4180) with a header: the flat mention columns (<see cref="EventExport.FlatColumns"/>).</summary>
    Csv,

    /// <summary>Apache Parquet: the flat mention columns, typed.</summary>
    Parquet,
}

/// <summary>Writes a store's events (those passing a filter) to a file in one of the <see cref="ExportFormat"/>s.</summary>
/// <remarks>
/// Parquet goes through an in-memory DuckDB database for both stores: the rows are appended to a typed table there and
/// written with DuckDB's <c>COPY ... TO ... (FORMAT parquet)</c>, so no other Parquet library is needed.
/// </remarks>
public static class EventExport
{
    private static JsonSerializerOptions JsonOptions => RecordJson.Options;

    /// <summary>The flat columns of CSV and Parquet exports, with their SQL types.</summary>
    public static IReadOnlyList<(string Name, string Type)> FlatColumns { get; } =
    [
        ("mention_id", "BIGINT"), ("event_id", "BIGINT"), ("day", "DATE"), ("date", "DATE"), ("date_precision", "VARCHAR"),
        ("source", "VARCHAR"), ("target", "VARCHAR"), ("cameo", "VARCHAR"), ("root", "VARCHAR"), ("quad_class", "INTEGER"), ("penta_class", "INTEGER"),
        ("goldstein", "DOUBLE"), ("plover_event", "VARCHAR"), ("plover_mode", "VARCHAR"), ("plover_context", "VARCHAR"),
        ("document_id", "VARCHAR"), ("sentence", "INTEGER"), ("sentence_text", "VARCHAR"), ("sentence_start", "INTEGER"),
        ("sentence_end", "INTEGER"), ("source_text", "VARCHAR"), ("source_start", "INTEGER"), ("source_end", "INTEGER"),
        ("verb_text", "VARCHAR"), ("verb_start", "INTEGER"), ("verb_end", "INTEGER"), ("target_text", "VARCHAR"),
        ("target_start", "INTEGER"), ("target_end", "INTEGER"), ("location_name", "VARCHAR"), ("location_country", "VARCHAR"),
        ("location_adm1", "VARCHAR"), ("location_lat", "DOUBLE"), ("location_lon", "DOUBLE"), ("location_geonames_id", "BIGINT"),
        ("location_feature", "VARCHAR"), ("url", "VARCHAR"), ("title", "VARCHAR"), ("outlet", "VARCHAR"), ("published", "TIMESTAMP"),
        ("story_id", "VARCHAR"), ("rule", "VARCHAR"), ("rule_source", "VARCHAR"), ("source_country_from", "VARCHAR"), ("target_country_from", "VARCHAR"),
    ];

    /// <summary>Parses a format name: <c>gdelt</c>, <c>mentions</c>, <c>jsonl</c>, <c>csv</c> or <c>parquet</c>.</summary>
    /// <param name="name">The name, in any case.</param>
    /// <param name="format">The format.</param>
    /// <returns>True when the name is known.</returns>
    public static bool TryParseFormat(string? name, out ExportFormat format) =>
        Enum.TryParse(name, ignoreCase: true, out format) && Enum.IsDefined(format) && !int.TryParse(name, CultureInfo.InvariantCulture, out _);

    /// <summary>Writes the events of <paramref name="store"/> that pass <paramref name="query"/> to the file <paramref name="path"/>, replacing it.</summary>
    /// <param name="store">The store.</param>
    /// <param name="format">The format.</param>
    /// <param name="path">The file to write.</param>
    /// <param name="query">Filters and paging (paging counts one-a-day events for <see cref="ExportFormat.Gdelt"/>, mentions otherwise).</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The number of rows written.</returns>
    public static async Task<long> WriteAsync(IEventStore store, ExportFormat format, string path, EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(query);
        if (format == ExportFormat.Parquet)
        {
            return await WriteParquetAsync(store, path, query, cancellationToken).ConfigureAwait(false);
        }

        var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        await using (writer.ConfigureAwait(false))
        {
            return await WriteAsync(store, format, writer, query, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes a text format (every format but Parquet) to <paramref name="output"/>.</summary>
    /// <param name="store">The store.</param>
    /// <param name="format">The format; not <see cref="ExportFormat.Parquet"/>.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="query">Filters and paging.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The number of rows written.</returns>
    /// <exception cref="ArgumentException"><paramref name="format"/> is Parquet (a binary format needs a file).</exception>
    public static async Task<long> WriteAsync(IEventStore store, ExportFormat format, TextWriter output, EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(query);
        long rows = 0;
        switch (format)
        {
            case ExportFormat.Gdelt:
                await foreach (var daily in store.QueryDailyAsync(query, cancellationToken).ConfigureAwait(false))
                {
                    await output.WriteLineAsync(string.Join('\t', GdeltFormat.EventRow(daily))).ConfigureAwait(false);
                    rows++;
                }

                break;
            case ExportFormat.Mentions:
                // An event first seen before an arrival window still gives its mentions in the window its own DateAdded.
                var added = new Dictionary<long, DateTimeOffset>();
                await foreach (var daily in store.QueryDailyAsync(query with { Limit = null, Offset = 0, AddedFrom = null }, cancellationToken).ConfigureAwait(false))
                {
                    added[daily.GlobalEventId] = daily.DateAdded;
                }

                await foreach (var mention in store.QueryAsync(query, cancellationToken).ConfigureAwait(false))
                {
                    var record = mention.Event;
                    var id = GlobalEventIds.Of(mention.Day, record.Source, record.Target, record.Cameo);
                    var eventTime = added.TryGetValue(id, out var time) ? time : mention.Document.IngestedAt;
                    await output.WriteLineAsync(string.Join('\t', GdeltFormat.MentionRow(mention, eventTime))).ConfigureAwait(false);
                    rows++;
                }

                break;
            case ExportFormat.Jsonl:
                await foreach (var mention in store.QueryAsync(query, cancellationToken).ConfigureAwait(false))
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(ToJson(mention), JsonOptions)).ConfigureAwait(false);
                    rows++;
                }

                break;
            case ExportFormat.Csv:
                await output.WriteLineAsync(string.Join(',', FlatColumns.Select(c => c.Name))).ConfigureAwait(false);
                await foreach (var mention in store.QueryAsync(query, cancellationToken).ConfigureAwait(false))
                {
                    await output.WriteLineAsync(string.Join(',', Flat(mention).Select(CsvField))).ConfigureAwait(false);
                    rows++;
                }

                break;
            default:
                throw new ArgumentException($"The {format} format is written to a file; use the overload that takes a path.", nameof(format));
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    /// <summary>The JSON Lines object of a mention.</summary>
    /// <param name="mention">The mention.</param>
    /// <returns>An object that serialises (snake_case) to the event fields of <c>dyad code</c> plus ids, document and location.</returns>
    public static JsonMention ToJson(StoredMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var r = mention.Event;
        var d = mention.Document;
        return new JsonMention(
            r.Date, r.Source, r.Target, r.SourceCountry, r.TargetCountry, r.Cameo, r.Root, r.QuadClass, r.PentaClass, r.Goldstein, r.Plover, r.Evidence, r.Rule, r.RuleSource,
            r.DatePrecision,
            mention.Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            GlobalEventIds.Of(mention.Day, r.Source, r.Target, r.Cameo),
            mention.Id,
            new JsonMentionDocument(d.Key, d.Url, d.Title, d.Source, d.Published?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), d.StoryId),
            r.Location,
            r.SourceCountryFrom,
            r.TargetCountryFrom);
    }

    private static async Task<long> WriteParquetAsync(IEventStore store, string path, EventQuery query, CancellationToken cancellationToken)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var create = connection.CreateCommand();
            await using (create.ConfigureAwait(false))
            {
                create.CommandText = "CREATE TABLE mentions (" + string.Join(", ", FlatColumns.Select(c => c.Name + " " + c.Type)) + ")";
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            long rows = 0;
            using (var appender = connection.CreateAppender("mentions"))
            {
                await foreach (var mention in store.QueryAsync(query, cancellationToken).ConfigureAwait(false))
                {
                    var row = appender.CreateRow();
                    foreach (var value in Flat(mention))
                    {
                        _ = value switch
                        {
                            null => row.AppendNullValue(),
                            string s => row.AppendValue(s),
                            int i => row.AppendValue(i),
                            long l => row.AppendValue(l),
                            double x => row.AppendValue(x),
                            DateOnly day => row.AppendValue(day),
                            DateTime time => row.AppendValue(time),
                            _ => throw new InvalidOperationException($"No Parquet mapping for {value.GetType()}."),
                        };
                    }

                    row.EndRow();
                    rows++;
                }
            }

            var copy = connection.CreateCommand();
            await using (copy.ConfigureAwait(false))
            {
                // COPY takes no parameter for its file name; the path is written as a SQL string literal with its quotes doubled.
#pragma warning disable CA2100 // The only text from outside is the path, quoted as a literal.
                copy.CommandText = "COPY mentions TO '" + Path.GetFullPath(path).Replace("'", "''", StringComparison.Ordinal) + "' (FORMAT parquet)";
#pragma warning restore CA2100
                await copy.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return rows;
        }
    }

    private static object?[] Flat(StoredMention mention)
    {
        var r = mention.Event;
        var e = r.Evidence;
        var l = r.Location;
        var d = mention.Document;
        return
        [
            mention.Id, GlobalEventIds.Of(mention.Day, r.Source, r.Target, r.Cameo), mention.Day, r.Date, r.DatePrecision,
            r.Source.Value, r.Target.Value, r.Cameo.Value, r.Root, r.QuadClass, r.PentaClass,
            r.Goldstein, r.Plover.Event, r.Plover.Mode, r.Plover.Context,
            d.Key, e.Sentence, e.Text, e.Start,
            e.End, e.Source?.Text, e.Source?.Start, e.Source?.End,
            e.Verb.Text, e.Verb.Start, e.Verb.End, e.Target?.Text,
            e.Target?.Start, e.Target?.End, l?.Name, l?.Country,
            l?.Adm1, l?.Lat, l?.Lon, l?.GeonamesId,
            l?.Feature, d.Url, d.Title, d.Source, d.Published?.UtcDateTime,
            d.StoryId, r.Rule, r.RuleSource, r.SourceCountryFrom, r.TargetCountryFrom,
        ];
    }

    private static string CsvField(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime time => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            double x => x.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        return text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}

/// <summary>A mention as the JSON Lines export writes it: the event fields of <c>dyad code</c>, then the store's.</summary>
/// <param name="Date">The event's date, or null.</param>
/// <param name="Source">Source actor code.</param>
/// <param name="Target">Target actor code.</param>
/// <param name="SourceCountry">The source's CAMEO country code, or null for organisations and unknown actors.</param>
/// <param name="TargetCountry">The target's CAMEO country code, or null.</param>
/// <param name="Cameo">CAMEO code.</param>
/// <param name="Root">CAMEO root.</param>
/// <param name="QuadClass">QuadClass.</param>
/// <param name="PentaClass">The code's pentaclass.</param>
/// <param name="Goldstein">Goldstein value.</param>
/// <param name="Plover">PLOVER fields.</param>
/// <param name="Evidence">Evidence (its <c>doc</c> is the document's key).</param>
/// <param name="Rule">The rule.</param>
/// <param name="RuleSource">Where the rule is.</param>
/// <param name="DatePrecision">The date's precision.</param>
/// <param name="Day">The day the event is counted on.</param>
/// <param name="EventId">The one-a-day event's GlobalEventID.</param>
/// <param name="MentionId">The mention's row id.</param>
/// <param name="Document">The document.</param>
/// <param name="Location">The place, or null (the store keeps no words of it, so its text and offsets are null).</param>
/// <param name="SourceCountryFrom">Where the source's country came from when its words gave none (<c>dateline</c>, <c>article</c>), or null.</param>
/// <param name="TargetCountryFrom">As <paramref name="SourceCountryFrom"/>, for the target.</param>
public sealed record JsonMention(
    DateOnly? Date,
    ActorCode Source,
    ActorCode Target,
    string? SourceCountry,
    string? TargetCountry,
    CameoCode Cameo,
    string Root,
    int QuadClass,
    int PentaClass,
    double? Goldstein,
    PloverFields Plover,
    EventEvidence Evidence,
    string Rule,
    string RuleSource,
    string? DatePrecision,
    string? Day,
    long EventId,
    long MentionId,
    JsonMentionDocument Document,
    EventPlace? Location,
    string? SourceCountryFrom,
    string? TargetCountryFrom);

/// <summary>The document of a JSON Lines mention.</summary>
/// <param name="Id">Its key.</param>
/// <param name="Url">URL.</param>
/// <param name="Title">Headline.</param>
/// <param name="Source">Outlet.</param>
/// <param name="Published">Publication time, ISO 8601 UTC.</param>
/// <param name="Story">Its story group.</param>
public sealed record JsonMentionDocument(string Id, string? Url, string? Title, string? Source, string? Published, string? Story);
