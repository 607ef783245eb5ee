using Dyad.Nlp.Conllu;

namespace Dyad.Nlp.Tests.Conllu;

public sealed class ConlluRoundTripTests
{
    [Fact]
    public void Conllu_WritingThenReadingGivesTheSameSentences()
    {
        // Given hand-annotated sentences, a multiword token among them
        var gold = TestData.Tiny();

        // When the document is written and read back
        var writer = new StringWriter();
        ConlluDocuments.Write(gold, writer);
        var diagnostics = new List<Diagnostic>();
        var read = ConlluDocuments.ToDocument("tiny", ConlluReader.Read(new StringReader(writer.ToString()), "written", diagnostics));

        // Then nothing is lost: text, tokens, tags, lemmas and trees
        Assert.Empty(diagnostics);
        Assert.Equal(gold.Text, read.Text);
        Assert.Equal(gold.Tokens, read.Tokens);
        Assert.Equal(gold.Tags, read.Tags);
        Assert.Equal(gold.Lemmas, read.Lemmas);
        Assert.Equal(gold.Dependencies, read.Dependencies);
        Assert.Contains("4-5\tdon't\t", writer.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1\tword\n", "10 tab-separated fields")]
    [InlineData("1\ta\ta\tX\tX\t_\tnine\tdep\t_\t_\n", "head must be a number")]
    [InlineData("2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n", "expected word id 1")]
    [InlineData("1\ta\ta\tX\tX\t_\t5\tdep\t_\t_\n", "past the sentence")]
    public void ConlluReader_ReportsABadSentenceWithItsLineAndGoesOn(string bad, string problem)
    {
        // Given a bad sentence followed by a good one
        var text = bad + "\n1\tok\tok\tX\tX\t_\t0\troot\t_\t_\n";
        var diagnostics = new List<Diagnostic>();

        // When it is read
        var sentences = ConlluReader.Read(new StringReader(text), "bad.conllu", diagnostics);

        // Then the good sentence is kept and the bad one is named with its file, line and problem
        Assert.Single(sentences);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(ErrorCodes.ConlluMalformed, diagnostic.Code);
        Assert.Equal("bad.conllu", diagnostic.Source);
        Assert.Equal("line 1", diagnostic.Location);
        Assert.Contains(problem, diagnostic.Message, StringComparison.Ordinal);
    }
}
