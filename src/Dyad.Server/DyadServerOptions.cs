using Dyad.Analysis;
using Dyad.Store;

namespace Dyad.Server;

/// <summary>What <see cref="DyadServer.Build"/> needs: the store to serve, how to code new documents, and the limits.</summary>
public sealed class DyadServerOptions
{
    /// <summary>The default address: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The store to read and write. The server does not dispose it; the caller does, after the server stops.</summary>
    public required IEventStore Store { get; init; }

    /// <summary>
    /// The token that writes (and reads from addresses other than loopback) must carry as <c>Authorization: Bearer TOKEN</c>.
    /// At least 16 characters; see <see cref="WriteToken.Generate"/>.
    /// </summary>
    public required string Token { get; init; }

    /// <summary>
    /// Loads the analyzer that codes POSTed documents, called once at the first write (loading models takes seconds, so
    /// reads start at once). Null, or a factory that throws, makes writes answer 503 with DY6006.
    /// </summary>
    public Func<ArticleAnalyzer>? Analyzer { get; init; }

    /// <summary>The knowledge-base version recorded with events coded by the server.</summary>
    public string KnowledgeBase { get; init; } = "unknown";

    /// <summary>The addresses to listen on; <see cref="DefaultUrl"/> when empty. Port 0 picks a free port (see <see cref="DyadServer.Address"/>).</summary>
    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>The largest request body accepted, in bytes (default 8 MiB); larger ones get 413 with DY6003.</summary>
    public long MaxRequestBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>The most events one page of <c>GET /api/events</c> may hold (default 500).</summary>
    public int MaxPageSize { get; init; } = 500;

    /// <summary>
    /// Host names (the request's <c>Host</c> header, without the port) that requests arriving over loopback may carry
    /// besides the loopback names (<c>localhost</c>, <c>*.localhost</c>, 127.0.0.0/8, <c>[::1]</c>); <c>*</c> allows any.
    /// Loopback reads need no token, so a page whose name a DNS rebinding attack points at 127.0.0.1 could otherwise read
    /// the store from the user's browser; other names get 400 with DY6001. Requests from other addresses are not checked
    /// here (they need the token).
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>Whether to log each request at Information level (the CLI does; tests and benchmarks do not).</summary>
    public bool LogRequests { get; init; }
}
