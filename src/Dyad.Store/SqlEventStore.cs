using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Dyad.Documents;
using Dyad.Events;

namespace Dyad.Store;

/// <summary>
/// The store's behaviour, written once in SQL both engines run; <see cref="DuckDbEventStore"/> and
/// <see cref="PostgresEventStore"/> supply connections and the few differences (parameter syntax, error kinds,
/// ordinal ordering). Every value goes through a parameter.
/// </summary>
public abstract partial class SqlEventStore : IEventStore
{
    private const string MentionColumns = $"""
        e.id, {StoreSchema.Day} AS day, e.document_id, e.sentence, e.event_date, e.date_precision, e.source, e.target,
        e.cameo, e.root, e.quad_class, e.goldstein, e.plover_event, e.plover_mode, e.plover_context,
        e.sentence_text, e.sentence_start, e.sentence_end, e.source_text, e.source_start, e.source_end,
        e.verb_text, e.verb_start, e.verb_end, e.target_text, e.target_start, e.target_end,
        e.location_name, e.location_country, e.location_adm1, e.location_lat, e.location_lon, e.location_geonames_id,
        e.location_feature, e.rule, e.rule_source, d.url, d.title, d.source, d.published, d.ingested_at, d.story_id,
        LENGTH(d.text)
        """;

    // Parameters in one statement at most: PostgreSQL's protocol allows 65,535; fewer keeps statements quick to plan.
    private const int MaxParameters = 8000;

    private const int MaxListParameters = 1000;

    private static readonly string[] EventParameters =
    [
        "document_id", "sentence", "event_date", "date_precision", "source", "target", "cameo", "root", "quad_class",
        "goldstein", "plover_event", "plover_mode", "plover_context", "sentence_text", "sentence_start", "sentence_end",
        "source_text", "source_start", "source_end", "verb_text", "verb_start", "verb_end", "target_text", "target_start", "target_end",
        "location_name", "location_country", "location_adm1", "location_lat", "location_lon", "location_geonames_id",
        "location_feature", "rule", "rule_source", "knowledge_base",
    ];

    private readonly TimeProvider _clock;

    /// <summary>Sets the clock that stamps <c>ingested_at</c> and quarantine times.</summary>
    /// <param name="clock">The clock; <see cref="TimeProvider.System"/> when null.</param>
    protected SqlEventStore(TimeProvider? clock) => _clock = clock ?? TimeProvider.System;

    /// <inheritdoc />
    public abstract string Kind { get; }

    /// <summary>A new, closed connection to the store.</summary>
    /// <returns>The connection.</returns>
    protected abstract DbConnection CreateConnection();

    /// <summary>Whether the engine takes parameters by position (<c>$1</c>) rather than by name (<c>@name</c>, as the SQL here is written).</summary>
    protected virtual bool PositionalParameters => false;

    /// <summary>An expression that orders <paramref name="expression"/> by code points, as the other engine does.</summary>
    /// <param name="expression">A text expression.</param>
    /// <returns>The expression to put in ORDER BY.</returns>
    protected virtual string Ordinal(string expression) => expression;

    /// <summary>Whether <paramref name="exception"/> is about the data (a constraint or a bad value), not the connection or the server.</summary>
    /// <param name="exception">The error.</param>
    /// <returns>True when retrying the same data cannot succeed.</returns>
    protected abstract bool IsDataError(DbException exception);

    /// <summary>Creates the schema when it is missing and checks its version; call once after opening.</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task.</returns>
    /// <exception cref="InvalidDataException">The store was written by a newer schema version.</exception>
    protected async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                foreach (var statement in StoreSchema.Statements)
                {
                    await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
                }

                var newest = await ScalarAsync(connection, transaction, "SELECT MAX(version) FROM schema_version", cancellationToken).ConfigureAwait(false);
                if (newest is not null && newest is not DBNull && Convert.ToInt32(newest, CultureInfo.InvariantCulture) > StoreSchema.Version)
                {
                    throw new InvalidDataException($"The store has schema version {newest}; this Dyad reads version {StoreSchema.Version}. Use a newer Dyad.");
                }

