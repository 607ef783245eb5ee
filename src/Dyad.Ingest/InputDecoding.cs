using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dyad.Text;

namespace Dyad.Ingest;

/// <summary>
/// Chooses an input's encoding from its first bytes and opens a reader that replaces invalid bytes with U+FFFD and
/// counts them. It streams (inputs may be large and are cut at a length), so it shares <see cref="ByteDecoder"/>'s
/// byte order mark and UTF-16 tests rather than its whole-buffer decoding, and adds named and declared legacy charsets. Order: a byte order mark; the encoding the caller names; UTF-8 when the first bytes hold valid
/// non-ASCII UTF-8; a charset the document declares (<c>&lt;meta charset&gt;</c>, <c>&lt;?xml encoding?&gt;</c>);
/// UTF-16 without a mark, told by its zero bytes; else UTF-8.
/// </summary>
internal sealed partial class DecodedInput : IDisposable
{
    /// <summary>How many bytes are looked at to choose the encoding and the format.</summary>
    public const int SniffBytes = 8192;

    /// <summary>
    /// At least this many control bytes in the sniffed head, making up at least <see cref="BinaryPercent"/> percent of
    /// it, mark the input as binary. Text with a few stray NULs stays text (read with a DY1004 warning); random bytes
    /// hold about 11% control bytes and database files far more.
    /// </summary>
    public const int BinaryMinControls = 32;

    /// <summary>The share of control bytes in the head, in percent, from which an input is binary (with <see cref="BinaryMinControls"/>).</summary>
    public const int BinaryPercent = 3;

    private readonly CountingFallback _fallback;

    private DecodedInput(TextReader reader, string encodingName, string prefix, CountingFallback fallback, Diagnostic? encodingProblem)
    {
        Reader = reader;
        EncodingName = encodingName;
        Prefix = prefix;
        _fallback = fallback;
        EncodingProblem = encodingProblem;
    }

    /// <summary>The decoded text, from its start (byte order mark removed).</summary>
    public TextReader Reader { get; }

    /// <summary>The encoding's web name, such as <c>utf-8</c> or <c>windows-1254</c>.</summary>
    public string EncodingName { get; }

    /// <summary>The first decoded characters, for format detection.</summary>
    public string Prefix { get; }

    /// <summary>A DY4009 warning when the named or declared encoding was unknown; else null.</summary>
    public Diagnostic? EncodingProblem { get; }

    /// <summary>
    /// A description of why the input looks binary (such as "412 control bytes in its first 8192"), or null for text.
    /// Only inputs without a byte order mark, a named encoding or the zero bytes of UTF-16 are looked at.
    /// </summary>
    public string? Binary { get; private init; }

    /// <summary>Invalid byte sequences replaced so far.</summary>
    public int Replaced => _fallback.Count;

    /// <summary>Opens <paramref name="stream"/>; reads its first bytes now, the rest as the reader is read.</summary>
    public static DecodedInput Open(Stream stream, string name, string? encodingName)
    {
        var head = new byte[SniffBytes];
        var length = 0;
        int read;
        while (length < head.Length && (read = stream.Read(head, length, head.Length - length)) > 0)
        {
            length += read;
        }

        var bytes = head.AsSpan(0, length);
        var fallback = new CountingFallback();
        Diagnostic? problem = null;
        Encoding? encoding = null;
        var skip = 0;
        switch (ByteDecoder.ByteOrderMark(bytes))
        {
            case ("utf-8", var mark):
                (encoding, skip) = (new UTF8Encoding(false, false), mark);
                break;
            case ("utf-16le", var mark):
                (encoding, skip) = (new UnicodeEncoding(false, false), mark);
                break;
            case ("utf-16be", var mark):
                (encoding, skip) = (new UnicodeEncoding(true, false), mark);
                break;
        }

        if (encoding is null && !string.IsNullOrWhiteSpace(encodingName))
        {
            encoding = Find(encodingName);
            if (encoding is null)
            {
                problem = Unknown(encodingName, "was named by the caller", name);
            }
        }

        if (encoding is null && ByteDecoder.LooksLikeUtf16(bytes, out var littleEndian))
        {
            encoding = new UnicodeEncoding(!littleEndian, false);
        }

        var binary = encoding is null ? LooksBinary(bytes) : null;

        if (encoding is null && !HasValidNonAsciiUtf8(bytes))
        {
            var ascii = Encoding.Latin1.GetString(bytes);
            var declared = DeclaredCharset().Match(ascii);
            if (declared.Success)
            {
                var label = declared.Groups["name"].Value;
                encoding = Find(label);
                if (encoding is null)
                {
                    problem = Unknown(label, "is declared in the document", name);
                }
            }
        }

        encoding ??= new UTF8Encoding(false, false);
        var decoding = (Encoding)encoding.Clone();
        decoding.DecoderFallback = fallback;
        var whole = new PrefixedStream(head, skip, length, stream);
        var reader = new StreamReader(whole, decoding, detectEncodingFromByteOrderMarks: false, bufferSize: 65536, leaveOpen: false);
        var prefix = decoding.GetString(head, skip, length - skip);
        fallback.Count = 0;
        return new DecodedInput(reader, encoding.WebName, prefix, fallback, problem) { Binary = binary };
    }

