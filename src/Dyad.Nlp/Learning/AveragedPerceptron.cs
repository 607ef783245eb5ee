namespace Dyad.Nlp.Learning;

/// <summary>
/// A multi-class averaged perceptron for training (Collins 2002), with sparse rows: each feature keeps only the
/// classes it has been updated for, so a parser with a hundred transitions and millions of features fits in memory.
/// Averaging is exact and lazy: each weight records when it last changed and adds its value times the elapsed
/// updates to a running total (the "timestamp" trick in Honnibal's tagger), so an update costs O(features).
/// </summary>
/// <remarks>Not thread-safe. Deterministic: the same sequence of calls gives the same model.</remarks>
public sealed class AveragedPerceptron
{
    private readonly Dictionary<ulong, int> _index = [];
    private readonly List<Row> _rows = [];
    private int _instances;

    /// <summary>Creates an untrained model over <paramref name="classCount"/> classes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than two classes or more than 65,535.</exception>
    public AveragedPerceptron(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, ushort.MaxValue);
        ClassCount = classCount;
    }

    /// <summary>Number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>Number of distinct features that have any weight.</summary>
    public int FeatureCount => _rows.Count;

    /// <summary>Adds the current (not averaged) weights of <paramref name="features"/> into <paramref name="scores"/>.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var feature in features)
        {
            if (_index.TryGetValue(feature, out var r))
            {
                var row = _rows[r];
                for (var k = 0; k < row.Count; k++)
                {
                    scores[row.Classes[k]] += row.Weights[k];
                }
            }
        }
    }

    /// <summary>Counts one training instance; call once per prediction so averaging weighs every instance alike.</summary>
    public void Tick() => _instances++;

    /// <summary>Moves weight from the predicted class to the true class for every feature.</summary>
    public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
    {
        if (truth == guess)
        {
            return;
        }

        foreach (var feature in features)
        {
            if (!_index.TryGetValue(feature, out var r))
            {
                r = _rows.Count;
                _index.Add(feature, r);
                _rows.Add(new Row());
            }

            var row = _rows[r];
            row.Add(truth, 1f, _instances);
            row.Add(guess, -1f, _instances);
        }
    }

    /// <summary>Adds <paramref name="delta"/> to the weight of <paramref name="clas"/> for every feature (for structured updates).</summary>
    public void Update(ReadOnlySpan<ulong> features, int clas, float delta)
    {
        foreach (var feature in features)
        {
            if (!_index.TryGetValue(feature, out var r))
            {
                r = _rows.Count;
                _index.Add(feature, r);
                _rows.Add(new Row());
            }

            _rows[r].Add(clas, delta, _instances);
        }
    }

    /// <summary>
    /// Averages the weights and compiles a read-only model. Features whose averaged weights are all below
    /// <paramref name="minimumWeight"/> in magnitude are dropped: they change no decision and only cost memory.
    /// </summary>
    public LinearModel Compile(IReadOnlyList<string> classNames, float minimumWeight = 1e-3f)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        if (classNames.Count != ClassCount)
        {
            throw new ArgumentException($"expected {ClassCount} class names, got {classNames.Count}", nameof(classNames));
        }

        var total = Math.Max(1, _instances);
        var keys = new List<ulong>(_rows.Count);
        var starts = new List<int>(_rows.Count + 1) { 0 };
        var classes = new List<ushort>();
        var weights = new List<float>();
        foreach (var (key, r) in _index.OrderBy(p => p.Key))
        {
            var row = _rows[r];
            var before = classes.Count;
            for (var k = 0; k < row.Count; k++)
            {
                var average = (float)((row.Totals[k] + ((double)(_instances - row.Stamps[k]) * row.Weights[k])) / total);
                if (Math.Abs(average) >= minimumWeight)
                {
                    classes.Add(row.Classes[k]);
                    weights.Add(average);
                }
            }

            if (classes.Count > before)
            {
                keys.Add(key);
                starts.Add(classes.Count);
            }
        }

        return new LinearModel([.. classNames], [.. keys], [.. starts], [.. classes], [.. weights]);
    }

    private sealed class Row
    {
        public ushort[] Classes = new ushort[2];
        public float[] Weights = new float[2];
        public double[] Totals = new double[2];
        public int[] Stamps = new int[2];
        public int Count;

        public void Add(int clas, float delta, int now)
        {
            var k = Array.IndexOf(Classes, (ushort)clas, 0, Count);
            if (k < 0)
            {
                if (Count == Classes.Length)
                {
                    var size = Count * 2;
                    Array.Resize(ref Classes, size);
                    Array.Resize(ref Weights, size);
                    Array.Resize(ref Totals, size);
                    Array.Resize(ref Stamps, size);
                }

                k = Count++;
                Classes[k] = (ushort)clas;
                Stamps[k] = now;
            }

            Totals[k] += (double)(now - Stamps[k]) * Weights[k];
            Stamps[k] = now;
            Weights[k] += delta;
        }
    }
}
