using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Dyad.Text;

namespace Dyad.Coding.Dictionaries;

/// <summary>Collects the diagnostics of one input, all with the same source name.</summary>
internal sealed class DiagnosticBag(string source)
{
    private readonly List<Diagnostic> _items = [];

    public string Source { get; } = source;

    public int Count => _items.Count;

    public void Warn(string code, int line, string message) => Add(code, Severity.Warning, line, message);

    public void Error(string code, int line, string message) => Add(code, Severity.Error, line, message);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    public ImmutableArray<Diagnostic> ToImmutable() => [.. _items];

    private void Add(string code, Severity severity, int line, string message) =>
        _items.Add(new Diagnostic(code, severity, message, Source, new SourceLine(Source, line).Location));
}

/// <summary>One meaningful line of a dictionary file: comments removed, white space trimmed, never empty.</summary>
/// <param name="Number">1-based line number in the file.</param>
/// <param name="Text">The content without comments, trimmed.</param>
/// <param name="Comment">The text of a trailing <c>#</c> comment without the <c>#</c>, trimmed; empty when none.</param>
internal readonly record struct DictionaryLine(int Number, string Text, string Comment);

/// <summary>What counts as a comment in a given dictionary format.</summary>
/// <param name="SemicolonComments">Whether <c>;</c> (outside brackets) starts a legacy TABARI comment.</param>
internal readonly record struct LineOptions(bool SemicolonComments);

