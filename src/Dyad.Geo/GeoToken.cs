using System.Text.RegularExpressions;

namespace Dyad.Geo;

/// <summary>One token of the text the geocoder reads: a half-open character range and, when a tagger ran, its UPOS.</summary>
/// <param name="Start">Offset of the first character (UTF-16 code units).</param>
/// <param name="End">Offset one past the last character.</param>
/// <param name="Upos">Universal part of speech ("PROPN", "ADJ"...), or <c>null</c> when untagged.</param>
public readonly record struct GeoToken(int Start, int End, string? Upos = null);

/// <summary>
/// A small rule tokenizer for callers without Dyad's language pipeline (tests, quick use): words with inner hyphens
/// and apostrophes, dotted abbreviations ("U.S.", "W.Va."), the possessive "'s" split off, every other non-space character a
/// token of its own. The pipeline's tokenizer is better; this one only has to be good enough for place names.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static partial class SimpleTokenizer
{
    /// <summary>Tokens of <paramref name="text"/> in order, untagged.</summary>
    public static IReadOnlyList<GeoToken> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<GeoToken>();
        foreach (Match match in TokenPattern().Matches(text))
        {
            var start = match.Index;
            var end = match.Index + match.Length;
            if (match.Length > 2 && text[end - 1] is 's' && NameFolding.IsApostrophe(text[end - 2]))
            {
                tokens.Add(new GeoToken(start, end - 2));
                tokens.Add(new GeoToken(end - 2, end));
            }
            else
            {
                tokens.Add(new GeoToken(start, end));
            }
        }

        return tokens;
    }

    [GeneratedRegex(@"(?:\p{Lu}\p{Ll}{0,2}\.){2,}|\p{Lu}(?:\.\p{Lu})+\.?|[\p{L}\p{M}\p{N}]+(?:[-'\u2019\u2018\u02BC][\p{L}\p{M}\p{N}]+)*|\S")]
    private static partial Regex TokenPattern();
}
