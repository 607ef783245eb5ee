using Dyad.Nlp.Conllu;
using Dyad.Nlp.Evaluation;
using Dyad.Nlp.Tagging;
using Dyad.Nlp.Tests.Evaluation;
using Dyad.Nlp.Tokenization;

namespace Dyad.Nlp.Tests.Tokenization;

/// <summary>
/// News text must keep splitting right with the learned model, though EWT (web text) has no news: datelines,
/// abbreviations and titles, quotes that end sentences, headlines. Each case is checked with the committed model
/// (models/en/sentences.model) and with a model trained here on a sample of EWT train; a model that is not there is
/// left out, and the test is skipped when neither is.
/// </summary>
public sealed partial class SentenceSplitterTests
{
    /// <summary>Sentences of EWT train the sample model learns from, and its epochs: enough to learn EWT's habits, fast enough for a test.</summary>
    private const int SampleSentences = 4000;

    private const int SampleEpochs = 5;

    private static readonly Lazy<SentenceSplitter?> SampleModel = new(TrainOnEwtSample);

    private static readonly Lazy<SentenceSplitter?> CommittedModel = new(() =>
    {
        var path = Path.Combine(TestData.Models, ModelDirectory.SentencesFile);
        return File.Exists(path) ? SentenceSplitter.Load(path) : null;
    });

    [Theory]
    [InlineData(
        "MOSCOW (Reuters) - Russia's foreign minister said on Sept. 30 that U.S. officials had not answered the proposal. Gen. Smith, who leads the mission, declined to comment.",
        "MOSCOW (Reuters) - Russia's foreign minister said on Sept. 30 that U.S. officials had not answered the proposal.",
        "Gen. Smith, who leads the mission, declined to comment.")]
    [InlineData(
        "WASHINGTON \u2014 The Senate voted 52-48 on Tuesday to confirm the nominee. Democrats objected to the timing.",
        "WASHINGTON \u2014 The Senate voted 52-48 on Tuesday to confirm the nominee.",
        "Democrats objected to the timing.")]
    [InlineData(
        "The U.S. Embassy said Mr. Karimi met Sen. Jane Roe and Lt. Col. Omar Haddad on Jan. 12 in Ankara. The talks lasted two hours.",
        "The U.S. Embassy said Mr. Karimi met Sen. Jane Roe and Lt. Col. Omar Haddad on Jan. 12 in Ankara.",
        "The talks lasted two hours.")]
    [InlineData(
        "New sanctions were announced by the U.S. The European Union followed a week later.",
        "New sanctions were announced by the U.S.",
        "The European Union followed a week later.")]
    [InlineData(
        "Oil rose 2.5 percent to $81.40 a barrel on Friday. Gold fell 0.3% in London.",
        "Oil rose 2.5 percent to $81.40 a barrel on Friday.",
        "Gold fell 0.3% in London.")]
    [InlineData(
        "The convoy left at 10 a.m. Friday and reached the border by 3 p.m. Officials said it carried food.",
        "The convoy left at 10 a.m. Friday and reached the border by 3 p.m.",
        "Officials said it carried food.")]
    public void SentenceSplitter_KeepsNewsAbbreviationsAndDatelinesWithTheModel(string text, params string[] expected) => AssertSplits(text, expected);

    [Theory]
    [InlineData(
        "The minister said the army would \"not retreat.\" Protesters gathered in the capital. \"This is only the beginning!\" one organiser shouted.",
        "The minister said the army would \"not retreat.\"",
        "Protesters gathered in the capital.",
        "\"This is only the beginning!\" one organiser shouted.")]
    [InlineData(
        "\"We will not negotiate under fire,\" said Prime Minister Ana Ruiz. \"The strikes must stop first.\" Her office gave no details.",
        "\"We will not negotiate under fire,\" said Prime Minister Ana Ruiz.",
        "\"The strikes must stop first.\"",
        "Her office gave no details.")]
    public void SentenceSplitter_EndsSentencesAtClosingQuotesWithTheModel(string text, params string[] expected) => AssertSplits(text, expected);

    [Theory]
    [InlineData(
        "Ceasefire Holds In Northern Province\n\nKABUL, Oct. 4 (AP) - A ceasefire between the army and the rebels held for a third day on Sunday, officials said. The talks resume on Monday in Doha.",
        "Ceasefire Holds In Northern Province",
        "KABUL, Oct. 4 (AP) - A ceasefire between the army and the rebels held for a third day on Sunday, officials said.",
        "The talks resume on Monday in Doha.")]
    [InlineData(
        "Iran Rejects New Sanctions Proposal\nTEHRAN (AFP) - Iran on Monday rejected a proposal by European powers. A spokesman called it unacceptable.",
        "Iran Rejects New Sanctions Proposal",
        "TEHRAN (AFP) - Iran on Monday rejected a proposal by European powers.",
        "A spokesman called it unacceptable.")]
    [InlineData(
        "UN envoy arrives in Yangon\n\nThe envoy met the foreign minister on Tuesday",
        "UN envoy arrives in Yangon",
        "The envoy met the foreign minister on Tuesday")]
    public void SentenceSplitter_EndsHeadlinesWithoutStopsWithTheModel(string text, params string[] expected) => AssertSplits(text, expected);

    private static void AssertSplits(string text, string[] expected)
    {
        // Given the models that are there
        SentenceSplitter?[] candidates = [CommittedModel.Value, SampleModel.Value];
        var models = candidates.OfType<SentenceSplitter>().ToList();
        if (models.Count == 0)
        {
            Assert.Skip("Neither models/en/sentences.model nor UD English EWT (../shared/data) is there to give a learned model.");
        }

        foreach (var model in models)
        {
            // When the tokenizer splits the text with the model
            var document = new Tokenizer(model).Process(new Document("news", text), TestContext.Current.CancellationToken);

            // Then the sentences are the expected ones
            Assert.Equal(expected, TokenRendering.Sentences(document));
        }
    }

    private static SentenceSplitter? TrainOnEwtSample()
    {
        var path = EwtFiles.Path("train");
        if (path is null)
        {
            return null;
        }

        var sentences = ConlluReader.ReadFile(path, new List<Diagnostic>()).Take(SampleSentences).ToList();
        var corpus = new RawTextCorpus(sentences, RawTextCorpus.LayOut(sentences, RawTextCorpus.ReadParagraphStarts(path)));
        return SentenceSplitter.Train([corpus], new TrainingOptions { Epochs = SampleEpochs, Seed = 1 }, TextWriter.Null);
    }
}
