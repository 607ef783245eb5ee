namespace Dyad.Text;

/// <summary>Text decoded from bytes by <see cref="ByteDecoder"/>, with what was invalid in them.</summary>
/// <param name="Text">The text, byte order mark removed, each invalid sequence replaced with U+FFFD; line breaks as they were.</param>
/// <param name="Encoding">The encoding read: <c>utf-8</c>, <c>utf-16le</c> or <c>utf-16be</c>.</param>
/// <param name="ByteOrderMarkLength">The length in bytes of the byte order mark that was removed; 0 when none.</param>
/// <param name="Invalid">How many invalid sequences (UTF-8) or units (UTF-16: unpaired surrogates, an odd final byte) were replaced.</param>
/// <param name="InvalidBytes">How many bytes the invalid UTF-8 sequences held; 0 for UTF-16.</param>
/// <param name="FirstInvalidByte">The offset of the first invalid byte in the input (byte order mark included), or -1.</param>
public sealed record DecodedBytes(string Text, string Encoding, int ByteOrderMarkLength, int Invalid, int InvalidBytes, int FirstInvalidByte);
