using System.Data.Common;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Dyad.Store;

/// <summary>
/// DuckDB under <see cref="SqlEventStore"/>: one database file, parameters by position, bulk rows through DuckDB's
/// appender. One process at a time may write the file; within it, reads may run on several threads at once.
/// </summary>
internal sealed class DuckDbDialect : SqlDialect
{
    private readonly string _connectionString;

    // Held open for the store's lifetime: DuckDB.NET shares one database instance among a process's connections to a
    // file only while one of them is open, and opening the file anew for every call would replay and checkpoint it each time.
    private DuckDBConnection? _keepAlive;

    private DuckDbDialect(string path) => _connectionString = "Data Source=" + path;

    /// <inheritdoc />
    public override string Kind => "duckdb";

    /// <inheritdoc />
    protected override bool PositionalParameters => true;

    /// <summary>The dialect for the DuckDB file at <paramref name="path"/>, with the connection that keeps the database open.</summary>
    /// <param name="path">The file (created when missing; its folder must exist) or <c>:memory:</c>.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The dialect; dispose it to close the file.</returns>
    public static async Task<DuckDbDialect> OpenFileAsync(string path, CancellationToken cancellationToken)
    {
        var dialect = new DuckDbDialect(path);
        try
        {
            dialect._keepAlive = (DuckDBConnection)dialect.CreateConnection();
            await dialect._keepAlive.OpenAsync(cancellationToken).ConfigureAwait(false);
            return dialect;
        }
        catch
        {
            await dialect.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync().ConfigureAwait(false);
            _keepAlive = null;
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// DuckDB binds each parameter of a large VALUES list slowly, so rows go through its appender into a temporary
    /// staging table and then into <paramref name="table"/> with one INSERT ... SELECT, inside the transaction.
    /// </remarks>
    public override async Task<int> BulkInsertAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, List<object?[]> rows, CancellationToken cancellationToken, string suffix = "")
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return 0;
        }

        var list = string.Join(", ", columns);
        var staging = "staging_" + table;
        await RunAsync(connection, transaction, $"CREATE OR REPLACE TEMP TABLE {staging} AS SELECT {list} FROM {table} LIMIT 0", cancellationToken).ConfigureAwait(false);
        Append((DuckDBConnection)connection, staging, rows);
        var inserted = await RunAsync(connection, transaction, $"INSERT INTO {table} ({list}) SELECT {list} FROM {staging}{suffix}", cancellationToken).ConfigureAwait(false);
        await RunAsync(connection, transaction, $"DROP TABLE {staging}", cancellationToken).ConfigureAwait(false);
        return inserted;
    }

    /// <inheritdoc />
    /// <remarks>The keys go through the appender into a temporary table, joined rather than listed.</remarks>
    public override async Task<List<BandMatch>> ReadBandMatchesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<long> bandKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(bandKeys);
        await RunAsync(connection, transaction, "CREATE OR REPLACE TEMP TABLE staging_band_keys (band_key BIGINT)", cancellationToken).ConfigureAwait(false);
        Append((DuckDBConnection)connection, "staging_band_keys", [.. bandKeys.Select(k => new object?[] { k })]);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = """
                SELECT b.band_key, d.story_id, d.signature, d.seq
                FROM staging_band_keys k JOIN story_bands b ON b.band_key = k.band_key JOIN documents d ON d.id = b.document_id
                WHERE d.signature IS NOT NULL
                """;
            var rows = await ReadBandRowsAsync(command, cancellationToken).ConfigureAwait(false);
            await RunAsync(connection, transaction, "DROP TABLE staging_band_keys", cancellationToken).ConfigureAwait(false);
            return rows;
        }
    }

    /// <inheritdoc />
    public override bool IsDataError(DbException exception) =>
        exception is DuckDBException duck && duck.ErrorType is DuckDBErrorType.Constraint or DuckDBErrorType.Conversion
            or DuckDBErrorType.InvalidInput or DuckDBErrorType.OutOfRange or DuckDBErrorType.MismatchType;

    /// <inheritdoc />
    protected override DbConnection CreateConnection() => new DuckDBConnection(_connectionString);

    private static void Append(DuckDBConnection connection, string table, List<object?[]> rows)
    {
        using (var appender = connection.CreateAppender(table))
        {
            foreach (var values in rows)
            {
                var row = appender.CreateRow();
                foreach (var value in values)
                {
                    _ = value switch
                    {
                        null => row.AppendNullValue(),
                        string text => row.AppendValue(text),
                        int number => row.AppendValue(number),
                        long number => row.AppendValue(number),
                        double number => row.AppendValue(number),
                        DateOnly day => row.AppendValue(day),
                        DateTime time => row.AppendValue(time),
                        byte[] bytes => row.AppendValue(bytes),
                        _ => throw new ArgumentException($"No appender mapping for {value.GetType()}.", nameof(rows)),
                    };
                }

                row.EndRow();
            }
        }
    }

    private static async Task<int> RunAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
#pragma warning disable CA2100 // Table and column names are the schema's own constants.
            command.CommandText = sql;
#pragma warning restore CA2100
            command.Transaction = transaction;
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
