using System.Numerics;
using System.Runtime.CompilerServices;

namespace Dyad.Nlp.Learning;

/// <summary>
/// A trained linear classifier, read-only: for each feature key, the classes it votes for and by how much
/// (compressed sparse rows), found through an open-addressing table of 64-bit keys.
/// </summary>
/// <remarks>Immutable after construction and safe to share between threads.</remarks>
public sealed class LinearModel
{
    private const int EmptySlot = -1;
    private readonly ulong[] _keys;
    private readonly int[] _starts;
    private readonly ushort[] _classes;
    private readonly float[] _weights;
    private readonly ulong[] _slotKeys;
    private readonly int[] _slotRows;
    private readonly int _mask;

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
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length * 2));
        _mask = capacity - 1;
        _slotKeys = new ulong[capacity];
        _slotRows = new int[capacity];
        Array.Fill(_slotRows, EmptySlot);
        for (var r = 0; r < keys.Length; r++)
        {
            var slot = (int)(keys[r] & (ulong)_mask);
            while (_slotRows[slot] != EmptySlot)
            {
                slot = (slot + 1) & _mask;
            }

            _slotKeys[slot] = keys[r];
            _slotRows[slot] = r;
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
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var feature in features)
        {
            var row = Find(feature);
            if (row < 0)
            {
                continue;
            }

            var end = _starts[row + 1];
            for (var k = _starts[row]; k < end; k++)
            {
                scores[_classes[k]] += _weights[k];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(ulong key)
    {
        var slot = (int)(key & (ulong)_mask);
        while (true)
        {
            var row = _slotRows[slot];
            if (row == EmptySlot || _slotKeys[slot] == key)
            {
                return row;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Writes the model; <see cref="Read"/> reads it back.</summary>
    public void Write(BinaryWriter writer)
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
            writer.Write(w);
        }
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The data is truncated or inconsistent.</exception>
    public static LinearModel Read(BinaryReader reader)
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

        var keys = new ulong[rows];
        for (var r = 0; r < rows; r++)
        {
            keys[r] = reader.ReadUInt64();
        }

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
        for (var k = 0; k < entries; k++)
        {
            classes[k] = reader.ReadUInt16();
            if (classes[k] >= classCount)
            {
                throw new InvalidDataException($"class {classes[k]} is out of range");
            }
        }

        var weights = new float[entries];
        for (var k = 0; k < entries; k++)
        {
            weights[k] = reader.ReadSingle();
        }

        return new LinearModel(names, keys, starts, classes, weights);
    }
}
