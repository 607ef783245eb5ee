namespace Dyad.Ingest;

/// <summary>
/// Estimates how deep an HTML page nests its elements, in one linear pass over the markup, before the parser sees it.
/// The parser's tree building takes time that grows with depth times elements (a page of 100,000 nested
/// <c>&lt;div&gt;</c>s took over a minute), so pages nested deeper than <see cref="MaxDepth"/> are refused instead.
/// </summary>
/// <remarks>
/// The estimate counts start tags less end tags, leaving out void elements, self-closed tags and the elements whose end
/// tag HTML lets a page omit (<c>p</c>, <c>li</c>, <c>td</c>, ...), and skips comments, declarations and the raw text
/// of <c>script</c>, <c>style</c>, <c>textarea</c> and <c>title</c>. It can overcount pages that leave other elements
/// open, which is why the limit is twice that of browsers (Blink stops nesting at 512). Thread-safe: stateless.
/// </remarks>
internal static class HtmlDepth
{
    /// <summary>The deepest nesting read; real pages rarely pass 100.</summary>
    public const int MaxDepth = 1024;

    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        // Void elements.
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "basefont", "bgsound", "frame", "keygen",

        // Elements whose end tag may be left out: a page that leaves them open does not nest them.
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rtc", "rp",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext" };

    /// <summary>The estimated depth, stopping early at the first point deeper than <paramref name="limit"/>.</summary>
    /// <param name="html">The markup.</param>
    /// <param name="limit">The depth to look for.</param>
    /// <param name="offset">Where (in UTF-16 units) the depth first passed the limit, or -1.</param>
    /// <returns>The deepest depth seen (at most <paramref name="limit"/> + 1).</returns>
    public static int Measure(string html, int limit, out int offset)
    {
        ArgumentNullException.ThrowIfNull(html);
        offset = -1;
        int depth = 0, deepest = 0, i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            var next = html[i + 1];
            if (next == '!' || next == '?')
            {
                var end = string.CompareOrdinal(html, i, "<!--", 0, 4) == 0 ? IndexAfter(html, "-->", i + 4) : IndexAfter(html, ">", i + 2);
                i = end;
                continue;
            }

            var closing = next == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                // A '<' that starts no tag is text.
                i++;
                continue;
            }

            var tagEnd = TagEnd(html, nameEnd);
            var name = html[nameStart..nameEnd];
            i = tagEnd;
            if (closing)
            {
                if (!NotNesting.Contains(name) && depth > 0)
                {
                    depth--;
                }

                continue;
            }

            var selfClosed = tagEnd >= 2 && html[tagEnd - 2] == '/';
            if (RawText.Contains(name))
            {
                i = IndexOfEndTag(html, name, tagEnd);
                continue;
            }

            if (selfClosed || NotNesting.Contains(name))
            {
                continue;
            }

            depth++;
            if (depth > deepest)
            {
                deepest = depth;
                if (deepest > limit)
                {
                    offset = nameStart - 1;
                    return deepest;
                }
            }
        }

        return deepest;
    }

    /// <summary>The text of markup with every tag, comment and raw-text element removed: a linear fallback for fragments too deep to parse.</summary>
    public static string StripTags(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = new System.Text.StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            if (open < 0)
            {
                text.Append(html, i, html.Length - i);
                break;
            }

            text.Append(html, i, open - i).Append(' ');
            i = string.CompareOrdinal(html, open, "<!--", 0, 4) == 0 ? IndexAfter(html, "-->", open + 4) : TagEnd(html, open + 1);
        }

        return System.Net.WebUtility.HtmlDecode(text.ToString());
    }

    /// <summary>The index just after the '&gt;' closing a tag, quotes respected; the end of the text when there is none.</summary>
    private static int TagEnd(string html, int from)
    {
        // A quote only opens a value right after '=' (spaces allowed), as in the HTML tokenizer.
        var quote = '\0';
        var afterEquals = false;
        for (var j = from; j < html.Length; j++)
        {
            var c = html[j];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'' && afterEquals)
            {
                quote = c;
            }
            else if (c == '>')
            {
                return j + 1;
            }

            if (!char.IsWhiteSpace(c))
            {
                afterEquals = c == '=' && quote == '\0';
            }
        }

        return html.Length;
    }

    private static int IndexAfter(string html, string marker, int from)
    {
        var at = html.IndexOf(marker, Math.Min(from, html.Length), StringComparison.Ordinal);
        return at < 0 ? html.Length : at + marker.Length;
    }

    private static int IndexOfEndTag(string html, string name, int from)
    {
        var at = html.IndexOf("</" + name, Math.Min(from, html.Length), StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html.Length : at;
    }
}
