using System.Diagnostics;
using System.Text;
using Dyad.Nlp.Text;
using Dyad.Nlp.Tokenization;

namespace Dyad.Nlp.Tests.Tokenization;

public sealed class TokenizerRobustnessTests
{
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\n\n\t\u00A0\u3000\u200B")]
    public void Tokenizer_GivesNothingForEmptyOrBlankText(string text)
    {
        // Given a text without visible characters
        // When it is processed
        var document = new Tokenizer().Process(new Document("d", text), TestContext.Current.CancellationToken);

        // Then there are no tokens and no sentences, but both annotations are set
        Assert.Empty(document.Tokens);
        Assert.Empty(document.Sentences);
    }

    [Theory]
    [InlineData("\uD800")]
    [InlineData("a\uDC00b")]
    [InlineData("\uDBFF\uDBFF\uDFFF")]
    [InlineData("e\u0301\u0301\u0301 \u0301 !\u20DD")]
    [InlineData("\u200D\u200D a\u200Db")]
    public void Tokenizer_SurvivesLoneSurrogatesAndCombiningMarks(string text)
    {
        // Given broken or unusual UTF-16
        // When it is tokenized
        var tokens = Tokenizer.Tokenize(text);

        // Then every visible character is in a token and no surrogate pair is cut in two
        Assert.Equal(text.Count(c => !CharClass.IsSeparator(c)), tokens.Sum(t => t.Range.Length));
        foreach (var token in tokens)
        {
            Assert.False(char.IsLowSurrogate(text[token.Start]) && token.Start > 0 && char.IsHighSurrogate(text[token.Start - 1]));
        }
    }

    [Fact]
    public void Tokenizer_IsLinearOnFiveMegabytesWithoutSpaces()
    {
        // Given 5 MB on one line with no spaces, mixing letters, dots, hyphens, apostrophes and slashes
        var chunk = "abc.def-ghi'jkl/mno@p:q,1.2-3/4...!?";
        var text = new StringBuilder(5_000_000 + chunk.Length);
        while (text.Length < 5_000_000)
        {
            text.Append(chunk);
        }

        var input = text.ToString();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.CancelAfter(TimeSpan.FromMinutes(2)); // A quadratic pass would take hours; this only bounds the test.

        // When it is segmented
        var stopwatch = Stopwatch.StartNew();
        var segmentation = new Tokenizer().Segment(input, cancellation.Token);
        stopwatch.Stop();

        // Then it finishes, every visible character is in a token, and sentences stay bounded
        Assert.Equal(input.Length, segmentation.Tokens.Sum(t => t.Range.Length));
        Assert.All(segmentation.Sentences, s => Assert.InRange(s.Length, 1, SentenceSplitter.DefaultMaxTokens));
        TestContext.Current.TestOutputHelper?.WriteLine($"5 MB without spaces: {segmentation.Tokens.Length} tokens in {stopwatch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Tokenizer_HandlesBinaryGarbageThroughTheDecoder()
    {
        // Given 1 MB of pseudo-random bytes
        var bytes = new byte[1 << 20];
        new Random(1234).NextBytes(bytes);

        // When they are decoded and tokenized
        var decoded = TextDecoder.Decode(bytes, "garbage.bin");
        var segmentation = new Tokenizer().Segment(decoded.Text, TestContext.Current.CancellationToken);

        // Then the decoder reports the damage and the tokenizer covers the text
        Assert.Contains(decoded.Diagnostics, d => d.Code == ErrorCodes.InvalidUtf8);
        Assert.Contains(decoded.Diagnostics, d => d.Code == ErrorCodes.BinaryContent);
        Assert.Equal(decoded.Text.Count(c => !CharClass.IsSeparator(c)), segmentation.Tokens.Sum(t => t.Range.Length));
        Assert.Equal(segmentation.Tokens.Length, segmentation.Sentences.Sum(s => s.Length));
    }

    [Fact]
    public void Tokenizer_CapsTenThousandTokensWithoutPunctuation()
    {
        // Given 10,000 words and no punctuation at all
        var text = string.Join(' ', Enumerable.Range(0, 10_000).Select(i => "w" + (i % 97).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        // When
        var document = new Tokenizer().Process(new Document("d", text), TestContext.Current.CancellationToken);

        // Then the text is cut into sentences no longer than the cap
        Assert.Equal(10_000, document.Tokens.Length);
        Assert.Equal(34, document.Sentences.Length);
        Assert.All(document.Sentences, s => Assert.InRange(s.Length, 1, SentenceSplitter.DefaultMaxTokens));
    }

    [Fact]
    public void Tokenizer_StopsWhenCancelled()
    {
        // Given a cancelled token
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        // When / Then
        Assert.ThrowsAny<OperationCanceledException>(() => new Tokenizer().Process(new Document("d", "text"), cancellation.Token));
    }
}
