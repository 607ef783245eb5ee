using Dyad.Coding.Coding;
using Dyad.Nlp.Conllu;

namespace Dyad.Coding.Tests;

/// <summary>PETRARCH-2's conventions (<see cref="CodingOptions.Petrarch"/>) against Dyad's own.</summary>
public sealed partial class EventCoderTests
{
    /// <summary>Builds a document of several sentences, each given as rows in the form <see cref="Parse"/> takes.</summary>
    private static Document ParseSentences(params string[][] sentences)
    {
        var text = string.Concat(sentences.Select(rows => string.Join('\n', rows.Select(r =>
        {
            var f = r.Split(' ');
            return string.Join('\t', f[0], f[1], f[2], f[3], "_", "_", f[4], f[5], "_", "_");
        })) + "\n\n"));
        var diagnostics = new List<Diagnostic>();
        var document = ConlluDocuments.ToDocument("test", ConlluReader.Read(new StringReader(text), "test", diagnostics));
        Assert.Empty(diagnostics);
        return document;
    }

    private string[] CodeWith(CodingOptions options, Document document) => [.. _coder.WithOptions(options).Code(document, null).Events.Select(e => e.ToString())];

    [Theory]
    [InlineData("1 Arnor Arnor PROPN 2 nsubj|2 vowed vow VERB 0 root|3 to to PART 4 mark|4 expel expel VERB 2 xcomp|5 Gondor Gondor PROPN 4 obj", "137 ARN GON", "174 ARN GON")]
    [InlineData("1 Arnor Arnor PROPN 3 nsubj|2 is be AUX 3 cop|3 ready ready ADJ 0 root|4 to to PART 5 mark|5 attack attack VERB 3 xcomp|6 Gondor Gondor PROPN 5 obj", "1384 ARN GON", "190 ARN GON")]
    [InlineData("1 Arnor Arnor PROPN 3 nsubj|2 will will AUX 3 aux|3 attack attack VERB 0 root|4 Gondor Gondor PROPN 3 obj", "1384 ARN GON", "190 ARN GON")]
    public void Coder_PetrarchConventions_CodeTheIntendedActItself(string rows, string dyad, string petrarch)
    {
        // Given "Arnor vowed to expel Gondor", "Arnor is ready to attack Gondor", "Arnor will attack Gondor"
        var document = Parse(rows.Split('|'));

        // When
        var byDyad = CodeWith(CodingOptions.Default, document);
        var byPetrarch = CodeWith(CodingOptions.Petrarch, document);

        // Then Dyad codes the intent to act; PETRARCH-2 codes the act ("pledged to expel" is 174, not 137)
        Assert.Equal([dyad], byDyad);
        Assert.Equal([petrarch], byPetrarch);
    }

    [Fact]
    public void Coder_PetrarchConventions_StoryDiscardDropsTheWholeStory()
    {
        // Given "Arnor attacked Gondor. A balrog praised Rohan." and the story discard "+BALROG"
        var document = ParseSentences(
            ["1 Arnor Arnor PROPN 2 nsubj", "2 attacked attack VERB 0 root", "3 Gondor Gondor PROPN 2 obj"],
            ["1 A a DET 2 det", "2 balrog balrog NOUN 3 nsubj", "3 praised praise VERB 0 root", "4 Rohan Rohan PROPN 3 obj"]);

        // When
        var byDyad = CodeWith(CodingOptions.Default, document);
        var byPetrarch = _coder.WithOptions(CodingOptions.Petrarch).Code(document, null);

        // Then Dyad drops only the sentence with the phrase; PETRARCH-2 drops the story, the earlier sentence too
        Assert.Equal(["190 ARN GON"], byDyad);
        Assert.False(_coder.Code(document, null).StoryDiscarded);
        Assert.Empty(byPetrarch.Events);
        Assert.True(byPetrarch.StoryDiscarded);
        Assert.Contains(byPetrarch.Notes, n => n.Reason.StartsWith("story discarded: '+BALROG'", StringComparison.Ordinal));
    }
}
