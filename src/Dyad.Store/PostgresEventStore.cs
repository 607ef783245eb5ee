using Npgsql;

namespace Dyad.Store;

/// <summary>
/// The server store: a PostgreSQL database with the same schema and behaviour as <see cref="DuckDbEventStore"/>.
/// Tables go into the connection's search path (the <c>public</c> schema unless <c>Search Path</c> says otherwise).
/// Several processes may write at once: a document key is stored once whoever comes first.
/// </summary>
public static class PostgresEventStore
{
    /// <summary>Opens the store at <paramref name="connectionString"/>, creating its tables when missing.</summary>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=...;Database=...</c>) or a <c>postgres://</c> URI.</param>
    /// <param name="clock">Stamps ingest and quarantine times; the system clock when null.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="ArgumentException">The connection string cannot be read.</exception>
    /// <exception cref="NpgsqlException">The server cannot be reached.</exception>
    public static Task<SqlEventStore> OpenAsync(string connectionString, TimeProvider? clock, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return SqlEventStore.OpenAsync(new PostgresDialect(EventStore.ToNpgsql(connectionString)), clock, cancellationToken);
    }
}
