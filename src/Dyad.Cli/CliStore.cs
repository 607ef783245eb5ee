using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dyad.Store;

namespace Dyad.Cli;

/// <summary>
/// What the store commands (<c>ingest</c>, <c>quarantine</c>, <c>recode</c>, <c>query</c>, <c>stats</c>, <c>export</c>)
/// share: the <c>--store</c> option, opening the store with a clear message, the event filters, and the version string
/// of a knowledge base.
/// </summary>
internal static class CliStore
{
    /// <summary>The environment variable that names the default store.</summary>
    public const string StoreVariable = "DYAD_STORE";

    /// <summary>The shortest password masked wherever it appears in a message (shorter ones only within the location).</summary>
    private const int MinMaskedPassword = 4;

    public static Option<string?> StoreOption() => new("--store")
    {
        Description = $"The store: a DuckDB file (default: ./{EventStore.DefaultPath}, or ${StoreVariable}) or a PostgreSQL database (postgres://user:pass@host:port/db, or Host=...).",
    };

    /// <summary>The store named by <c>--store</c>, else <c>$DYAD_STORE</c>, else <c>./dyad.duckdb</c>.</summary>
    public static string Location(ParseResult parsed, Option<string?> option) =>
        parsed.GetValue(option) is { Length: > 0 } given ? given
        : Environment.GetEnvironmentVariable(StoreVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : EventStore.DefaultPath;

    /// <summary>
    /// Opens the store at <paramref name="location"/>, or writes why it cannot be opened (a locked DuckDB file, a server
    /// that does not answer, a folder that does not exist) and returns null. A DuckDB file is only created by
    /// <paramref name="create"/> callers: reading commands refuse a file that does not exist rather than leave an empty one.
    /// </summary>
    public static async Task<IEventStore?> OpenAsync(string location, bool create, TextWriter error, CancellationToken cancellationToken)
    {
        if (!EventStore.IsPostgres(location) && !create && !File.Exists(location))
        {
            error.WriteLine($"dyad: {ErrorCodes.StoreUnavailable}: there is no store at {location}; run 'dyad ingest' first or name one with --store.");
            return null;
        }

        try
        {
            return await EventStore.OpenAsync(location, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or IOException or ArgumentException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException)
        {
            // A store of a newer schema says so with its own code; anything else is a store that cannot be opened.
            var code = e.Message.StartsWith(ErrorCodes.StoreSchemaNewer, StringComparison.Ordinal) ? ErrorCodes.StoreSchemaNewer : ErrorCodes.StoreUnavailable;
            var message = e.Message.StartsWith(code + ": ", StringComparison.Ordinal) ? e.Message[(code.Length + 2)..] : e.Message;
            error.WriteLine($"dyad: {code}: the store {Describe(location)} could not be opened: {Mask(message, location)}");
            if (message.Contains("Could not set lock", StringComparison.Ordinal))
            {
                // DuckDB lets one process open a file that another writes to in no mode at all: say what to do instead.
                error.WriteLine("dyad: another process has this DuckDB file open (a running 'dyad serve' or 'dyad ingest'): read it through that server's API (GET /api/events, /api/summary; docs/api.md), or stop the process and run this command again.");
            }

            return null;
        }
    }

    /// <summary>A message about the store at <paramref name="location"/> with the location's password, wherever it appears, replaced by <c>***</c>.</summary>
    public static string Mask(string message, string location)
    {
        var redacted = EventStore.Redact(location);
        if (redacted == location)
        {
            return message;
        }

        // The password is what the redaction replaced; mask it however the message quotes the location.
        var start = 0;
        while (start < redacted.Length && start < location.Length && redacted[start] == location[start])
        {
            start++;
        }

        var tail = redacted.Length - redacted.IndexOf("***", start, StringComparison.Ordinal) - 3;
        var password = location[start..(location.Length - tail)];
        var masked = message.Replace(location.Trim(), redacted.Trim(), StringComparison.Ordinal);

        // A very short password would mask common words too; it is masked where the whole location appears.
        return password.Length >= MinMaskedPassword ? masked.Replace(password, "***", StringComparison.Ordinal) : masked;
    }

    /// <summary>A store's location for messages: a PostgreSQL location without its password.</summary>
    public static string Describe(string location)
    {
        if (!EventStore.IsPostgres(location))
        {
            return location;
        }

        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(EventStore.ToNpgsql(location));
            return string.Create(CultureInfo.InvariantCulture, $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}");
        }
        catch (ArgumentException)
        {
            return EventStore.Redact(location);
        }
    }

    /// <summary>
    /// A short version string for the knowledge base in <paramref name="directory"/>: its folder's name and the first 12
    /// hex digits of a SHA-256 over its files' relative paths and bytes, so editing any file gives a new version.
    /// </summary>
    public static string KnowledgeBaseVersion(string directory)
    {
        var root = Path.GetFullPath(directory);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories) : [];
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file).Replace('\\', '/') + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Path.GetFileName(root.TrimEnd('/', '\\')) + "@" + Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    /// <summary>Runs an asynchronous verb to its end on the calling thread (the verbs are synchronous to System.CommandLine).</summary>
    public static int Run(Func<CancellationToken, Task<int>> verb) => verb(CancellationToken.None).GetAwaiter().GetResult();
}

