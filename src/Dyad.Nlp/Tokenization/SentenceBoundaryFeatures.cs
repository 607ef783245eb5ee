using System.Collections.Frozen;
using System.Collections.Immutable;
using Dyad.Hashing;
using Dyad.Nlp.Tagging;

namespace Dyad.Nlp.Tokenization;

/// <summary>
/// Features of the gap after one token, for the learned sentence-boundary classifier: the tokens around it (forms,
/// lower-cased forms, shapes, a suffix), the abbreviation kind of a dotted word, whether the next word is a typical
/// sentence opener, the white space in the gap, the rule splitter's decisions here and at the next gap, how the current
/// sentence began and how long it has run, how far the paragraph's end and the next sentence-final punctuation are,
/// whether a double quote is open, and the usual casing, part of speech and sentence start and end rates of the words
/// around (<see cref="WordClasses"/>).
/// </summary>
/// <remarks>
/// One instance per text: per-token values are computed once, in time linear in the number of tokens, and each gap
/// then costs a constant number of hashes. Not thread-safe; cheap to make.
/// </remarks>
internal sealed class SentenceBoundaryFeatures
{
    /// <summary>Most features one gap yields.</summary>
    public const int MaxFeatures = 52;

    /// <summary>Stands for a token outside the paragraph (before its start or after its end).</summary>
    private const ulong Outside = 0x5E17_0000_0000_0001UL;

    /// <summary>Casing value of a token that does not start with a capital letter.</summary>
    private const ulong NotCapitalised = 9;

    /// <summary>Longest dateline, in tokens before its dash ("SAN JOSE , Calif. , Oct. 4 ( AP )" is 11).</summary>
    private const int MaxDatelineTokens = 14;

    /// <summary>Fewest words a title line has.</summary>
    private const int MinimumTitleWords = 2;

    /// <summary>Sentences up to this many tokens long contribute their whole shape sequence as a feature.</summary>
    private const int ShortSentence = 4;

    private static readonly FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        Lexicon.Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OpenerLookup = Lexicon.SentenceOpeners.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly string _text;
    private readonly ImmutableArray<Token> _tokens;
    private readonly bool[] _ruleEnds;
    private readonly ulong[] _exact;
    private readonly ulong[] _lower;
    private readonly ulong[] _shape;
    private readonly ulong[] _casing;
    private readonly ulong[] _tag;
    private readonly ulong[] _startRate;
    private readonly ulong[] _endRate;
    private readonly int[] _verbsBefore;
    private readonly int[] _paragraphStart;
    private readonly int[] _paragraphEnd;
    private readonly int[] _nextFinal;
    private readonly bool[] _quoteOpen;
    private readonly bool[] _dateline;
    private readonly bool[] _titleLine;

