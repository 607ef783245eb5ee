using Npgsql;

namespace Dyad.Store;

/// <summary>Opens a store from the one string the CLI's <c>--store</c> takes.</summary>
public static class EventStore
{
    /// <summary>The store used when none is named.</summary>
    public const string DefaultPath = "dyad.duckdb";

    /// <summary>Whether <paramref name="location"/> names a PostgreSQL database rather than a DuckDB file.</summary>
    /// <param name="location">A file path, a <c>postgres://</c> or <c>postgresql://</c> URI, or an Npgsql connection string (<c>Host=...</c>).</param>
    /// <returns>True for PostgreSQL.</returns>
    public static bool IsPostgres(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var text = location.TrimStart();
        return text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("host=", StringComparison.OrdinalIgnoreCase)
            || text.Contains(";host=", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Opens the store at <paramref name="location"/>: PostgreSQL for a <c>postgres://user:pass@host:port/db</c> URI or an
    /// Npgsql connection string (<c>Host=...</c>), otherwise the DuckDB file at that path (created when missing).
    /// </summary>
    /// <param name="location">Where the store is.</param>
    /// <param name="clock">Stamps ingest and quarantine times; the system clock when null.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The open store; dispose it.</returns>
    public static async Task<IEventStore> OpenAsync(string location, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        return IsPostgres(location)
            ? await PostgresEventStore.OpenAsync(location, clock, cancellationToken).ConfigureAwait(false)
            : await DuckDbEventStore.OpenAsync(location, clock, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An Npgsql connection string for a <c>postgres://</c> URI (user, password, host, port, database and query options such as <c>sslmode</c>); other strings as they are.</summary>
    /// <param name="location">The URI or connection string.</param>
    /// <returns>The connection string.</returns>
    /// <exception cref="ArgumentException">The URI cannot be read.</exception>
    public static string ToNpgsql(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var text = location.Trim();
        if (!text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"'{text}' is not a PostgreSQL URI of the form postgres://user:password@host:port/database.", nameof(location));
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                builder[name] = value;
            }
            catch (ArgumentException exception)
            {
                throw new ArgumentException($"The PostgreSQL URI option '{name}' is not one Npgsql knows: {exception.Message}", nameof(location), exception);
            }
        }

        return builder.ConnectionString;
    }
}
