using System.Text.RegularExpressions;
using Npgsql;

namespace Dyad.Store;

/// <summary>Opens a store from the one string the CLI's <c>--store</c> takes.</summary>
public static partial class EventStore
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
            throw new ArgumentException($"'{Redact(text)}' is not a PostgreSQL URI of the form postgres://user:password@host:port/database (a password with '@', '/', ':' or '#' must be percent-encoded).", nameof(location));
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
            catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                throw new ArgumentException($"The PostgreSQL URI option '{name}' is not one Npgsql knows, or its value is not valid: {exception.Message}", nameof(location), exception);
            }
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// <paramref name="location"/> with its password replaced by <c>***</c>, for messages: the part between the user's
    /// ':' and the last '@' of a <c>postgres://</c> URI (well-formed or not), or the value of a connection string's
    /// <c>Password</c>. When unsure where a password ends, more is masked rather than less.
    /// </summary>
    /// <param name="location">A store location.</param>
    /// <returns>The location, safe to print.</returns>
    public static string Redact(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var scheme = location.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var at = location.LastIndexOf('@');
            var colon = at > scheme ? location.IndexOf(':', scheme + 3, at - scheme - 3) : -1;
            return colon < 0 ? location : string.Concat(location.AsSpan(0, colon + 1), "***", location.AsSpan(at));
        }

        return ConnectionStringPassword().Replace(location, "${key}=***");
    }

    [GeneratedRegex(@"(?<key>\b(?:password|pwd))\s*=\s*(?:""[^""]*""|'[^']*'|[^;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex ConnectionStringPassword();
}