    /// <summary>Prepares the features of <paramref name="text"/>'s <paramref name="tokens"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tokens">Its tokens in order (abbreviations keep their period).</param>
    /// <param name="ruleEnds">Whether the rule splitter ends a sentence after each token.</param>
    /// <param name="words">The usual casing and part of speech of words.</param>
    public SentenceBoundaryFeatures(string text, ImmutableArray<Token> tokens, bool[] ruleEnds, WordClasses words)
    {
        _text = text;
        _tokens = tokens;
        _ruleEnds = ruleEnds;
        var n = tokens.Length;
        _exact = new ulong[n];
        _lower = new ulong[n];
        _shape = new ulong[n];
        _casing = new ulong[n];
        _tag = new ulong[n];
        _startRate = new ulong[n];
        _endRate = new ulong[n];
        _verbsBefore = new int[n + 1];
        _paragraphStart = new int[n];
        _paragraphEnd = new int[n];
        _nextFinal = new int[n];
        _quoteOpen = new bool[n];
        _dateline = new bool[n];
        _titleLine = new bool[n];
        var start = 0;
        var open = false;
        for (var i = 0; i < n; i++)
        {
            var form = Form(i);
            _exact[i] = FeatureHash.OfText(form);
            _lower[i] = FeatureHash.OfText(form, lowercase: true);
            _shape[i] = Shape(form);
            _casing[i] = char.IsUpper(form[0]) ? (ulong)words.CasingOf(_lower[i]) : NotCapitalised;
            var tag = words.TagOf(_lower[i]);
            _startRate[i] = (ulong)words.StartRateOf(_lower[i]);
            _endRate[i] = (ulong)words.EndRateOf(_lower[i]);
            _tag[i] = tag > 0 ? (ulong)tag : _shape[i];
            _verbsBefore[i + 1] = _verbsBefore[i] + (WordClasses.IsVerb(tag) ? 1 : 0);
            if (i > 0 && ParagraphBreakAfter(i - 1))
            {
                start = i;
                open = false;
            }

            _paragraphStart[i] = start;
            if (form is "\"" or "\u201C" or "\u201D")
            {
                // A straight quote opens when none is open and closes otherwise; curly quotes say which they are.
                open = form is "\u201C" || (form is "\"" && !open);
            }

            _quoteOpen[i] = open;
        }

        var end = n - 1;
        var final = n - 1;
        for (var i = n - 1; i >= 0; i--)
        {
            if (i < n - 1 && ParagraphBreakAfter(i))
            {
                end = i;
                final = i;
            }

            if (!Form(i).ContainsAnyExcept(CharClass.SentenceFinal))
            {
                final = i;
            }

            _paragraphEnd[i] = end;
            _nextFinal[i] = final;
        }

        for (var i = 0; i < n; i++)
        {
            if (i == 0 || LineBreakAfter(i - 1))
            {
                MarkDateline(i);
                MarkTitleLine(i);
            }
        }
    }

    /// <summary>
    /// Whether token <paramref name="i"/> and the next lie on one line whose every word is capitalised and that has no
    /// sentence-final punctuation before its end: a headline or title ("Ceasefire Holds In Northern Province").
    /// </summary>
    public bool InTitleLine(int i) => _titleLine[i];

    /// <summary>Marks the gaps of the line that starts at token <paramref name="first"/> when it is a title line.</summary>
    private void MarkTitleLine(int first)
    {
        var last = first;
        var words = 0;
        while (true)
        {
            var form = Form(last);
            if (char.IsLower(form[0]) || (!form.ContainsAnyExcept(CharClass.SentenceFinal) && last + 1 < _tokens.Length && !LineBreakAfter(last)))
            {
                return;
            }

            words += char.IsLetter(form[0]) ? 1 : 0;
            if (last + 1 >= _tokens.Length || LineBreakAfter(last))
            {
                break;
            }

            last++;
        }

        if (words >= MinimumTitleWords)
        {
            Array.Fill(_titleLine, true, first, last - first);
        }
    }

    /// <summary>
    /// Whether the gap after token <paramref name="i"/> lies in a news dateline at the start of a line ("MOSCOW
    /// (Reuters) -", "KABUL, Oct. 4 (AP) -", "WASHINGTON —"), up to and including the dash. EWT splits datelines off as
    /// sentences of their own; news readers expect them to open the first sentence, as the rules have them.
    /// </summary>
    public bool InDateline(int i) => _dateline[i];

    /// <summary>Marks the dateline that starts at token <paramref name="first"/>, if one does.</summary>
    private void MarkDateline(int first)
    {
        if (!IsCapitalsWord(Form(first)))
        {
            return;
        }

        var depth = 0;
        for (var k = first + 1; k < _tokens.Length && k <= first + MaxDatelineTokens; k++)
        {
            var form = Form(k);
            if (LineBreakAfter(k - 1))
            {
                return;
            }

            if (form is "-" or "--" or "\u2013" or "\u2014" && depth == 0)
            {
                Array.Fill(_dateline, true, first, k - first + 1);
                return;
            }

            depth += form is "(" ? 1 : form is ")" ? -1 : 0;
            var plain = form is "," or "(" or ")" or "/" || char.IsUpper(form[0]) || (char.IsAsciiDigit(form[0]) && form.Length <= 4);
            if (!plain || depth is < 0 or > 1)
            {
                return; // A lower-case word or a sentence's punctuation: ordinary text, no dateline.
            }
        }
    }

    private static bool IsCapitalsWord(ReadOnlySpan<char> form) =>
        form.Length >= 2 && char.IsUpper(form[0]) && !form.ContainsAnyInRange('a', 'z') && form.ContainsAnyInRange('A', 'Z');

