using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Dyad.Server;

/// <summary>
/// Serves the dashboard's files (the page and the npm libraries copied in at build time), which travel inside this
/// assembly as resources named <c>wwwroot/PATH</c>: nothing is read from disk or fetched from elsewhere at run time.
/// </summary>
internal static class EmbeddedAssets
{
    private const string Prefix = "wwwroot/";
    private static readonly Assembly Self = typeof(EmbeddedAssets).Assembly;
    private static readonly HashSet<string> Names = new(Self.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)), StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Asset> Cache = new(StringComparer.Ordinal);
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>The paths served (without the leading slash).</summary>
    public static IEnumerable<string> Paths => Names.Select(n => n[Prefix.Length..]);

    public static async Task ServeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || request.Path.StartsWithSegments("/api", StringComparison.Ordinal) || request.Path.StartsWithSegments("/openapi", StringComparison.Ordinal))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var path = request.Path.Value is null or "" or "/" ? "index.html" : request.Path.Value.TrimStart('/');
        if (!Names.Contains(Prefix + path))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var asset = Cache.GetOrAdd(path, Load);
        var response = context.Response;
        response.Headers.ETag = asset.ETag;
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        if (path == "index.html")
        {
            // The page loads only its own scripts, styles and data: nothing from the internet.
            response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'";
        }

        if (request.Headers.IfNoneMatch == asset.ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        if (HttpMethods.IsGet(request.Method))
        {
            await response.Body.WriteAsync(asset.Content, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static Asset Load(string path)
    {
        using var stream = Self.GetManifestResourceStream(Prefix + path) ?? throw new FileNotFoundException($"The resource {Prefix}{path} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var content = copy.ToArray();
        var type = ContentTypes.TryGetContentType(path, out var found) ? found : "application/octet-stream";
        if (type.StartsWith("text/", StringComparison.Ordinal) || type is "application/javascript" or "text/javascript" or "application/json")
        {
            type += "; charset=utf-8";
        }

        return new Asset(content, type, "\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..16] + "\"");
    }

    private sealed record Asset(byte[] Content, string ContentType, string ETag);
}
