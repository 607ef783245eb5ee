using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace Dyad.Text;

/// <summary>
/// The one way Dyad turns input bytes into text: a UTF-8 or UTF-16 byte order mark, else (when asked) UTF-16 told by
/// its zero bytes, else UTF-8; each invalid sequence becomes one U+FFFD (the maximal invalid subsequence, as the
/// Unicode standard recommends, which is also what .NET's encodings do) and is counted. It never fails and reports
/// nothing itself: callers turn the counts into their own diagnostics.
/// </summary>
/// <remarks>Stateless; safe to call from many threads. Time and memory are linear in the input's length.</remarks>
public static class ByteDecoder
{
    /// <summary>How many leading bytes <see cref="LooksLikeUtf16"/> looks at.</summary>
    private const int Utf16SniffBytes = 512;

    /// <summary>Decodes <paramref name="bytes"/>.</summary>
    /// <param name="bytes">The raw input.</param>
    /// <param name="detectUtf16">Whether a UTF-16 byte order mark or UTF-16's zero bytes choose UTF-16; when false the
    /// input is always UTF-8 (its byte order mark removed), as dictionary files are.</param>
    public static DecodedBytes Decode(ReadOnlySpan<byte> bytes, bool detectUtf16 = true)
    {
        var (encoding, mark) = ByteOrderMark(bytes);
        if (encoding is not null && encoding != "utf-8" && !detectUtf16)
        {
            (encoding, mark) = (null, 0);
        }

        if (encoding is null && detectUtf16 && LooksLikeUtf16(bytes, out var littleEndian))
        {
            encoding = littleEndian ? "utf-16le" : "utf-16be";
        }

        encoding ??= "utf-8";
        return encoding == "utf-8"
            ? DecodeUtf8(bytes[mark..], mark)
            : DecodeUtf16(bytes[mark..], mark, encoding == "utf-16le");
    }

    /// <summary>The encoding a byte order mark at the start of <paramref name="bytes"/> names (<c>utf-8</c>,
    /// <c>utf-16le</c>, <c>utf-16be</c>) and its length, or (null, 0).</summary>
    public static (string? Encoding, int Length) ByteOrderMark(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return ("utf-8", 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return ("utf-16le", 2);
        }

        return bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? ("utf-16be", 2) : (null, 0);
    }

    /// <summary>
    /// UTF-16 without a byte order mark: in the first 512 bytes, at least a third of the bytes at one parity are zero
    /// and almost none at the other, as when ASCII text is stored in two bytes a character.
    /// </summary>
    /// <param name="bytes">The input's first bytes.</param>
    /// <param name="littleEndian">Whether the zero bytes say little-endian; meaningful only when true is returned.</param>
    public static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out bool littleEndian)
    {
        littleEndian = true;
        var length = Math.Min(bytes.Length, Utf16SniffBytes) & ~1;
        if (length < 4)
        {
            return false;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < length; i += 2)
        {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }

        var pairs = length / 2;
        if (oddZeros * 3 >= pairs && evenZeros * 20 <= pairs)
        {
            return true;
        }

        littleEndian = false;
        return evenZeros * 3 >= pairs && oddZeros * 20 <= pairs;
    }

    private static DecodedBytes DecodeUtf8(ReadOnlySpan<byte> bytes, int offset)
    {
        // A UTF-8 sequence never yields more UTF-16 units than it has bytes, and a replaced sequence yields one.
        var chars = new char[bytes.Length];
        var written = 0;
        var position = 0;
        var firstBad = -1;
        var sequences = 0;
        var badBytes = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(bytes[position..], chars.AsSpan(written), out var read, out var produced, replaceInvalidSequences: false, isFinalBlock: true);
            position += read;
            written += produced;
            if (status != OperationStatus.InvalidData || position >= bytes.Length)
            {
                break;
            }

            // One maximal invalid subsequence becomes one U+FFFD.
            _ = Rune.DecodeFromUtf8(bytes[position..], out _, out var consumed);
            consumed = Math.Max(consumed, 1);
            firstBad = firstBad < 0 ? offset + position : firstBad;
            sequences++;
            badBytes += consumed;
            chars[written++] = '\uFFFD';
            position += consumed;
        }

        return new DecodedBytes(new string(chars, 0, written), "utf-8", offset, sequences, badBytes, firstBad);
    }

    private static DecodedBytes DecodeUtf16(ReadOnlySpan<byte> bytes, int offset, bool littleEndian)
    {
        var units = bytes.Length / 2;
        var chars = new char[units];
        for (var i = 0; i < units; i++)
        {
            var pair = bytes.Slice(i * 2, 2);
            chars[i] = (char)(littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(pair) : BinaryPrimitives.ReadUInt16BigEndian(pair));
        }

        // Unpaired surrogates and a dangling odd byte are invalid.
        var firstBad = -1;
        var bad = 0;
        for (var i = 0; i < units; i++)
        {
            var c = chars[i];
            if (char.IsHighSurrogate(c) && i + 1 < units && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                chars[i] = '\uFFFD';
                firstBad = firstBad < 0 ? offset + (i * 2) : firstBad;
                bad++;
            }
        }

        var text = new string(chars);
        if (bytes.Length % 2 == 1)
        {
            firstBad = firstBad < 0 ? offset + bytes.Length - 1 : firstBad;
            bad++;
            text += "\uFFFD";
        }

        return new DecodedBytes(text, littleEndian ? "utf-16le" : "utf-16be", offset, bad, 0, firstBad);
    }
}
