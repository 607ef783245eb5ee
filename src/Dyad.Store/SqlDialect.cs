using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dyad.Store;

/// <summary>
/// What differs between the engines under <see cref="SqlEventStore"/>: how connections are made, how parameters are
/// bound (the SQL is written with <c>@name</c>), how text is ordered by code points, which errors are about the data,
/// and how rows are inserted in bulk. The SQL itself is the same for both.
/// </summary>
internal abstract partial class SqlDialect : IAsyncDisposable
{
    /// <summary>Arguments in one list (<c>IN (...)</c>) at most.</summary>
    public const int MaxListParameters = 1000;

    // Parameters in one statement at most: PostgreSQL's protocol allows 65,535; fewer keeps statements quick to plan.
    private const int MaxParameters = 8000;

    /// <summary><c>duckdb</c> or <c>postgres</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>Whether the engine takes parameters by position (<c>$1</c>) rather than by name (<c>@name</c>, as the SQL here is written).</summary>
    protected virtual bool PositionalParameters => false;

    /// <summary>An expression that orders <paramref name="expression"/> by code points, as the other engine does.</summary>
    /// <param name="expression">A text expression.</param>
    /// <returns>The expression to put in ORDER BY.</returns>
    public virtual string Ordinal(string expression) => expression;

    /// <summary>Whether <paramref name="exception"/> is about the data (a constraint or a bad value), not the connection or the server.</summary>
    /// <param name="exception">The error.</param>
    /// <returns>True when retrying the same data cannot succeed.</returns>
    public abstract bool IsDataError(DbException exception);

    /// <summary>Opens a new connection.</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The open connection; the caller disposes it.</returns>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
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

    /// <summary>A command for <paramref name="sql"/> (written with <c>@name</c> parameters) with its arguments bound as the engine takes them.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">Its transaction, or null.</param>
    /// <param name="sql">The SQL, built from the store's constants only.</param>
    /// <param name="arguments">The parameters' values by name.</param>
    /// <returns>The command; the caller disposes it.</returns>
    /// <exception cref="ArgumentException">The SQL names a parameter that has no value.</exception>
    public DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, IEnumerable<(string Name, object? Value)>? arguments = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
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

#pragma warning disable CA2100 // Every SQL text is built from the store's constants; values go through parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    /// <summary>Runs a statement.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">Its transaction, or null.</param>
    /// <param name="sql">The SQL.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <param name="arguments">The parameters' values by name.</param>
    /// <returns>Rows affected.</returns>
    public async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] arguments)
    {
        var command = Command(connection, transaction, sql, arguments);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a query for one value.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">Its transaction, or null.</param>
    /// <param name="sql">The SQL.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <param name="arguments">The parameters' values by name.</param>
    /// <returns>The first column of the first row, or null.</returns>
    public async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] arguments)
    {
        var command = Command(connection, transaction, sql, arguments);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Inserts rows into <paramref name="table"/> inside <paramref name="transaction"/>; by multi-row INSERT unless the engine has a faster way.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">Its transaction.</param>
    /// <param name="table">The table (one of the schema's, never text from outside).</param>
    /// <param name="columns">The columns the rows' values are for, in order.</param>
    /// <param name="rows">The rows: string, int, long, double, DateOnly, DateTime, byte[] or null values.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <param name="suffix">SQL after the rows, such as an ON CONFLICT clause, or empty.</param>
    /// <returns>Rows inserted.</returns>
    public virtual async Task<int> BulkInsertAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, List<object?[]> rows, CancellationToken cancellationToken, string suffix = "")
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var into = table + " (" + string.Join(", ", columns) + ")";
        var width = columns.Count;
        var inserted = 0;
        foreach (var chunk in rows.Chunk(Math.Max(1, MaxParameters / width)))
        {
            var sql = new StringBuilder("INSERT INTO ").Append(into).Append(" VALUES ");
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

    /// <summary>The stored documents that have one of the LSH band keys.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">Its transaction.</param>
    /// <param name="bandKeys">The band keys.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>One row per (band key, document) match.</returns>
    public virtual async Task<List<BandMatch>> ReadBandMatchesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<long> bandKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bandKeys);
        var matches = new List<BandMatch>();
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

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>A new, closed connection to the store.</summary>
    /// <returns>The connection.</returns>
    protected abstract DbConnection CreateConnection();

    /// <summary>Reads the rows of a band-match query (band key, story id, signature, seq).</summary>
    /// <param name="command">The query.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The rows.</returns>
    protected static async Task<List<BandMatch>> ReadBandRowsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rows = new List<BandMatch>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new BandMatch(SqlValues.Int64(reader, 0), reader.GetString(1), SqlValues.ReadBytes(reader, 2), SqlValues.Int64(reader, 3)));
            }
        }

        return rows;
    }

    [GeneratedRegex("@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ParameterName();
}
