using System.Buffers;
using System.Globalization;
using System.Text;

namespace Dyad.Nlp.Tokenization;

/// <summary>Character tests shared by the tokenizer and the sentence splitter. Pure functions; safe from any thread.</summary>
public static class CharClass
{
    /// <summary>Characters that end a sentence, as <see cref="IsSentenceFinal"/> tests them.</summary>
    internal static readonly SearchValues<char> SentenceFinal = SearchValues.Create(".!?\u2026\u203C\u2047\u2048\u2049\u3002\uFF01\uFF0E\uFF1F");

    /// <summary>ASCII digits and the separators that may stand inside a number.</summary>
    internal static readonly SearchValues<char> NumberChars = SearchValues.Create("0123456789.,:");

    /// <summary>ASCII digits, number separators and hyphens, as in numbers, dates and phone numbers.</summary>
    internal static readonly SearchValues<char> NumberOrPhoneChars = SearchValues.Create("0123456789.,:-");

    /// <summary>Lower-case ASCII letters.</summary>
    internal static readonly SearchValues<char> LowerAsciiLetters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    /// <summary>ASCII letters.</summary>
    internal static readonly SearchValues<char> AsciiLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>
    /// True for characters that separate tokens and never belong to one: Unicode white space (including U+00A0, U+2009,
    /// U+3000 and the line separators) and invisible characters that mark a word or direction boundary (zero width space
    /// U+200B, byte order mark U+FEFF, word joiner U+2060 to U+2064, left-to-right and right-to-left marks and embeddings,
    /// Mongolian vowel separator U+180E).
    /// </summary>
    public static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF' or '\u200E' or '\u200F' or '\u180E'
            or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u2064') or (>= '\u2066' and <= '\u2069');

    /// <summary>True for an apostrophe as written inside words: straight, right single quotation mark, grave accent or modifier letter apostrophe.</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '`' or '\u02BC';

    /// <summary>True for the hyphens that join compounds: hyphen-minus, U+2010 hyphen and U+2011 non-breaking hyphen.</summary>
    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    /// <summary>True for characters that end a sentence: period, question and exclamation marks, ellipsis and their full-width forms.</summary>
    public static bool IsSentenceFinal(char c) => SentenceFinal.Contains(c);

    /// <summary>
    /// Number of UTF-16 units (0, 1 or 2) of the word character at <paramref name="index"/>: a letter, digit, combining
    /// mark, connector such as '_' or a joining format character (ZWJ, ZWNJ, soft hyphen), in any script. 0 when the
    /// character there is punctuation, a symbol, an emoji or a lone surrogate.
    /// </summary>
    public static int WordCharLength(ReadOnlySpan<char> text, int index)
    {
        var c = text[index];
        if (char.IsSurrogate(c))
        {
            if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                var rune = new Rune(c, text[index + 1]);
                return IsWordCategory(Rune.GetUnicodeCategory(rune)) ? 2 : 0;
            }

            return 0;
        }

        if (c < 128)
        {
            return char.IsAsciiLetterOrDigit(c) || c == '_' ? 1 : 0;
        }

        if (c == '\u02BC' || IsSeparator(c))
        {
            return 0;
        }

        return IsWordCategory(char.GetUnicodeCategory(c)) ? 1 : 0;
    }

    /// <summary>True for combining marks, variation selectors, zero width joiners and emoji modifiers, which stay on the character before them.</summary>
    public static bool IsExtender(ReadOnlySpan<char> text, int index)
    {
        var c = text[index];
        if (c is '\u200D' or '\u200C' || (c >= '\uFE00' && c <= '\uFE0F'))
        {
            return true;
        }

        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            var value = char.ConvertToUtf32(c, text[index + 1]);
            return value is >= 0x1F3FB and <= 0x1F3FF or >= 0xE0020 and <= 0xE007F or >= 0xE0100 and <= 0xE01EF;
        }

        return char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    private static bool IsWordCategory(UnicodeCategory category) => category is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
        or UnicodeCategory.EnclosingMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
        or UnicodeCategory.OtherNumber or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.Format;
}
