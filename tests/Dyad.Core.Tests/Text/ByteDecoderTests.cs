using System.Text;
using Dyad.Text;

namespace Dyad.Core.Tests.Text;

public sealed class ByteDecoderTests
{
    [Fact]
    public void Decode_ReplacesEachMaximalInvalidSequenceAsDotNetDoes()
    {
        // Given UTF-8 with a byte order mark, a stray continuation byte, a cut sequence and a lone lead byte at the end
        byte[] bytes = [0xEF, 0xBB, 0xBF, (byte)'a', 0x80, (byte)'b', 0xE2, 0x82, (byte)'c', 0xC3];

        // When
        var decoded = ByteDecoder.Decode(bytes);

        // Then the text is what .NET's lenient UTF-8 decoder gives, and the counts point at the first bad byte
        Assert.Equal(new UTF8Encoding(false, false).GetString(bytes.AsSpan(3)), decoded.Text);
        Assert.Equal("utf-8", decoded.Encoding);
        Assert.Equal(3, decoded.ByteOrderMarkLength);
        Assert.Equal(3, decoded.Invalid);
        Assert.Equal(4, decoded.InvalidBytes);
        Assert.Equal(4, decoded.FirstInvalidByte);
    }

    [Fact]
    public void Decode_TellsUtf16ByItsZeroBytesUnlessAskedForUtf8Only()
    {
        // Given ASCII text stored as UTF-16LE without a byte order mark
        var bytes = Encoding.Unicode.GetBytes("Russia arms Iraq.");

        // When / Then
        Assert.Equal(("Russia arms Iraq.", "utf-16le"), (ByteDecoder.Decode(bytes).Text, ByteDecoder.Decode(bytes).Encoding));
        Assert.Equal("utf-8", ByteDecoder.Decode(bytes, detectUtf16: false).Encoding);
    }
}
