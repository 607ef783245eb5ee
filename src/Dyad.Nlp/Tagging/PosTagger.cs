using System.Collections.Immutable;
using System.Globalization;
using Dyad.Hashing;
using Dyad.Models;
using Dyad.Nlp.Learning;

namespace Dyad.Nlp.Tagging;

/// <summary>
/// Greedy left-to-right part-of-speech tagger: an averaged perceptron over spelling, context and the tags already
/// chosen (after Collins 2002 and Honnibal's "A good part-of-speech tagger in about 200 lines of Python"), with the
/// next words' ambiguity classes (the tags the training data allows them) as look-ahead. It predicts the UPOS and
/// XPOS pair as one class; UD features come from a table of the training data keyed by word and class.
/// </summary>
/// <remarks>Immutable after loading; <see cref="Process"/> is thread-safe.</remarks>
public sealed class PosTagger : IStage
{
    /// <summary>Kind written into the model file.</summary>
    public const string ModelKind = "tagger";

    /// <summary>Model format version; bump it when features change.</summary>
    public const int ModelVersion = 2;

    /// <summary>Folds for the first-pass tags the second pass learns from (jack-knifed so they carry real errors).</summary>
    private const int SecondPassFolds = 5;

    /// <summary>A word's tags form its ambiguity class only when it was seen this often, so one-off mistakes in the data don't count.</summary>
    private const int AmbiguityMinimumCount = 2;

    [ThreadStatic]
    private static TaggerFeatures? _threadScratch;

    private readonly LinearModel _model;
    private readonly LinearModel? _second;
    private readonly Dictionary<ulong, ulong> _ambiguity;
    private readonly Dictionary<ulong, string> _feats;
    private readonly string[] _defaultFeats;
    private readonly string[] _upos;
    private readonly string[] _xpos;
    private readonly int _pastTense;
    private readonly int _participle;

    private PosTagger(LinearModel model, LinearModel? second, Dictionary<ulong, ulong> ambiguity, Dictionary<ulong, string> feats, string[] defaultFeats)
    {
        _model = model;
        _second = second;
        _ambiguity = ambiguity;
        _feats = feats;
        _defaultFeats = defaultFeats;
        _upos = new string[model.ClassCount];
        _xpos = new string[model.ClassCount];
        for (var c = 0; c < model.ClassCount; c++)
        {
            var parts = model.ClassNames[c].Split(' ');
            _upos[c] = string.Intern(parts[0]);
            _xpos[c] = string.Intern(parts.Length > 1 ? parts[1] : "_");
        }

        _pastTense = Array.IndexOf(model.ClassNames.ToArray(), "VERB VBD");
        _participle = Array.IndexOf(model.ClassNames.ToArray(), "VERB VBN");
    }

    /// <inheritdoc/>
    public string Name => "tagger.v1";

    /// <summary>The classes the tagger predicts: "UPOS XPOS" pairs.</summary>
    public IReadOnlyList<string> Classes => _model.ClassNames;

    /// <summary>Number of features with weights in the model.</summary>
    public int FeatureCount => _model.FeatureCount;

    /// <summary>True when the tagger runs a second pass that sees the first pass's tags to the right.</summary>
    public bool HasSecondPass => _second is not null;

    /// <summary>A copy that runs the first pass only: about twice as fast, a little less accurate.</summary>
    public PosTagger FirstPassOnly() => new(_model, null, _ambiguity, _feats, _defaultFeats);

