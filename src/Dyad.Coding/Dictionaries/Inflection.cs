namespace Dyad.Coding.Dictionaries;

/// <summary>Which rules make the regular forms the dictionaries leave out (verb endings, noun plurals).</summary>
public enum InflectionStyle
{
    /// <summary>
    /// English spelling rules (the default). Verbs: <c>-ES</c> after S, X, Z, CH, SH and consonant+O; consonant+Y becomes
    /// <c>-IES</c>/<c>-IED</c>; a final E is dropped before <c>-ING</c> except after E, O or Y, and IE becomes <c>-YING</c>;
    /// a one-syllable word ending consonant-vowel-consonant (not W, X, Y) doubles its last letter before <c>-ED</c> and
    /// <c>-ING</c> (STOP, STOPPED, STOPPING). Nouns: <c>-ES</c> after S, X, Z, CH, SH; consonant+Y becomes <c>-IES</c>;
    /// otherwise <c>-S</c>. Where the rules cannot know the stress (REFER, SIGNAL), the dictionaries list the forms in braces.
    /// </summary>
    English,

    /// <summary>
    /// PETRARCH2's own rules, for reproducing its behaviour exactly: verbs get <c>-ES</c> after S, X, Z, Y becomes
    /// <c>-IES</c> (even after a vowel), else <c>-S</c>; <c>-D</c> after E, else <c>-ED</c>; a final E is dropped before
    /// <c>-ING</c> unless a vowel precedes it; no doubling. Nouns get <c>-IES</c> for Y, <c>-ES</c> after S, else <c>-S</c>
    /// (the rule of PETRARCH's agent reader).
    /// </summary>
    Petrarch,
}

/// <summary>The three generated forms of a regular verb.</summary>
/// <param name="ThirdPerson">Present third person singular, such as <c>HURRIES</c>.</param>
/// <param name="Past">Past tense and participle, such as <c>HURRIED</c>.</param>
/// <param name="Gerund">Present participle, such as <c>HURRYING</c>.</param>
public readonly record struct VerbInflections(string ThirdPerson, string Past, string Gerund);

/// <summary>Makes regular English forms of upper-case dictionary words.</summary>
/// <remarks>Input is expected upper case (dictionary words are); lower-case input gets upper-case endings. Empty input gives the bare endings.</remarks>
public static class Inflection
{
    /// <summary>The regular third-person, past and gerund forms of <paramref name="stem"/>.</summary>
    /// <param name="stem">Base form of the verb, such as <c>STOP</c>.</param>
    /// <param name="style">Which rules to use.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stem"/> is null.</exception>
    public static VerbInflections RegularVerbForms(string stem, InflectionStyle style = InflectionStyle.English)
    {
        ArgumentNullException.ThrowIfNull(stem);
        return style == InflectionStyle.Petrarch ? PetrarchVerb(stem) : EnglishVerb(stem);
    }

    /// <summary>The regular plural of <paramref name="noun"/> (a single word; for a phrase, pass its last word).</summary>
    /// <param name="noun">Singular noun, such as <c>MILITIA</c>.</param>
    /// <param name="style">Which rules to use.</param>
    /// <exception cref="ArgumentNullException"><paramref name="noun"/> is null.</exception>
    public static string Plural(string noun, InflectionStyle style = InflectionStyle.English)
    {
        ArgumentNullException.ThrowIfNull(noun);
        if (noun.Length == 0)
        {
            return "S";
        }

        var last = noun[^1];
        if (style == InflectionStyle.Petrarch)
        {
            return last switch
            {
                'Y' => noun[..^1] + "IES",
                'S' => noun + "ES",
                _ => noun + "S",
            };
        }

        if (last == 'Y' && noun.Length > 1 && !IsVowel(noun[^2]))
        {
            return noun[..^1] + "IES";
        }

        return NeedsEs(noun) ? noun + "ES" : noun + "S";
    }

    private static VerbInflections PetrarchVerb(string stem)
    {
        if (stem.Length == 0)
        {
            return new VerbInflections("S", "ED", "ING");
        }

        var last = stem[^1];
        var third = last is 'S' or 'X' or 'Z' ? stem + "ES" : last == 'Y' ? stem[..^1] + "IES" : stem + "S";
        var past = last == 'E' ? stem + "D" : stem + "ED";
        var gerund = last == 'E' && stem.Length > 1 && !IsVowel(stem[^2]) ? stem[..^1] + "ING" : stem + "ING";
        return new VerbInflections(third, past, gerund);
    }

    private static VerbInflections EnglishVerb(string stem)
    {
        if (stem.Length == 0)
        {
            return new VerbInflections("S", "ED", "ING");
        }

        var last = stem[^1];
        var before = stem.Length > 1 ? stem[^2] : '\0';
        string third;
        if (last == 'Y' && before != '\0' && !IsVowel(before))
        {
            third = stem[..^1] + "IES";
        }
        else if (NeedsEs(stem) || (last == 'O' && before != '\0' && !IsVowel(before)))
        {
            third = stem + "ES";
        }
        else
        {
            third = stem + "S";
        }

        var doubled = DoublesFinalConsonant(stem) ? stem + last : stem;
        string past;
        if (last == 'E')
        {
            past = stem + "D";
        }
        else if (last == 'Y' && before != '\0' && !IsVowel(before))
        {
            past = stem[..^1] + "IED";
        }
        else
        {
            past = doubled + "ED";
        }

        string gerund;
        if (stem.EndsWith("IE", StringComparison.Ordinal) && stem.Length > 2)
        {
            gerund = stem[..^2] + "YING";
        }
        else if (last == 'E' && stem.Length > 1 && before is not ('E' or 'O' or 'Y'))
        {
            gerund = stem[..^1] + "ING";
        }
        else
        {
            gerund = doubled + "ING";
        }

        return new VerbInflections(third, past, gerund);
    }

    /// <summary>One vowel group, ending consonant-vowel-consonant, last letter not W, X or Y: STOP, PLAN, SCRAP, but not OPEN or FIX.</summary>
    private static bool DoublesFinalConsonant(string stem)
    {
        if (stem.Length < 3 || !stem.All(char.IsAsciiLetterUpper))
        {
            return false;
        }

        var last = stem[^1];
        var thirdIsVowel = IsVowel(stem[^3]) && !(stem[^3] == 'U' && stem.Length > 3 && stem[^4] == 'Q');
        if (IsVowel(last) || last is 'W' or 'X' or 'Y' || !IsVowel(stem[^2]) || thirdIsVowel)
        {
            return false;
        }

        var groups = 0;
        var inVowel = false;
        for (var i = 0; i < stem.Length; i++)
        {
            var vowel = IsVowel(stem[i]) && !(stem[i] == 'U' && i > 0 && stem[i - 1] == 'Q');
            if (vowel && !inVowel)
            {
                groups++;
            }

            inVowel = vowel;
        }

        return groups == 1;
    }

    private static bool NeedsEs(string word) =>
        word.EndsWith('S') || word.EndsWith('X') || word.EndsWith('Z')
        || word.EndsWith("CH", StringComparison.Ordinal) || word.EndsWith("SH", StringComparison.Ordinal);

    private static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U';
}
