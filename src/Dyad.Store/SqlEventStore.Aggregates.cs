using System.Data.Common;
using System.Globalization;
using Dyad.Documents;
using static Dyad.Store.SqlValues;

namespace Dyad.Store;

/// <summary>Single-row look-ups and the aggregations a dashboard draws (timeline, dyads, actors, places), done by the engine.</summary>
public sealed partial class SqlEventStore
{
    private const string EventsAndDocuments = "FROM events e JOIN documents d ON d.id = e.document_id";

    private const string GoldsteinSum = "CAST(COALESCE(SUM(e.goldstein), 0) AS DOUBLE PRECISION)";

    /// <inheritdoc />
    public async Task<long> CountAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (where, arguments) = EventQuerySql.Where(query);
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var value = await _dialect.ScalarAsync(connection, null, $"SELECT COUNT(*) {EventsAndDocuments} {where}", cancellationToken, [.. arguments]).ConfigureAwait(false);
            return Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
    }

    /// <inheritdoc />
    public async Task<StoredMention?> GetMentionAsync(long id, CancellationToken cancellationToken)
    {
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = _dialect.Command(connection, null, $"SELECT {StoreColumns.Mention} {EventsAndDocuments} WHERE e.id = @id", [("id", id)]);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? EventRows.ReadMention(reader, 0) : null;
                }
            }
        }
    }

    /// <inheritdoc />
    public async Task<StoredDocument?> GetDocumentAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = _dialect.Command(
                connection,
                null,
                $"SELECT {StoreColumns.Document} FROM documents WHERE id = @id",
                [("id", key)]);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return null;
                    }

                    return EventRows.ReadDocument(reader);
                }
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TimelineRow>> TimelineAsync(EventQuery query, TimeBucket bucket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (where, arguments) = EventQuerySql.Where(query);
        var sql = $"""
            SELECT {Period(bucket)} AS period, e.quad_class, COUNT(*) AS n, {GoldsteinSum} AS g
            {EventsAndDocuments} {EventQuerySql.And(where, $"{StoreSchema.Day} IS NOT NULL")}
            GROUP BY 1, 2 ORDER BY 1, 2
            """;
        return await RowsAsync(sql, arguments, r => new TimelineRow(PeriodKey(r, 0, bucket), (int)Int64(r, 1), Int64(r, 2), Double(r, 3)), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DyadRow>> TopDyadsAsync(EventQuery query, int top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        var (where, arguments) = EventQuerySql.Where(query);
        arguments.Add(("top", top));
        var sql = $"""
            SELECT e.source, e.target, COUNT(*) AS n, {GoldsteinSum} AS g, COUNT(DISTINCT e.document_id) AS a
            {EventsAndDocuments} {where}
            GROUP BY e.source, e.target ORDER BY 3 DESC, {_dialect.Ordinal("e.source")}, {_dialect.Ordinal("e.target")}
            LIMIT @top
            """;
        return await RowsAsync(sql, arguments, r => new DyadRow(r.GetString(0), r.GetString(1), Int64(r, 2), Double(r, 3), Int64(r, 4)), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DyadPeriodRow>> DyadSeriesAsync(EventQuery query, TimeBucket bucket, int topDyads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(topDyads);
        var (where, arguments) = EventQuerySql.Where(query);
        arguments.Add(("top", topDyads));
        var sql = $"""
            WITH top_dyads AS (
                SELECT e.source, e.target
                {EventsAndDocuments} {where}
                GROUP BY e.source, e.target ORDER BY COUNT(*) DESC, {_dialect.Ordinal("e.source")}, {_dialect.Ordinal("e.target")}
                LIMIT @top
            )
            SELECT {Period(bucket)} AS period, e.source, e.target, COUNT(*) AS n, {GoldsteinSum} AS g
            {EventsAndDocuments} JOIN top_dyads t ON t.source = e.source AND t.target = e.target
            {EventQuerySql.And(where, $"{StoreSchema.Day} IS NOT NULL")}
            GROUP BY 1, 2, 3 ORDER BY 1, {_dialect.Ordinal("e.source")}, {_dialect.Ordinal("e.target")}
            """;
        return await RowsAsync(sql, arguments, r => new DyadPeriodRow(PeriodKey(r, 0, bucket), r.GetString(1), r.GetString(2), Int64(r, 3), Double(r, 4)), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ActorRow>> TopActorsAsync(EventQuery query, int top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        var (where, arguments) = EventQuerySql.Where(query);
        arguments.Add(("top", top));
        var sql = $"""
            SELECT a.actor, CAST(SUM(a.s) AS BIGINT), CAST(SUM(a.t) AS BIGINT), CAST(SUM(a.g) AS DOUBLE PRECISION)
            FROM (
                SELECT e.source AS actor, 1 AS s, 0 AS t, COALESCE(e.goldstein, 0) AS g {EventsAndDocuments} {where}
                UNION ALL
                SELECT e.target AS actor, 0 AS s, 1 AS t, CASE WHEN e.target = e.source THEN 0 ELSE COALESCE(e.goldstein, 0) END AS g
                {EventsAndDocuments} {where}
            ) a
            GROUP BY a.actor ORDER BY SUM(a.s) + SUM(a.t) DESC, {_dialect.Ordinal("a.actor")}
            LIMIT @top
            """;
        return await RowsAsync(sql, arguments, r => new ActorRow(r.GetString(0), Int64(r, 1), Int64(r, 2), Double(r, 3)), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PlaceRow>> PlacesAsync(EventQuery query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var (where, arguments) = EventQuerySql.Where(query);
        arguments.Add(("top", limit));
        var sql = $"""
            SELECT e.location_name, e.location_country, e.location_adm1, e.location_lat, e.location_lon, COUNT(*) AS n, {GoldsteinSum} AS g
            {EventsAndDocuments} {EventQuerySql.And(where, "e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL")}
            GROUP BY e.location_name, e.location_country, e.location_adm1, e.location_lat, e.location_lon
            ORDER BY 6 DESC, {_dialect.Ordinal("COALESCE(e.location_name, '')")}, e.location_lat, e.location_lon
            LIMIT @top
            """;
        return await RowsAsync(
            sql,
            arguments,
            r => new PlaceRow(NullableString(r, 0), NullableString(r, 1), NullableString(r, 2), Double(r, 3), Double(r, 4), Int64(r, 5), Double(r, 6)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The SQL for a mention's period: its counted day, or the first day of its month.</summary>
    private static string Period(TimeBucket bucket) => bucket switch
    {
        TimeBucket.Day => StoreSchema.Day,

        // date_trunc over a TIMESTAMP (not a DATE, which PostgreSQL would widen to a zoned time) gives the same
        // zone-free value on both engines.
        TimeBucket.Month => $"date_trunc('month', CAST({StoreSchema.Day} AS TIMESTAMP))",
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "The bucket is Day or Month."),
    };

    private static string PeriodKey(DbDataReader reader, int i, TimeBucket bucket)
    {
        var day = ReadDate(reader, i) ?? throw new InvalidDataException("A period is null.");
        return day.ToString(bucket == TimeBucket.Month ? "yyyy-MM" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private async Task<List<T>> RowsAsync<T>(string sql, IReadOnlyList<(string, object?)> arguments, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = _dialect.Command(connection, null, sql, arguments);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        rows.Add(read(reader));
                    }
                }
            }
        }

        return rows;
    }
}
