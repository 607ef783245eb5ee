using System.Text;
using Dyad.Nlp.Text;

namespace Dyad.Nlp.Tests.Text;

public sealed class TextDecoderTests
{
    [Theory]
    [InlineData(new byte[] { 0x41, 0xC3, 0xA9 }, "Aé", "utf-8")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x41, 0x42 }, "AB", "utf-8")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41, 0x00, 0xE9, 0x00 }, "Aé", "utf-16le")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x41, 0x00, 0xE9 }, "Aé", "utf-16be")]
    [InlineData(new byte[] { 0x48, 0x00, 0x69, 0x00, 0x21, 0x00, 0x20, 0x00 }, "Hi! ", "utf-16le")]
    [InlineData(new byte[] { }, "", "utf-8")]
    public void TextDecoder_DetectsTheEncoding(byte[] bytes, string expected, string encoding)
    {
        // Given bytes with or without a byte order mark
        // When
        var decoded = TextDecoder.Decode(bytes, "in");

        // Then the text is decoded without diagnostics and the mark is dropped
        Assert.Equal(expected, decoded.Text);
        Assert.Equal(encoding, decoded.Encoding);
        Assert.Empty(decoded.Diagnostics);
    }

    [Fact]
    public void TextDecoder_ReplacesInvalidUtf8AndReportsItOnce()
    {
        // Given valid text with a stray continuation byte at byte 2 and a truncated sequence at the end
        byte[] bytes = [0x61, 0x62, 0x80, 0x63, 0xE2, 0x82];

        // When
        var decoded = TextDecoder.Decode(bytes, "bad.txt");

        // Then each bad sequence is one U+FFFD and one diagnostic names the first offset and the count
        Assert.Equal("ab\uFFFDc\uFFFD", decoded.Text);
        var diagnostic = Assert.Single(decoded.Diagnostics);
        Assert.Equal(ErrorCodes.InvalidUtf8, diagnostic.Code);
        Assert.Equal("byte 2", diagnostic.Location);
        Assert.Contains("2 invalid UTF-8 sequence(s), 3 byte(s)", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("bad.txt", diagnostic.Source);
    }

    [Fact]
    public void TextDecoder_ReplacesControlCharactersWithSpaces()
    {
        // Given text with NUL, BEL and DEL but also tab, line breaks and form feed
        var bytes = Encoding.UTF8.GetBytes("a\0b\u0007c\td\r\ne\ff\u007Fg");

        // When
        var decoded = TextDecoder.Decode(bytes, "in");

        // Then the binary controls become spaces (offsets keep their meaning) and one warning says so
        Assert.Equal("a b c\td\r\ne\ff g", decoded.Text);
        var diagnostic = Assert.Single(decoded.Diagnostics);
        Assert.Equal(ErrorCodes.BinaryContent, diagnostic.Code);
        Assert.Equal("character 1", diagnostic.Location);
        Assert.Equal(Severity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void TextDecoder_ReportsBrokenUtf16()
    {
        // Given UTF-16LE with an unpaired high surrogate and an odd final byte
        byte[] bytes = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00, 0x43];

        // When
        var decoded = TextDecoder.Decode(bytes, "in");

        // Then both become U+FFFD, reported once
        Assert.Equal("A\uFFFDB\uFFFD", decoded.Text);
        Assert.Equal(ErrorCodes.InvalidUtf16, Assert.Single(decoded.Diagnostics).Code);
    }

    [Fact]
    public void TextDecoder_DecodesLargeInvalidInputInLinearTime()
    {
        // Given 4 MB alternating valid and invalid bytes (2 million bad sequences)
        var bytes = new byte[4 << 20];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i % 2 == 0 ? 0x61 : 0xFF);
        }

        // When
        var decoded = TextDecoder.Decode(bytes, "in");

        // Then every bad byte is replaced and reported once
        Assert.Equal(bytes.Length, decoded.Text.Length);
        Assert.Contains("2097152 invalid", Assert.Single(decoded.Diagnostics).Message, StringComparison.Ordinal);
    }
}
