using System.Data.Common;
using Npgsql;

namespace Dyad.Store;

/// <summary>
/// The server store: a PostgreSQL database with the same schema and behaviour as <see cref="DuckDbEventStore"/>.
/// Tables go into the connection's search path (the <c>public</c> schema unless <c>Search Path</c> says otherwise).
/// Several processes may write at once: a document key is stored once whoever comes first.
/// </summary>
public sealed class PostgresEventStore : SqlEventStore
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresEventStore(string connectionString, TimeProvider? clock)
        : base(clock) => _dataSource = NpgsqlDataSource.Create(connectionString);

    /// <inheritdoc />
    public override string Kind => "postgres";

    /// <summary>Opens the store at <paramref name="connectionString"/>, creating its tables when missing.</summary>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=...;Database=...</c>) or a <c>postgres://</c> URI.</param>
    /// <param name="clock">Stamps ingest and quarantine times; the system clock when null.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="ArgumentException">The connection string cannot be read.</exception>
    /// <exception cref="NpgsqlException">The server cannot be reached.</exception>
    public static async Task<PostgresEventStore> OpenAsync(string connectionString, TimeProvider? clock, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var store = new PostgresEventStore(EventStore.ToNpgsql(connectionString), clock);
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

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override DbConnection CreateConnection() => _dataSource.CreateConnection();

    /// <inheritdoc />
    protected override string Ordinal(string expression) => expression + " COLLATE \"C\"";

    /// <inheritdoc />
    protected override bool IsDataError(DbException exception) =>
        exception is PostgresException postgres && (postgres.SqlState.StartsWith("22", StringComparison.Ordinal) || postgres.SqlState.StartsWith("23", StringComparison.Ordinal));
}
