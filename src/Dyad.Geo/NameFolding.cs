using System.Globalization;
using System.Runtime.CompilerServices;

namespace Dyad.Geo;

/// <summary>
/// Turns a name into the key that gazetteer look-ups compare: lower case, accents and apostrophes removed, dots
/// dropped, hyphens and runs of white space made one space, a leading "St"/"Mt"/"Ft" spelled out. "Deir ez-Zor",
/// "DEIR EZ ZOR" and "Deir Ez-Zor" all fold to "deir ez zor"; "Chișinău" to "chisinau"; "U.S." to "us".
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class NameFolding
{
    /// <summary>Folds <paramref name="text"/> into a look-up key; an empty string when nothing is left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Fold(ReadOnlySpan<char> text)
    {
        // string.Normalize does nothing under InvariantGlobalization, so accented Latin letters go through
        // LatinFolding's table (generated from Unicode's decompositions) and loose combining marks are dropped.
        // Each character becomes at most two ("ß" → "ss"), hence the buffer's size.
        var rented = text.Length > 128 ? new char[(text.Length * 2) + 8] : null;
        var buffer = rented ?? stackalloc char[(text.Length * 2) + 8];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                {
                    Append(buffer, ref length, ref pendingSpace, c);
                }
                else if (c is >= 'A' and <= 'Z')
                {
                    Append(buffer, ref length, ref pendingSpace, (char)(c + 32));
                }
                else if (c is '\'' or '.' or '`')
                {
                    continue;
                }
                else if (c is ' ' or '\t' or '\n' or '\r' or '-' or '_' or ',' or '(' or ')' or '/')
                {
                    pendingSpace = length > 0;
                }
                else
                {
                    Append(buffer, ref length, ref pendingSpace, c);
                }

                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                || IsApostrophe(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || c is '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014')
            {
                pendingSpace = length > 0;
                continue;
            }

            switch (c)
            {
                case 'ß': Append(buffer, ref length, ref pendingSpace, 's'); Append(buffer, ref length, ref pendingSpace, 's'); break;
                case 'ø' or 'Ø': Append(buffer, ref length, ref pendingSpace, 'o'); break;
                case 'ł' or 'Ł': Append(buffer, ref length, ref pendingSpace, 'l'); break;
                case 'đ' or 'Đ' or 'ð' or 'Ð': Append(buffer, ref length, ref pendingSpace, 'd'); break;
                case 'ı': Append(buffer, ref length, ref pendingSpace, 'i'); break;
                case 'ħ' or 'Ħ': Append(buffer, ref length, ref pendingSpace, 'h'); break;
                case 'æ' or 'Æ': Append(buffer, ref length, ref pendingSpace, 'a'); Append(buffer, ref length, ref pendingSpace, 'e'); break;
                case 'œ' or 'Œ': Append(buffer, ref length, ref pendingSpace, 'o'); Append(buffer, ref length, ref pendingSpace, 'e'); break;
                case 'þ' or 'Þ': Append(buffer, ref length, ref pendingSpace, 't'); Append(buffer, ref length, ref pendingSpace, 'h'); break;
                default: Append(buffer, ref length, ref pendingSpace, char.ToLowerInvariant(Base(c))); break;
            }
        }

        var folded = buffer[..length];

        // "St. Petersburg" and "Saint Petersburg" must meet; the dot is already gone.
        return folded switch
        {
            ['s', 't', ' ', ..] => string.Concat("saint ", folded[3..]),
            ['s', 't', 'e', ' ', ..] => string.Concat("sainte ", folded[4..]),
            ['m', 't', ' ', ..] => string.Concat("mount ", folded[3..]),
            ['f', 't', ' ', ..] => string.Concat("fort ", folded[3..]),
            _ => new string(folded),
        };
    }

    private static void Append(Span<char> buffer, ref int length, ref bool pendingSpace, char c)
    {
        if (pendingSpace)
        {
            buffer[length++] = ' ';
            pendingSpace = false;
        }

        buffer[length++] = c;
    }

    /// <summary>True for the apostrophes and ayn/hamza marks that transliterations put inside names.</summary>
    public static bool IsApostrophe(char c) =>
        c is '\'' or '\u2018' or '\u2019' or '\u02BC' or '\u02BB' or '\u02BF' or '\u02BE' or '`' or '\u00B4';

    private static char Base(char c)
    {
        if (c < LatinFolding.Start0)
        {
            return c;
        }

        var index = c - LatinFolding.Start0;
        if (index < LatinFolding.Bases0.Length && LatinFolding.Bases0[index] != '\0')
        {
            return LatinFolding.Bases0[index];
        }

        index = c - LatinFolding.Start1;
        return index >= 0 && index < LatinFolding.Bases1.Length && LatinFolding.Bases1[index] != '\0' ? LatinFolding.Bases1[index] : c;
    }

}
