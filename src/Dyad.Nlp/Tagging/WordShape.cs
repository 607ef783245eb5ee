using System.Globalization;
using Dyad.Hashing;

namespace Dyad.Nlp.Tagging;

/// <summary>Cheap descriptions of a word's spelling that generalise to unseen words.</summary>
internal static class WordShape
{
    /// <summary>
    /// The word's shape with runs collapsed: "Iraq" → "Xx", "U.S." → "X.X.", "2015" → "d", "al-Zamli" → "x-Xx".
    /// Returns a hash of the shape, so no string is made.
    /// </summary>
    public static ulong Hash(ReadOnlySpan<char> word)
    {
        unchecked
        {
            var hash = 0xCBF29CE484222325UL;
            var previous = '\0';
            var length = 0;
            foreach (var c in word)
            {
                var kind = Kind(c);
                if (kind == previous)
                {
                    continue;
                }

                previous = kind;
                hash = (hash ^ kind) * 0x100000001B3UL;
                if (++length == 6)
                {
                    break;
                }
            }

            return hash;
        }
    }

    private static char Kind(char c)
    {
        if (char.IsUpper(c))
        {
            return 'X';
        }

        if (char.IsLower(c))
        {
            return 'x';
        }

        if (char.IsDigit(c))
        {
            return 'd';
        }

        if (char.IsLetter(c))
        {
            return 'l';
        }

        return char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.DashPunctuation => '-',
            UnicodeCategory.OtherPunctuation => c is '.' or ',' or ':' or ';' or '!' or '?' or '\'' or '"' ? c : 'p',
            UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation => '"',
            UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation => '(',
            UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol => '$',
            _ => 's',
        };
    }

    /// <summary>
    /// The word as the tagger's vocabulary sees it: lower case, with digits folded ("1,000" and "2,015" look alike)
    /// so numbers share statistics. Returns a hash.
    /// </summary>
    public static ulong NormalHash(ReadOnlySpan<char> word)
    {
        unchecked
        {
            var hash = 0xCBF29CE484222325UL;
            foreach (var raw in word)
            {
                var c = char.IsDigit(raw) ? '0' : char.ToLowerInvariant(raw);
                hash = (hash ^ c) * 0x100000001B3UL;
            }

            return FeatureHash.Mix(hash ^ (ulong)word.Length);
        }
    }
}
