using System.Collections.Immutable;
using System.Text;
using Dyad.Models;
using Dyad.Nlp.Conllu;
using Dyad.Nlp.Evaluation;
using Dyad.Nlp.Tagging;
using Dyad.Nlp.Tokenization;

namespace Dyad.Nlp.Tests.Tokenization;

/// <summary>The learned sentence-boundary model: training, its file, and the limits it must keep.</summary>
public sealed partial class SentenceSplitterTests
{
    private static readonly Lazy<SentenceSplitter> TinyModel = new(() => SentenceSplitter.Train([TinyCorpus()], new TrainingOptions { Epochs = 10, Seed = 1 }, TextWriter.Null));

    private static readonly Lazy<SentenceSplitter> TinyModelWithSmallCap = new(() => SentenceSplitter.Train([TinyCorpus()], new TrainingOptions { Epochs = 10, Seed = 1 }, TextWriter.Null, maxTokens: 8));

    /// <summary>A splitter learned from <see cref="TinyCorpus"/> whose sentences are at most 8 tokens long, for property tests.</summary>
    internal static SentenceSplitter TinyLearnedSplitter => TinyModelWithSmallCap.Value;

    [Theory]
    [InlineData("They left early Please write soon.", "They left early", "Please write soon.")]
    [InlineData("Maria saw Tom at the market.", "Maria saw Tom at the market.")]
    public void SentenceSplitter_LearnsBoundariesTheRulesMiss(string text, params string[] expected)
    {
        // Given a model trained on paragraphs where a clause without a full stop is followed by "Please ..."
        var learned = new Tokenizer(TinyModel.Value);

        // When
        var sentences = TokenRendering.Sentences(learned.Process(new Document("d", text), TestContext.Current.CancellationToken));

        // Then it splits there, though the rules alone would not, and keeps names inside sentences
        Assert.Equal(expected, sentences);
        Assert.True(TinyModel.Value.IsLearned);
        Assert.False(new SentenceSplitter().IsLearned);
    }

