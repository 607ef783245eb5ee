using System.Collections.Immutable;
using Dyad.Nlp.Tokenization;
using FsCheck;
using FsCheck.Fluent;

namespace Dyad.Nlp.Tests.Tokenization;

public sealed class TokenizerPropertyTests
{
    /// <summary>Pieces that exercise the tokenizer's special cases, glued together at random.</summary>
    private static readonly string[] Pieces =
    [
        "a", "Z", "word", "don't", "I'm", "cannot", "Bush's", "voters'", "'", "’", "‘", "\"", "“", "”", "`", ".", "..",
        "...", "…", "!", "?", ",", ";", ":", "-", "--", "—", "/", "@", "#", "$", "%", "&", "+", "(", ")", "[", "]",
        "U.S.", "e.g.", "Dr.", "etc.", "J.", "http://x.org/a?b=1", "www.un.org", "a@b.com", "@user", "#tag", ":)", ":-(",
        "12:30", "1,000.50", "3.5%", "9/11", "1/2", "2015-11-12", "5kg", "non-stop", "well-known", "e-mail", " ", "  ",
        "\n", "\n\n", "\r\n", "\t", "\u00A0", "\u2009", "\u3000", "\u200B", "\u200D", "\uFEFF", "\u0301", "\uFE0F",
        "\uD83D\uDC4D", "\uD83C\uDFFD", "\uD83C\uDDFA", "\uD800", "\uDC00", "Москва", "北京", "قال", "\0", "\u0007",
        "gonna", "dont", "1990's", "'90s", "US$", "+44", "A.", "No.", "Inc.", "p.m.",
    ];

    private static Arbitrary<string> Texts()
    {
        var piece = Gen.OneOf(Gen.Elements(Pieces), ArbMap.Default.GeneratorFor<char>().Select(c => c.ToString()));
        return Gen.ListOf(piece).Select(parts => string.Concat(parts)).ToArbitrary();
    }

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property Tokenizer_TokensPartitionTheNonSpaceCharacters() => Prop.ForAll(Texts(), text =>
    {
        // Given any text
        // When it is tokenized
        var tokens = Tokenizer.Tokenize(text);

        // Then the tokens are in order, do not overlap, hold no separator and cover every other character once
        CheckPartition(text, tokens);
    });

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public void Tokenizer_TokensPartitionArbitraryStrings(string? text)
    {
        // Given a string of arbitrary characters
        text ??= string.Empty;

        // When / Then
        CheckPartition(text, Tokenizer.Tokenize(text));
    }

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property Tokenizer_SentencesCoverEveryTokenOnceInOrder() => Prop.ForAll(Texts(), text =>
    {
        // Given any text
        // When it is segmented (which may split a final abbreviation's period)
        // Then the tokens still partition the text and the sentences tile the tokens without gaps
        CheckSentences(text, new Tokenizer(new SentenceSplitter(maxTokens: 8)).Segment(text));
    });

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Tokenizer_LearnedSentencesCoverEveryTokenOnceInOrder() => Prop.ForAll(Texts(), text =>
    {
        // Given any text, and a learned splitter that ends sentences where its model says, or wherever it may
        foreach (var threshold in new[] { 0f, -1e6f })
        {
            // When it is segmented
            var segmentation = new Tokenizer(SentenceSplitterTests.TinyLearnedSplitter.WithThreshold(threshold)).Segment(text);

            // Then the learned splitter keeps the same guarantees as the rules
            CheckSentences(text, segmentation);
        }
    });

    private static void CheckSentences(string text, Segmentation segmentation)
    {
        CheckPartition(text, segmentation.Tokens);
        var expectedStart = 0;
        foreach (var sentence in segmentation.Sentences)
        {
            Assert.Equal(expectedStart, sentence.TokenStart);
            Assert.True(sentence.Length is > 0 and <= 8, $"sentence of {sentence.Length} tokens");
            Assert.True(sentence.TokenStart == 0 || !IsInsideWord(segmentation.Tokens, sentence.TokenStart), "a sentence starts inside a multiword token");
            expectedStart = sentence.TokenEnd;
        }

        Assert.Equal(segmentation.Tokens.Length, expectedStart);
    }

    private static bool IsInsideWord(ImmutableArray<Token> tokens, int index) =>
        tokens[index - 1].IsPartOfWord && tokens[index - 1].SurfaceEnd == tokens[index].SurfaceEnd;

    private static void CheckPartition(string text, ImmutableArray<Token> tokens)
    {
        var covered = new bool[text.Length];
        var previousEnd = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            Assert.True(token.Start >= previousEnd, $"token {i} {token} overlaps or is out of order");
            Assert.True(token.End > token.Start, $"token {i} is empty");
            Assert.True(token.End <= text.Length && token.SurfaceEnd <= text.Length, $"token {i} runs past the text");
            Assert.True(token.SurfaceEnd >= token.End, $"token {i} ends after its surface word");
            if (token.IsPartOfWord)
            {
                Assert.True(i + 1 < tokens.Length && tokens[i + 1].Start == token.End && tokens[i + 1].SurfaceEnd == token.SurfaceEnd, $"part {i} is not followed by the rest of its word");
            }

            for (var k = token.Start; k < token.End; k++)
            {
                Assert.False(CharClass.IsSeparator(text[k]), $"token {i} holds separator U+{(int)text[k]:X4}");
                covered[k] = true;
            }

            previousEnd = token.End;
        }

        for (var k = 0; k < text.Length; k++)
        {
            Assert.True(covered[k] || CharClass.IsSeparator(text[k]), $"character {k} U+{(int)text[k]:X4} is in no token");
        }
    }
}
