using System.Collections.Immutable;
using System.Globalization;
using Dyad.Nlp.Evaluation;
using Dyad.Nlp.Learning;
using Dyad.Nlp.Tagging;

namespace Dyad.Nlp.Tokenization;

/// <content>Training the sentence-boundary model.</content>
public sealed partial class SentenceSplitter
{
    /// <summary>
    /// Gaps a feature must occur in before the perceptron may use it. Features seen once mostly memorise one document;
    /// leaving them out regularises the model (5-fold cross-validation on EWT train: sentence F1 up by about 0.3).
    /// </summary>
    private const int MinimumFeatureCount = 2;

    /// <summary>Folds of the training paragraphs for jack-knifing the word tables.</summary>
    private const int TableFolds = 5;

    private static readonly string[] ClassNames = ["inside", "boundary"];

    /// <summary>
    /// Trains a sentence-boundary model on gold treebanks laid out as raw text. The gold boundaries come from the gold
    /// sentences by character offset: a sentence ends after the token whose surface ends where the gold sentence's
    /// last character does. The model learns the gaps the layout leaves open (see <see cref="SentenceSplitter"/>),
    /// left to right, conditioning on its own earlier decisions as at run time. Paragraphs are shuffled every epoch by
    /// a <see cref="Random"/> seeded with <see cref="TrainingOptions.Seed"/>, so the same data and options give the
    /// same model.
    /// </summary>
    /// <param name="train">Training corpora (EWT train in the raw-text layout).</param>
    /// <param name="options">Epochs and seed.</param>
    /// <param name="log">Receives one line per epoch; may be <see cref="TextWriter.Null"/>.</param>
    /// <param name="dev">Optional corpus whose sentence scores are logged after the last epoch (after every epoch with <see cref="TrainingOptions.EvaluateEveryEpoch"/>).</param>
    /// <param name="maxTokens">Longest sentence of the trained splitter, in tokens; at least 8.</param>
    /// <exception cref="InvalidDataException">The training data holds no token (<see cref="ErrorCodes.NoTrainingData"/>).</exception>
    /// <remarks>Time is linear in the size of the data times the epochs; EWT train takes about 3 s an epoch on one core.</remarks>
    public static SentenceSplitter Train(IReadOnlyList<RawTextCorpus> train, TrainingOptions options, TextWriter log, RawTextCorpus? dev = null, int maxTokens = DefaultMaxTokens)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var parts = train.Select(corpus => (corpus.Text, Tokens: Tokenizer.Tokenize(corpus.Text), Ends: (IReadOnlySet<int>)corpus.SentenceEnds().ToHashSet())).ToList();
        var goldWords = train.SelectMany(corpus => corpus.Sentences).SelectMany(sentence => sentence.Words).Select(word => (word.Form, word.Upos)).ToList();
        var words = WordClasses.Learn(parts, goldWords);
        var paragraphs = Paragraphs([.. parts.Select(part => (part.Text, part.Tokens))]);
        if (paragraphs.Count == 0)
        {
            throw new InvalidDataException($"{ErrorCodes.NoTrainingData}: the training data holds no token.");
        }

        // The word tables count sentence starts and ends, so a paragraph's features must come from tables learned
        // without it, or the model would trust them more than they deserve on unseen text (jack-knifing).
        var foldOf = parts.Select(part => new int[part.Tokens.Length]).ToArray();
        for (var p = 0; p < paragraphs.Count; p++)
        {
            Array.Fill(foldOf[paragraphs[p].Text], p % TableFolds, paragraphs[p].Start, paragraphs[p].End - paragraphs[p].Start);
        }

        var folds = Enumerable.Range(0, TableFolds).Select(fold =>
        {
            var held = WordClasses.Learn(parts, goldWords, (t, i) => foldOf[t][i] != fold);
            return parts.Select(part => TrainingText.Create(part.Text, part.Tokens, part.Ends, held)).ToList();
        }).ToList();
        var counts = CountFeatures(folds, paragraphs);
        var perceptron = new AveragedPerceptron(ClassNames.Length);
        var random = new Random(options.Seed);
        Span<ulong> features = stackalloc ulong[SentenceBoundaryFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[ClassNames.Length];
        var order = Enumerable.Range(0, paragraphs.Count).ToArray();
        SentenceSplitter? splitter = null;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            var correct = 0;
            var total = 0;
            foreach (var p in order)
            {
                var (t, first, end) = paragraphs[p];
                var (text, tokens, ruleEnds, goldEnds, context) = folds[p % TableFolds][t];
                var start = first;
                for (var i = first; i < end - 1; i++)
                {
                    var decision = Decide(context, text, tokens, i, ruleEnds);
                    if (decision is null)
                    {
                        var n = Frequent(features[..context.Extract(i, i - start + 1, features)], counts);
                        perceptron.Score(features[..n], scores);
                        var guess = scores[BoundaryClass] > scores[1 - BoundaryClass] ? BoundaryClass : 1 - BoundaryClass;
                        var truth = goldEnds.Contains(tokens[i].SurfaceEnd) ? BoundaryClass : 1 - BoundaryClass;
                        perceptron.Tick();
                        perceptron.Update(features[..n], truth, guess);
                        correct += guess == truth ? 1 : 0;
                        total++;

                        // Go on from the model's own decision, as at run time.
                        decision = guess == BoundaryClass;
                    }

                    if (decision.Value)
                    {
                        start = i + 1;
                    }
                }
            }

            var line = string.Create(CultureInfo.InvariantCulture, $"sentences epoch {epoch}: train accuracy {100.0 * correct / Math.Max(1, total):F2} over {total} gaps");
            if (dev is not null && (options.EvaluateEveryEpoch || epoch == options.Epochs))
            {
                splitter = new SentenceSplitter(perceptron.Compile(ClassNames), words, 0, maxTokens);
                line += $"; dev sentences {splitter.Score(dev)}";
            }

            log.WriteLine(line);
        }

