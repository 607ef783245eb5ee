using Dyad.Models;
using Dyad.Nlp.Tagging;

namespace Dyad.Nlp.Tests.Tagging;

public sealed class TaggerAndLemmatizerTests
{
    [Theory]
    [InlineData(12)]
    public void PosTagger_OnePassLearnsATinyTreebankAndRoundTrips(int epochs)
    {
        // Given a one-pass tagger trained on hand-annotated sentences
        var gold = TestData.Tiny();
        var tagger = PosTagger.Train([gold], new TrainingOptions { Epochs = epochs, TwoPassTagger = false }, TextWriter.Null);
        var path = Path.GetTempFileName();
        try
        {
            // When it is saved, loaded and run
            tagger.Save(path);
            var loaded = PosTagger.Load(path);
            var tagged = loaded.Process(gold with { Tags = default }, CancellationToken.None);

            // Then it tags its training data right, features included
            Assert.Equal(100.0, loaded.Accuracy([gold]));
            Assert.Equal(gold.Tags, tagged.Tags);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(12)]
    public void PosTagger_TwoPassTaggerRoundTripsAndUsesItsSecondPass(int epochs)
    {
        // Given a two-pass tagger (its second pass learns from jack-knifed first-pass tags, which on four sentences
        // are poor, so it need not reproduce its training data exactly) and a one-pass tagger
        var gold = TestData.Tiny();
        var twoPass = PosTagger.Train([gold], new TrainingOptions { Epochs = epochs, TwoPassTagger = true }, TextWriter.Null);
        var onePass = PosTagger.Train([gold], new TrainingOptions { Epochs = epochs, TwoPassTagger = false }, TextWriter.Null);
        var path = Path.GetTempFileName();
        try
        {
            // When it is saved and loaded
            twoPass.Save(path);
            var loaded = PosTagger.Load(path);

            // Then the loaded model tags exactly as the trained one, and it is a different model from the one-pass tagger
            var expected = twoPass.Process(gold with { Tags = default }, CancellationToken.None).Tags;
            Assert.Equal(expected, loaded.Process(gold with { Tags = default }, CancellationToken.None).Tags);
            Assert.True(loaded.Accuracy([gold]) >= 85, $"accuracy {loaded.Accuracy([gold])}");
            Assert.True(new FileInfo(path).Length > SavedSize(onePass), "the two-pass model holds a second model");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static long SavedSize(PosTagger tagger)
    {
        var path = Path.GetTempFileName();
        try
        {
            tagger.Save(path);
            return new FileInfo(path).Length;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("retreated", "VBD", "retreat")]
    [InlineData("promises", "VBZ", "promise")]
    [InlineData("Troops", "NNS", "troop")]
    [InlineData("Mordor", "NNP", "Mordor")]
    [InlineData("n't", "RB", "not")]
    public void Lemmatizer_UsesTableThenSuffixRules(string word, string xpos, string expected)
    {
        // Given a lemmatizer learned from a few hand-written pairs
        var gold = TestData.Tiny();
        var lemmatizer = Lemmatizer.Train([gold, Extra()]);

        // When / Then
        Assert.Equal(expected, lemmatizer.Lemmatize(word, xpos));
    }

    private static Document Extra()
    {
        // Rules need two examples each: "-ed" past tenses and "-s" plurals and third persons.
        var words = new[] { ("attacked", "VBD", "attack"), ("shelled", "VBD", "shell"), ("talks", "NNS", "talk"), ("troops", "NNS", "troop"), ("aids", "VBZ", "aid"), ("arms", "VBZ", "arm") };
        var text = string.Join(' ', words.Select(w => w.Item1));
        var tokens = new List<Token>();
        var offset = 0;
        foreach (var (form, _, _) in words)
        {
            tokens.Add(new Token(offset, offset + form.Length));
            offset += form.Length + 1;
        }

        return new Document("extra", text)
        {
            Tokens = [.. tokens],
            Sentences = [new Sentence(0, words.Length)],
            Tags = [.. words.Select(w => new MorphTag("X", w.Item2, "_"))],
            Lemmas = [.. words.Select(w => w.Item3)],
        };
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 1, 2, 3, 4, 5 })]
    [InlineData(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0, 0 })]
    public void ModelFile_RefusesDamagedFilesWithTheCode(byte[] content)
    {
        // Given a damaged model file
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, content);
        try
        {
            // When / Then
            var error = Assert.Throws<ModelException>(() => PosTagger.Load(path));
            Assert.Contains(ErrorCodes.ModelUnreadable, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
