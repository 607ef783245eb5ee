using System.Collections.Immutable;
using Dyad.Nlp.Evaluation;

namespace Dyad.Nlp.Tests.Evaluation;

public sealed class WordAlignmentTests
{
    private static EvaluationToken T(string form, params string[] words) => new(form, words.Length == 0 ? [form] : [.. words]);

    private static ImmutableArray<EvaluationToken> S(params EvaluationToken[] tokens) => [.. tokens];

    [Fact]
    public void WordAlignment_ScoresIdenticalSegmentationsPerfectly()
    {
        // Given the same two sentences on both sides
        ImmutableArray<EvaluationToken>[] side = [S(T("I"), T("don't", "do", "n't"), T("know"), T(".")), S(T("Fine"), T("."))];

        // When
        var alignment = WordAlignment.Align(side, side);

        // Then everything matches
        Assert.Equal(new EvaluationScore(6, 6, 6), alignment.Tokens);
        Assert.Equal(new EvaluationScore(2, 2, 2), alignment.Sentences);
        Assert.Equal(new EvaluationScore(7, 7, 7), alignment.Words);
        Assert.Equal(1.0, alignment.Words.F1);
    }

    [Fact]
    public void WordAlignment_AlignsWordsByCharacterSpansIgnoringWhiteSpace()
    {
        // Given gold "New York-based" as three tokens and a system that keeps "York-based" whole, one sentence split differently
        ImmutableArray<EvaluationToken>[] gold = [S(T("New"), T("York"), T("-"), T("based"), T("firms"), T("."))];
        ImmutableArray<EvaluationToken>[] system = [S(T("New"), T("York-based")), S(T("firms"), T("."))];

        // When
        var alignment = WordAlignment.Align(gold, system);

        // Then only the words with identical spans align
        Assert.Equal([new AlignedWord(0, 0), new AlignedWord(4, 2), new AlignedWord(5, 3)], alignment.Pairs);
        Assert.Equal(new EvaluationScore(6, 4, 3), alignment.Tokens);
        Assert.Equal(new EvaluationScore(1, 2, 0), alignment.Sentences);
        Assert.Equal(-1, alignment.SystemWordOf(1));
        Assert.Equal(4, alignment.GoldWordOf(2));
    }

    [Fact]
    public void WordAlignment_AlignsInsideMultiwordTokensByLowerCasedForms()
    {
        // Given gold "Don't" = Do + n't and a system that splits it as "Don" + "'t" without a multiword token
        ImmutableArray<EvaluationToken>[] gold = [S(T("Don't", "Do", "n't"), T("go"))];
        ImmutableArray<EvaluationToken>[] system = [S(T("Don't", "do", "n't"), T("go"))];
        ImmutableArray<EvaluationToken>[] wrong = [S(T("Don"), T("'t"), T("go"))];

        // When
        var same = WordAlignment.Align(gold, system);
        var different = WordAlignment.Align(gold, wrong);

        // Then parts align by form regardless of case; surface spans that differ do not
        Assert.Equal(new EvaluationScore(3, 3, 3), same.Words);
        Assert.Equal(new EvaluationScore(3, 3, 1), different.Words);
        Assert.Equal(new EvaluationScore(2, 3, 1), different.Tokens);
    }

    [Fact]
    public void WordAlignment_ScoresAttachmentThroughTheAlignment()
    {
        // Given "I don't know" with gold heads and a system that attaches "I" to "know" correctly and "n't" wrongly
        ImmutableArray<EvaluationToken>[] side = [S(T("I"), T("don't", "do", "n't"), T("know"))];
        var alignment = WordAlignment.Align(side, side);
        int[] goldHeads = [3, 3, 3, -1];
        int[] systemHeads = [3, 3, 1, -1];
        string[] goldRelations = ["nsubj", "aux", "advmod", "root"];
        string[] systemRelations = ["nsubj:pass", "aux", "advmod", "root"];

        // When
        var uas = alignment.Attachment(goldHeads, systemHeads);
        var las = alignment.Attachment(goldHeads, systemHeads, (g, s) => string.Equals(goldRelations[g], systemRelations[s], StringComparison.Ordinal));
        var upos = alignment.Score((g, s) => g != 0);

        // Then
        Assert.Equal(new EvaluationScore(4, 4, 3), uas);
        Assert.Equal(new EvaluationScore(4, 4, 2), las);
        Assert.Equal(new EvaluationScore(4, 4, 3), upos);
    }

    [Fact]
    public void WordAlignment_RefusesDifferentTexts()
    {
        // Given sides that spell different characters
        ImmutableArray<EvaluationToken>[] gold = [S(T("cat"))];
        ImmutableArray<EvaluationToken>[] system = [S(T("cut"))];

        // When / Then
        var error = Assert.Throws<ArgumentException>(() => WordAlignment.Align(gold, system));
        Assert.Contains("character 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RawTextScores_EvaluatesDocumentsOverDifferentLayouts()
    {
        // Given a gold document over "\n"-joined text and a system document over the same words laid out on one line
        var gold = new Document("g", "I don't know.\nFine.")
        {
            Tokens = [new Token(0, 1), new Token(new TextRange(2, 4), 7), new Token(new TextRange(4, 7), 7), new Token(8, 12), new Token(12, 13), new Token(14, 18), new Token(18, 19)],
            Sentences = [new Sentence(0, 5), new Sentence(5, 7)],
            Dependencies = [new(3, "nsubj"), new(3, "aux"), new(3, "advmod"), new(-1, "root"), new(3, "punct"), new(-1, "root"), new(0, "punct")],
        };
        var system = new Dyad.Nlp.Tokenization.Tokenizer().Process(new Document("s", "I don't know. Fine."), TestContext.Current.CancellationToken)
            with
        { Dependencies = [new(3, "nsubj"), new(3, "aux"), new(3, "advmod"), new(-1, "root"), new(3, "punct"), new(-1, "root"), new(0, "punct:x")] };

        // When
        var scores = RawTextScores.Evaluate(gold, system);

        // Then segmentation is perfect, attachment counts through global heads, and relation subtypes are ignored
        Assert.Equal(1.0, scores.Tokens.F1);
        Assert.Equal(1.0, scores.Sentences.F1);
        Assert.Equal(1.0, scores.Uas!.Value.F1);
        Assert.Equal(1.0, scores.Las!.Value.F1);
        Assert.Null(scores.Upos);
    }
}
