using System.Diagnostics;
using System.Globalization;
using Dyad.Nlp.Evaluation;
using Dyad.Nlp.Tokenization;

namespace Dyad.Nlp.Tests.Evaluation;

/// <summary>
/// Segments UD English EWT from raw text (paragraphs separated by blank lines, sentences by a space) and scores the
/// result as the CoNLL 2018 shared task does. Skipped when ../shared/data is absent. Prints figures; asserts floors only.
/// </summary>
public sealed class EwtRawTextTests
{
    [Theory]
    [InlineData("dev", 0.99, 0.985, 0.72)]
    [InlineData("test", 0.99, 0.985, 0.66)]
    public void Tokenizer_SegmentsEwtRawText(string part, double tokenFloor, double wordFloor, double sentenceFloor)
    {
        // Given the treebank laid out as raw text
        var corpus = Load(part);

        // When the tokenizer and splitter segment it
        var system = new Tokenizer().Process(new Document(part, corpus.Text), TestContext.Current.CancellationToken);
        var alignment = corpus.Align(system);

        // Then the scores clear the floors
        Print($"EWT {part}, paragraphs by blank lines, sentences by spaces:");
        Print($"  tokens    {alignment.Tokens}");
        Print($"  words     {alignment.Words}");
        Print($"  sentences {alignment.Sentences}");
        Assert.True(alignment.Tokens.F1 >= tokenFloor, $"token F1 {alignment.Tokens.F1}");
        Assert.True(alignment.Words.F1 >= wordFloor, $"word F1 {alignment.Words.F1}");
        Assert.True(alignment.Sentences.F1 >= sentenceFloor, $"sentence F1 {alignment.Sentences.F1}");
    }

    [Theory]
    [InlineData("dev", 0.83)]
    [InlineData("test", 0.79)]
    public void Tokenizer_SegmentsEwtRawTextWithTheLearnedSplitter(string part, double sentenceFloor)
    {
        // Given the treebank laid out as raw text, and the committed sentence model (trained on EWT train only)
        var corpus = Load(part);
        var splitter = LearnedSplitter();
        var rules = corpus.Align(new Tokenizer().Process(new Document(part, corpus.Text), TestContext.Current.CancellationToken));

        // When the tokenizer segments it with the model
        var system = new Tokenizer(splitter).Process(new Document(part, corpus.Text), TestContext.Current.CancellationToken);
        var alignment = corpus.Align(system);

        // Then sentences improve on the rules' and tokens stay as good
        Print($"EWT {part}, raw text, learned splitter ({splitter.FeatureCount} features):");
        Print($"  tokens    {alignment.Tokens}");
        Print($"  words     {alignment.Words}");
        Print($"  sentences {alignment.Sentences} (rules alone: {rules.Sentences})");
        Assert.True(alignment.Sentences.F1 >= sentenceFloor, $"sentence F1 {alignment.Sentences.F1}");
        Assert.True(alignment.Sentences.F1 > rules.Sentences.F1, $"sentence F1 {alignment.Sentences.F1} against the rules' {rules.Sentences.F1}");
        // (Tokens differ only where a sentence now ends after an abbreviation, whose period then becomes a token.)
        Assert.InRange(alignment.Tokens.F1, rules.Tokens.F1 - 0.0005, 1.0);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("test")]
    public void Tokenizer_SegmentsEwtOneSentencePerLineWithTheLearnedSplitter(string part)
    {
        // Given the gold text with one sentence per line, where the line breaks give every boundary away
        var corpus = Load(part);
        var text = string.Join('\n', corpus.Sentences.Select(s => s.Text));

        // When the learned splitter segments it
        var system = new Tokenizer(LearnedSplitter()).Process(new Document(part, text), TestContext.Current.CancellationToken);
        var alignment = WordAlignment.Align(corpus.Gold(), WordAlignment.FromDocument(system));

        // Then it keeps the line breaks' boundaries and adds none of its own
        Print($"EWT {part}, one sentence per line, learned splitter: sentences {alignment.Sentences}");
        Assert.True(alignment.Sentences.F1 >= 0.97, $"sentence F1 {alignment.Sentences.F1}");
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("test")]
    public void Tokenizer_SegmentsEwtOneSentencePerLine(string part)
    {
        // Given the gold text with one sentence per line: the easy layout, where line breaks give every boundary away
        var corpus = Load(part);
        var text = string.Join('\n', corpus.Sentences.Select(s => s.Text));

        // When
        var system = new Tokenizer().Process(new Document(part, text), TestContext.Current.CancellationToken);
        var alignment = WordAlignment.Align(corpus.Gold(), WordAlignment.FromDocument(system));

        // Then
        Print($"EWT {part}, one sentence per line: sentences {alignment.Sentences}");
        Assert.True(alignment.Sentences.F1 >= 0.97, $"sentence F1 {alignment.Sentences.F1}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Tokenizer_ReportsSpeed(bool learned)
    {
        // Given about 3 MB of EWT text, and the rules or the learned splitter
        var corpus = Load("train");
        var text = string.Concat(Enumerable.Repeat(corpus.Text + "\n\n", 3));
        var tokenizer = new Tokenizer(learned ? LearnedSplitter() : new SentenceSplitter());
        _ = tokenizer.Segment(corpus.Text[..10_000], TestContext.Current.CancellationToken);

        // When it is segmented
        var stopwatch = Stopwatch.StartNew();
        var segmentation = tokenizer.Segment(text, TestContext.Current.CancellationToken);
        stopwatch.Stop();

        // Then print the speed (never asserted: machines differ)
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Print(string.Create(
            CultureInfo.InvariantCulture,
            $"{(learned ? "learned" : "rules")}: {text.Length / 1e6:F1} M chars, {segmentation.Tokens.Length} tokens, {segmentation.Sentences.Length} sentences in {seconds:F2} s: {segmentation.Tokens.Length / seconds / 1e6:F2} M tokens/s"));
        Assert.NotEmpty(segmentation.Tokens);
    }

    private static RawTextCorpus Load(string part)
    {
        var path = EwtFiles.Path(part);
        if (path is null)
        {
            Assert.Skip("UD English EWT is not in ../shared/data/ud/en_ewt.");
        }

        var diagnostics = new List<Diagnostic>();
        var corpus = RawTextCorpus.Load(path, diagnostics);
        Assert.Empty(diagnostics);
        return corpus;
    }

    /// <summary>The committed sentence model, or a skip when it is not there.</summary>
    private static SentenceSplitter LearnedSplitter()
    {
        var path = Path.Combine(TestData.Models, ModelDirectory.SentencesFile);
        if (!File.Exists(path))
        {
            Assert.Skip($"{path} is not there; train it with './dyad train sentences'.");
        }

        return SentenceSplitter.Load(path);
    }

    private static void Print(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);
}

/// <summary>Finds the EWT files next to the repository: &lt;root&gt;/../shared/data/ud/en_ewt.</summary>
internal static class EwtFiles
{
    public static string? Path(string part)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Dyad.slnx")))
        {
            directory = directory.Parent;
        }

        if (directory?.Parent is null)
        {
            return null;
        }

        var path = System.IO.Path.Combine(directory.Parent.FullName, "shared", "data", "ud", "en_ewt", $"en_ewt-ud-{part}.conllu");
        return File.Exists(path) ? path : null;
    }
}