    /// <inheritdoc/>
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Tokens.IsDefault || document.Sentences.IsDefault)
        {
            throw new StageOrderException(Name, "tokenizer");
        }

        var tags = new MorphTag[document.Tokens.Length];
        var classes = new int[document.Tokens.Length];
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TagSentence(document, sentence, classes.AsSpan(sentence.TokenStart, sentence.Length));
            for (var i = sentence.TokenStart; i < sentence.TokenEnd; i++)
            {
                tags[i] = new MorphTag(_upos[classes[i]], _xpos[classes[i]], FeatsOf(document.FormSpan(i), classes[i]));
            }
        }

        return document with { Tags = ImmutableArray.Create(tags) };
    }

    /// <summary>Writes the best class of each token of <paramref name="sentence"/> into <paramref name="classes"/>.</summary>
    internal void TagSentence(Document document, Sentence sentence, Span<int> classes)
    {
        var scratch = _threadScratch ??= new TaggerFeatures();
        scratch.Load(document, sentence, _ambiguity);
        Pass(_model, scratch, classes);
        if (_second is not null)
        {
            // Second pass (bidirectional in effect): the first pass's tags to the right become features.
            scratch.StartSecondPass();
            Pass(_second, scratch, classes);
        }

        // A word the treebank never showed that is an irregular past form ("overran", "withdrew") is a verb: past tense,
        // or participle after a form of have or be.
        for (var i = 0; i < sentence.Length; i++)
        {
            var form = document.FormSpan(sentence.TokenStart + i);
            if (_pastTense >= 0 && _upos[classes[i]] != "VERB" && form.Length > 3 && char.IsLower(form[0])
                && !_ambiguity.ContainsKey(WordShape.NormalHash(form)) && IrregularVerbs.PastForms.Contains(form.ToString()))
            {
                var previous = i > 0 ? document.FormSpan(sentence.TokenStart + i - 1).ToString().ToLowerInvariant() : string.Empty;
                classes[i] = previous is "has" or "have" or "had" or "was" or "were" or "been" or "be" or "is" or "are" or "being" && _participle >= 0 ? _participle : _pastTense;
            }
        }
    }

    private static void Pass(LinearModel model, TaggerFeatures scratch, Span<int> classes)
    {
        Span<ulong> features = stackalloc ulong[TaggerFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[model.ClassCount];
        for (var i = 0; i < scratch.Length; i++)
        {
            var n = scratch.Extract(i, features);
            model.Score(features[..n], scores);
            var best = ArgMax(scores);
            classes[i] = best;
            scratch.Tags[i + TaggerFeatures.Padding] = best;
        }
    }

    private string FeatsOf(ReadOnlySpan<char> word, int clas) =>
        _feats.TryGetValue(FeatsKey(WordShape.NormalHash(word), clas), out var feats) ? feats : _defaultFeats[clas];

    private static ulong FeatsKey(ulong normal, int clas) => FeatureHash.Of(99, normal, (ulong)clas);

    /// <summary>Index of the highest score; ties go to the lower index, so results never depend on anything else.</summary>
    internal static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>Class name of a gold tag.</summary>
    internal static string ClassOf(MorphTag tag) => tag.Upos + " " + tag.Xpos;

    /// <summary>Trains a tagger on gold documents. Deterministic for a given <see cref="TrainingOptions.Seed"/>.</summary>
    /// <param name="train">Documents with gold tokens, sentences and tags.</param>
    /// <param name="options">Epochs and seed.</param>
    /// <param name="log">Receives one line per epoch; may be <see cref="TextWriter.Null"/>.</param>
    /// <param name="dev">Optional documents to report accuracy on after each epoch.</param>
    public static PosTagger Train(IReadOnlyList<Document> train, TrainingOptions options, TextWriter log, IReadOnlyList<Document>? dev = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var classIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var classNames = new List<string>();
        var wordClassCounts = new Dictionary<ulong, Dictionary<int, int>>();
        var featsCounts = new Dictionary<(ulong Word, int Class), Dictionary<string, int>>();
        var classFeatsCounts = new Dictionary<int, Dictionary<string, int>>();
        var sentences = new List<(Document Document, Sentence Sentence, int[] Gold)>();
        foreach (var document in train)
        {
            foreach (var sentence in document.Sentences)
            {
                var gold = new int[sentence.Length];
                for (var i = 0; i < sentence.Length; i++)
                {
                    var tag = document.Tags[sentence.TokenStart + i];
                    var name = ClassOf(tag);
                    if (!classIndex.TryGetValue(name, out var c))
                    {
                        c = classNames.Count;
                        classIndex.Add(name, c);
                        classNames.Add(name);
                    }

                    gold[i] = c;
                    var normal = WordShape.NormalHash(document.FormSpan(sentence.TokenStart + i));
                    Tally.Increment(wordClassCounts, normal, c);
                    Tally.Increment(featsCounts, (normal, c), tag.Feats);
                    Tally.Increment(classFeatsCounts, c, tag.Feats);
                }

                sentences.Add((document, sentence, gold));
            }
        }

        if (sentences.Count == 0 || classNames.Count < 2)
        {
            throw new InvalidDataException($"{ErrorCodes.NoTrainingData}: the training data holds no tagged sentence.");
        }

        var ambiguity = new Dictionary<ulong, ulong>();
        foreach (var (word, counts) in wordClassCounts)
        {
            if (counts.Values.Sum() >= AmbiguityMinimumCount)
            {
                var hash = 0x51ED27UL;
                foreach (var c in counts.Keys.Order())
                {
                    hash = FeatureHash.Of(98, hash, (ulong)c);
                }

                ambiguity[word] = hash;
            }
        }

        // The features table keeps only the words whose features differ from their class's usual ones.
        var defaultFeats = Enumerable.Range(0, classNames.Count).Select(c => string.Intern(Tally.MostFrequent(classFeatsCounts[c], v => v))).ToArray();
        var feats = new Dictionary<ulong, string>();
        foreach (var ((word, clas), counts) in featsCounts)
        {
            var best = Tally.MostFrequent(counts, v => v);
            if (best != defaultFeats[clas])
            {
                feats[FeatsKey(word, clas)] = string.Intern(best);
            }
        }

        var first = TrainPass(sentences, null, classNames, ambiguity, options, log, "tagger pass 1");
        LinearModel? second = null;
        if (options.TwoPassTagger)
        {
            // The second pass must learn from first-pass tags as wrong as they are at run time, so each fold is tagged
            // by a first pass trained without it.
            var right = new int[sentences.Count][];
            for (var fold = 0; fold < SecondPassFolds; fold++)
            {
                var rest = sentences.Where((_, s) => s % SecondPassFolds != fold).ToList();
                var model = TrainPass(rest, null, classNames, ambiguity, options with { Seed = options.Seed + fold + 1 }, TextWriter.Null, string.Empty);
                var held = new PosTagger(model, null, ambiguity, feats, defaultFeats);
                for (var s = fold; s < sentences.Count; s += SecondPassFolds)
                {
                    right[s] = new int[sentences[s].Sentence.Length];
                    held.TagSentence(sentences[s].Document, sentences[s].Sentence, right[s]);
                }
            }

            second = TrainPass(sentences, right, classNames, ambiguity, options, log, "tagger pass 2");
        }

        var tagger = new PosTagger(first, second, ambiguity, feats, defaultFeats);
        if (dev is not null)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tagger: dev UPOS+XPOS {tagger.Accuracy(dev):F2}"));
        }

        return tagger;
    }

    /// <summary>Trains one left-to-right pass; with <paramref name="rightTags"/> it is a second pass that sees them.</summary>
    private static LinearModel TrainPass(
        List<(Document Document, Sentence Sentence, int[] Gold)> sentences,
        int[][]? rightTags,
        List<string> classNames,
        Dictionary<ulong, ulong> ambiguity,
        TrainingOptions options,
        TextWriter log,
        string name)
    {
        var perceptron = new AveragedPerceptron(classNames.Count);
        var random = new Random(options.Seed);
        var scratch = new TaggerFeatures();
        Span<ulong> features = stackalloc ulong[TaggerFeatures.MaxFeatures];
        var scores = new float[classNames.Count];
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            var correct = 0;
            var total = 0;
            foreach (var s in order)
            {
                var (document, sentence, gold) = sentences[s];
                scratch.Load(document, sentence, ambiguity);
                if (rightTags is not null)
                {
                    for (var i = 0; i < sentence.Length; i++)
                    {
                        scratch.Tags[i + TaggerFeatures.Padding] = rightTags[s][i];
                    }

                    scratch.StartSecondPass();
                }

                for (var i = 0; i < sentence.Length; i++)
                {
                    var n = scratch.Extract(i, features);
                    perceptron.Score(features[..n], scores);
                    var guess = ArgMax(scores);
                    perceptron.Tick();
                    perceptron.Update(features[..n], gold[i], guess);

                    // Condition on the tags the tagger itself would have chosen, as at run time.
                    scratch.Tags[i + TaggerFeatures.Padding] = guess;
                    correct += guess == gold[i] ? 1 : 0;
                    total++;
                }
            }

            if (name.Length > 0)
            {
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} epoch {epoch}: train accuracy {100.0 * correct / total:F2}"));
            }
        }

        return perceptron.Compile(classNames);
    }


    /// <summary>Percentage of tokens of gold <paramref name="documents"/> whose UPOS and XPOS pair is right.</summary>
    public double Accuracy(IReadOnlyList<Document> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var correct = 0;
        var total = 0;
        foreach (var document in documents)
        {
            var classes = new int[document.Tokens.Length];
            foreach (var sentence in document.Sentences)
            {
                TagSentence(document, sentence, classes.AsSpan(sentence.TokenStart, sentence.Length));
            }

            for (var i = 0; i < classes.Length; i++)
            {
                correct += _model.ClassNames[classes[i]] == ClassOf(document.Tags[i]) ? 1 : 0;
                total++;
            }
        }

        return total == 0 ? 0 : 100.0 * correct / total;
    }

    /// <summary>Saves the tagger to <paramref name="path"/>.</summary>
    public void Save(string path) => ModelFile.Save(path, ModelKind, ModelVersion, writer =>
    {
        _model.Write(writer);
        writer.Write(_second is not null);
        _second?.Write(writer);
        writer.Write(_ambiguity.Count);
        foreach (var (word, hash) in _ambiguity.OrderBy(p => p.Key))
        {
            writer.Write(word);
            writer.Write(hash);
        }

        writer.Write(_defaultFeats.Length);
        foreach (var feats in _defaultFeats)
        {
            writer.Write(feats);
        }

        writer.Write(_feats.Count);
        foreach (var (key, feats) in _feats.OrderBy(p => p.Key))
        {
            writer.Write(key);
            writer.Write(feats);
        }
    });

    /// <summary>Loads a tagger saved by <see cref="Save"/>.</summary>
    /// <exception cref="ModelException">The file is missing, of another version, or damaged.</exception>
    public static PosTagger Load(string path) => ModelFile.Load(path, ModelKind, ModelVersion, reader =>
    {
        var model = LinearModel.Read(reader);
        var second = reader.ReadBoolean() ? LinearModel.Read(reader) : null;
        var count = reader.ReadInt32();
        var ambiguity = new Dictionary<ulong, ulong>(count);
        for (var i = 0; i < count; i++)
        {
            ambiguity[reader.ReadUInt64()] = reader.ReadUInt64();
        }

        var defaults = new string[reader.ReadInt32()];
        for (var c = 0; c < defaults.Length; c++)
        {
            defaults[c] = string.Intern(reader.ReadString());
        }

        count = reader.ReadInt32();
        var feats = new Dictionary<ulong, string>(count);
        for (var i = 0; i < count; i++)
        {
            feats[reader.ReadUInt64()] = string.Intern(reader.ReadString());
        }

        return new PosTagger(model, second, ambiguity, feats, defaults);
    });
}

/// <summary>Settings for training a tagger or parser.</summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Seed of the random generator that shuffles the data (and, for the parser, chooses exploration).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Tagger only: add a second pass that sees the first pass's tags to the right.</summary>
    public bool TwoPassTagger { get; init; }

    /// <summary>Parser only: hypotheses kept by the beam; 1 trains a greedy parser with the dynamic oracle, more a beam parser with max-violation updates.</summary>
    public int Beam { get; init; } = 1;

    /// <summary>Parser only: drop weights below this fraction of the largest when compiling (see <c>LinearModel.Pruned</c>); 0 keeps all.</summary>
    public float Prune { get; init; }

    /// <summary>Report dev accuracy after every epoch rather than only the last (slower).</summary>
    public bool EvaluateEveryEpoch { get; init; }
}
