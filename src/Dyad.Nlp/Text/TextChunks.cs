namespace Dyad.Nlp.Text;

/// <summary>
/// Cuts a long text into pieces of bounded length for processing one at a time. A piece ends at the last paragraph
/// break (blank line) before the limit, else the last line break, else the last white space, else at the limit
/// itself (never inside a surrogate pair). Pieces cover the text exactly, in order.
/// </summary>
public static class TextChunks
{
    /// <summary>Default piece length in characters: large enough that real articles are one piece.</summary>
    public const int DefaultMaxLength = 1 << 20;

    /// <summary>The pieces of <paramref name="text"/>, each at most <paramref name="maxLength"/> characters.</summary>
    public static IEnumerable<TextRange> Split(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var start = 0;
        while (start < text.Length)
        {
            var end = Math.Min(text.Length, start + maxLength);
            if (end < text.Length)
            {
                end = CutPoint(text, start, end);
            }

            yield return new TextRange(start, end);
            start = end;
        }
    }

    private static int CutPoint(string text, int start, int limit)
    {
        var window = text.AsSpan(start, limit - start);
        var paragraph = window.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (paragraph > 0)
        {
            return start + paragraph + 2;
        }

        var line = window.LastIndexOf('\n');
        if (line > 0)
        {
            return start + line + 1;
        }

        for (var i = window.Length - 1; i > 0; i--)
        {
            if (char.IsWhiteSpace(window[i]))
            {
                return start + i + 1;
            }
        }

        return char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
    }
}
