using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using static Dyad.Store.SqlValues;

namespace Dyad.Store;

/// <summary>The event reads: mentions, one-a-day events, counts and totals, filtered by <see cref="EventQuerySql"/>.</summary>
public sealed partial class SqlEventStore
{
    /// <inheritdoc />
    /// <remarks>A page (a query with a limit) is chosen over the narrow columns first and only its rows are read whole.</remarks>
    public async IAsyncEnumerable<StoredMention> QueryAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (where, arguments) = EventQuerySql.Where(query);
        var sql = query.Limit is null
            ? $"""
                SELECT {StoreColumns.Mention}
                FROM events e JOIN documents d ON d.id = e.document_id
                {where}
                ORDER BY day NULLS LAST, e.id
                {EventQuerySql.Paging(query)}
                """
            : $"""
                WITH page AS (
                    SELECT e.id AS page_id, {StoreSchema.Day} AS page_day
                    FROM events e JOIN documents d ON d.id = e.document_id
                    {where}
                    ORDER BY page_day NULLS LAST, e.id
                    {EventQuerySql.Paging(query)}
                )
                SELECT {StoreColumns.Mention}
                FROM page p JOIN events e ON e.id = p.page_id JOIN documents d ON d.id = e.document_id
                ORDER BY p.page_day NULLS LAST, p.page_id
                """;
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
                        yield return EventRows.ReadMention(reader, 0);
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<DailyEvent> QueryDailyAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (where, arguments) = EventQuerySql.Where(query, arrivalOnMentions: false);
        var having = EventQuerySql.AddedHaving(query, arguments);
        var sql = $"""
            SELECT g.num_mentions, g.num_sources, g.num_articles, g.num_stories, g.date_added, {StoreColumns.Mention}
            FROM ({StoreSchema.DailyGroups(where, having)}) g
            JOIN events e ON e.id = g.first_id
            JOIN documents d ON d.id = e.document_id
            ORDER BY g.day NULLS LAST, {_dialect.Ordinal("g.source")}, {_dialect.Ordinal("g.target")}, {_dialect.Ordinal("g.cameo")}
            {EventQuerySql.Paging(query)}
            """;
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
                        var first = EventRows.ReadMention(reader, 5);
                        var record = first.Event;
                        yield return new DailyEvent(
                            GlobalEventIds.Of(first.Day, record.Source, record.Target, record.Cameo),
                            first,
                            Int64(reader, 0),
                            Int64(reader, 1),
                            Int64(reader, 2),
                            Int64(reader, 3),
                            ReadTimestamp(reader, 4)!.Value);
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    public async Task<StoreStats> StatsAsync(EventQuery query, int topDyads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(topDyads);
        var (where, arguments) = EventQuerySql.Where(query);
        const string From = "FROM events e JOIN documents d ON d.id = e.document_id";
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var byMonth = await CountsAsync(
                connection,
                $"""
                SELECT CAST(EXTRACT(YEAR FROM {StoreSchema.Day}) AS INTEGER) AS y, CAST(EXTRACT(MONTH FROM {StoreSchema.Day}) AS INTEGER) AS m,
                       COUNT(*) AS n, COUNT(DISTINCT e.document_id) AS a
                {From} {where}
                GROUP BY 1, 2 ORDER BY 1 NULLS LAST, 2
                """,
                arguments,
                reader => reader.IsDBNull(0)
                    ? "unknown"
                    : string.Create(CultureInfo.InvariantCulture, $"{Int64(reader, 0):0000}-{Int64(reader, 1):00}"),
                2,
                cancellationToken).ConfigureAwait(false);
            var byDyad = await CountsAsync(
                connection,
                $"""
                SELECT e.source, e.target, COUNT(*) AS n, COUNT(DISTINCT e.document_id) AS a
                {From} {where}
                GROUP BY e.source, e.target ORDER BY 3 DESC, {_dialect.Ordinal("e.source")}, {_dialect.Ordinal("e.target")}
                LIMIT {topDyads.ToString(CultureInfo.InvariantCulture)}
                """,
                arguments,
                reader => reader.GetString(0) + " " + reader.GetString(1),
                2,
                cancellationToken).ConfigureAwait(false);
            var byRoot = await CountsAsync(
                connection,
                $"""
                SELECT e.root, COUNT(*) AS n, COUNT(DISTINCT e.document_id) AS a
                {From} {where}
                GROUP BY e.root ORDER BY {_dialect.Ordinal("e.root")}
                """,
                arguments,
                reader => reader.GetString(0),
                1,
                cancellationToken).ConfigureAwait(false);
            return new StoreStats(byMonth, byDyad, byRoot);
        }
    }

    /// <inheritdoc />
    public async Task<StoreTotals> TotalsAsync(CancellationToken cancellationToken)
    {
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = _dialect.Command(
                connection,
                null,
                "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM quarantine), (SELECT COUNT(DISTINCT story_id) FROM documents)");
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    return new StoreTotals(Int64(reader, 0), Int64(reader, 1), Int64(reader, 2), Int64(reader, 3));
                }
            }
        }
    }

    private async Task<List<CountRow>> CountsAsync(DbConnection connection, string sql, IReadOnlyList<(string, object?)> arguments, Func<DbDataReader, string> key, int countColumn, CancellationToken cancellationToken)
    {
        var rows = new List<CountRow>();
        var command = _dialect.Command(connection, null, sql, arguments);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(new CountRow(key(reader), Int64(reader, countColumn), Int64(reader, countColumn + 1)));
                }
            }
        }

        return rows;
    }
}
