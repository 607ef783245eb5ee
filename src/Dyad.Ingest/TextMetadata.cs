using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dyad.Ingest;

/// <summary>The header of a plain-text article: what its first lines say about it, and where its body starts.</summary>
/// <param name="Title">The headline, or null.</param>
/// <param name="Byline">The author or desk, or null.</param>
/// <param name="Source">The publisher, or null.</param>
/// <param name="Body">The text without the header and footer lines that were read as metadata.</param>
internal sealed record TextHeader(string? Title, string? Byline, string? Source, string Body);

/// <summary>Reads headlines, bylines, sources and datelines from text, and tidies text into paragraphs.</summary>
internal static partial class TextMetadata
{
    private const int MaxHeaderLines = 8;
    private const int MaxTitleLength = 200;
    private const int MaxBylineLength = 80;
    private const int MaxFooterLines = 3;
    private const int MaxDateLineLength = 120;

    /// <summary>
    /// Normalizes line breaks to <c>\n</c>, trims line ends, turns NUL and other control characters into spaces
    /// (counting them) and leaves exactly one blank line between paragraphs; no blank lines at either end.
    /// </summary>
    public static string Tidy(string text, out int controls)
    {
        controls = 0;
        var builder = new StringBuilder(text.Length);
        var blank = 0;
        var lineStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n' && text[i] != '\r' && text[i] != '\f' && text[i] != '\u2028' && text[i] != '\u2029')
            {
                continue;
            }

            var line = text.AsSpan(lineStart, i - lineStart).TrimEnd();
            if (line.IsWhiteSpace())
            {
                blank += builder.Length > 0 ? 1 : 0;
            }
            else
            {
                if (builder.Length > 0)
                {
                    builder.Append(blank > 0 ? "\n\n" : "\n");
                }

                foreach (var c in line)
                {
                    var control = (c < ' ' && c != '\t') || c == '\u007F';
                    controls += control ? 1 : 0;
                    builder.Append(control ? ' ' : c);
                }

                blank = 0;
            }

            if (i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            // A paragraph separator ends a paragraph, not only a line.
            if (i < text.Length && (text[i] == '\f' || text[i] == '\u2029'))
            {
                blank++;
            }

            lineStart = i + 1;
        }

        return builder.ToString();
    }

    /// <summary>Reads the header lines of a tidied plain-text article: headline (and a repeated headline), byline, source, date lines.</summary>
    /// <param name="text">The tidied text.</param>
    /// <param name="knownTitle">The headline from metadata; when given, only a first line equal to it is taken as the headline.</param>
    /// <param name="guessTitle">True to take a short first line as the headline when none is known (plain text).</param>
    public static TextHeader ReadHeader(string text, string? knownTitle, bool guessTitle)
    {
        var lines = text.Split('\n');
        string? title = null, byline = null, source = null;
        var first = 0;
        var examined = 0;
        var i = 0;
        while (i < lines.Length && examined < MaxHeaderLines)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                i++;
                continue;
            }

            examined++;
            if (IsDateLine(line))
            {
                first = ++i;
                continue;
            }

            var by = Byline().Match(line);
            if (by.Success && byline is null && line.Length <= MaxBylineLength)
            {
                byline = by.Groups["name"].Value.Trim();
                first = ++i;
                continue;
            }

            var desk = SourceAndDesk().Match(line);
            if (desk.Success && source is null && line.Length <= MaxBylineLength)
            {
                source = desk.Groups["source"].Value.Trim();
                byline ??= desk.Groups["desk"].Value.Trim();
                first = ++i;
                continue;
            }

            if (knownTitle is not null && title is null && examined == 1 && string.Equals(line, knownTitle.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                title = line;
                first = ++i;
                continue;
            }

            if (guessTitle && knownTitle is null && title is null && examined == 1 && LooksLikeTitle(lines, i))
            {
                title = line;
                first = ++i;

                // A scraped page often repeats its headline as the first line of the story.
                var next = NextNonBlank(lines, i);
                if (next >= 0 && string.Equals(lines[next].Trim(), title, StringComparison.OrdinalIgnoreCase))
                {
                    first = i = next + 1;
                }

                continue;
            }

            break;
        }

        // Date lines at the foot of the story ("Updated: ...") are metadata too.
        var last = lines.Length;
        for (var footer = 0; footer < MaxFooterLines && last > first; footer++)
        {
            var j = last - 1;
            while (j >= first && lines[j].Trim().Length == 0)
            {
                j--;
            }

            if (j < first || !IsDateLine(lines[j].Trim()))
            {
                break;
            }

            last = j;
        }