    /// <summary>Reads the rest of the input as one string, or null when it is longer than <paramref name="maxChars"/>.</summary>
    public string? ReadToEnd(int maxChars)
    {
        var builder = new StringBuilder();
        var buffer = new char[65536];
        int read;
        while ((read = Reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (builder.Length + read > maxChars)
            {
                return null;
            }

            builder.Append(buffer, 0, read);
        }

        return builder.ToString();
    }

    /// <inheritdoc/>
    public void Dispose() => Reader.Dispose();

    private static Encoding? Find(string label)
    {
        var name = label.Trim();
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            // Not built in; the legacy code pages (windows-1254, iso-8859-9, koi8-r, ...) come from their provider.
        }

        return CodePagesEncodingProvider.Instance.GetEncoding(name);
    }

    private static Diagnostic Unknown(string label, string how, string source) => new(
        ErrorCodes.EncodingUnknown,
        Severity.Warning,
        string.Create(CultureInfo.InvariantCulture, $"The encoding '{label}' {how} but is not known; the input was read as UTF-8 and bad bytes were replaced. Give a known name such as windows-1254 or iso-8859-9."),
        source,
        string.Empty);

    /// <summary>True when the bytes hold at least one non-ASCII UTF-8 sequence and no invalid one (a cut sequence at the end is allowed).</summary>
    private static bool HasValidNonAsciiUtf8(ReadOnlySpan<byte> bytes)
    {
        var nonAscii = false;
        var i = 0;
        while (i < bytes.Length)
        {
            if (bytes[i] < 0x80)
            {
                i++;
                continue;
            }

            var status = System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed);
            if (status == System.Buffers.OperationStatus.NeedMoreData)
            {
                break;
            }

            if (status != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            nonAscii = true;
            i += consumed;
        }

        return nonAscii;
    }

    /// <summary>Why <paramref name="bytes"/> look binary (control bytes other than whitespace and escape), or null.</summary>
    private static string? LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var controls = 0;
        foreach (var b in bytes)
        {
            if (b is < 0x09 or (> 0x0D and < 0x20 and not 0x1B) or 0x7F)
            {
                controls++;
            }
        }

        return controls >= BinaryMinControls && controls * 100L >= bytes.Length * (long)BinaryPercent
            ? string.Create(CultureInfo.InvariantCulture, $"{controls} of its first {bytes.Length} bytes are NUL or other control bytes")
            : null;
    }

    [GeneratedRegex("""(?:<meta[^>]{0,200}?charset\s*=\s*["']?|<\?xml[^>]{0,100}?encoding\s*=\s*["'])(?<name>[A-Za-z0-9_.:\-]{2,40})""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DeclaredCharset();

    /// <summary>Replaces each invalid sequence with U+FFFD and counts them.</summary>
    private sealed class CountingFallback : DecoderFallback
    {
        public int Count { get; set; }

        public override int MaxCharCount => 1;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

        private sealed class Buffer(CountingFallback owner) : DecoderFallbackBuffer
        {
            private bool _pending;

            public override int Remaining => _pending ? 1 : 0;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                owner.Count++;
                _pending = true;
                return true;
            }

            public override char GetNextChar()
            {
                if (!_pending)
                {
                    return '\0';
                }

                _pending = false;
                return '\uFFFD';
            }

            public override bool MovePrevious() => false;

            public override void Reset() => _pending = false;
        }
    }

    /// <summary>The sniffed head bytes followed by the rest of the stream, read once and forward only.</summary>
    private sealed class PrefixedStream(byte[] head, int start, int end, Stream rest) : Stream
    {
        private int _position = start;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position < end)
            {
                var n = Math.Min(count, end - _position);
                Array.Copy(head, _position, buffer, offset, n);
                _position += n;
                return n;
            }

            return rest.Read(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                rest.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
