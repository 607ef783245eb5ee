using System.Collections.Immutable;
using System.Globalization;
using Dyad.Text;

namespace Dyad.Nlp.Text;

/// <summary>Text decoded from bytes, with what was repaired on the way.</summary>
/// <param name="Text">The decoded text, byte order mark removed; line breaks are kept as they were (\r\n stays).</param>
/// <param name="Encoding">The encoding used: <c>utf-8</c>, <c>utf-16le</c> or <c>utf-16be</c>.</param>
/// <param name="Diagnostics">At most one diagnostic per kind of repair: invalid byte sequences, control characters.</param>
public sealed record DecodedText(string Text, string Encoding, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>
/// Turns input bytes into text without ever failing: decodes with <see cref="ByteDecoder"/> (a UTF-8 or UTF-16 byte
/// order mark, or UTF-16 without one, from its zero bytes), which replaces each invalid byte sequence with U+FFFD;
/// reports them once (<see cref="ErrorCodes.InvalidUtf8"/>, <see cref="ErrorCodes.InvalidUtf16"/>), and replaces NUL and other C0 control characters except tab, line feed,
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
        var decoded = ByteDecoder.Decode(bytes);
        if (decoded.Invalid > 0 && decoded.Encoding == "utf-8")
        {
            diagnostics.Add(new Diagnostic(
                ErrorCodes.InvalidUtf8,
                Severity.Warning,
                string.Create(CultureInfo.InvariantCulture, $"{decoded.Invalid} invalid UTF-8 sequence(s), {decoded.InvalidBytes} byte(s) in all, were replaced with U+FFFD; the first is at byte {decoded.FirstInvalidByte}. Re-encode the input as UTF-8 to keep the original characters."),
                source,
                string.Create(CultureInfo.InvariantCulture, $"byte {decoded.FirstInvalidByte}")));
        }
        else if (decoded.Invalid > 0)
        {
            diagnostics.Add(new Diagnostic(
                ErrorCodes.InvalidUtf16,
                Severity.Warning,
                string.Create(CultureInfo.InvariantCulture, $"{decoded.Invalid} invalid UTF-16 unit(s) (unpaired surrogates or an odd final byte) were replaced with U+FFFD; the first is at byte {decoded.FirstInvalidByte}."),
                source,
                string.Create(CultureInfo.InvariantCulture, $"byte {decoded.FirstInvalidByte}")));
        }

        var text = ReplaceControls(decoded.Text, source, diagnostics);
        return new DecodedText(text, decoded.Encoding, diagnostics.ToImmutable());
    }

    /// <summary>Reads and decodes a whole file.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static DecodedText DecodeFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return Decode(bytes, Path.GetFileName(path));
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
