using Dyad.Hashing;

namespace Dyad.Coding.Learned;

/// <summary>
/// One training example of a <see cref="SoftmaxModel"/>: hashed binary features and the distribution over classes it
/// should predict. One class is an ordinary label; a spread is a partial label ("some class of verbal conflict", spread
/// by how often each class occurs), so data labelled at two grains trains one model without letting rare classes soak
/// up the coarse labels.
/// </summary>
/// <param name="Features">Feature keys (see <see cref="FeatureHash"/>); repeats count once each time.</param>
/// <param name="Target">The probability the example gives each class; non-negative, summing to 1.</param>
public readonly record struct SoftmaxExample(ulong[] Features, double[] Target)
{
    /// <summary>An example of exactly class <paramref name="label"/> of <paramref name="classCount"/>.</summary>
    public static SoftmaxExample Of(ulong[] features, int label, int classCount)
    {
        var target = new double[classCount];
        target[label] = 1;
        return new SoftmaxExample(features, target);
    }
}

/// <summary>How <see cref="SoftmaxModel.Train"/> fits a model.</summary>
public sealed record SoftmaxOptions
{
    /// <summary>The defaults: 30 passes, AdaGrad step 0.05, L2 strength 1e-4 per example, seed 1.</summary>
    public static SoftmaxOptions Default { get; } = new();

    /// <summary>Passes over the training examples.</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>AdaGrad's base step size.</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>L2 regularisation strength, applied to the weights an example touches.</summary>
    public double L2 { get; init; } = 1e-4;

    /// <summary>Seed of the example order; the same seed and data give the same model, bit for bit.</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>
/// Multinomial logistic regression over hashed binary features: the learned layer's classifier. Sparse (a feature seen
/// in training has one weight per class; unseen features are ignored), calibrated (probabilities, not scores, so two
/// models can be combined), small, and deterministic: training shuffles with a seeded SplitMix64 sequence and sums in a
/// fixed order.
/// </summary>
/// <remarks>Immutable after training or loading, and so safe to share between threads.</remarks>
public sealed class SoftmaxModel
{
    private readonly Dictionary<ulong, int> _index;
    private readonly float[] _weights;
    private readonly float[] _bias;

    private SoftmaxModel(int classCount, Dictionary<ulong, int> index, float[] weights, float[] bias)
    {
        ClassCount = classCount;
        _index = index;
        _weights = weights;
        _bias = bias;
    }

    /// <summary>Number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>Number of features with weights.</summary>
    public int FeatureCount => _index.Count;

    /// <summary>Writes the probability of each class given <paramref name="features"/> into <paramref name="probabilities"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="probabilities"/> is shorter than <see cref="ClassCount"/>.</exception>
    public void Predict(ReadOnlySpan<ulong> features, Span<double> probabilities)
    {
        if (probabilities.Length < ClassCount)
        {
            throw new ArgumentException($"Expected room for {ClassCount} classes.", nameof(probabilities));
        }

        var scores = probabilities[..ClassCount];
        for (var c = 0; c < ClassCount; c++)
        {
            scores[c] = _bias[c];
        }

        foreach (var feature in features)
        {
            if (_index.TryGetValue(feature, out var row))
            {
                var w = _weights.AsSpan(row * ClassCount, ClassCount);
                for (var c = 0; c < ClassCount; c++)
                {
                    scores[c] += w[c];
                }
            }
        }

        Normalise(scores);
    }

