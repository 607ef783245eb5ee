using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Dyad.Nlp.Learning;

/// <summary>
/// A trained linear classifier, read-only: for each feature key, the classes it votes for and by how much
/// (compressed sparse rows), found through an open-addressing table of 64-bit keys.
/// </summary>
/// <remarks>Immutable after construction and safe to share between threads.</remarks>
public sealed class LinearModel
{
    /// <summary>A row with at least this share of all classes is stored dense and added with SIMD.</summary>
    private const int DenseFraction = 4;

    private readonly ulong[] _keys;
    private readonly int[] _starts;
    private readonly ushort[] _classes;
    private readonly float[] _weights;

    // The lookup table: one 16-byte slot per key (open addressing, linear probing), so a lookup costs one cache line;
    // the row it points to is either sparse (class, weight pairs) or dense (one weight per class, padded).
    private readonly Slot[] _slots;
    private readonly float[] _dense;
    private readonly int _mask;
    private readonly int _denseStride;

    private struct Slot
    {
        public ulong Key;
        public int Start;

        // Entries of a sparse row; -1 marks a dense row starting at Start in _dense; 0 marks an empty slot.
        public int Count;
    }

    /// <summary>Creates a model from compressed sparse rows. Row <c>r</c> of key <c>keys[r]</c> holds entries <c>[starts[r], starts[r+1])</c>.</summary>
    public LinearModel(string[] classNames, ulong[] keys, int[] starts, ushort[] classes, float[] weights)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(weights);
        if (starts.Length != keys.Length + 1 || classes.Length != weights.Length || starts[^1] != classes.Length)
        {
            throw new ArgumentException("rows, classes and weights do not agree in length", nameof(starts));
        }

        ClassNames = classNames;
        _keys = keys;
        _starts = starts;
        _classes = classes;
        _weights = weights;
        var width = Vector<float>.Count;
        _denseStride = (classNames.Length + width - 1) / width * width;
        var threshold = Math.Max(8, classNames.Length / DenseFraction);
        var denseRows = 0;
        for (var r = 0; r < keys.Length; r++)
        {
            denseRows += starts[r + 1] - starts[r] >= threshold ? 1 : 0;
        }

