using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dyad.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dyad.Server;

/// <summary>
/// Dyad's HTTP server: the store's events as JSON (<c>/api/...</c>, described at <c>/openapi/v1.json</c>), POSTed
/// documents coded and stored, and the dashboard page at <c>/</c>. Reads are open to loopback clients; writes, and
/// reads from any other address, need the token.
/// </summary>
public static class DyadServer
{
    /// <summary>The JSON style of every answer: snake_case names, nulls written (as <c>dyad code</c> writes events), non-ASCII as it is.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Builds the server (not started): call <c>RunAsync</c>, or <c>StartAsync</c> and <see cref="Address"/>.</summary>
    /// <param name="options">The store, token, analyzer and limits.</param>
    /// <returns>The application.</returns>
    /// <exception cref="ArgumentException">The token is shorter than <see cref="WriteToken.MinimumLength"/>.</exception>
    public static WebApplication Build(DyadServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Store);
        if (options.Token is null || options.Token.Length < WriteToken.MinimumLength)
        {
            throw new ArgumentException($"The token must have at least {WriteToken.MinimumLength} characters.", nameof(options));
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.WebHost.UseUrls([.. options.Urls.Count == 0 ? [DyadServerOptions.DefaultUrl] : options.Urls]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (options.LogRequests)
        {
            builder.Logging.AddFilter("Dyad.Server", LogLevel.Information);
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        }

        builder.Services.ConfigureHttpJsonOptions(json => Configure(json.SerializerOptions));
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.TryAdd("code", context.ProblemDetails.Status switch
            {
                StatusCodes.Status404NotFound => Dyad.ErrorCodes.ResourceNotFound,
                StatusCodes.Status413PayloadTooLarge => Dyad.ErrorCodes.RequestTooLarge,
                StatusCodes.Status415UnsupportedMediaType => Dyad.ErrorCodes.MediaTypeUnsupported,
                StatusCodes.Status400BadRequest => Dyad.ErrorCodes.RequestInvalid,
                _ => null,
            });
        });
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Dyad";
            document.Info.Description = "Political events coded from news text: read the store (open on loopback), POST documents to code and store them (Authorization: Bearer TOKEN).";
            return Task.CompletedTask;
        }));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DocumentWriter>();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(RequireLoopbackHostAsync);
        app.Use(RequireTokenAsync);
        app.Use(EmbeddedAssets.ServeAsync);
        app.MapOpenApi();
        ReadEndpoints.Map(app);
        app.MapPost("/api/documents", (HttpContext context, DocumentWriter writer, string? date, CancellationToken cancellationToken) => writer.PostAsync(context, date, cancellationToken))
            .WithName("PostDocuments")
            .WithSummary("Code documents and store them")
            .WithDescription("The body is one document: text/plain, text/html or application/xhtml+xml, an RSS or Atom feed (application/rss+xml, application/atom+xml), application/json (an object with 'text' or 'html' and optional 'id', 'url', 'title', 'published', 'source', or an array of them) or application/x-ndjson (one such object a line). 'date' (YYYY-MM-DD) is the publication date of documents that carry none. Needs 'Authorization: Bearer TOKEN'. Answers with the events coded and, for each document, whether it was stored, already stored or rejected (rejected ones are quarantined).")
            .Accepts<string>("text/plain", DocumentWriter.MediaTypes.Where(t => t != "text/plain").ToArray())
            .Produces<PostResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary>The first address a started server listens on, with the port it was given (for port 0).</summary>
    /// <param name="app">A started server.</param>
    /// <returns>An address such as <c>http://127.0.0.1:41234</c>.</returns>
    /// <exception cref="InvalidOperationException">The server is not listening.</exception>
    public static Uri Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The server is not listening; start it first.");
        return new Uri(first.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    private static JsonSerializerOptions Configure(JsonSerializerOptions json) => RecordJson.Apply(json);

    /// <summary>Requests over loopback must name a loopback host, or one of <see cref="DyadServerOptions.AllowedHosts"/>: see there.</summary>
    private static async Task RequireLoopbackHostAsync(HttpContext context, RequestDelegate next)
    {
        var options = context.RequestServices.GetRequiredService<DyadServerOptions>();
        var remote = context.Connection.RemoteIpAddress;
        var host = context.Request.Host.HasValue ? context.Request.Host.Host : string.Empty;
        if ((remote is not null && !IPAddress.IsLoopback(remote)) || IsAllowedHost(host, options.AllowedHosts))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        await Problems.Write(
            context,
            StatusCodes.Status400BadRequest,
            "The Host header is not allowed",
            $"This server answers loopback requests for localhost, 127.0.0.1 and [::1] only, not for '{EventFilter.Shown(host)}' (a page on another site could otherwise read the store through your browser). Start it with --allowed-hosts {EventFilter.Shown(host)} if that name is yours.",
            Dyad.ErrorCodes.RequestInvalid).ConfigureAwait(false);
    }

    /// <summary>Whether a Host name is a loopback name or one allowed by the options; an empty one (HTTP/1.0) is, since no browser sends it.</summary>
    internal static bool IsAllowedHost(string host, IReadOnlyList<string> allowed)
    {
        if (host.Length == 0
            || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)))
        {
            return true;
        }

        return allowed.Any(a => a == "*" || string.Equals(a.Trim(), host, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Writes (anything but GET and HEAD) under /api, and reads of /api and /openapi from addresses other than loopback, need the token; the page's files are open.</summary>
    private static async Task RequireTokenAsync(HttpContext context, RequestDelegate next)
    {
        var options = context.RequestServices.GetRequiredService<DyadServerOptions>();
        var request = context.Request;
        var read = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        var remote = context.Connection.RemoteIpAddress;
        var loopback = remote is null || IPAddress.IsLoopback(remote);
        var guarded = request.Path.StartsWithSegments("/api", StringComparison.Ordinal) || request.Path.StartsWithSegments("/openapi", StringComparison.Ordinal);
        if (!guarded || (read && loopback) || WriteToken.Matches(options.Token, Bearer(request)))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        await Problems.Write(
            context,
            StatusCodes.Status401Unauthorized,
            "The token is missing or wrong",
            read
                ? "Reads from addresses other than loopback need the server's token as 'Authorization: Bearer TOKEN'."
                : "Writes need the server's token as 'Authorization: Bearer TOKEN'; 'dyad serve' prints it at start and keeps it in its token file.",
            Dyad.ErrorCodes.TokenRequired).ConfigureAwait(false);
    }

    private static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Writes ProblemDetails answers with Dyad's codes.</summary>
internal static class Problems
{
    public static IResult Result(int status, string title, string detail, string code) =>
        TypedResults.Problem(detail, title: title, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });

    public static Task Write(HttpContext context, int status, string title, string detail, string code) =>
        Result(status, title, detail, code).ExecuteAsync(context);

    public static IResult Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, "Correct the parameters named in 'errors'.", title: "The request is not valid", extensions: new Dictionary<string, object?> { ["code"] = Dyad.ErrorCodes.RequestInvalid });
}