    /// <summary>Fits a model to <paramref name="examples"/> by AdaGrad on the cross-entropy with L2 regularisation.</summary>
    /// <param name="examples">The training examples.</param>
    /// <param name="classCount">Number of classes (at least 2).</param>
    /// <param name="options">Settings; <see cref="SoftmaxOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="examples"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than two classes, or an example whose target has another number of classes.</exception>
    public static SoftmaxModel Train(IReadOnlyList<SoftmaxExample> examples, int classCount, SoftmaxOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        options ??= SoftmaxOptions.Default;
        var index = new Dictionary<ulong, int>();
        foreach (var example in examples)
        {
            if (example.Target is null || example.Target.Length != classCount)
            {
                throw new ArgumentOutOfRangeException(nameof(examples), $"An example's target does not have {classCount} classes.");
            }

            foreach (var feature in example.Features)
            {
                index.TryAdd(feature, index.Count);
            }
        }

        var weights = new double[index.Count * classCount];
        var squares = new double[index.Count * classCount];
        var bias = new double[classCount];
        var biasSquares = new double[classCount];
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var state = (ulong)(uint)options.Seed ^ 0x5DEECE66DUL;
        var probabilities = new double[classCount];
        var rows = new List<int>();
        const double Epsilon = 1e-8;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            // Fisher-Yates with SplitMix64: the same order on every machine and runtime.
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = (int)(SplitMix64.Next(ref state) % (ulong)(i + 1));
                (order[i], order[j]) = (order[j], order[i]);
            }

            foreach (var e in order)
            {
                var example = examples[e];
                rows.Clear();
                foreach (var feature in example.Features)
                {
                    rows.Add(index[feature]);
                }

                for (var c = 0; c < classCount; c++)
                {
                    probabilities[c] = bias[c];
                }

                foreach (var row in rows)
                {
                    for (var c = 0; c < classCount; c++)
                    {
                        probabilities[c] += weights[(row * classCount) + c];
                    }
                }

                Normalise(probabilities);
                for (var c = 0; c < classCount; c++)
                {
                    // The cross-entropy's gradient with respect to class c's score.
                    var gradient = probabilities[c] - example.Target[c];
                    biasSquares[c] += gradient * gradient;
                    bias[c] -= options.LearningRate * gradient / (Math.Sqrt(biasSquares[c]) + Epsilon);
                    foreach (var row in rows)
                    {
                        var k = (row * classCount) + c;
                        var g = gradient + (options.L2 * weights[k]);
                        squares[k] += g * g;
                        weights[k] -= options.LearningRate * g / (Math.Sqrt(squares[k]) + Epsilon);
                    }
                }
            }
        }

        return new SoftmaxModel(classCount, index, [.. weights.Select(w => (float)w)], [.. bias.Select(b => (float)b)]);
    }

    /// <summary>Writes the model: class count, biases, then each feature key with its weights in key order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ClassCount);
        foreach (var b in _bias)
        {
            writer.Write(b);
        }

        writer.Write(_index.Count);
        foreach (var (key, row) in _index.OrderBy(p => p.Key))
        {
            writer.Write(key);
            for (var c = 0; c < ClassCount; c++)
            {
                writer.Write(_weights[(row * ClassCount) + c]);
            }
        }
    }

    /// <summary>Reads a model <see cref="Write"/> wrote.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="InvalidDataException">The counts are out of range.</exception>
    public static SoftmaxModel Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var classCount = reader.ReadInt32();
        if (classCount is < 2 or > 1000)
        {
            throw new InvalidDataException($"a classifier with {classCount} classes");
        }

        var bias = new float[classCount];
        for (var c = 0; c < classCount; c++)
        {
            bias[c] = reader.ReadSingle();
        }

        var count = reader.ReadInt32();
        if (count is < 0 or > 50_000_000)
        {
            throw new InvalidDataException($"a classifier with {count} features");
        }

        var index = new Dictionary<ulong, int>(count);
        var weights = new float[count * classCount];
        for (var row = 0; row < count; row++)
        {
            index[reader.ReadUInt64()] = row;
            for (var c = 0; c < classCount; c++)
            {
                weights[(row * classCount) + c] = reader.ReadSingle();
            }
        }

        return new SoftmaxModel(classCount, index, weights, bias);
    }

    private static void Normalise(Span<double> scores)
    {
        var max = double.NegativeInfinity;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }

        var sum = 0.0;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = Math.Exp(scores[c] - max);
            sum += scores[c];
        }

        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] /= sum;
        }
    }
}