    [Theory]
    [InlineData(3)]
    public void SentenceSplitter_TrainsDeterministically(int seed)
    {
        // Given two trainings with the same data and seed
        var options = new TrainingOptions { Epochs = 4, Seed = seed };
        var first = SentenceSplitter.Train([TinyCorpus()], options, TextWriter.Null);
        var second = SentenceSplitter.Train([TinyCorpus()], options, TextWriter.Null);
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            // When both are saved
            first.Save(Path.Combine(directory.FullName, "a.model"));
            second.Save(Path.Combine(directory.FullName, "b.model"));

            // Then the files are byte for byte the same
            Assert.Equal(File.ReadAllBytes(Path.Combine(directory.FullName, "a.model")), File.ReadAllBytes(Path.Combine(directory.FullName, "b.model")));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("We met at noon Please call me. Ann met Bob at noon. Thanks!")]
    public void SentenceSplitter_RoundTripsThroughItsModelDirectory(string text)
    {
        // Given a trained splitter saved as sentences.model in a model directory, and an empty directory
        var directory = Directory.CreateTempSubdirectory();
        var empty = Directory.CreateTempSubdirectory();
        try
        {
            TinyModel.Value.WithThreshold(0.25f).Save(Path.Combine(directory.FullName, ModelDirectory.SentencesFile));

            // When each directory gives its splitter
            var loaded = SentenceSplitter.FromModelDirectory(directory.FullName);
            var rules = SentenceSplitter.FromModelDirectory(empty.FullName);

            // Then the model comes back whole, and the empty directory gives the rules
            Assert.True(loaded.IsLearned);
            Assert.Equal(0.25f, loaded.Threshold);
            Assert.Equal(TinyModel.Value.FeatureCount, loaded.FeatureCount);
            var expected = new Tokenizer(TinyModel.Value.WithThreshold(0.25f)).Segment(text, TestContext.Current.CancellationToken);
            var actual = new Tokenizer(loaded).Segment(text, TestContext.Current.CancellationToken);
            Assert.Equal(expected.Tokens, actual.Tokens);
            Assert.Equal(expected.Sentences, actual.Sentences);
            Assert.False(rules.IsLearned);
        }
        finally
        {
            directory.Delete(recursive: true);
            empty.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("tagger", SentenceSplitter.ModelVersion)]
    [InlineData(SentenceSplitter.ModelKind, SentenceSplitter.ModelVersion + 1)]
    public void SentenceSplitter_RefusesAModelOfAnotherKindOrVersion(string kind, int version)
    {
        // Given a model file of another kind or version
        var path = Path.GetTempFileName();
        try
        {
            ModelFile.Save(path, kind, version, writer => writer.Write(0f));

            // When / Then
            var error = Assert.Throws<ModelException>(() => SentenceSplitter.Load(path));
            Assert.Contains(ErrorCodes.ModelUnreadable, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(-1e6f, 7)]
    [InlineData(1e6f, 1)]
    public void SentenceSplitter_ThresholdMovesTheModelsDecisions(float threshold, int expected)
    {
        // Given a threshold that lets the model end a sentence after every word, or after none
        var splitter = TinyModel.Value.WithThreshold(threshold);

        // When
        var segmentation = new Tokenizer(splitter).Segment("Ann met Bob at the market today", TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(expected, segmentation.Sentences.Length);
    }

    [Theory]
    [InlineData(-1e6f)]
    [InlineData(0f)]
    [InlineData(1e6f)]
    public void SentenceSplitter_LearnedModelKeepsTheCapAndMultiwordTokens(float threshold)
    {
        // Given the learned splitter and 10,000 words without punctuation, with contractions among them
        var splitter = TinyModel.Value.WithThreshold(threshold);
        var text = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            text.Append(i % 7 == 3 ? "don't " : "word ");
        }

        // When
        var segmentation = new Tokenizer(splitter).Segment(text.ToString(), TestContext.Current.CancellationToken);

        // Then no sentence is longer than the cap or starts inside "don't", and every token is in one sentence
        var tokens = segmentation.Tokens;
        Assert.All(segmentation.Sentences, s => Assert.InRange(s.Length, 1, SentenceSplitter.DefaultMaxTokens));
        Assert.All(segmentation.Sentences, s => Assert.True(s.TokenStart == 0 || !tokens[s.TokenStart - 1].IsPartOfWord));
        Assert.Equal(tokens.Length, segmentation.Sentences.Sum(s => s.Length));
    }

    [Theory]
    [InlineData("Plain text. Another sentence.")]
    public void SentenceSplitter_RuleSplitterHasNoModelToSave(string text)
    {
        // Given the rule splitter
        var rules = new SentenceSplitter();

        // When / Then it still splits, but has nothing to save
        Assert.Equal(2, new Tokenizer(rules).Segment(text, TestContext.Current.CancellationToken).Sentences.Length);
        Assert.Throws<InvalidOperationException>(() => rules.Save(Path.Combine(Path.GetTempPath(), "never.model")));
    }

    /// <summary>
    /// Hand-written paragraphs: short messages where a clause without a full stop is followed by a request starting
    /// with "Please", and sentences with names inside them, so that a capital letter alone is no boundary.
    /// </summary>
    private static RawTextCorpus TinyCorpus()
    {
        string[] subjects = ["We", "They", "Ann", "The team", "My brother", "Our guests"];
        string[] clauses = ["met at noon", "left early", "arrived late", "called twice", "waited outside", "stayed home"];
        string[] requests = ["Please call me .", "Please write soon .", "Please reply today .", "Please come back ."];
        string[] names = ["Tom", "Maria", "Bob", "Kim", "Omar"];
        var paragraphs = new List<string[]>();
        for (var k = 0; k < 24; k++)
        {
            var subject = subjects[k % subjects.Length];
            var clause = clauses[(k / 2) % clauses.Length];
            var name = names[k % names.Length];
            var other = names[(k + 2) % names.Length];
            paragraphs.Add([$"{subject} {clause}", requests[k % requests.Length], $"{name} saw {other} at the market ."]);
            paragraphs.Add([$"{name} {clause} with {other} .", $"Thanks {other} !"]);
        }

        return Corpus(paragraphs);
    }

    /// <summary>A corpus of paragraphs of sentences whose tokens are separated by spaces; punctuation attaches to the word before it.</summary>
    private static RawTextCorpus Corpus(List<string[]> paragraphs)
    {
        var sentences = new List<ConlluSentence>();
        var starts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paragraph in paragraphs)
        {
            foreach (var sentence in paragraph)
            {
                var forms = sentence.Split(' ');
                var words = ImmutableArray.CreateBuilder<ConlluWord>();
                for (var w = 0; w < forms.Length; w++)
                {
                    var punctuation = !char.IsLetterOrDigit(forms[w][0]);
                    var beforePunctuation = w + 1 < forms.Length && !char.IsLetterOrDigit(forms[w + 1][0]);
                    var upos = punctuation ? "PUNCT" : char.IsUpper(forms[w][0]) ? "PROPN" : "VERB";
                    words.Add(new ConlluWord(forms[w], forms[w], upos, "_", "_", 0, "dep", !beforePunctuation));
                }

                var id = $"s{sentences.Count + 1}";
                if (sentence == paragraph[0])
                {
                    starts.Add(id);
                }

                var built = words.ToImmutable();
                sentences.Add(new ConlluSentence(id, ConlluReader.RebuildText(built, []), built, [], sentences.Count + 1));
            }
        }

        return new RawTextCorpus(sentences, RawTextCorpus.LayOut(sentences, starts));
    }
}
