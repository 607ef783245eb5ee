using System.Collections.Frozen;

namespace Dyad.Geo;

/// <summary>
/// One text as the geocoder reads it: its tokens with their lower-case forms, where its sentences start, and whether
/// it has lost its case (all lower or all capitals). Built once per text and shared by the recogniser and the resolver.
/// </summary>
internal sealed class TextReading
{
    /// <summary>Below this share of capitalised words, a text is read as having lost its case.</summary>
    private const double CasePoorCapitalShare = 0.03;

    /// <summary>Above this share of all-capital words, a text is read as having lost its case.</summary>
    private const double CasePoorAllCapsShare = 0.6;

    private readonly bool[] _sentenceStart;
    private readonly string[] _lower;
    private readonly int[] _sentenceIndex;
    private readonly FrozenSet<string> _innerWords;

    /// <summary>Reads <paramref name="text"/> through its tokens.</summary>
    /// <param name="text">The document's text.</param>
    /// <param name="tokens">Tokens in text order, as character ranges of <paramref name="text"/>.</param>
    /// <param name="sentenceStarts">Indexes of the tokens that start a sentence; when <c>null</c>, a sentence starts at
    /// the first token, after '.', '!' or '?' (not after a title: "Gen."), and after a line break.</param>
    /// <param name="lexicon">The word lists (titles, words inside names).</param>
    /// <exception cref="ArgumentOutOfRangeException">A token lies outside the text.</exception>
    public TextReading(string text, IReadOnlyList<GeoToken> tokens, IReadOnlyList<int>? sentenceStarts, GeoLexicon lexicon)
    {
        Text = text;
        Tokens = tokens;
        _innerWords = lexicon.InnerWords;
        _lower = new string[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Start < 0 || tokens[i].End > text.Length || tokens[i].End < tokens[i].Start)
            {
                throw new ArgumentOutOfRangeException(nameof(tokens), $"Token {i} [{tokens[i].Start},{tokens[i].End}) lies outside the text.");
            }

            _lower[i] = text[tokens[i].Start..tokens[i].End].ToLowerInvariant().TrimEnd('.');
        }

        _sentenceStart = new bool[tokens.Count];
        if (sentenceStarts is not null)
        {
            foreach (var start in sentenceStarts)
            {
                if (start >= 0 && start < tokens.Count)
                {
                    _sentenceStart[start] = true;
                }
            }
        }
        else
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                _sentenceStart[i] = i == 0 || Form(i - 1) is "." or "!" or "?" && !lexicon.Titles.Contains(_lower[Math.Max(0, i - 2)])
                    || text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End).Contains('\n');
            }
        }

        if (tokens.Count > 0)
        {
            _sentenceStart[0] = true;
        }

        IsCasePoor = ReadsCasePoor(text, tokens);
        _sentenceIndex = new int[tokens.Count];
        var sentence = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            sentence += _sentenceStart[i] ? 1 : 0;
            _sentenceIndex[i] = sentence;
        }
    }

    /// <summary>The text.</summary>
    public string Text { get; }

    /// <summary>Its tokens in text order.</summary>
    public IReadOnlyList<GeoToken> Tokens { get; }

    /// <summary>
    /// True when the text has lost its case: almost no word starts with a capital (lower-cased text) or most words
    /// are all capitals (a wire in capitals). Names are then looked up in every word, and only countries, divisions,
    /// regions, capitals and big cities are taken.
    /// </summary>
    public bool IsCasePoor { get; }

    /// <summary>The index of the sentence token <paramref name="token"/> is in.</summary>
    public int SentenceOf(int token) => _sentenceIndex[token];

    /// <summary>Whether token <paramref name="index"/> starts a sentence.</summary>
    public bool IsSentenceStart(int index) => _sentenceStart[index];

    /// <summary>Token <paramref name="index"/> in lower case, without trailing dots ("gen" for "Gen.").</summary>
    public string Lower(int index) => _lower[index];

    /// <summary>Token <paramref name="index"/> as the text writes it.</summary>
    public string Form(int index) => Text[Tokens[index].Start..Tokens[index].End];

    /// <summary>Whether token <paramref name="index"/> starts with a capital (any letter, in text without case); an
    /// Arabic article prefix keeps the name after it capitalised ("al-Qaim", "ez-Zor").</summary>
    public bool IsCapitalised(int index)
    {
        var token = Tokens[index];
        if (token.End <= token.Start)
        {
            return false;
        }

        if (IsCasePoor)
        {
            return char.IsLetter(Text[token.Start]);
        }

        var first = Text[token.Start];
        if (char.IsUpper(first))
        {
            return true;
        }

        // Arabic article prefixes keep the name capitalised after them: "al-Qaim", "ez-Zor".
        var dash = Text.IndexOf('-', token.Start, token.End - token.Start);
        return dash > token.Start && dash - token.Start <= 3 && dash + 1 < token.End && char.IsUpper(Text[dash + 1]);
    }

    /// <summary>Whether token <paramref name="index"/> is written in capitals, with two letters or more (never in text
    /// without case).</summary>
    public bool IsAllCaps(int index)
    {
        if (IsCasePoor)
        {
            return false;
        }

        var span = Text.AsSpan(Tokens[index].Start, Tokens[index].End - Tokens[index].Start);
        var letters = 0;
        foreach (var c in span)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return letters >= 2;
    }

    /// <summary>Whether token <paramref name="index"/> may stand inside a place name ("de", "ez", "upon", "-").</summary>
    public bool IsInner(int index) => _innerWords.Contains(_lower[index]);

    /// <summary>Whether only white space stands between the start of token <paramref name="index"/>'s line and it.</summary>
    public bool IsLineStart(int index)
    {
        for (var p = Tokens[index].Start - 1; p >= 0; p--)
        {
            if (Text[p] == '\n')
            {
                return true;
            }

            if (!char.IsWhiteSpace(Text[p]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ReadsCasePoor(string text, IReadOnlyList<GeoToken> tokens)
    {
        int words = 0, capitalised = 0, allCaps = 0;
        foreach (var token in tokens)
        {
            if (token.End - token.Start < 2 || !char.IsLetter(text[token.Start]))
            {
                continue;
            }

            words++;
            if (char.IsUpper(text[token.Start]))
            {
                capitalised++;
                if (!text.AsSpan(token.Start, token.End - token.Start).ContainsAnyInRange('a', 'z'))
                {
                    allCaps++;
                }
            }
        }

        return words >= 20 && ((double)capitalised / words < CasePoorCapitalShare || (double)allCaps / words > CasePoorAllCapsShare);
    }
}
