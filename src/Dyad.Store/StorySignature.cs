using System.Buffers.Binary;
using System.Text;
using Dyad.Hashing;

namespace Dyad.Store;

/// <summary>
/// Near-duplicate detection for story grouping: a MinHash signature (Broder 1997) of a document's word 5-gram shingles,
/// with locality-sensitive hashing bands (Indyk and Motwani 1998; Leskovec, Rajaraman and Ullman, <i>Mining of Massive
/// Datasets</i>, ch. 3) to find candidates without comparing every pair.
/// </summary>
/// <remarks>
/// Words are maximal runs of letters and digits, lower-cased; a text of fewer than <see cref="ShingleWords"/> words is one
/// shingle. Two documents are the same story when the signatures' estimated Jaccard similarity of their shingle sets is
/// at least <see cref="SameStoryThreshold"/>. With <see cref="Bands"/> bands of <see cref="RowsPerBand"/> rows, a pair
/// with Jaccard similarity 0.5 becomes a candidate with probability 1 - (1 - 0.5^4)^16 = 0.64, one with 0.8 with
/// probability 0.9996; candidates are then checked against the threshold. Deterministic: fixed seeds, no randomness.
/// </remarks>
public static class StorySignature
{
    /// <summary>Words per shingle.</summary>
    public const int ShingleWords = 5;

    /// <summary>Hash functions in a signature.</summary>
    public const int Length = Bands * RowsPerBand;

    /// <summary>LSH bands.</summary>
    public const int Bands = 16;

    /// <summary>Signature rows per band.</summary>
    public const int RowsPerBand = 4;

    /// <summary>Estimated Jaccard similarity at or above which two documents are one story.</summary>
    public const double SameStoryThreshold = 0.5;

    /// <summary>The signature of <paramref name="text"/>: <see cref="Length"/> minimum hashes, or null when it has no word.</summary>
    /// <param name="text">The document's text.</param>
    /// <returns>The signature, or null.</returns>
    public static ulong[]? Compute(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text);
        if (words.Count == 0)
        {
            return null;
        }

        var signature = new ulong[Length];
        Array.Fill(signature, ulong.MaxValue);
        var count = Math.Max(1, words.Count - ShingleWords + 1);
        for (var i = 0; i < count; i++)
        {
            var shingle = Fnv(words, i, Math.Min(ShingleWords, words.Count - i));
            for (var k = 0; k < Length; k++)
            {
                var h = SplitMix64.Mix(shingle ^ Seed(k));
                if (h < signature[k])
                {
                    signature[k] = h;
                }
            }
        }

        return signature;
    }

    /// <summary>The estimated Jaccard similarity of two signatures: the share of positions where they agree.</summary>
    /// <param name="a">One signature.</param>
    /// <param name="b">The other.</param>
    /// <returns>0 to 1.</returns>
    public static double Similarity(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.Length != Length || b.Length != Length)
        {
            return 0;
        }

        var same = 0;
        for (var i = 0; i < Length; i++)
        {
            same += a[i] == b[i] ? 1 : 0;
        }

        return same / (double)Length;
    }

    /// <summary>The band keys of a signature: one 63-bit hash per band, of the band's number and its rows.</summary>
    /// <param name="signature">The signature.</param>
    /// <returns><see cref="Bands"/> keys.</returns>
    public static long[] BandKeys(ReadOnlySpan<ulong> signature)
    {
        var keys = new long[Bands];
        for (var band = 0; band < Bands; band++)
        {
            var h = SplitMix64.Mix((ulong)band + 1);
            for (var row = 0; row < RowsPerBand; row++)
            {
                h = SplitMix64.Mix(h ^ signature[(band * RowsPerBand) + row]);
            }

            keys[band] = (long)(h >> 1);
        }

        return keys;
    }

    /// <summary>The signature as bytes (little-endian), for storage.</summary>
    /// <param name="signature">The signature.</param>
    /// <returns>8 bytes per hash.</returns>
    public static byte[] ToBytes(ReadOnlySpan<ulong> signature)
    {
        var bytes = new byte[signature.Length * 8];
        for (var i = 0; i < signature.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), signature[i]);
        }

        return bytes;
    }

    /// <summary>A signature from <see cref="ToBytes"/>.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The signature.</returns>
    public static ulong[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        var signature = new ulong[bytes.Length / 8];
        for (var i = 0; i < signature.Length; i++)
        {
            signature[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(i * 8)..]);
        }

        return signature;
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static ulong Fnv(List<string> words, int start, int count)
    {
        var hash = 14695981039346656037UL;
        for (var i = start; i < start + count; i++)
        {
            foreach (var c in words[i])
            {
                hash = unchecked((hash ^ c) * 1099511628211UL);
            }

            hash = unchecked((hash ^ ' ') * 1099511628211UL);
        }

        return hash;
    }

    private static ulong Seed(int k) => SplitMix64.Mix(unchecked(SplitMix64.GoldenGamma * (ulong)(k + 1)));
}