        var body = string.Join('\n', lines[first..last]).Trim('\n', ' ');
        return new TextHeader(title, byline, source, body);
    }

    /// <summary>The dateline at the start of a body (<c>MOSCOW (Reuters) -</c>), or null.</summary>
    public static Dateline? FindDateline(string body)
    {
        var match = CapitalDateline().Match(body);
        if (!match.Success || (match.Groups["dash"].Value == ":" && !match.Groups["agency"].Success))
        {
            match = AgencyDateline().Match(body);
        }

        if (!match.Success)
        {
            return null;
        }

        var place = match.Groups["place"].Value.Trim().TrimEnd(',');
        var agency = match.Groups["agency"].Success ? match.Groups["agency"].Value.Trim() : null;
        var end = match.Groups["dash"].Index + match.Groups["dash"].Length;
        return new Dateline(place, agency, new TextRange(0, end));
    }

    /// <summary>True when a line is a date with or without its label and nothing else.</summary>
    public static bool IsDateLine(string line)
    {
        if (line.Length > MaxDateLineLength)
        {
            return false;
        }

        foreach (var match in PublicationDateFinder.FindAll(line))
        {
            var before = line[..match.Range.Start];
            var after = line[match.Range.End..];
            if (before.Trim().Length <= 1 && TrailingZone().IsMatch(after))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A stable id from the text: <c>sha256:</c> and 16 hex digits.</summary>
    public static string HashId(string text) =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    /// <summary>Describes a count of replaced characters for a diagnostic.</summary>
    public static string Count(int n, string what) => string.Create(CultureInfo.InvariantCulture, $"{n} {what}{(n == 1 ? string.Empty : "s")}");

    private static bool LooksLikeTitle(string[] lines, int index)
    {
        var line = lines[index].Trim();
        var next = NextNonBlank(lines, index + 1);
        if (next < 0 || line.Length > MaxTitleLength)
        {
            return false;
        }

        // A story that starts with its dateline has no headline line.
        if (FindDateline(line) is not null)
        {
            return false;
        }

        var followedByBlank = index + 1 < lines.Length && lines[index + 1].Trim().Length == 0;
        return followedByBlank || !line.EndsWith('.');
    }

    private static int NextNonBlank(string[] lines, int from)
    {
        for (var i = from; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^(?:by|par|von|por|di|door|yazar|автор|بقلم)\s*:?\s+(?<name>\p{L}[^\n]{1,70})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Byline();

    // "World Bulletin / News Desk": a publisher and a desk or author, each a few capitalised words.
    [GeneratedRegex(@"^(?<source>\p{Lu}[\p{L}\d.&'’-]*(?:\s+[\p{L}\d.&'’-]+){0,5})\s+/\s+(?<desk>\p{Lu}[\p{L}\d.&'’-]*(?:\s+[\p{L}\d.&'’-]+){0,5})$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex SourceAndDesk();

    // MOSCOW (Reuters) -, WASHINGTON, D.C. (AP) —, KABUL, Afghanistan —, ANKARA, Nov 12 (AA) –
    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{Lu}'’.\-]+(?:\s+\p{Lu}[\p{Lu}'’.\-]*){0,3}(?:,\s*\p{Lu}[\p{L}'’.\-]*(?:\s+\p{Lu}[\p{L}'’.\-]*){0,2})?)(?:,\s*(?<when>\p{L}{3,9}\.?\s+\d{1,2}|\d{1,2}\s+\p{L}{3,9}))?\s*(?:\((?<agency>[^()\n]{1,40})\))?\s*(?<dash>--|[-–—:])(?=\s)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex CapitalDateline();

    // Moscow, Nov 12 (Reuters) -: a place in ordinary case needs its agency in brackets.
    [GeneratedRegex(@"^(?<place>\p{Lu}\p{Ll}[\p{L}'’.\-]*(?:\s+\p{Lu}[\p{L}'’.\-]*){0,3})(?:,\s*(?<when>\p{L}{3,9}\.?\s+\d{1,2}|\d{1,2}\s+\p{L}{3,9}))?\s*\((?<agency>[^()\n]{1,40})\)\s*(?<dash>--|[-–—:])(?=\s)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex AgencyDateline();

    [GeneratedRegex(@"^\s*(?:\(?(?:[A-Z]{2,5}|GMT[+-]\d{1,2})\)?)?\s*[.|]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingZone();
}