                await ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO schema_version (version, applied_at) VALUES (@version, @at) ON CONFLICT (version) DO NOTHING",
                    cancellationToken,
                    ("version", StoreSchema.Version),
                    ("at", Timestamp(_clock.GetUtcNow()))).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async Task<IngestCounts> StoreAsync(IReadOnlyList<IngestDocument> batch, string knowledgeBase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        if (batch.Count == 0)
        {
            return IngestCounts.Zero;
        }

        try
        {
            try
            {
                return await WriteAsync(batch, knowledgeBase, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrentWriteException)
            {
                // The batch was rolled back; this time the check sees the other writer's documents.
                return await WriteAsync(batch, knowledgeBase, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (IsBadData(exception) && batch.Count > 1)
        {
            // One document spoiled the batch's transaction; write them one by one so only that one is refused.
            var counts = IngestCounts.Zero;
            foreach (var item in batch)
            {
                counts = counts.Add(await StoreAsync([item], knowledgeBase, cancellationToken).ConfigureAwait(false));
            }

            return counts;
        }
        catch (Exception exception) when (IsBadData(exception))
        {
            var document = batch[0].Document;
            var entry = new QuarantineEntry(
                document.Input ?? DocumentKey.Of(document),
                document.Place ?? string.Empty,
                "store",
                exception.Message,
                document.Text,
                _clock.GetUtcNow());
            await QuarantineAsync(entry, cancellationToken).ConfigureAwait(false);
            return new IngestCounts(0, 0, 0, 1);
        }
    }

    /// <inheritdoc />
    public async Task<bool> ContainsAsync(string documentKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentKey);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ExistsAsync(connection, null, documentKey, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> ContainsManyAsync(IReadOnlyCollection<string> documentKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentKeys);
        if (documentKeys.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ExistingKeysAsync(connection, null, [.. documentKeys], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<bool> QuarantineAsync(QuarantineEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await ExecuteAsync(
                connection,
                null,
                """
                INSERT INTO quarantine (input, place, stage, reason, content, quarantined_at)
                VALUES (@input, @place, @stage, @reason, @content, @at)
                ON CONFLICT (input, place, stage) DO NOTHING
                """,
                cancellationToken,
                ("input", entry.Input),
                ("place", entry.Place),
                ("stage", entry.Stage),
                ("reason", entry.Reason),
                ("content", entry.Content),
                ("at", Timestamp(entry.At))).ConfigureAwait(false);
            return rows > 0;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QuarantineEntry>> ListQuarantineAsync(CancellationToken cancellationToken)
    {
        var entries = new List<QuarantineEntry>();
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = Command(connection, null, $"SELECT input, place, stage, reason, content, quarantined_at FROM quarantine ORDER BY quarantined_at, {Ordinal("input")}, {Ordinal("place")}, {Ordinal("stage")}");
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        entries.Add(new QuarantineEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), NullableString(reader, 4), ReadTimestamp(reader, 5)!.Value));
                    }
                }
            }
        }

        return entries;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredDocument> ListDocumentsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = Command(connection, null, "SELECT id, content_hash, url, title, source, published, published_from, text, ingested_at, knowledge_base, story_id FROM documents ORDER BY seq");
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        yield return ReadDocument(reader);
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    public async Task<int> ReplaceEventsAsync(string documentKey, IReadOnlyList<EventRecord> events, string knowledgeBase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentKey);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (!await ExistsAsync(connection, transaction, documentKey, cancellationToken).ConfigureAwait(false))
                {
                    throw new KeyNotFoundException($"No stored document has the key '{documentKey}'.");
                }

                var removed = await ExecuteAsync(connection, transaction, "DELETE FROM events WHERE document_id = @id", cancellationToken, ("id", documentKey)).ConfigureAwait(false);
                await InsertEventsAsync(connection, transaction, [.. events.Select(e => EventRow(documentKey, e, knowledgeBase))], cancellationToken).ConfigureAwait(false);

                await ExecuteAsync(connection, transaction, "UPDATE documents SET knowledge_base = @kb WHERE id = @id", cancellationToken, ("kb", knowledgeBase), ("id", documentKey)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return removed;
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>A page (a query with a limit) is chosen over the narrow columns first and only its rows are read whole.</remarks>
    public async IAsyncEnumerable<StoredMention> QueryAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (where, arguments) = Filter(query);
        var sql = query.Limit is null
            ? $"""
                SELECT {MentionColumns}
                FROM events e JOIN documents d ON d.id = e.document_id
                {where}
                ORDER BY day NULLS LAST, e.id
                {Paging(query)}
                """
            : $"""
                WITH page AS (
                    SELECT e.id AS page_id, {StoreSchema.Day} AS page_day
                    FROM events e JOIN documents d ON d.id = e.document_id
                    {where}
                    ORDER BY page_day NULLS LAST, e.id
                    {Paging(query)}
                )
                SELECT {MentionColumns}
                FROM page p JOIN events e ON e.id = p.page_id JOIN documents d ON d.id = e.document_id
                ORDER BY p.page_day NULLS LAST, p.page_id
                """;
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = Command(connection, null, sql, arguments);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        yield return ReadMention(reader, 0);
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<DailyEvent> QueryDailyAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (where, arguments) = Filter(query);
        var sql = $"""
            SELECT g.num_mentions, g.num_sources, g.num_articles, g.num_stories, g.date_added, {MentionColumns}
            FROM ({StoreSchema.DailyGroups(where)}) g
            JOIN events e ON e.id = g.first_id
            JOIN documents d ON d.id = e.document_id
            ORDER BY g.day NULLS LAST, {Ordinal("g.source")}, {Ordinal("g.target")}, {Ordinal("g.cameo")}
            {Paging(query)}
            """;
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = Command(connection, null, sql, arguments);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var first = ReadMention(reader, 5);
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
        var (where, arguments) = Filter(query);
        const string From = "FROM events e JOIN documents d ON d.id = e.document_id";
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
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
                GROUP BY e.source, e.target ORDER BY 3 DESC, {Ordinal("e.source")}, {Ordinal("e.target")}
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
                GROUP BY e.root ORDER BY {Ordinal("e.root")}
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
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = Command(
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

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Opens a new connection.</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The open connection; the caller disposes it.</returns>
    protected async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private bool IsBadData(Exception exception) =>
        exception is InvalidDataException || (exception is DbException db && IsDataError(db));

    private async Task<IngestCounts> WriteAsync(IReadOnlyList<IngestDocument> batch, string knowledgeBase, CancellationToken cancellationToken)
    {
        var now = Timestamp(_clock.GetUtcNow());
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // Set-based: a handful of statements per batch whatever its size, because an engine's cost is per
                // statement far more than per row (DuckDB plans every statement anew).
                var keys = batch.Select(item => DocumentKey.Of((item ?? throw new ArgumentException("A batch item is null.", nameof(batch))).Document)).ToArray();
                var existing = await ExistingKeysAsync(connection, transaction, keys.Distinct(StringComparer.Ordinal).ToArray(), cancellationToken).ConfigureAwait(false);
                var fresh = new List<NewDocument>();
                var seen = new HashSet<string>(existing, StringComparer.Ordinal);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (seen.Add(keys[i]))
                    {
                        var signature = StorySignature.Compute(batch[i].Document.Text);
                        fresh.Add(new NewDocument(keys[i], batch[i], signature, signature is null ? null : StorySignature.BandKeys(signature)));
                    }
                }

                await AssignStoriesAsync(connection, transaction, fresh, cancellationToken).ConfigureAwait(false);
                var inserted = await InsertDocumentsAsync(connection, transaction, fresh, now, knowledgeBase, cancellationToken).ConfigureAwait(false);
                if (inserted != fresh.Count)
                {
                    // Another writer (PostgreSQL) stored one of these keys after our check; the caller runs the batch again.
                    throw new ConcurrentWriteException();
                }

                var bandRows = fresh.Where(d => d.Bands is not null).SelectMany(d => d.Bands!.Select(b => new object?[] { b, d.Key })).ToList();
                await BulkInsertAsync(connection, transaction, "story_bands", ["band_key", "document_id"], bandRows, cancellationToken).ConfigureAwait(false);
                var events = fresh.SelectMany(d => d.Item.Events.Select(e => EventRow(d.Key, e, knowledgeBase))).ToList();
                await InsertEventsAsync(connection, transaction, events, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new IngestCounts(fresh.Count, batch.Count - fresh.Count, events.Count, 0);
            }
        }
    }

    /// <summary>A <see cref="StoredDocument"/> from a row of the document columns, in the order the document queries select them.</summary>
    private static StoredDocument ReadDocument(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        NullableString(reader, 2),
        NullableString(reader, 3),
        NullableString(reader, 4),
        ReadTimestamp(reader, 5),
        NullableString(reader, 6),
        reader.GetString(7),
        ReadTimestamp(reader, 8)!.Value,
        reader.GetString(9),
        reader.GetString(10));

    private async Task<HashSet<string>> ExistingKeysAsync(DbConnection connection, DbTransaction? transaction, string[] keys, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(MaxListParameters))
        {
            var names = chunk.Select((_, i) => "p" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            var command = Command(connection, transaction, $"SELECT id FROM documents WHERE id IN ({string.Join(", ", names.Select(n => "@" + n))})", names.Zip(chunk, (n, k) => (n, (object?)k)));
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        found.Add(reader.GetString(0));
                    }
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Gives each new document the story of its most similar stored (or earlier in the batch) document at or above
    /// <see cref="StorySignature.SameStoryThreshold"/>, ties to the earliest stored; else its own key.
    /// </summary>
    private async Task AssignStoriesAsync(DbConnection connection, DbTransaction transaction, List<NewDocument> fresh, CancellationToken cancellationToken)
    {
        var bandKeys = fresh.Where(d => d.Bands is not null).SelectMany(d => d.Bands!).Distinct().ToArray();
        var candidates = new Dictionary<long, List<Candidate>>();
        foreach (var (band, story, signature, seq) in await ReadBandMatchesAsync(connection, transaction, bandKeys, cancellationToken).ConfigureAwait(false))
        {
            if (!candidates.TryGetValue(band, out var list))
            {
                candidates[band] = list = [];
            }

            list.Add(new Candidate(story, StorySignature.FromBytes(signature), seq));
        }

        // Documents of this batch come after every stored one, in batch order.
        var order = long.MaxValue - fresh.Count;
        foreach (var document in fresh)
        {
            document.Story = document.Key;
            if (document.Bands is null)
            {
                continue;
            }

            Candidate? best = null;
            var bestSimilarity = 0.0;
            foreach (var candidate in document.Bands.SelectMany(b => candidates.TryGetValue(b, out var list) ? list : []).Distinct().OrderBy(c => c.Order))
            {
                var similarity = StorySignature.Similarity(document.Signature, candidate.Signature);
                if (similarity >= StorySignature.SameStoryThreshold && similarity > bestSimilarity)
                {
                    best = candidate;
                    bestSimilarity = similarity;
                }
            }

            if (best is not null)
            {
                document.Story = best.Story;
            }

            var self = new Candidate(document.Story, document.Signature!, order++);
            foreach (var band in document.Bands)
            {
                if (!candidates.TryGetValue(band, out var list))
                {
                    candidates[band] = list = [];
                }

                list.Add(self);
            }
        }
    }

    /// <summary>The stored documents that have one of the LSH band keys: (band key, story id, signature bytes, seq).</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">Its transaction.</param>
    /// <param name="bandKeys">The band keys.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>One row per (band key, document) match.</returns>
    protected virtual async Task<List<(long Band, string Story, byte[] Signature, long Seq)>> ReadBandMatchesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<long> bandKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bandKeys);
        var matches = new List<(long, string, byte[], long)>();
        foreach (var chunk in bandKeys.Chunk(MaxListParameters))
        {
            var names = chunk.Select((_, i) => "k" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            var command = Command(
                connection,
                transaction,
                $"""
                SELECT b.band_key, d.story_id, d.signature, d.seq FROM story_bands b JOIN documents d ON d.id = b.document_id
                WHERE b.band_key IN ({string.Join(", ", names.Select(n => "@" + n))}) AND d.signature IS NOT NULL
                """,
                names.Zip(chunk, (n, k) => (n, (object?)k)));
            await using (command.ConfigureAwait(false))
            {
                matches.AddRange(await ReadBandRowsAsync(command, cancellationToken).ConfigureAwait(false));
            }
        }

        return matches;
    }

    /// <summary>Reads the rows of a band-match query (band key, story id, signature, seq).</summary>
    /// <param name="command">The query.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The rows.</returns>
    protected static async Task<List<(long Band, string Story, byte[] Signature, long Seq)>> ReadBandRowsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rows = new List<(long, string, byte[], long)>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((Int64(reader, 0), reader.GetString(1), ReadBytes(reader, 2), Int64(reader, 3)));
            }
        }

        return rows;
    }

    private async Task<int> InsertDocumentsAsync(DbConnection connection, DbTransaction transaction, List<NewDocument> fresh, DateTime now, string knowledgeBase, CancellationToken cancellationToken)
    {
        var rows = fresh.Select(d =>
        {
            var document = d.Item.Document;
            return new object?[]
            {
                d.Key, DocumentKey.ContentHash(document.Text), document.Url, document.Title, DocumentKey.Outlet(document),
                document.Published is { } published ? Timestamp(published) : null, document.PublishedFrom, document.Input, document.Place,
                document.Text, now, knowledgeBase, d.Story, d.Signature is null ? null : StorySignature.ToBytes(d.Signature),
            };
        }).ToList();
        return await BulkInsertAsync(
            connection,
            transaction,
            "documents",
            ["id", "content_hash", "url", "title", "source", "published", "published_from", "input", "place", "text", "ingested_at", "knowledge_base", "story_id", "signature"],
            rows,
            cancellationToken,
            " ON CONFLICT (id) DO NOTHING").ConfigureAwait(false);
    }

    private Task<int> InsertEventsAsync(DbConnection connection, DbTransaction transaction, List<object?[]> rows, CancellationToken cancellationToken) =>
        BulkInsertAsync(connection, transaction, "events", EventParameters, rows, cancellationToken);

    /// <summary>Inserts rows into <paramref name="table"/> inside <paramref name="transaction"/>; by multi-row INSERT unless the engine has a faster way.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">Its transaction.</param>
    /// <param name="table">The table (one of the schema's, never text from outside).</param>
    /// <param name="columns">The columns the rows' values are for, in order.</param>
    /// <param name="rows">The rows: string, int, long, double, DateOnly, DateTime or null values.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>Rows inserted.</returns>
    /// <param name="suffix">SQL after the rows, such as an ON CONFLICT clause, or empty.</param>
    protected virtual Task<int> BulkInsertAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, List<object?[]> rows, CancellationToken cancellationToken, string suffix = "")
    {
        ArgumentNullException.ThrowIfNull(columns);
        return InsertRowsAsync(connection, transaction, table + " (" + string.Join(", ", columns) + ")", columns.Count, rows, cancellationToken, suffix);
    }

    /// <summary>Inserts rows with multi-row VALUES statements, as many rows a statement as <see cref="MaxParameters"/> allows.</summary>
    private async Task<int> InsertRowsAsync(DbConnection connection, DbTransaction transaction, string table, int width, List<object?[]> rows, CancellationToken cancellationToken, string suffix = "")
    {
        var inserted = 0;
        foreach (var chunk in rows.Chunk(Math.Max(1, MaxParameters / width)))
        {
            var sql = new StringBuilder("INSERT INTO ").Append(table).Append(" VALUES ");
            var arguments = new List<(string, object?)>(chunk.Length * width);
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < width; c++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"v{r}_{c}");
                    sql.Append(c == 0 ? "@" : ", @").Append(name);
                    arguments.Add((name, chunk[r][c]));
                }

                sql.Append(')');
            }

            sql.Append(suffix);
            var command = Command(connection, transaction, sql.ToString(), arguments);
            await using (command.ConfigureAwait(false))
            {
                inserted += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return inserted;
    }

    private static object?[] EventRow(string documentKey, EventRecord record, string knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(record);
        var evidence = record.Evidence;
        var location = record.Location;
        return
        [
            documentKey, evidence.Sentence, record.Date, record.DatePrecision, record.Source.Value, record.Target.Value, record.Cameo.Value, record.Root, record.QuadClass,
            record.Goldstein, record.Plover.Event, record.Plover.Mode, record.Plover.Context, evidence.Text, evidence.Start, evidence.End,
            evidence.Source?.Text, evidence.Source?.Start, evidence.Source?.End, evidence.Verb.Text, evidence.Verb.Start, evidence.Verb.End,
            evidence.Target?.Text, evidence.Target?.Start, evidence.Target?.End,
            location?.Name, location?.Country, location?.Adm1, location?.Lat, location?.Lon, location?.GeonamesId,
            location?.Feature, record.Rule, record.RuleSource, knowledgeBase,
        ];
    }

    private sealed class NewDocument(string key, IngestDocument item, ulong[]? signature, long[]? bands)
    {
        public string Key { get; } = key;

        public IngestDocument Item { get; } = item;

        public ulong[]? Signature { get; } = signature;

        public long[]? Bands { get; } = bands;

        public string Story { get; set; } = key;
    }

    private sealed record Candidate(string Story, ulong[] Signature, long Order);

    private sealed class ConcurrentWriteException : Exception
    {
        public ConcurrentWriteException()
            : base("Another writer stored one of the batch's documents at the same time.")
        {
        }
    }


    private async Task<bool> ExistsAsync(DbConnection connection, DbTransaction? transaction, string key, CancellationToken cancellationToken)
    {
        var value = await ScalarAsync(connection, transaction, "SELECT COUNT(*) FROM documents WHERE id = @id", cancellationToken, ("id", key)).ConfigureAwait(false);
        return Convert.ToInt64(value, CultureInfo.InvariantCulture) > 0;
    }

    private async Task<List<CountRow>> CountsAsync(DbConnection connection, string sql, IReadOnlyList<(string, object?)> arguments, Func<DbDataReader, string> key, int countColumn, CancellationToken cancellationToken)
    {
        var rows = new List<CountRow>();
        var command = Command(connection, null, sql, arguments);
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

    private static (string Where, List<(string, object?)> Arguments) Filter(EventQuery query)
    {
        var conditions = new List<string>();
        var arguments = new List<(string, object?)>();
        if (query.From is { } from)
        {
            conditions.Add($"{StoreSchema.Day} >= @from");
            arguments.Add(("from", from));
        }

        if (query.To is { } to)
        {
            conditions.Add($"{StoreSchema.Day} <= @to");
            arguments.Add(("to", to));
        }

        if (!string.IsNullOrEmpty(query.Actor))
        {
            conditions.Add("(strpos(e.source, @actor) = 1 OR strpos(e.target, @actor) = 1)");
            arguments.Add(("actor", query.Actor.ToUpperInvariant()));
        }

        if (!string.IsNullOrEmpty(query.Country))
        {
            conditions.Add("(substr(e.source, 1, 3) = @country OR substr(e.target, 1, 3) = @country)");
            arguments.Add(("country", query.Country.ToUpperInvariant()));
        }

        if (!string.IsNullOrEmpty(query.Root))
        {
            conditions.Add("e.root = @root");
            arguments.Add(("root", query.Root));
        }

        if (!string.IsNullOrEmpty(query.Code))
        {
            conditions.Add("strpos(e.cameo, @code) = 1");
            arguments.Add(("code", query.Code));
        }

        if (!string.IsNullOrEmpty(query.PloverEvent))
        {
            conditions.Add("e.plover_event = @plover");
            arguments.Add(("plover", query.PloverEvent.ToUpperInvariant()));
        }

        if (!string.IsNullOrEmpty(query.Place))
        {
            conditions.Add("(lower(e.location_name) = @place_lower OR e.location_country = @place_upper OR e.location_adm1 = @place_upper)");
            arguments.Add(("place_lower", query.Place.ToLowerInvariant()));
            arguments.Add(("place_upper", query.Place.ToUpperInvariant()));
        }

        if (!string.IsNullOrEmpty(query.Text))
        {
            conditions.Add("strpos(lower(e.sentence_text), @text) > 0");
            arguments.Add(("text", query.Text.ToLowerInvariant()));
        }

        return (conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions), arguments);
    }

    private static string Paging(EventQuery query)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset);
        var text = new StringBuilder();
        if (query.Limit is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(limit);
            text.Append(CultureInfo.InvariantCulture, $"LIMIT {limit} ");
        }

        if (query.Offset > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"OFFSET {query.Offset}");
        }

        return text.ToString();
    }

    private static StoredMention ReadMention(DbDataReader reader, int at)
    {
        string? S(int i) => NullableString(reader, at + i);
        int? I(int i) => reader.IsDBNull(at + i) ? null : (int)Int64(reader, at + i);
        double? D(int i) => reader.IsDBNull(at + i) ? null : Convert.ToDouble(reader.GetValue(at + i), CultureInfo.InvariantCulture);
        TextSpan? Span(int i) => S(i) is { } text ? new TextSpan(text, I(i + 1) ?? 0, I(i + 2) ?? 0) : null;

        var documentKey = reader.GetString(at + 2);
        var evidence = new EventEvidence(documentKey, I(3)!.Value, S(15)!, I(16)!.Value, I(17)!.Value, Span(18), Span(21)!, Span(24));
        EventPlace? location = null;
        if (S(27) is not null || S(28) is not null || D(30) is not null || !reader.IsDBNull(at + 32))
        {
            location = new EventPlace(S(27), S(28), S(29), D(30), D(31), reader.IsDBNull(at + 32) ? null : Int64(reader, at + 32), S(33));
        }

        var document = new MentionDocument(documentKey, S(36), S(37), S(38), ReadTimestamp(reader, at + 39), ReadTimestamp(reader, at + 40)!.Value, S(41)!, I(42) ?? 0);
        var record = new EventRecord(
            ReadDate(reader, at + 4),
            S(5),
            null,
            S(6)!,
            S(7)!,
            S(8)!,
            I(10)!.Value,
            D(11),
            new PloverFields(S(12), S(13), S(14)),
            location,
            evidence,
            S(34)!,
            S(35)!,
            new EventDocument(documentKey, document.Title, document.Source, document.Url, document.Published is { } published ? DateOnly.FromDateTime(published.UtcDateTime) : null, null))
        {
            Id = Int64(reader, at),
        };
        return new StoredMention(record.Id.Value, ReadDate(reader, at + 1), record, document);
    }

    private protected static byte[] ReadBytes(DbDataReader reader, int i)
    {
        switch (reader.GetValue(i))
        {
            case byte[] bytes:
                return bytes;
            case Stream stream:
                using (stream)
                {
                    var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    return copy.ToArray();
                }

            case var other:
                throw new InvalidDataException($"A BYTEA column was read as {other.GetType()}.");
        }
    }

    private static string? NullableString(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private protected static long Int64(DbDataReader reader, int i) => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);

    private static DateOnly? ReadDate(DbDataReader reader, int i)
    {
        if (reader.IsDBNull(i))
        {
            return null;
        }

        return reader.GetValue(i) switch
        {
            DateOnly day => day,
            DateTime time => DateOnly.FromDateTime(time),
            _ => reader.GetFieldValue<DateOnly>(i),
        };
    }

    private static DateTimeOffset? ReadTimestamp(DbDataReader reader, int i)
    {
        if (reader.IsDBNull(i))
        {
            return null;
        }

        var time = reader.GetDateTime(i);
        return new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Unspecified), TimeSpan.Zero);
    }

    /// <summary>A UTC instant as the TIMESTAMP columns hold it: the UTC clock time, without a zone.</summary>
    private static DateTime Timestamp(DateTimeOffset time) => DateTime.SpecifyKind(time.UtcDateTime, DateTimeKind.Unspecified);

    private DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, IEnumerable<(string Name, object? Value)>? arguments = null)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (PositionalParameters)
        {
            // @name becomes $N (N: the name's order of first use) and parameters go by position: binding thousands of
            // named parameters costs the engine a search by name each.
            var values = (arguments ?? []).ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
            var order = new Dictionary<string, int>(StringComparer.Ordinal);
            sql = ParameterName().Replace(sql, match =>
            {
                var name = match.Groups[1].Value;
                if (!order.TryGetValue(name, out var position))
                {
                    order[name] = position = order.Count + 1;
                    var parameter = command.CreateParameter();
                    parameter.Value = values.TryGetValue(name, out var value) ? value ?? DBNull.Value : throw new ArgumentException($"The SQL names the parameter @{name}, which has no value.", nameof(arguments));
                    command.Parameters.Add(parameter);
                }

                return "$" + position.ToString(CultureInfo.InvariantCulture);
            });
        }
        else
        {
            foreach (var (name, value) in arguments ?? [])
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
        }

#pragma warning disable CA2100 // Every SQL text is built from this class's constants; values go through parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    private async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] arguments)
    {
        var command = Command(connection, transaction, sql, arguments);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] arguments)
    {
        var command = Command(connection, transaction, sql, arguments);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    [GeneratedRegex("@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ParameterName();
}