/// <summary>
/// Reads dictionary files the way PETRARCH's <c>read_FIN_line</c> documents: lines starting with <c>#</c> are comments;
/// <c>&lt;!-- ... --&gt;</c> comments may sit inside a line or span lines; a line starting with <c>&lt;!</c> is a comment;
/// a <c>#</c> anywhere outside <c>[...]</c> starts a trailing comment; blank lines are skipped.
/// </summary>
internal static class DictionaryText
{
    /// <summary>Reads a whole file as UTF-8. Returns null (with a diagnostic) when it cannot be read.</summary>
    public static string? ReadFile(string path, DiagnosticBag bag)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            bag.Error(ErrorCodes.InputUnreadable, 0, $"Expected a readable dictionary file at '{path}', but it could not be read ({e.GetType().Name}: {e.Message}). Check the path and its permissions.");
            return null;
        }

        return Decode(bytes, bag);
    }

    /// <summary>Decodes UTF-8, dropping a byte-order mark and reporting invalid bytes (replaced with U+FFFD).</summary>
    /// <remarks>Always UTF-8 (<see cref="ByteDecoder"/> without UTF-16 detection): dictionary files are UTF-8 by contract.</remarks>
    public static string Decode(ReadOnlySpan<byte> bytes, DiagnosticBag bag)
    {
        var decoded = ByteDecoder.Decode(bytes, detectUtf16: false);
        if (decoded.Invalid > 0)
        {
            var line = bytes[..decoded.FirstInvalidByte].Count((byte)'\n') + 1;
            bag.Warn(ErrorCodes.InvalidUtf8, line, $"Expected UTF-8 text, but the bytes at line {line.ToString(CultureInfo.InvariantCulture)} (and perhaps later) are not valid UTF-8; they were replaced with U+FFFD and reading went on. Re-encode the file as UTF-8.");
        }

        return decoded.Text;
    }

    /// <summary>Enumerates the meaningful lines of <paramref name="reader"/>, reporting comment and character problems to <paramref name="bag"/>.</summary>
    public static IEnumerable<DictionaryLine> Lines(TextReader reader, DiagnosticBag bag, LineOptions options)
    {
        var number = 0;
        var commentStart = 0;
        string? raw;
        while ((raw = reader.ReadLine()) is not null)
        {
            number++;
            var line = raw;
            if (commentStart > 0)
            {
                var end = line.IndexOf("-->", StringComparison.Ordinal);
                if (end < 0)
                {
                    continue;
                }

                commentStart = 0;
                line = line[(end + 3)..];
            }

            var trimmed = line.AsSpan().TrimStart();
            if (trimmed.StartsWith('#'))
            {
                continue;
            }

            if (trimmed.StartsWith("<!", StringComparison.Ordinal) && !trimmed.StartsWith("<!--", StringComparison.Ordinal))
            {
                bag.Warn(ErrorCodes.DictionaryLineRepaired, number, $"Expected an XML comment to start with '<!--', but the line starts with '{Shorten(trimmed.ToString())}'. It was read as a comment, as PETRARCH does; write '<!--' to make that explicit.");
                continue;
            }

            line = RemoveXmlComments(line, out var opened);
            if (opened)
            {
                commentStart = number;
            }

            var (content, comment) = SplitComment(line);
            if (options.SemicolonComments)
            {
                var semicolon = IndexOutsideBrackets(content, ';');
                if (semicolon >= 0)
                {
                    bag.Warn(ErrorCodes.DictionaryLineRepaired, number, $"Expected comments to start with '#', but found the legacy TABARI ';' comment '{Shorten(content[semicolon..].Trim())}'. It was read as a comment; PETRARCH does not know ';' comments, so change it to ' #'.");
                    comment = (content[(semicolon + 1)..] + " " + comment).Trim();
                    content = content[..semicolon];
                }
            }

            content = content.Trim();
            if (content.Length == 0)
            {
                continue;
            }

            CheckCharacters(content, number, bag);
            yield return new DictionaryLine(number, content, comment);
        }

        if (commentStart > 0)
        {
            bag.Error(ErrorCodes.DictionaryLineSkipped, commentStart, $"Expected the comment opened with '<!--' on line {commentStart.ToString(CultureInfo.InvariantCulture)} to be closed with '-->', but the file ended first, so lines {commentStart.ToString(CultureInfo.InvariantCulture)} to {number.ToString(CultureInfo.InvariantCulture)} were skipped. Close the comment.");
        }
    }

    /// <summary>Splits at the first <c>#</c> that is not inside <c>[...]</c> (codes such as <c>[###]</c> keep their hashes).</summary>
    public static (string Content, string Comment) SplitComment(string line)
    {
        var hash = IndexOutsideBrackets(line, '#');
        return hash < 0 ? (line, string.Empty) : (line[..hash], line[(hash + 1)..].Trim());
    }

    /// <summary>Index of <paramref name="target"/> outside square brackets and braces, or -1.</summary>
    public static int IndexOutsideBrackets(string text, char target)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '[')
            {
                depth++;
            }
            else if (c == ']' && depth > 0)
            {
                depth--;
            }
            else if (c == target && depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Warns once about the first control character, U+FFFD or sign of mis-decoding in <paramref name="content"/>.</summary>
    public static void CheckCharacters(string content, int number, DiagnosticBag bag)
    {
        var problem = FindSuspicious(content);
        if (problem is not null)
        {
            bag.Warn(ErrorCodes.SuspiciousCharacters, number, $"Expected plain text, but '{Shorten(content)}' holds {problem}. The line was read as it stands and that word will rarely match; restore the intended characters.");
        }
    }

    /// <summary>Describes the first suspicious character of <paramref name="text"/>, or returns null.</summary>
    public static string? FindSuspicious(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if ((c < ' ' && c != '\t') || c == '\u007F')
            {
                return $"the control character U+{(int)c:X4} (often a lost accented letter)";
            }

            if (c == '\uFFFD')
            {
                return "U+FFFD, the replacement character left where an earlier conversion lost a letter";
            }

            if ((c == 'Ã' || c == 'Â' || c == '¬') && next >= '\u0080')
            {
                return $"'{c}{next}', which is how UTF-8 text looks when decoded as Windows-1252 or Mac Roman";
            }

            if (c == '†' || c == '‰')
            {
                return $"'{c}' (U+{(int)c:X4}), which is how a Mac Roman non-breaking space or accented letter looks when decoded as Windows-1252";
            }

            if (c >= '\uFB00' && c <= '\uFB06')
            {
                return $"the typographic ligature U+{(int)c:X4}, which no tokenizer splits back into letters";
            }
        }

        return null;
    }

    /// <summary>Shortens text for a message: runs of white space become one space, at most 80 characters.</summary>
    public static string Shorten(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, 81));
        var space = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
            if (builder.Length > 80)
            {
                builder.Length = 77;
                return builder.Append("...").ToString();
            }
        }

        return builder.ToString();
    }

    private static string RemoveXmlComments(string line, out bool opened)
    {
        opened = false;
        var start = line.IndexOf("<!--", StringComparison.Ordinal);
        if (start < 0)
        {
            return line;
        }

        var builder = new StringBuilder(line.Length);
        var position = 0;
        while (start >= 0)
        {
            builder.Append(line, position, start - position);
            var end = line.IndexOf("-->", start + 4, StringComparison.Ordinal);
            if (end < 0)
            {
                opened = true;
                return builder.ToString();
            }

            position = end + 3;
            start = line.IndexOf("<!--", position, StringComparison.Ordinal);
        }

        builder.Append(line, position, line.Length - position);
        return builder.ToString();
    }
}
