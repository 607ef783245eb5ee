using Dyad.Nlp.Conllu;
using Dyad.Nlp.Evaluation;
using Dyad.Nlp.Tokenization;

namespace Dyad.Nlp.Tests;

/// <summary>
/// The committed models against EWT dev. The floors sit a little under the figures measured when the models were
/// trained (see docs/nlp.md), so a change that loses accuracy fails here.
/// </summary>
public sealed class ModelAccuracyTests
{
    [Theory]
    [InlineData(false, 94.6, 94.0, 86.0, 83.0)]
    [InlineData(true, 94.6, 94.0, 85.2, 82.1)]
    public void CommittedModels_ReachTheirAccuracyOnEwtDev(bool fast, double upos, double xpos, double uas, double las)
    {
        // Given EWT dev with its gold tokens
        var gold = Treebank.Load(TestData.Ewt("dev"), TextWriter.Null);
        var pipeline = Pipeline.Load(TestData.Models, new Tokenizer(), fast: fast);

        // When the committed models tag and parse it
        var scores = ParseScores.SameTokens(gold, pipeline.ProcessTokenized(gold, TestContext.Current.CancellationToken));

        // Then they are at least as accurate as when they were committed
        Assert.True(scores.Upos >= upos, $"UPOS {scores.Upos} < {upos}");
        Assert.True(scores.Xpos >= xpos, $"XPOS {scores.Xpos} < {xpos}");
        Assert.True(scores.Uas >= uas, $"UAS {scores.Uas} < {uas}");
        Assert.True(scores.Las >= las, $"LAS {scores.Las} < {las}");
    }
}
