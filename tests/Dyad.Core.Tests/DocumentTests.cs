using System.Collections.Immutable;

namespace Dyad.Core.Tests;

public sealed class DocumentTests
{
    [Theory]
    [InlineData("Russia arms Iraq.", 0, 6, "Russia")]
    [InlineData("Russia arms Iraq.", 12, 16, "Iraq")]
    public void Document_FormIsTheTokensText(string text, int start, int end, string expected)
    {
        // Given a document with one token
        var document = new Document("d", text) { Tokens = [new Token(start, end)] };

        // When / Then
        Assert.Equal(expected, document.Form(0));
        Assert.Equal(expected, document.FormSpan(0).ToString());
    }

    [Theory]
    [InlineData("They don't agree.")]
    public void Document_SentenceTextRunsToTheEndOfTheLastSurfaceWord(string text)
    {
        // Given "do" + "n't" as parts of one surface word
        var tokens = ImmutableArray.Create(new Token(0, 4), new Token(new TextRange(5, 7), 10), new Token(new TextRange(7, 10), 10), new Token(11, 16), new Token(16, 17));
        var document = new Document("d", text) { Tokens = tokens, Sentences = [new Sentence(0, 5)] };

        // Then
        Assert.Equal(text, document.SentenceText(document.Sentences[0]));
        Assert.True(document.Tokens[1].IsPartOfWord);
        Assert.False(document.Tokens[2].IsPartOfWord);
    }
}