    /// <summary>Whether a line break separates token <paramref name="i"/> from the next.</summary>
    public bool LineBreakAfter(int i) => SentenceSplitter.CountLineBreaks(_text, _tokens[i].SurfaceEnd, _tokens[i + 1].Start) > 0;

    /// <summary>Whether a blank line (or a paragraph separator) separates token <paramref name="i"/> from the next.</summary>
    public bool ParagraphBreakAfter(int i) => SentenceSplitter.HasParagraphBreak(_text, _tokens[i].SurfaceEnd, _tokens[i + 1].Start);

    /// <summary>
    /// Writes the features of the gap after token <paramref name="i"/> (not the last token) into
    /// <paramref name="features"/>, given that the current sentence has run <paramref name="sentenceLength"/> tokens
    /// (at least 1) up to and including token <paramref name="i"/>.
    /// </summary>
    /// <returns>The number of features written, at most <see cref="MaxFeatures"/>.</returns>
    public int Extract(int i, int sentenceLength, Span<ulong> features)
    {
        var n = 0;
        var last = _paragraphEnd[i + 1];
        var first = _paragraphStart[i];
        var r = _ruleEnds[i] ? 1UL : 0UL;
        var rNext = i + 2 <= last && _ruleEnds[i + 1] ? 1UL : 0UL;
        var gap = _tokens[i + 1].Start == _tokens[i].SurfaceEnd ? 0UL : LineBreakAfter(i) ? 2UL : 1UL;
        var wPrev = i > first ? _lower[i - 1] : Outside;
        var w0 = _lower[i];
        var w1 = _lower[i + 1];
        var w2 = i + 2 <= last ? _lower[i + 2] : Outside;
        var sPrev = i > first ? _shape[i - 1] : Outside;
        var s0 = _shape[i];
        var s1 = _shape[i + 1];
        var s2 = i + 2 <= last ? _shape[i + 2] : Outside;
        var s3 = i + 3 <= last ? _shape[i + 3] : Outside;
        var tPrev = i > first ? _tag[i - 1] : Outside;
        var t0 = _tag[i];
        var t1 = _tag[i + 1];
        var t2 = i + 2 <= last ? _tag[i + 2] : Outside;
        var c0 = _casing[i];
        var c1 = _casing[i + 1];
        var c2 = i + 2 <= last ? _casing[i + 2] : Outside;
        var form = Form(i);
        var length = (ulong)Bucket(sentenceLength);
        var sentenceStart = i - sentenceLength + 1;
        var firstWord = _lower[sentenceStart];
        var hasVerb = _verbsBefore[i + 1] > _verbsBefore[sentenceStart] ? 1UL : 0UL;

        // The template number is the first argument of each key; keep them unique.
        features[n++] = FeatureHash.Of(1, 0);
        features[n++] = FeatureHash.Of(2, r);
        features[n++] = FeatureHash.Of(3, r, gap);
        features[n++] = FeatureHash.Of(4, _exact[i]);
        features[n++] = FeatureHash.Of(5, w0);
        features[n++] = FeatureHash.Of(6, _exact[i + 1]);
        features[n++] = FeatureHash.Of(7, w1);
        features[n++] = FeatureHash.Of(8, w0, w1);
        features[n++] = FeatureHash.Of(9, wPrev, w0);
        features[n++] = FeatureHash.Of(10, s0, s1);
        features[n++] = FeatureHash.Of(11, w0, s1);
        features[n++] = FeatureHash.Of(12, s0, w1);
        features[n++] = FeatureHash.Of(13, sPrev, s0, s1);
        features[n++] = FeatureHash.Of(14, s0, s1, s2);
        features[n++] = FeatureHash.Of(15, w1, w2);
        features[n++] = FeatureHash.Of(16, r, s0, s1);
        features[n++] = FeatureHash.Of(17, r, w0);
        features[n++] = FeatureHash.Of(18, r, w1);
        features[n++] = FeatureHash.Of(19, (ulong)AbbreviationOf(form), s1);
        features[n++] = FeatureHash.Of(20, OpenerLookup.Contains(Form(i + 1)) ? 1UL : 0UL, s0);
        features[n++] = FeatureHash.Of(21, FeatureHash.OfText(form[Math.Max(0, form.Length - 3)..], lowercase: true), s1);
        features[n++] = FeatureHash.Of(22, length, r);
        features[n++] = FeatureHash.Of(23, length, s0, s1);
        features[n++] = FeatureHash.Of(24, (ulong)Bucket(_paragraphEnd[i] - i), r);
        features[n++] = FeatureHash.Of(25, (ulong)Bucket(_nextFinal[i + 1] - i), s0, s1);
        features[n++] = FeatureHash.Of(26, w2);
        features[n++] = FeatureHash.Of(27, gap, s0, s1);
        features[n++] = FeatureHash.Of(28, wPrev, w0, w1);
        features[n++] = FeatureHash.Of(29, _quoteOpen[i] ? 1UL : 0UL, s0, s1);
        features[n++] = FeatureHash.Of(30, w1, s2);
        features[n++] = FeatureHash.Of(31, firstWord, length);
        features[n++] = FeatureHash.Of(32, firstWord, s0, s1);
        if (sentenceLength <= ShortSentence)
        {
            // A short sentence so far is described whole: "Thanks , Xx" before "Xx ,".
            var shapes = 0UL;
            for (var k = sentenceStart; k <= i; k++)
            {
                shapes = FeatureHash.Of(33, shapes, _shape[k]);
            }

            features[n++] = FeatureHash.Of(33, shapes, s1);
        }

        features[n++] = FeatureHash.Of(34, s1, s2, s3);
        features[n++] = FeatureHash.Of(35, rNext, s0, s1);
        features[n++] = FeatureHash.Of(36, c1, s0, r);
        features[n++] = FeatureHash.Of(37, c0, c1, s1);
        features[n++] = FeatureHash.Of(38, c1, c2, s0);
        features[n++] = FeatureHash.Of(39, t0, t1, r);
        features[n++] = FeatureHash.Of(40, tPrev, t0, t1);
        features[n++] = FeatureHash.Of(41, t0, t1, t2);
        features[n++] = FeatureHash.Of(42, hasVerb, t1, s1);
        features[n++] = FeatureHash.Of(43, c1, t1, t0);
        features[n++] = FeatureHash.Of(44, _endRate[i], _startRate[i + 1], r);
        features[n++] = FeatureHash.Of(45, _endRate[i], _startRate[i + 1], FeatureHash.Of(0, s0, s1));
        features[n++] = FeatureHash.Of(46, _endRate[i], c1, t1);
        return n;
    }