        return splitter ?? new SentenceSplitter(perceptron.Compile(ClassNames), words, 0, maxTokens);
    }

    /// <summary>Segments <paramref name="corpus"/>'s raw text with this splitter and scores the sentences against the gold ones.</summary>
    /// <remarks>Thread-safe.</remarks>
    public EvaluationScore Score(RawTextCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var system = new Tokenizer(this).Process(new Document("evaluation", corpus.Text), CancellationToken.None);
        return corpus.Align(system).Sentences;
    }

    /// <summary>The paragraphs of every text: the text's index and the token range between blank lines.</summary>
    private static List<(int Text, int Start, int End)> Paragraphs(List<(string Text, ImmutableArray<Token> Tokens)> texts)
    {
        var paragraphs = new List<(int Text, int Start, int End)>();
        for (var t = 0; t < texts.Count; t++)
        {
            var start = 0;
            var (text, tokens) = texts[t];
            for (var i = 0; i < tokens.Length; i++)
            {
                if (i == tokens.Length - 1 || HasParagraphBreak(text, tokens[i].SurfaceEnd, tokens[i + 1].Start))
                {
                    paragraphs.Add((t, start, i + 1));
                    start = i + 1;
                }
            }
        }

        return paragraphs;
    }

    /// <summary>Features that occur in at least <see cref="MinimumFeatureCount"/> gaps the model decides, with the gold sentences as history.</summary>
    private static HashSet<ulong> CountFeatures(List<List<TrainingText>> folds, List<(int Text, int Start, int End)> paragraphs)
    {
        var counts = new Dictionary<ulong, int>();
        Span<ulong> features = stackalloc ulong[SentenceBoundaryFeatures.MaxFeatures];
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var (t, first, end) = paragraphs[p];
            var (text, tokens, ruleEnds, goldEnds, context) = folds[p % TableFolds][t];
            var start = first;
            for (var i = first; i < end - 1; i++)
            {
                if (Decide(context, text, tokens, i, ruleEnds) is null)
                {
                    var n = context.Extract(i, i - start + 1, features);
                    foreach (var feature in features[..n])
                    {
                        counts[feature] = counts.GetValueOrDefault(feature) + 1;
                    }
                }

                if (goldEnds.Contains(tokens[i].SurfaceEnd))
                {
                    start = i + 1;
                }
            }
        }

        return [.. counts.Where(p => p.Value >= MinimumFeatureCount).Select(p => p.Key)];
    }

    /// <summary>Moves the features in <paramref name="frequent"/> to the front of <paramref name="features"/>, in order.</summary>
    /// <returns>How many there are.</returns>
    private static int Frequent(Span<ulong> features, HashSet<ulong> frequent)
    {
        var n = 0;
        foreach (var feature in features)
        {
            if (frequent.Contains(feature))
            {
                features[n++] = feature;
            }
        }

        return n;
    }

    /// <summary>One training text with everything the features need, computed once.</summary>
    private sealed record TrainingText(string Text, ImmutableArray<Token> Tokens, bool[] RuleEnds, IReadOnlySet<int> GoldEnds, SentenceBoundaryFeatures Context)
    {
        public static TrainingText Create(string text, ImmutableArray<Token> tokens, IReadOnlySet<int> goldEnds, WordClasses words)
        {
            var ruleEnds = new bool[tokens.Length];
            foreach (var sentence in SplitByRules(text, tokens))
            {
                ruleEnds[sentence.TokenEnd - 1] = true;
            }

            return new TrainingText(text, tokens, ruleEnds, goldEnds, new SentenceBoundaryFeatures(text, tokens, ruleEnds, words));
        }
    }
}
