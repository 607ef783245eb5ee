using System.Globalization;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Dom.Events;
using AngleSharp.Html.Parser;

namespace Dyad.Ingest;

/// <summary>What an HTML page says about its article.</summary>
internal sealed record HtmlPage(
    string? Title,
    string? Byline,
    string? Source,
    string? Url,
    IReadOnlyList<(string Value, string Where)> Dates,
    string Body,
    string? Truncation);

/// <summary>
/// Pulls the article out of an HTML page with AngleSharp: headline, byline, publisher, address and publication date
/// from the page's metadata (Open Graph, JSON-LD, <c>&lt;meta&gt;</c>, <c>&lt;time&gt;</c>), and the body from
/// <c>[itemprop=articleBody]</c>, the largest <c>&lt;article&gt;</c>, or the block with the most paragraph text,
/// without navigation, scripts, styles, asides, footers and forms. Paragraphs are separated by blank lines.
/// </summary>
internal static class HtmlExtraction
{
    private static readonly string[] Dropped =
    [
        "script", "style", "noscript", "nav", "aside", "footer", "form", "iframe", "svg", "template", "button",
        "figure", "select", "object", "embed", "canvas", "audio", "video", "[role=navigation]", "[role=complementary]",
        "[role=contentinfo]", "[aria-hidden=true]",
    ];

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
        "blockquote", "pre", "table", "tr", "dl", "dt", "dd", "address", "figcaption", "hr", "center",
    };

    // Meta keys (name, property or itemprop, lower case) that carry the publication date, best first.
    private static readonly string[] DateKeys =
    [
        "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
        "publish_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "date", "sailthru.date",
        "parsely-pub-date", "article.published", "og:article:published_time",
    ];

    private static readonly string[] UpdateKeys = ["article:modified_time", "datemodified", "og:updated_time", "last-modified"];

    public static HtmlPage Extract(string html)
    {
        var errors = new List<HtmlErrorEvent>();
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        parser.Error += (_, e) =>
        {
            if (e is HtmlErrorEvent error)
            {
                errors.Add(error);
            }
        };
        using var document = parser.ParseDocument(html);
        var meta = Meta(document);
        var jsonLd = JsonLd(document);

        var title = First(Get(meta, "og:title"), Get(meta, "twitter:title"), jsonLd.Headline, Text(document.QuerySelector("article h1") ?? document.QuerySelector("h1")), document.Title);
        var byline = First(Get(meta, "author"), NotUrl(Get(meta, "article:author")), jsonLd.Author, Text(document.QuerySelector("[rel=author]")), Text(document.QuerySelector("[itemprop=author]")), Text(document.QuerySelector(".byline")));
        var source = First(Get(meta, "og:site_name"), jsonLd.Publisher, Get(meta, "application-name"));
        var url = First(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), Get(meta, "og:url"), jsonLd.Url);

        var dates = new List<(string, string)>();
        foreach (var key in DateKeys)
        {
            if (Get(meta, key) is { } value)
            {
                dates.Add((value, $"<meta {key}>"));
            }
        }

        if (jsonLd.Published is { } ld)
        {
            dates.Add((ld, "JSON-LD datePublished"));
        }

        var time = document.QuerySelector("time[pubdate]") ?? document.QuerySelector("time[itemprop=datePublished]") ?? document.QuerySelector("article time[datetime]") ?? document.QuerySelector("time[datetime]");
        if (time?.GetAttribute("datetime") is { Length: > 0 } datetime)
        {
            dates.Add((datetime, "<time datetime>"));
        }

        foreach (var key in UpdateKeys)
        {
            if (Get(meta, key) is { } value)
            {
                dates.Add((value, $"<meta {key}>"));
            }
        }

        if (jsonLd.Modified is { } modified)
        {
            dates.Add((modified, "JSON-LD dateModified"));
        }

        foreach (var selector in Dropped)
        {
            foreach (var element in document.QuerySelectorAll(selector).ToList())
            {
                element.Remove();
            }
        }

        var root = BodyRoot(document);
        var body = root is null ? string.Empty : BlockText(root);
        // Cut inside a tag or comment, the tokenizer reports the end of file; cut between tags, only the missing
        // closing tags of the page show it.
        var eof = errors.FirstOrDefault(e => e.Code == (int)HtmlParseError.EOF);
        var truncation = eof is not null ? string.Create(CultureInfo.InvariantCulture, $"line {eof.Position.Line}, column {eof.Position.Column}")
            : !html.Contains("</body", StringComparison.OrdinalIgnoreCase) && !html.Contains("</html", StringComparison.OrdinalIgnoreCase) ? "the end"
            : null;
        return new HtmlPage(title, byline, source, url, dates, body, truncation);
    }

    /// <summary>The text of an HTML fragment (a feed item's content), paragraphs separated by blank lines.</summary>
    public static string FragmentText(string html)
    {
        if (!html.Contains('<', StringComparison.Ordinal) && !html.Contains('&', StringComparison.Ordinal))
        {
            return html;
        }

        if (HtmlDepth.Measure(html, HtmlDepth.MaxDepth, out _) > HtmlDepth.MaxDepth)
        {
            // Too deep to parse in good time (see HtmlDepth): the words without the markup.
            return string.Join(' ', HtmlDepth.StripTags(html).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        foreach (var selector in Dropped)
        {
            foreach (var element in document.QuerySelectorAll(selector).ToList())
            {
                element.Remove();
            }
        }

        return document.Body is null ? string.Empty : BlockText(document.Body);
    }

    private static IElement? BodyRoot(IHtmlDocument document)
    {
        if (document.QuerySelector("[itemprop=articleBody]") is { } marked)
        {
            return marked;
        }

        var article = document.QuerySelectorAll("article").OrderByDescending(a => a.TextContent.Length).FirstOrDefault();
        if (article is not null && ParagraphText(article) > 0)
        {
            return article;
        }

        // The block whose own paragraphs hold the most text: a readability-style guess at the story.
        IElement? best = null;
        var bestScore = 0;
        foreach (var paragraph in document.QuerySelectorAll("p"))
        {
            if (paragraph.ParentElement is { } parent && parent != best)
            {
                var score = ParagraphText(parent);
                if (score > bestScore)
                {
                    (best, bestScore) = (parent, score);
                }
            }
        }

        return best ?? document.Body;
    }

    private static int ParagraphText(IElement element) =>
        element.Children.Where(c => c.LocalName is "p" or "blockquote" or "h2" or "h3").Sum(c => c.TextContent.Trim().Length);

    private static string BlockText(IElement root)
    {
        var paragraphs = new StringBuilder();
        var current = new StringBuilder();
        Walk(root, paragraphs, current);
        Flush(paragraphs, current);
        return paragraphs.ToString();
    }

    private static void Walk(INode node, StringBuilder paragraphs, StringBuilder current)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    AppendCollapsed(current, text.Data);
                    break;
                case IElement element when element.LocalName == "br":
                    current.Append('\n');
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    Flush(paragraphs, current);
                    Walk(element, paragraphs, current);
                    Flush(paragraphs, current);
                    break;
                case IElement element:
                    Walk(element, paragraphs, current);
                    break;
            }
        }
    }

    private static void AppendCollapsed(StringBuilder current, string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (current.Length > 0 && current[^1] != ' ' && current[^1] != '\n')
                {
                    current.Append(' ');
                }
            }
            else
            {
                current.Append(c);
            }
        }
    }

    private static void Flush(StringBuilder paragraphs, StringBuilder current)
    {
        var text = string.Join('\n', current.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        current.Clear();
        if (text.Length == 0)
        {
            return;
        }

        if (paragraphs.Length > 0)
        {
            paragraphs.Append("\n\n");
        }

        paragraphs.Append(text);
    }

    private static Dictionary<string, string> Meta(IHtmlDocument document)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in document.QuerySelectorAll("meta"))
        {
            var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop");
            var value = element.GetAttribute("content");
            if (!string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(value))
            {
                meta.TryAdd(key.Trim(), value.Trim());
            }
        }

        return meta;
    }

    private static string? Get(Dictionary<string, string> meta, string key) => meta.TryGetValue(key, out var value) ? value : null;

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    private static string? NotUrl(string? value) => value is not null && value.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? null : value;

    private static string? Text(IElement? element) => element is null ? null : string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed record LinkedData(string? Headline, string? Author, string? Publisher, string? Url, string? Published, string? Modified);

    /// <summary>The first JSON-LD object with a <c>datePublished</c> or an article type; bad JSON is ignored.</summary>
    private static LinkedData JsonLd(IHtmlDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                if (FindArticle(json.RootElement) is { } found)
                {
                    return new LinkedData(
                        String(found, "headline"),
                        Name(found, "author"),
                        Name(found, "publisher"),
                        String(found, "url"),
                        String(found, "datePublished"),
                        String(found, "dateModified"));
                }
            }
            catch (JsonException)
            {
                // A page's broken JSON-LD is its own affair; the other metadata still counts.
            }
        }

        return new LinkedData(null, null, null, null, null, null);
    }

    private static JsonElement? FindArticle(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FindArticle(item) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                if (element.TryGetProperty("datePublished", out _) || (String(element, "@type") is { } type && type.Contains("Article", StringComparison.Ordinal)))
                {
                    return element;
                }

                return element.TryGetProperty("@graph", out var graph) ? FindArticle(graph) : null;
            default:
                return null;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Name(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => String(value, "name"),
            JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : String(v, "name")).Where(v => !string.IsNullOrWhiteSpace(v))) is { Length: > 0 } names ? names : null,
            _ => null,
        };
    }
}

