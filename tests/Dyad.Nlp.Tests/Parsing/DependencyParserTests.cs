using Dyad.Nlp.Parsing;
using Dyad.Nlp.Tagging;

namespace Dyad.Nlp.Tests.Parsing;

public sealed class DependencyParserTests
{
    private static readonly TrainingOptions Options = new() { Epochs = 15, Seed = 7 };

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0, 4)]
    public void DependencyParser_LearnsATinyTreebank(int folds, int beam)
    {
        // Given a parser trained on four hand-annotated sentences, greedily or with a beam
        var gold = TestData.Tiny();
        var parser = DependencyParser.Train(gold, Options with { Beam = beam }, folds, TextWriter.Null);
        Assert.Equal(beam, parser.BeamWidth);

        // When it parses the same sentences with their gold tags
        var (uas, las) = parser.AttachmentScores(gold);

        // Then it has learned them
        Assert.True(uas >= 95, $"UAS {uas}");
        Assert.True(las >= 90, $"LAS {las}");
    }

    [Theory]
    [InlineData(3)]
    public void DependencyParser_TrainingIsDeterministic(int seed)
    {
        // Given the same data and seed twice
        var gold = TestData.Tiny();
        var first = Path.GetTempFileName();
        var second = Path.GetTempFileName();
        try
        {
            // When two parsers are trained and saved
            DependencyParser.Train(gold, Options with { Seed = seed }, 0, TextWriter.Null).Save(first);
            DependencyParser.Train(gold, Options with { Seed = seed }, 0, TextWriter.Null).Save(second);

            // Then the files are byte for byte the same
            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(40, 1)]
    [InlineData(3000, 1)]
    [InlineData(40, 4)]
    [InlineData(1000, 4)]
    public void DependencyParser_AlwaysMakesOneRootedTree(int length, int beam)
    {
        // Given a parser and a sentence of unusual length made of words it partly knows
        var gold = TestData.Tiny();
        var parser = DependencyParser.Train(gold, Options, 0, TextWriter.Null).WithBeamWidth(beam);
        var words = Enumerable.Range(0, length).Select(i => (i % 5) switch { 0 => "Arnor", 1 => "attacked", 2 => "the", 3 => ",", _ => "army" }).ToArray();
        var text = string.Join(' ', words);
        var tokens = new List<Token>();
        var offset = 0;
        foreach (var word in words)
        {
            tokens.Add(new Token(offset, offset + word.Length));
            offset += word.Length + 1;
        }

        var tags = words.Select(w => w switch
        {
            "Arnor" => new MorphTag("PROPN", "NNP", "_"),
            "attacked" => new MorphTag("VERB", "VBD", "_"),
            "the" => new MorphTag("DET", "DT", "_"),
            "," => new MorphTag("PUNCT", ",", "_"),
            _ => new MorphTag("NOUN", "NN", "_"),
        });
        var document = new Document("long", text) { Tokens = [.. tokens], Sentences = [new Sentence(0, length)], Tags = [.. tags] };

        // When it is parsed
        var parsed = parser.Process(document, CancellationToken.None);

        // Then there is exactly one root, every head is in the sentence, and every word reaches the root without a cycle
        var heads = parsed.Dependencies.Select(d => d.Head).ToArray();
        Assert.Single(heads, h => h == -1);
        Assert.All(heads, h => Assert.InRange(h, -1, length - 1));
        for (var i = 0; i < length; i++)
        {
            var steps = 0;
            for (var at = i; at != -1; at = heads[at])
            {
                Assert.True(++steps <= length, $"word {i} is on a cycle");
            }
        }

        Assert.Equal(Dependency.RootRelation, parsed.Dependencies[Array.IndexOf(heads, -1)].Relation);
    }

    [Theory]
    [InlineData("tagger")]
    public void DependencyParser_SaysWhichStageMustRunFirst(string missing)
    {
        // Given a document with tokens but no tags
        var parser = DependencyParser.Train(TestData.Tiny(), Options with { Epochs = 1 }, 0, TextWriter.Null);
        var document = new Document("d", "Arnor attacked.") { Tokens = [new Token(0, 5), new Token(6, 14), new Token(14, 15)], Sentences = [new Sentence(0, 3)] };

        // When / Then
        var error = Assert.Throws<StageOrderException>(() => parser.Process(document, CancellationToken.None));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains(ErrorCodes.StageOrder, error.Message, StringComparison.Ordinal);
    }
}