/// <summary>The event filters of <c>query</c>, <c>stats</c> and <c>export</c>, turned into an <see cref="EventQuery"/>.</summary>
internal sealed class EventFilterOptions
{
    private readonly Option<string?> _from = new("--from") { Description = "First day (YYYY-MM-DD) of the events' counted days." };
    private readonly Option<string?> _to = new("--to") { Description = "Last day (YYYY-MM-DD), included." };
    private readonly Option<string?> _actor = new("--actor") { Description = "An actor code prefix, on the source or the target (RUS matches RUSGOV)." };
    private readonly Option<string?> _country = new("--country") { Description = "A country code (three letters) of the source or the target." };
    private readonly Option<string?> _root = new("--root") { Description = "A CAMEO root (two digits, such as 04)." };
    private readonly Option<string?> _code = new("--code") { Description = "A CAMEO code prefix (04 matches 042)." };
    private readonly Option<string?> _plover = new("--plover") { Description = "A PLOVER event type (such as AGREE)." };
    private readonly Option<string?> _place = new("--place") { Description = "A place: its name, its country code (ISO alpha-2) or its ADM1 code." };
    private readonly Option<string?> _text = new("--text") { Description = "Words the evidence sentence contains (ignoring case)." };
    private readonly Option<int?> _limit = new("--limit") { Description = "At most this many rows." };
    private readonly Option<int> _offset = new("--offset") { Description = "Skip this many rows first (for paging)." };

    public EventFilterOptions(bool paging) => Paging = paging;

    public bool Paging { get; }

    public void AddTo(Command command)
    {
        foreach (var option in (Option[])[_from, _to, _actor, _country, _root, _code, _plover, _place, _text])
        {
            command.Add(option);
        }

        if (Paging)
        {
            command.Add(_limit);
            command.Add(_offset);
        }
    }

    /// <summary>The query, or null (with a message for each problem) when a value is not valid; read by <see cref="EventQueryParser"/>, as the server reads its parameters.</summary>
    public EventQuery? Read(ParseResult parsed, TextWriter error)
    {
        List<KeyValuePair<string, string?>> values =
        [
            new("from", parsed.GetValue(_from)), new("to", parsed.GetValue(_to)), new("actor", parsed.GetValue(_actor)),
            new("country", parsed.GetValue(_country)), new("root", parsed.GetValue(_root)), new("code", parsed.GetValue(_code)),
            new("plover", parsed.GetValue(_plover)), new("place", parsed.GetValue(_place)), new("text", parsed.GetValue(_text)),
        ];
        if (Paging)
        {
            values.Add(new("limit", parsed.GetValue(_limit)?.ToString(CultureInfo.InvariantCulture)));
            values.Add(new("offset", parsed.GetValue(_offset).ToString(CultureInfo.InvariantCulture)));
        }

        var query = EventQueryParser.Parse(values);
        foreach (var problem in query.Problems)
        {
            error.WriteLine($"dyad: --{problem.Field} {problem.Problem}");
        }

        return query.IsValid ? query.Query : null;
    }
}
