using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Dyad.Documents;
using Dyad.Events;
using static Dyad.Store.SqlValues;

namespace Dyad.Store;

/// <summary>
/// The store's behaviour, written once in SQL both engines run, over a <see cref="SqlDialect"/> that supplies connections
/// and the few differences (parameter syntax, error kinds, ordinal ordering, bulk inserts). Every value goes through a
/// parameter. Open one with <see cref="EventStore.OpenAsync"/>, <see cref="DuckDbEventStore.OpenAsync"/> or
/// <see cref="PostgresEventStore.OpenAsync"/>.
/// </summary>
/// <remarks>
/// Its parts: the column lists (<see cref="StoreColumns"/>), row mapping (<see cref="EventRows"/>), query building
/// (<see cref="EventQuerySql"/>) and story assignment (<see cref="StoryAssignment"/>).
/// </remarks>
public sealed partial class SqlEventStore : IEventStore
{
    private readonly SqlDialect _dialect;

    private readonly TimeProvider _clock;

    private SqlEventStore(SqlDialect dialect, TimeProvider? clock)
    {
        _dialect = dialect;
        _clock = clock ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Kind => _dialect.Kind;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _dialect.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>A store over <paramref name="dialect"/>: creates the schema when it is missing and checks its version.</summary>
    /// <param name="dialect">The engine; the store owns it from here (disposed with the store, or now on failure).</param>
    /// <param name="clock">Stamps ingest and quarantine times; the system clock when null.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="InvalidDataException">The store was written by a newer schema version.</exception>
    internal static async Task<SqlEventStore> OpenAsync(SqlDialect dialect, TimeProvider? clock, CancellationToken cancellationToken)
    {
        var store = new SqlEventStore(dialect, clock);
        try
        {
            await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates the schema when it is missing and checks its version; called once, by <see cref="OpenAsync(SqlDialect, TimeProvider?, CancellationToken)"/>.</summary>
    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                foreach (var statement in StoreSchema.Statements)
                {
                    await _dialect.ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
                }

                var newest = await _dialect.ScalarAsync(connection, transaction, "SELECT MAX(version) FROM schema_version", cancellationToken).ConfigureAwait(false);
                if (newest is not null && newest is not DBNull && Convert.ToInt32(newest, CultureInfo.InvariantCulture) > StoreSchema.Version)
                {
                    throw new InvalidDataException($"{ErrorCodes.StoreSchemaNewer}: The store has schema version {newest}; this Dyad reads version {StoreSchema.Version}. Use a newer Dyad.");
                }

                await _dialect.ExecuteAsync(
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
                $"{ErrorCodes.DocumentRefused}: {exception.Message}",
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
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
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

        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ExistingKeysAsync(connection, null, [.. documentKeys], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<bool> QuarantineAsync(QuarantineEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await _dialect.ExecuteAsync(
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
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = _dialect.Command(connection, null, $"SELECT input, place, stage, reason, content, quarantined_at FROM quarantine ORDER BY quarantined_at, {_dialect.Ordinal("input")}, {_dialect.Ordinal("place")}, {_dialect.Ordinal("stage")}");
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
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = _dialect.Command(connection, null, $"SELECT {StoreColumns.Document} FROM documents ORDER BY seq");
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        yield return EventRows.ReadDocument(reader);
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
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (!await ExistsAsync(connection, transaction, documentKey, cancellationToken).ConfigureAwait(false))
                {
                    throw new KeyNotFoundException($"No stored document has the key '{documentKey}'.");
                }

                var removed = await _dialect.ExecuteAsync(connection, transaction, "DELETE FROM events WHERE document_id = @id", cancellationToken, ("id", documentKey)).ConfigureAwait(false);
                await _dialect.BulkInsertAsync(connection, transaction, "events", StoreColumns.EventNames, [.. events.Select(e => EventRows.EventRow(documentKey, e, knowledgeBase))], cancellationToken).ConfigureAwait(false);

                await _dialect.ExecuteAsync(connection, transaction, "UPDATE documents SET knowledge_base = @kb WHERE id = @id", cancellationToken, ("kb", knowledgeBase), ("id", documentKey)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return removed;
            }
        }
    }

    private bool IsBadData(Exception exception) =>
        exception is InvalidDataException || (exception is DbException db && _dialect.IsDataError(db));

    private async Task<IngestCounts> WriteAsync(IReadOnlyList<IngestDocument> batch, string knowledgeBase, CancellationToken cancellationToken)
    {
        var now = Timestamp(_clock.GetUtcNow());
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // Set-based: a handful of statements per batch whatever its size, because an engine's cost is per
                // statement far more than per row (DuckDB plans every statement anew).
                var keys = batch.Select(item => DocumentKey.Of((item ?? throw new ArgumentException("A batch item is null.", nameof(batch))).Document)).ToArray();
                var existing = await ExistingKeysAsync(connection, transaction, keys.Distinct(StringComparer.Ordinal).ToArray(), cancellationToken).ConfigureAwait(false);
                var fresh = new List<PendingDocument>();
                var seen = new HashSet<string>(existing, StringComparer.Ordinal);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (seen.Add(keys[i]))
                    {
                        fresh.Add(new PendingDocument(keys[i], batch[i]));
                    }
                }

                var bandKeys = fresh.Where(d => d.Bands is not null).SelectMany(d => d.Bands!).Distinct().ToArray();
                StoryAssignment.Assign(fresh, await _dialect.ReadBandMatchesAsync(connection, transaction, bandKeys, cancellationToken).ConfigureAwait(false));
                var documents = fresh.Select(d => EventRows.DocumentRow(d.Key, d.Item.Document, now, knowledgeBase, d.Story, d.Signature)).ToList();
                var inserted = await _dialect.BulkInsertAsync(connection, transaction, "documents", StoreColumns.DocumentNames, documents, cancellationToken, " ON CONFLICT (id) DO NOTHING").ConfigureAwait(false);
                if (inserted != fresh.Count)
                {
                    // Another writer (PostgreSQL) stored one of these keys after our check; the caller runs the batch again.
                    throw new ConcurrentWriteException();
                }

                var bandRows = fresh.Where(d => d.Bands is not null).SelectMany(d => d.Bands!.Select(b => new object?[] { b, d.Key })).ToList();
                await _dialect.BulkInsertAsync(connection, transaction, "story_bands", ["band_key", "document_id"], bandRows, cancellationToken).ConfigureAwait(false);
                var events = fresh.SelectMany(d => d.Item.Events.Select(e => EventRows.EventRow(d.Key, e, knowledgeBase))).ToList();
                await _dialect.BulkInsertAsync(connection, transaction, "events", StoreColumns.EventNames, events, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new IngestCounts(fresh.Count, batch.Count - fresh.Count, events.Count, 0);
            }
        }
    }

    private async Task<HashSet<string>> ExistingKeysAsync(DbConnection connection, DbTransaction? transaction, string[] keys, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(SqlDialect.MaxListParameters))
        {
            var names = chunk.Select((_, i) => "p" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            var command = _dialect.Command(connection, transaction, $"SELECT id FROM documents WHERE id IN ({string.Join(", ", names.Select(n => "@" + n))})", names.Zip(chunk, (n, k) => (n, (object?)k)));
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

    private async Task<bool> ExistsAsync(DbConnection connection, DbTransaction? transaction, string key, CancellationToken cancellationToken)
    {
        var value = await _dialect.ScalarAsync(connection, transaction, "SELECT COUNT(*) FROM documents WHERE id = @id", cancellationToken, ("id", key)).ConfigureAwait(false);
        return Convert.ToInt64(value, CultureInfo.InvariantCulture) > 0;
    }

    private sealed class ConcurrentWriteException : Exception
    {
        public ConcurrentWriteException()
            : base("Another writer stored one of the batch's documents at the same time.")
        {
        }
    }
}
