using System.Text;
using Dyad.Nlp.Tokenization;

namespace Dyad.Nlp.Tests.Tokenization;

public sealed partial class SentenceSplitterTests
{
    private static string[] Split(string text)
    {
        var document = new Tokenizer().Process(new Document("d", text), TestContext.Current.CancellationToken);
        return TokenRendering.Sentences(document);
    }

    [Theory]
    [InlineData("Russia attacked. Ukraine resisted! Who won? Nobody.", "Russia attacked.", "Ukraine resisted!", "Who won?", "Nobody.")]
    [InlineData("He waited... Then he left.", "He waited...", "Then he left.")]
    [InlineData("He waited... and waited.", "He waited... and waited.")]
    [InlineData("It was over. 2015 was worse.", "It was over.", "2015 was worse.")]
    public void SentenceSplitter_EndsAtFinalPunctuation(string text, params string[] expected)
    {
        // Given sentences ended by . ! ? and ellipses
        // When / Then
        Assert.Equal(expected, Split(text));
    }

    [Theory]
    [InlineData("U.S. officials met Gen. Smith on Sept. 5 in Washington.", "U.S. officials met Gen. Smith on Sept. 5 in Washington.")]
    [InlineData("The book is by J. R. R. Tolkien and Dr. Who.", "The book is by J. R. R. Tolkien and Dr. Who.")]
    [InlineData("Troops left the U.S. They went home.", "Troops left the U.S.", "They went home.")]
    [InlineData("Bring food, water, etc. We leave soon.", "Bring food, water, etc.", "We leave soon.")]
    [InlineData("Acme Inc. said it would, e.g. by cutting jobs, save money.", "Acme Inc. said it would, e.g. by cutting jobs, save money.")]
    public void SentenceSplitter_HandlesAbbreviationsAndInitials(string text, params string[] expected)
    {
        // Given abbreviations and initials, some at the end of a sentence
        // When / Then
        Assert.Equal(expected, Split(text));
    }

    [Theory]
    [InlineData("\"We will fight,\" he said. \"We will win.\" They cheered.", "\"We will fight,\" he said.", "\"We will win.\"", "They cheered.")]
    [InlineData("It ended (finally.) Then peace came.", "It ended (finally.)", "Then peace came.")]
    [InlineData("\"Never!\" she shouted.", "\"Never!\" she shouted.")]
    [InlineData("Good news. :) See you.", "Good news. :)", "See you.")]
    public void SentenceSplitter_KeepsClosingQuotesAndBracketsWithTheSentence(string text, params string[] expected)
    {
        // Given quotes and brackets after the final punctuation
        // When / Then
        Assert.Equal(expected, Split(text));
    }

    [Theory]
    [InlineData("Russia Warns Ukraine\nMOSCOW (Reuters) - Russia warned Ukraine on Monday.", "Russia Warns Ukraine", "MOSCOW (Reuters) - Russia warned Ukraine on Monday.")]
    [InlineData("First paragraph without a stop\n\nSecond paragraph", "First paragraph without a stop", "Second paragraph")]
    [InlineData("Headline\r\n\r\nBody text here.", "Headline", "Body text here.")]
    [InlineData("Items:\n- bread\n- milk", "Items:", "- bread", "- milk")]
    [InlineData("Steps:\n1. Mix it\n2. Bake it", "Steps:", "1. Mix it", "2. Bake it")]
    public void SentenceSplitter_EndsAtParagraphsHeadlinesAndListItems(string text, params string[] expected)
    {
        // Given line structure without final periods
        // When / Then: blank lines, headline lines and list items end sentences
        Assert.Equal(expected, Split(text));
    }

    [Fact]
    public void SentenceSplitter_DoesNotSplitWrappedLines()
    {
        // Given a paragraph hard-wrapped at about 60 columns
        var text = "The ministers met in Geneva on Tuesday to discuss the ceasefire\n"
            + "and agreed that the talks would go on in the spring, while the\n"
            + "monitors would stay in the region until the elections were held\n"
            + "and the new government took office.";

        // When / Then: one sentence
        Assert.Single(Split(text));
    }

    [Fact]
    public void SentenceSplitter_SplitsAListOfHeadlines()
    {
        // Given headlines of similar length, one per line, without periods
        var text = "Russia And Ukraine Agree To Talks In Istanbul Next Week\n"
            + "Iran Rejects New Sanctions Proposal From European Powers\n"
            + "Protesters Clash With Police In Capital For Third Night\n"
            + "China Warns Against Foreign Interference In Hong Kong";

        // When / Then: each line is a sentence, though the lines look like wrapped text by their lengths
        Assert.Equal(4, Split(text).Length);
    }

    [Fact]
    public void SentenceSplitter_CapsSentencesWithoutPunctuation()
    {
        // Given 10,000 words with no punctuation but a comma every 50 words
        var text = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            text.Append("word").Append(i % 50 == 49 ? ", " : " ");
        }

        // When
        var document = new Tokenizer().Process(new Document("d", text.ToString()), TestContext.Current.CancellationToken);

        // Then no sentence is longer than the cap, and the cuts fall after commas
        Assert.All(document.Sentences, s => Assert.InRange(s.Length, 1, SentenceSplitter.DefaultMaxTokens));
        Assert.All(document.Sentences.SkipLast(1), s => Assert.Equal(",", document.Form(s.TokenEnd - 1)));
    }

    [Fact]
    public void SentenceSplitter_NeverSplitsAMultiwordToken()
    {
        // Given a cap so small that a cut could fall inside "don't"
        var splitter = new SentenceSplitter(maxTokens: 8);
        var text = "a b c d e f g don't h i j k l m n o p q";
        var tokens = Tokenizer.Tokenize(text);

        // When
        var sentences = splitter.Split(text, tokens);

        // Then every sentence starts at a surface word's start
        Assert.All(sentences, s => Assert.True(s.TokenStart == 0 || !tokens[s.TokenStart - 1].IsPartOfWord));
        Assert.Equal(tokens.Length, sentences.Sum(s => s.Length));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void SentenceSplitter_ReturnsNothingForNoTokens(string text)
    {
        // Given a text without tokens
        // When / Then
        Assert.Empty(new SentenceSplitter().Split(text, Tokenizer.Tokenize(text)));
    }
}
