using System.Diagnostics;
using Dyad.Models;
using Dyad.Nlp.Parsing;
using Dyad.Nlp.Tagging;
using Dyad.Nlp.Tokenization;

namespace Dyad.Nlp;

/// <summary>
/// The language pipeline: tokenizer and sentence splitter, tagger, lemmatizer and parser, built in one place in a
/// fixed order. Loading (once, from a model directory) is separate from processing (many times, from any thread).
/// </summary>
/// <remarks>Thread-safe after loading.</remarks>
public sealed class Pipeline
{
    private Pipeline(IStage tokenizer, PosTagger tagger, Lemmatizer lemmatizer, DependencyParser parser, TimeSpan loadTime)
    {
        Tokenizer = tokenizer;
        Tagger = tagger;
        Lemmatizer = lemmatizer;
        Parser = parser;
        LoadTime = loadTime;
        Stages = [tokenizer, tagger, lemmatizer, parser];
    }

    /// <summary>The stages in the order they run.</summary>
    public IReadOnlyList<IStage> Stages { get; }

    /// <summary>The tokenizer and sentence splitter.</summary>
    public IStage Tokenizer { get; }

    /// <summary>The part-of-speech tagger.</summary>
    public PosTagger Tagger { get; }

    /// <summary>The lemmatizer.</summary>
    public Lemmatizer Lemmatizer { get; }

    /// <summary>The dependency parser.</summary>
    public DependencyParser Parser { get; }

    /// <summary>How long loading the models took.</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>
    /// Loads the models of <paramref name="modelDirectory"/> with the rule-based tokenizer, whose sentences the learned
    /// splitter in <see cref="ModelDirectory.SentencesFile"/> decides when the directory has one (see
    /// <see cref="SentenceSplitter.FromModelDirectory"/>).
    /// </summary>
    /// <exception cref="ModelException">A model file is missing or damaged (the sentence model may be missing).</exception>
    /// <param name="modelDirectory">Directory holding the model files named in <see cref="ModelDirectory"/>.</param>
    /// <param name="beamWidth">Parser beam width to use instead of the one the parser was trained with; null keeps it.</param>
    /// <param name="fast">Favour speed, as in <see cref="Load(string, IStage, int?, bool)"/>.</param>
    public static Pipeline Load(string modelDirectory, int? beamWidth = null, bool fast = false) =>
        Load(modelDirectory, new Tokenizer(SentenceSplitter.FromModelDirectory(modelDirectory)), beamWidth, fast);

    /// <summary>Loads the models of <paramref name="modelDirectory"/> and uses <paramref name="tokenizer"/> as it is.</summary>
    /// <exception cref="ModelException">A model file is missing or damaged.</exception>
    /// <param name="modelDirectory">Directory holding the model files named in <see cref="ModelDirectory"/>.</param>
    /// <param name="tokenizer">The tokenizer and sentence splitter stage.</param>
    /// <param name="beamWidth">Parser beam width to use instead of the one the parser was trained with; null keeps it.</param>
    /// <param name="fast">
    /// Favour speed: the greedy parser (<see cref="ModelDirectory.FastParserFile"/>) instead of the beam parser, and
    /// the tagger's first pass only.
    /// </param>
    public static Pipeline Load(string modelDirectory, IStage tokenizer, int? beamWidth = null, bool fast = false)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        var clock = Stopwatch.StartNew();
        var tagger = PosTagger.Load(Path.Combine(modelDirectory, ModelDirectory.TaggerFile));
        if (fast)
        {
            tagger = tagger.FirstPassOnly();
        }

        var lemmatizer = Lemmatizer.Load(Path.Combine(modelDirectory, ModelDirectory.LemmatizerFile));
        var parser = DependencyParser.Load(Path.Combine(modelDirectory, fast ? ModelDirectory.FastParserFile : ModelDirectory.ParserFile));
        if (beamWidth is int width)
        {
            parser = parser.WithBeamWidth(width);
        }

        return new Pipeline(tokenizer, tagger, lemmatizer, parser, clock.Elapsed);
    }

    /// <summary>Runs every stage over <paramref name="document"/>.</summary>
    public Document Process(Document document, CancellationToken cancellationToken = default)
    {
        foreach (var stage in Stages)
        {
            document = stage.Process(document, cancellationToken);
        }

        return document;
    }

    /// <summary>Runs the stages after tokenization over a document that already has tokens and sentences (gold tokens in evaluation).</summary>
    public Document ProcessTokenized(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        document = document with { Tags = default, Lemmas = default, Dependencies = default };
        document = Tagger.Process(document, cancellationToken);
        document = Lemmatizer.Process(document, cancellationToken);
        return Parser.Process(document, cancellationToken);
    }
}
