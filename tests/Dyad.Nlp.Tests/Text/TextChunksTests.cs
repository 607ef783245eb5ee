using Dyad.Nlp.Text;

namespace Dyad.Nlp.Tests.Text;

public sealed class TextChunksTests
{
    [Theory]
    [InlineData("First paragraph.\n\nSecond paragraph.\n\nThird.", 24, new[] { "First paragraph.\n\n", "Second paragraph.\n\n", "Third." })]
    [InlineData("one line\nanother line", 15, new[] { "one line\n", "another line" })]
    [InlineData("words without breaks", 12, new[] { "words ", "without ", "breaks" })]
    [InlineData("abcdefghij", 4, new[] { "abcd", "efgh", "ij" })]
    public void TextChunks_CutAtTheBestBreakBeforeTheLimit(string text, int limit, string[] expected)
    {
        // When / Then
        Assert.Equal(expected, TextChunks.Split(text, limit).Select(r => text[r.Start..r.End]));
    }

    [FsCheck.Xunit.Property]
    public bool TextChunks_CoverTheTextExactlyWithinTheLimit(string? text, byte limit)
    {
        // Given any text and a limit of 2 or more
        text ??= string.Empty;
        var max = Math.Max(2, (int)limit);

        // When it is cut
        var chunks = TextChunks.Split(text, max).ToList();

        // Then the pieces are contiguous, bounded, non-empty, never split a surrogate pair, and rebuild the text
        var position = 0;
        foreach (var chunk in chunks)
        {
            if (chunk.Start != position || chunk.Length == 0 || chunk.Length > max)
            {
                return false;
            }

            if (chunk.End < text.Length && char.IsHighSurrogate(text[chunk.End - 1]) && char.IsLowSurrogate(text[chunk.End]))
            {
                return false;
            }

            position = chunk.End;
        }

        return position == text.Length;
    }
}