/// <summary>An HTML page: one article.</summary>
internal sealed class HtmlDocumentSource(IngestContext context) : IDocumentSource
{
    private const int MarkupPerTextChar = 4;
    private bool _done;

    public IngestResult? Next()
    {
        if (_done)
        {
            return null;
        }

        _done = true;
        var limit = (int)Math.Min(int.MaxValue / 2, (long)context.Options.MaxArticleChars * MarkupPerTextChar);
        var html = context.Decoded.ReadToEnd(limit);
        if (html is null)
        {
            return context.Reject(string.Empty, ErrorCodes.DocumentTooLarge, Severity.Error, string.Create(CultureInfo.InvariantCulture, $"The HTML page is longer than {limit} characters and was not read. Raise the limit or save the article's text."), null);
        }

        if (HtmlDepth.Measure(html, HtmlDepth.MaxDepth, out var offset) > HtmlDepth.MaxDepth)
        {
            var (line, column) = Position(html, offset);
            return context.Reject(
                string.Empty,
                ErrorCodes.DocumentTooLarge,
                Severity.Error,
                string.Create(CultureInfo.InvariantCulture, $"The HTML page nests its elements more than {HtmlDepth.MaxDepth} deep (passed at line {line}, column {column}); it was not read, since no article needs that and parsing it takes time that grows with the depth. Save the article's text."),
                null);
        }

        var page = HtmlExtraction.Extract(html);
        var draft = new ArticleDraft
        {
            Location = string.Empty,
            Title = page.Title,
            Byline = page.Byline,
            Source = page.Source,
            Url = page.Url,
            Body = page.Body,
        };
        foreach (var (value, where) in page.Dates)
        {
            if (PublicationDateFinder.ParseValue(value, context.Options.NumericDateOrder) is { } date)
            {
                draft.Published = date;
                draft.PublishedFrom = "html-meta";
                break;
            }

            context.UnreadableDate(draft, value, where);
        }

        if (page.Truncation is { } position)
        {
            draft.Diagnostics.Add(new Diagnostic(ErrorCodes.HtmlTruncated, Severity.Warning, $"The page ends inside a tag, comment or element (at {position}) or without its closing </body> and </html> tags, as a page cut off does; what was there was read.", context.Input, position));
        }

        return context.Build(draft, 0);
    }

    /// <summary>The 1-based line and column of a UTF-16 offset.</summary>
    private static (int Line, int Column) Position(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = text.IndexOf('\n'); i >= 0 && i < offset; i = text.IndexOf('\n', i + 1))
        {
            line++;
            lineStart = i + 1;
        }

        return (line, offset - lineStart + 1);
    }
}