        _dense = new float[denseRows * _denseStride];
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length * 2));
        _mask = capacity - 1;
        _slots = new Slot[capacity];
        var nextDense = 0;
        for (var r = 0; r < keys.Length; r++)
        {
            var slot = (int)(keys[r] & (ulong)_mask);
            while (_slots[slot].Count != 0)
            {
                slot = (slot + 1) & _mask;
            }

            var count = starts[r + 1] - starts[r];
            if (count == 0)
            {
                continue;
            }

            if (count >= threshold)
            {
                var at = nextDense++ * _denseStride;
                for (var k = starts[r]; k < starts[r + 1]; k++)
                {
                    _dense[at + classes[k]] = weights[k];
                }

                _slots[slot] = new Slot { Key = keys[r], Start = at, Count = -1 };
            }
            else
            {
                _slots[slot] = new Slot { Key = keys[r], Start = starts[r], Count = count };
            }
        }
    }

    /// <summary>Names of the classes, by class index.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Number of classes.</summary>
    public int ClassCount => ClassNames.Count;

    /// <summary>Number of features with weights.</summary>
    public int FeatureCount => _keys.Length;

    /// <summary>Number of stored weights.</summary>
    public int WeightCount => _weights.Length;

    /// <summary>Sets <paramref name="scores"/> (length <see cref="ClassCount"/>) to the sum of the weights of <paramref name="features"/>.</summary>
    /// <remarks>
    /// Looking features up is bound by memory latency, not arithmetic: the slots of all features are prefetched
    /// first so their cache misses overlap, then rows are added, dense ones a vector at a time.
    /// </remarks>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        if (scores.Length < ClassCount)
        {
            throw new ArgumentException("scores must have one entry per class", nameof(scores));
        }

        Span<float> total = stackalloc float[_denseStride];
        total.Clear();
        var slots = _slots;
        ref var slotBase = ref MemoryMarshal.GetArrayDataReference(slots);
        if (Sse.IsSupported)
        {
            foreach (var feature in features)
            {
                unsafe
                {
                    Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref slotBase, (int)(feature & (ulong)_mask))));
                }
            }
        }

        var width = Vector<float>.Count;
        foreach (var feature in features)
        {
            var slot = (int)(feature & (ulong)_mask);
            while (true)
            {
                ref var entry = ref Unsafe.Add(ref slotBase, slot);
                if (entry.Count == 0)
                {
                    break;
                }

                if (entry.Key == feature)
                {
                    if (entry.Count < 0)
                    {
                        var row = _dense.AsSpan(entry.Start, _denseStride);
                        for (var k = 0; k < _denseStride; k += width)
                        {
                            var sum = new Vector<float>(total[k..]) + new Vector<float>(row[k..]);
                            sum.CopyTo(total[k..]);
                        }
                    }
                    else
                    {
                        var end = entry.Start + entry.Count;
                        for (var k = entry.Start; k < end; k++)
                        {
                            total[_classes[k]] += _weights[k];
                        }
                    }

                    break;
                }

                slot = (slot + 1) & _mask;
            }
        }

        total[..ClassCount].CopyTo(scores);
    }

    /// <summary>
    /// A copy without the weights smaller in magnitude than <paramref name="relativeMinimum"/> times the largest
    /// weight: they rarely change a decision and make up most of a perceptron's size. Features left with no weight
    /// are dropped.
    /// </summary>
    /// <param name="relativeMinimum">Fraction of the largest magnitude, from 0 (keep all) to 1.</param>
    public LinearModel Pruned(float relativeMinimum)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(relativeMinimum);
        var largest = 0f;
        foreach (var w in _weights)
        {
            largest = Math.Max(largest, Math.Abs(w));
        }

        var threshold = largest * relativeMinimum;
        var keys = new List<ulong>(_keys.Length);
        var starts = new List<int>(_keys.Length + 1) { 0 };
        var classes = new List<ushort>(_classes.Length);
        var weights = new List<float>(_weights.Length);
        for (var r = 0; r < _keys.Length; r++)
        {
            for (var k = _starts[r]; k < _starts[r + 1]; k++)
            {
                if (Math.Abs(_weights[k]) >= threshold)
                {
                    classes.Add(_classes[k]);
                    weights.Add(_weights[k]);
                }
            }

            if (classes.Count > starts[^1])
            {
                keys.Add(_keys[r]);
                starts.Add(classes.Count);
            }
        }

        return new LinearModel([.. ClassNames], [.. keys], [.. starts], [.. classes], [.. weights]);
    }

    /// <summary>Writes the model; <see cref="Read"/> reads it back.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="halfPrecision">Store weights as 16-bit floats: a third smaller, with about three significant digits, which changes almost no decision.</param>
    public void Write(BinaryWriter writer, bool halfPrecision = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ClassNames.Count);
        foreach (var name in ClassNames)
        {
            writer.Write(name);
        }

        writer.Write(_keys.Length);
        writer.Write(_weights.Length);
        foreach (var key in _keys)
        {
            writer.Write(key);
        }

        // Row lengths rather than offsets: small numbers compress better.
        for (var r = 0; r < _keys.Length; r++)
        {
            writer.Write7BitEncodedInt(_starts[r + 1] - _starts[r]);
        }

        foreach (var c in _classes)
        {
            writer.Write(c);
        }

        foreach (var w in _weights)
        {
            if (halfPrecision)
            {
                writer.Write((Half)w);
            }
            else
            {
                writer.Write(w);
            }
        }
    }

    private static void ReadBlock(BinaryReader reader, Span<byte> block)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("model files are little-endian; this machine is not");
        }

        while (block.Length > 0)
        {
            var read = reader.Read(block);
            if (read == 0)
            {
                throw new EndOfStreamException("the model file ends early");
            }

            block = block[read..];
        }
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The data is truncated or inconsistent.</exception>
    /// <param name="reader">Where to read from.</param>
    /// <param name="halfPrecision">The weights were written as 16-bit floats.</param>
    public static LinearModel Read(BinaryReader reader, bool halfPrecision = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var classCount = reader.ReadInt32();
        if (classCount is < 2 or > ushort.MaxValue)
        {
            throw new InvalidDataException($"class count {classCount} is out of range");
        }

        var names = new string[classCount];
        for (var i = 0; i < classCount; i++)
        {
            names[i] = reader.ReadString();
        }

        var rows = reader.ReadInt32();
        var entries = reader.ReadInt32();
        if (rows < 0 || entries < 0)
        {
            throw new InvalidDataException("negative row or weight count");
        }

        // Keys, classes and weights are read as blocks: the writer's little-endian values are the machine's own layout.
        var keys = new ulong[rows];
        ReadBlock(reader, MemoryMarshal.AsBytes(keys.AsSpan()));

        var starts = new int[rows + 1];
        for (var r = 0; r < rows; r++)
        {
            starts[r + 1] = starts[r] + reader.Read7BitEncodedInt();
        }

        if (starts[rows] != entries)
        {
            throw new InvalidDataException("row lengths do not add up to the weight count");
        }

        var classes = new ushort[entries];
        ReadBlock(reader, MemoryMarshal.AsBytes(classes.AsSpan()));
        foreach (var c in classes)
        {
            if (c >= classCount)
            {
                throw new InvalidDataException($"class {c} is out of range");
            }
        }

        var weights = new float[entries];
        if (halfPrecision)
        {
            var halves = new Half[entries];
            ReadBlock(reader, MemoryMarshal.AsBytes(halves.AsSpan()));
            for (var k = 0; k < entries; k++)
            {
                weights[k] = (float)halves[k];
            }
        }
        else
        {
            ReadBlock(reader, MemoryMarshal.AsBytes(weights.AsSpan()));
        }

        return new LinearModel(names, keys, starts, classes, weights);
    }
}
