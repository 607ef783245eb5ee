using System.Security.Cryptography;
using System.Text;

namespace Dyad.Documents;

/// <summary>How the store names a document: the same key, the same document, stored once.</summary>
public static class DocumentKey
{
    /// <summary>The prefix of keys made from the text's hash.</summary>
    public const string HashPrefix = "sha256:";

    /// <summary>The document's key: its given id when present, else its URL, else <c>sha256:</c> and the hash of its text.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The key; never empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public static string Of(DocumentInput document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!string.IsNullOrWhiteSpace(document.Id))
        {
            return document.Id;
        }

        return !string.IsNullOrWhiteSpace(document.Url) ? document.Url : HashPrefix + ContentHash(document.Text);
    }

    /// <summary>Lower-case hex SHA-256 of the text's UTF-8 bytes.</summary>
    /// <param name="text">The text.</param>
    /// <returns>64 hex digits.</returns>
    public static string ContentHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The outlet of a document: its given source, else its URL's host without a leading <c>www.</c>.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The outlet, or null when neither is known.</returns>
    public static string? Outlet(DocumentInput document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!string.IsNullOrWhiteSpace(document.Source))
        {
            return document.Source;
        }

        if (document.Url is null || !Uri.TryCreate(document.Url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
