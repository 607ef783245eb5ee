using System.Data.Common;
using Npgsql;

namespace Dyad.Store;

/// <summary>
/// PostgreSQL under <see cref="SqlEventStore"/>: connections from one Npgsql data source, named parameters, text ordered
/// with the <c>C</c> collation (by code points, as DuckDB does), SQLSTATE classes 22 and 23 as errors of the data.
/// </summary>
internal sealed class PostgresDialect : SqlDialect
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>A dialect over the database at <paramref name="connectionString"/>; nothing is opened yet.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    public PostgresDialect(string connectionString) => _dataSource = NpgsqlDataSource.Create(connectionString);

    /// <inheritdoc />
    public override string Kind => "postgres";

    /// <inheritdoc />
    public override string Ordinal(string expression) => expression + " COLLATE \"C\"";

    /// <inheritdoc />
    public override bool IsDataError(DbException exception) =>
        exception is PostgresException postgres && (postgres.SqlState.StartsWith("22", StringComparison.Ordinal) || postgres.SqlState.StartsWith("23", StringComparison.Ordinal));

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override DbConnection CreateConnection() => _dataSource.CreateConnection();
}
