using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Dyad.Nlp.Text;

/// <summary>Text decoded from bytes, with what was repaired on the way.</summary>
/// <param name="Text">The decoded text, byte order mark removed; line breaks are kept as they were (\r\n stays).</param>
/// <param name="Encoding">The encoding used: <c>utf-8</c>, <c>utf-16le</c> or <c>utf-16be</c>.</param>
/// <param name="Diagnostics">At most one diagnostic per kind of repair: invalid byte sequences, control characters.</param>
public sealed record DecodedText(string Text, string Encoding, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>
/// Turns input bytes into text without ever failing: detects a UTF-8 or UTF-16 byte order mark (or UTF-16 without
/// one, from its zero bytes), decodes, replaces each invalid byte sequence with U+FFFD and reports them once
/// (<see cref="ErrorCodes.InvalidUtf8"/>), and replaces NUL and other C0 control characters except tab, line feed,
/// carriage return and form feed with spaces, reporting them once (<see cref="ErrorCodes.BinaryContent"/>). Offsets in
/// the result are UTF-16 code units of the returned text, which is what every later stage points into.
/// </summary>
/// <remarks>Stateless; safe to call from many threads. Time and memory are linear in the input's length.</remarks>
public static class TextDecoder
{
    /// <summary>Decodes <paramref name="bytes"/>.</summary>
    /// <param name="bytes">The raw input.</param>
    /// <param name="source">Names the input in diagnostics: a file name, a URL or <c>-</c>.</param>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        string text;
        string encoding;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            encoding = "utf-8";
            text = DecodeUtf8(bytes[3..], 3, source, diagnostics);
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            encoding = "utf-16le";
            text = DecodeUtf16(bytes[2..], 2, littleEndian: true, source, diagnostics);
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            encoding = "utf-16be";
            text = DecodeUtf16(bytes[2..], 2, littleEndian: false, source, diagnostics);
        }
        else if (LooksLikeUtf16(bytes, out var littleEndian))
        {
            encoding = littleEndian ? "utf-16le" : "utf-16be";
            text = DecodeUtf16(bytes, 0, littleEndian, source, diagnostics);
        }
        else
        {
            encoding = "utf-8";
            text = DecodeUtf8(bytes, 0, source, diagnostics);
        }

        text = ReplaceControls(text, source, diagnostics);
        return new DecodedText(text, encoding, diagnostics.ToImmutable());
    }

    /// <summary>Reads and decodes a whole file.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static DecodedText DecodeFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return Decode(bytes, Path.GetFileName(path));
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, int offset, string source, ImmutableArray<Diagnostic>.Builder diagnostics)
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
            if (status != System.Buffers.OperationStatus.InvalidData || position >= bytes.Length)
            {
                break;
            }

            // One maximal invalid subsequence becomes one U+FFFD, as the Unicode standard recommends.
            _ = Rune.DecodeFromUtf8(bytes[position..], out _, out var consumed);
            consumed = Math.Max(consumed, 1);
            firstBad = firstBad < 0 ? offset + position : firstBad;
            sequences++;
            badBytes += consumed;
            chars[written++] = '\uFFFD';
            position += consumed;
        }

        if (sequences > 0)
        {
            diagnostics.Add(new Diagnostic(
                ErrorCodes.InvalidUtf8,
                Severity.Warning,
                string.Create(CultureInfo.InvariantCulture, $"{sequences} invalid UTF-8 sequence(s), {badBytes} byte(s) in all, were replaced with U+FFFD; the first is at byte {firstBad}. Re-encode the input as UTF-8 to keep the original characters."),
                source,
                string.Create(CultureInfo.InvariantCulture, $"byte {firstBad}")));
        }

        return new string(chars, 0, written);
    }

    private static string DecodeUtf16(ReadOnlySpan<byte> bytes, int offset, bool littleEndian, string source, ImmutableArray<Diagnostic>.Builder diagnostics)
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

        if (bad > 0)
        {
            diagnostics.Add(new Diagnostic(
                ErrorCodes.InvalidUtf16,
                Severity.Warning,
                string.Create(CultureInfo.InvariantCulture, $"{bad} invalid UTF-16 unit(s) (unpaired surrogates or an odd final byte) were replaced with U+FFFD; the first is at byte {firstBad}."),
                source,
                string.Create(CultureInfo.InvariantCulture, $"byte {firstBad}")));
        }

        return text;
    }

    /// <summary>
    /// UTF-16 without a byte order mark: in the first 512 bytes, at least a third of the bytes at one parity are zero
    /// and almost none at the other, as when ASCII text is stored in two bytes a character.
    /// </summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out bool littleEndian)
    {
        littleEndian = true;
        var length = Math.Min(bytes.Length, 512) & ~1;
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
            littleEndian = true;
            return true;
        }

        if (evenZeros * 3 >= pairs && oddZeros * 20 <= pairs)
        {
            littleEndian = false;
            return true;
        }

        return false;
    }

    /// <summary>Replaces C0 control characters other than \t, \n, \r and \f, and DEL, with spaces; reports them once.</summary>
    private static string ReplaceControls(string text, string source, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var first = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsBinaryControl(text[i]))
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return text;
        }

        var count = 0;
        var result = string.Create(text.Length, text, (span, original) =>
        {
            for (var i = 0; i < original.Length; i++)
            {
                span[i] = IsBinaryControl(original[i]) ? ' ' : original[i];
            }
        });
        foreach (var c in text)
        {
            count += IsBinaryControl(c) ? 1 : 0;
        }

        diagnostics.Add(new Diagnostic(
            ErrorCodes.BinaryContent,
            Severity.Warning,
            string.Create(CultureInfo.InvariantCulture, $"{count} NUL or other control character(s) were read as spaces; the first is at character {first}. Check that the input is text."),
            source,
            string.Create(CultureInfo.InvariantCulture, $"character {first}")));
        return result;
    }

    private static bool IsBinaryControl(char c) => (c < ' ' && c is not ('\t' or '\n' or '\r' or '\f')) || c == '\u007F';
}