    private ReadOnlySpan<char> Form(int i) => _text.AsSpan(_tokens[i].Start, _tokens[i].Range.Length);

    /// <summary>Word shape for words ("Xx", "X.X.", "d"), with single characters apart; punctuation and symbols stand for themselves.</summary>
    private static ulong Shape(ReadOnlySpan<char> form)
    {
        foreach (var c in form)
        {
            if (char.IsLetterOrDigit(c))
            {
                return WordShape.Hash(form) ^ (form.Length == 1 ? 0x1UL : 0UL);
            }
        }

        return FeatureHash.OfText(form[..Math.Min(form.Length, 4)]) ^ 0x2UL;
    }

    /// <summary>0 for a word without a final period after a letter, 1 for an unknown abbreviation, else 1 + its <see cref="AbbreviationKind"/>.</summary>
    private static int AbbreviationOf(ReadOnlySpan<char> form)
    {
        if (form.Length < 2 || form[^1] != '.' || !char.IsLetter(form[^2]))
        {
            return 0;
        }

        return AbbreviationLookup.TryGetValue(form[..^1], out var kind) ? 1 + (int)kind : 1;
    }

    /// <summary>A count in coarse, roughly logarithmic steps: 0-4 exactly, then 5-6, 7-9, 10-14, 15-24, 25-39, 40 and over.</summary>
    private static int Bucket(int count) => count switch
    {
        <= 4 => count,
        <= 6 => 5,
        <= 9 => 6,
        <= 14 => 7,
        <= 24 => 8,
        <= 39 => 9,
        _ => 10,
    };
}
