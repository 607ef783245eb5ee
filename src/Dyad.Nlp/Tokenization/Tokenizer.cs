using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Dyad.Nlp.Tokenization;

/// <summary>
/// Splits raw English text into syntactic words the way UD English EWT does, so that the tagger and parser see the
/// tokens they were trained on: contractions and possessives become multiword tokens ("don't" is do + n't,
/// "Bush's" is Bush + 's, "cannot" is can + not), hyphens between words are split off except after prefixes such as
/// "non-" and "e-", abbreviations keep their period ("Sept.", "U.S.", "J."), and numbers, URLs, e-mail addresses,
/// handles, hashtags and emoticons stay whole. As a pipeline stage it also splits sentences.
/// </summary>
/// <remarks>
/// Offsets are UTF-16 code units into the text. Time is linear in the text's length and memory is one token list.
/// Instances hold only read-only state and are safe to use from many threads at once.
/// </remarks>
public sealed class Tokenizer : IStage
{
    private static readonly FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        Lexicon.Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> BareContractionLookup =
        Lexicon.BareContractions.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HyphenPrefixLookup = Lexicon.HyphenPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HyphenSuffixLookup = Lexicon.HyphenSuffixes.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CliticLookup = Lexicon.ApostropheClitics.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ApostropheInitialLookup = Lexicon.ApostropheInitialWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UnitLookup = Lexicon.Units.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NumberSuffixLookup = Lexicon.NumberSuffixes.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CapitalUnitLookup = Lexicon.CapitalUnits.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ExclamationNameLookup = Lexicon.ExclamationNames.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly SentenceSplitter _splitter;

    /// <summary>Creates a tokenizer that splits sentences with a default <see cref="SentenceSplitter"/>.</summary>
    public Tokenizer()
        : this(new SentenceSplitter())
    {
    }

    /// <summary>Creates a tokenizer that splits sentences with <paramref name="splitter"/>.</summary>
    public Tokenizer(SentenceSplitter splitter)
    {
        ArgumentNullException.ThrowIfNull(splitter);
        _splitter = splitter;
    }

    /// <inheritdoc/>
    public string Name => "tokenizer.v1";

    /// <summary>Tokens of <paramref name="text"/> in text order, without sentence splitting.</summary>
    /// <remarks>A period that ends a sentence after an abbreviation stays on the abbreviation here; <see cref="Segment(string)"/> splits it off.</remarks>
    public static ImmutableArray<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new List<Token>((text.Length / 5) + 4);
        Tokenize(text, buffer, CancellationToken.None);
        return [.. buffer];
    }

    /// <summary>
    /// Appends the tokens of <paramref name="text"/> to <paramref name="output"/>, a buffer the caller may reuse; offsets
    /// are relative to the start of <paramref name="text"/>.
    /// </summary>
    /// <returns>The number of tokens appended.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static int Tokenize(ReadOnlySpan<char> text, List<Token> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var before = output.Count;
        var scanner = new Scanner(text, output);
        scanner.Run(cancellationToken);
        return output.Count - before;
    }

    /// <summary>
    /// Tokens and sentences of <paramref name="text"/>. Where a sentence ends with an abbreviation, the abbreviation's
    /// period becomes its own token, as in EWT ("etc." at the end of a sentence is "etc" + ".").
    /// </summary>
    public Segmentation Segment(string text) => Segment(text, CancellationToken.None);

    /// <inheritdoc cref="Segment(string)"/>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Segmentation Segment(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new List<Token>((text.Length / 5) + 4);
        Tokenize(text, buffer, cancellationToken);
        var tokens = buffer.ToImmutableArray();
        var sentences = _splitter.SplitUncapped(text, tokens);
        var segmentation = DetachFinalPeriods(text, tokens, sentences);
        return segmentation with { Sentences = _splitter.Cap(text, segmentation.Tokens, segmentation.Sentences) };
    }

    /// <summary>
    /// Sets the document's tokens and sentences. Annotations parallel to the tokens (tags, lemmas, dependencies) would
    /// no longer line up, so they are cleared.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        var segmentation = Segment(document.Text, cancellationToken);
        return document with
        {
            Tokens = segmentation.Tokens,
            Sentences = segmentation.Sentences,
            Tags = default,
            Lemmas = default,
            Dependencies = default,
        };
    }

    /// <summary>Splits the final period off an abbreviation that ends a sentence, shifting later sentences.</summary>
    private static Segmentation DetachFinalPeriods(string text, ImmutableArray<Token> tokens, ImmutableArray<Sentence> sentences)
    {
        var splits = new List<int>();
        foreach (var sentence in sentences)
        {
            var last = sentence.TokenEnd - 1;
            while (last > sentence.TokenStart && IsCloser(text, tokens[last]))
            {
                last--;
            }

            var token = tokens[last];
            if (token.Range.Length > 1 && !token.IsPartOfWord && token.SurfaceEnd == token.End && text[token.End - 1] == '.'
                && CharClass.WordCharLength(text, token.End - 2) > 0)
            {
                splits.Add(last);
            }
        }

        if (splits.Count == 0)
        {
            return new Segmentation(tokens, sentences);
        }

        var newTokens = ImmutableArray.CreateBuilder<Token>(tokens.Length + splits.Count);
        var next = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (next < splits.Count && splits[next] == i)
            {
                newTokens.Add(new Token(token.Start, token.End - 1));
                newTokens.Add(new Token(token.End - 1, token.End));
                next++;
            }
            else
            {
                newTokens.Add(token);
            }
        }

        var newSentences = ImmutableArray.CreateBuilder<Sentence>(sentences.Length);
        var shift = 0;
        var splitIndex = 0;
        foreach (var sentence in sentences)
        {
            var start = sentence.TokenStart + shift;
            while (splitIndex < splits.Count && splits[splitIndex] < sentence.TokenEnd)
            {
                shift++;
                splitIndex++;
            }

            newSentences.Add(new Sentence(start, sentence.TokenEnd + shift));
        }

        return new Segmentation(newTokens.MoveToImmutable(), newSentences.MoveToImmutable());
    }

    private static bool IsCloser(string text, Token token) =>
        token.Range.Length >= 1 && text[token.Start] is '"' or ')' or ']' or '}' or '\'' or '\u2019' or '\u201D' or '\u00BB';

    /// <summary>How the word just scanned takes the character after it.</summary>
    private enum Trailer
    {
        None,
        AbbreviationPeriod,
        PossessiveApostrophe,
        CurrencySign,
    }

    /// <summary>What a scanned word holds besides letters and digits.</summary>
    [Flags]
    private enum WordShape
    {
        None = 0,
        Dot = 1,
        Hyphen = 2,
        Apostrophe = 4,
        Slash = 8,
        At = 16,
        Letter = 32,
    }

    /// <summary>One left-to-right pass over a text; every scan step only moves forward, so the pass is linear.</summary>
    private ref struct Scanner
    {
        private readonly ReadOnlySpan<char> _text;
        private readonly List<Token> _output;
        private bool _openSingleQuote;

        public Scanner(ReadOnlySpan<char> text, List<Token> output)
        {
            _text = text;
            _output = output;
        }

        public void Run(CancellationToken cancellationToken)
        {
            var text = _text;
            var i = 0;
            var nextCheck = 1 << 16;
            while (i < text.Length)
            {
                if (i >= nextCheck)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    nextCheck = i + (1 << 16);
                }

                var c = text[i];
                if (CharClass.IsSeparator(c))
                {
                    if (c is '\n' or '\r' or '\u2028' or '\u2029')
                    {
                        _openSingleQuote = false;
                    }

                    i++;
                    continue;
                }

                var end = i + 1;
                while (end < text.Length && !CharClass.IsSeparator(text[end]))
                {
                    end++;
                }

                var p = i;
                while (p < end)
                {
                    if (p >= nextCheck)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        nextCheck = p + (1 << 16);
                    }

                    p = ScanOne(p, i, end);
                }

                i = end;
            }
        }

        private readonly void Emit(int start, int end) => _output.Add(new Token(start, end));

        private readonly void EmitPart(int start, int end, int surfaceEnd) => _output.Add(new Token(new TextRange(start, end), surfaceEnd));

        /// <summary>Scans one token (or one word's tokens) starting at <paramref name="p"/> in the chunk [chunkStart, end); returns where the next starts.</summary>
        private int ScanOne(int p, int chunkStart, int end)
        {
            var text = _text;
            var c = text[p];
            if (char.IsAsciiLetter(c))
            {
                var url = MatchUrl(p, end);
                if (url > 0)
                {
                    Emit(p, p + url);
                    return p + url;
                }
            }

            if (c is ':' or ';' or '=' or '^' or '<' or '>' or '(' or '-' or 'X' or 'x')
            {
                var emoticon = MatchEmoticon(p, chunkStart, end);
                if (emoticon > 0)
                {
                    Emit(p, p + emoticon);
                    return p + emoticon;
                }
            }

            if (CharClass.WordCharLength(text, p) > 0)
            {
                return ScanWord(p, end, p);
            }

            var next = p + 1 < end ? text[p + 1] : '\0';
            var nextIsWord = p + 1 < end && CharClass.WordCharLength(text, p + 1) > 0;
            switch (c)
            {
                case '#' when nextIsWord && char.IsLetter(next):
                case '@' when nextIsWord && (char.IsLetter(next) || next == '_'):
                    {
                        // A hashtag or handle: the sign and the word characters after it.
                        var q = p + 1;
                        int w;
                        while (q < end && (w = CharClass.WordCharLength(text, q)) > 0)
                        {
                            q += w;
                        }

                        Emit(p, q);
                        return q;
                    }

                case '+' when char.IsAsciiDigit(next) && (p == chunkStart || text[p - 1] == '('):
                    return ScanWord(p + 1, end, p);
                case '.' when nextIsWord && (p == chunkStart || text[p - 1] == '(') && char.IsLetter(next):
                    return ScanWord(p + 1, end, p); // ".NET", ".com"
                case '\'' or '\u2019' or '\u2018' or '`' or '\u02BC':
                    return ScanApostrophe(p, end);
                case '"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB':
                    return EmitRun(p, end);
                default:
                    break;
            }

            if (CharClass.IsSentenceFinal(c))
            {
                var q = p + 1;
                while (q < end && CharClass.IsSentenceFinal(text[q]))
                {
                    q++;
                }

                q = SkipExtenders(q, end);
                Emit(p, q);
                _openSingleQuote = false;
                return q;
            }

            if (char.IsHighSurrogate(c) && p + 1 < end && char.IsLowSurrogate(text[p + 1]))
            {
                // An emoji or other symbol outside the BMP, with its modifiers and any zero-width-joined parts.
                var q = p + 2;
                var value = char.ConvertToUtf32(c, text[p + 1]);
                if (value is >= 0x1F1E6 and <= 0x1F1FF && q + 1 < end && char.IsHighSurrogate(text[q]) && char.IsLowSurrogate(text[q + 1])
                    && char.ConvertToUtf32(text[q], text[q + 1]) is >= 0x1F1E6 and <= 0x1F1FF)
                {
                    q += 2; // A flag: two regional indicators.
                }

                q = SkipExtenders(q, end);
                Emit(p, q);
                return q;
            }

            return EmitRun(p, end);
        }

        /// <summary>Emits a run of one repeated punctuation or symbol character ("--", "!!", "***") with any combining marks after it.</summary>
        private int EmitRun(int p, int end)
        {
            var text = _text;
            var c = text[p];
            var q = p + 1;
            if (!char.IsSurrogate(c))
            {
                while (q < end && text[q] == c)
                {
                    q++;
                }
            }

            q = SkipExtenders(q, end);
            Emit(p, q);
            return q;
        }

        private readonly int SkipExtenders(int q, int end)
        {
            var text = _text;
            while (q < end && CharClass.IsExtender(text, q))
            {
                if (text[q] == '\u200D' && q + 1 < end && !CharClass.IsExtender(text, q + 1) && !CharClass.IsSeparator(text[q + 1])
                    && CharClass.WordCharLength(text, q + 1) == 0)
                {
                    // A zero width joiner glues the next symbol (an emoji sequence such as a family).
                    q += char.IsHighSurrogate(text[q + 1]) && q + 2 < end && char.IsLowSurrogate(text[q + 2]) ? 3 : 2;
                    continue;
                }

                q += char.IsHighSurrogate(text[q]) ? 2 : 1;
            }

            return Math.Min(q, end);
        }

        private int ScanApostrophe(int p, int end)
        {
            var text = _text;
            var q = p + 1;
            while (q < end && text[q] is '\'' or '\u2019' or '\u2018' or '`')
            {
                q++;
            }

            if (q - p > 1)
            {
                Emit(p, q); // A doubled quote: '' or `` or ’’.
                return q;
            }

            var c = text[p];
            if (q < end && CharClass.WordCharLength(text, q) > 0)
            {
                // "'90s" and "'em" keep the apostrophe; otherwise it opens a quotation.
                var w = q;
                while (w < end && char.IsAsciiLetter(text[w]))
                {
                    w++;
                }

                var wordEnds = w == end || CharClass.WordCharLength(text, w) == 0;
                if (char.IsAsciiDigit(text[q]) || (w > q && wordEnds && ApostropheInitialLookup.Contains(text[q..w])))
                {
                    return ScanWord(q, end, p);
                }

                _openSingleQuote = true;
                Emit(p, q);
                return q;
            }

            if (c != '\u2018')
            {
                _openSingleQuote = false;
            }

            Emit(p, q);
            return q;
        }

        /// <summary>Length of a URL starting at <paramref name="p"/> ("http://...", "www...."), 0 when there is none.</summary>
        private readonly int MatchUrl(int p, int end)
        {
            var text = _text;
            var k = p;
            while (k < end && k - p <= 10 && char.IsAsciiLetter(text[k]))
            {
                k++;
            }

            var isUrl = (k - p >= 2 && k + 3 <= end && text[k] == ':' && text[k + 1] == '/' && text[k + 2] == '/')
                || (k - p == 3 && k + 1 < end && text[k] == '.' && text.Slice(p, 3).Equals("www", StringComparison.OrdinalIgnoreCase)
                    && CharClass.WordCharLength(text, k + 1) > 0)
                || (k - p == 6 && k + 1 < end && text[k] == ':' && text.Slice(p, 6).Equals("mailto", StringComparison.OrdinalIgnoreCase));
            if (!isUrl)
            {
                return 0;
            }

            var q = k;
            var openParens = 0;
            while (q < end && text[q] is not ('"' or '<' or '>' or '\u201C' or '\u201D' or '\u00AB' or '\u00BB'))
            {
                openParens += text[q] == '(' ? 1 : text[q] == ')' ? -1 : 0;
                q++;
            }

            while (q > k + 1)
            {
                var last = text[q - 1];
                if (last == ')' && openParens >= 0)
                {
                    break;
                }

                if (last is not ('.' or ',' or ';' or ':' or '!' or '?' or '\'' or '\u2019' or ')' or ']' or '}' or '*'))
                {
                    break;
                }

                openParens += last == ')' ? 1 : 0;
                q--;
            }

            return q - p;
        }

        private readonly int MatchEmoticon(int p, int chunkStart, int end)
        {
            var text = _text;
            var rest = text[p..end];
            foreach (var emoticon in Lexicon.Emoticons)
            {
                if (!rest.StartsWith(emoticon, StringComparison.Ordinal))
                {
                    continue;
                }

                var after = p + emoticon.Length;
                if (after < end && (char.IsLetterOrDigit(text[after]) || text[after] is '/' or '(' or ')' or '-'))
                {
                    continue;
                }

                if (emoticon is "<3" or "(:" && after != end)
                {
                    continue;
                }

                return emoticon.Length;
            }

            // XD: only as a word of its own.
            if (p == chunkStart && rest.Length == 2 && rest[0] is 'X' or 'x' && rest[1] == 'D')
            {
                return 2;
            }

            return 0;
        }

        /// <summary>
        /// Scans a word: word characters joined by inner periods, hyphens, apostrophes, slashes, '@', '&amp;', and commas
        /// or colons between digits; then emits it as one or more tokens. <paramref name="tokenStart"/> is before
        /// <paramref name="p"/> when a sign or apostrophe belongs to the word.
        /// </summary>
        private int ScanWord(int p, int end, int tokenStart)
        {
            var text = _text;
            var shape = WordShape.None;
            var q = p;
            while (true)
            {
                int w;
                while (q < end && (w = CharClass.WordCharLength(text, q)) > 0)
                {
                    if (w == 2 || char.IsLetter(text[q]))
                    {
                        shape |= WordShape.Letter;
                    }

                    q += w;
                }

                if (q >= end)
                {
                    break;
                }

                var c = text[q];
                if (q + 1 < end && CharClass.WordCharLength(text, q + 1) > 0)
                {
                    var before = text[q - 1];
                    var after = text[q + 1];
                    var joins = c switch
                    {
                        '.' => Set(ref shape, WordShape.Dot),
                        '-' or '\u2010' or '\u2011' => Set(ref shape, WordShape.Hyphen),
                        '\'' or '\u2019' or '`' or '\u02BC' => Set(ref shape, WordShape.Apostrophe),
                        '/' => Set(ref shape, WordShape.Slash),
                        '@' => Set(ref shape, WordShape.At),
                        '&' => char.IsLetter(before) && char.IsLetter(after),
                        ',' => char.IsAsciiDigit(before) && IsThousandsGroup(q + 1, end),
                        ':' => char.IsAsciiDigit(before) && char.IsAsciiDigit(after),
                        _ => false,
                    };
                    if (joins)
                    {
                        q++;
                        continue;
                    }
                }

                if (c == '.')
                {
                    // "dharmad...@gmail.com": a shortened e-mail address.
                    var k = q;
                    while (k < end && text[k] == '.')
                    {
                        k++;
                    }

                    if (k + 1 < end && text[k] == '@' && CharClass.WordCharLength(text, k + 1) > 0)
                    {
                        shape |= WordShape.At;
                        q = k + 1;
                        continue;
                    }
                }

                break;
            }

            if ((shape & WordShape.At) != 0 || (shape & (WordShape.Dot | WordShape.Slash)) == (WordShape.Dot | WordShape.Slash))
            {
                Emit(tokenStart, q); // An e-mail address or a URL without its scheme.
                return q;
            }

            var splitSlashes = (shape & WordShape.Slash) != 0 && SplitsAtSlashes(p, q);
            var lastSegmentStart = tokenStart;
            if (splitSlashes)
            {
                lastSegmentStart = text[p..q].LastIndexOf('/') + p + 1;
            }

            var lastPartStart = (shape & WordShape.Hyphen) != 0 ? LastPartStart(lastSegmentStart, q) : lastSegmentStart;
            var trailer = FindTrailer(lastPartStart, q, end, shape);

            // Emit every segment but the last part, then the last part with what it takes after it.
            var segmentStart = tokenStart;
            if (splitSlashes)
            {
                for (var k = p; k < q; k++)
                {
                    if (text[k] == '/')
                    {
                        EmitHyphenated(segmentStart, k, Trailer.None);
                        Emit(k, k + 1);
                        segmentStart = k + 1;
                    }
                }
            }

            EmitHyphenated(segmentStart, q, trailer);
            return trailer == Trailer.None ? q : q + 1;
        }

        private readonly bool IsThousandsGroup(int start, int end)
        {
            var text = _text;
            return start + 3 <= end && char.IsAsciiDigit(text[start]) && char.IsAsciiDigit(text[start + 1]) && char.IsAsciiDigit(text[start + 2])
                && (start + 3 == end || !char.IsAsciiDigit(text[start + 3]));
        }

        private static bool Set(ref WordShape shape, WordShape flag)
        {
            shape |= flag;
            return true;
        }

        /// <summary>
        /// Slashes join dates ("9/11", "11/01/01"), phone numbers ("713/853-6197") and one-letter abbreviations ("w/o",
        /// "b/c"); EWT splits them off elsewhere: "and/or", fractions "1/2", seasons "2001/02".
        /// </summary>
        private readonly bool SplitsAtSlashes(int start, int end)
        {
            var text = _text;
            var allNumeric = true;
            var allShort = true;
            var parts = 0;
            var first = 0;
            var second = 0;
            var segment = start;
            for (var k = start; k <= end; k++)
            {
                if (k == end || text[k] == '/')
                {
                    var part = text[segment..k];
                    allNumeric &= part.Length > 0 && char.IsAsciiDigit(part[0]) && !part.ContainsAnyExcept(CharClass.NumberOrPhoneChars);
                    allShort &= part.Length == 1;
                    parts++;
                    if (parts == 1)
                    {
                        first = part.Length;
                    }
                    else if (parts == 2)
                    {
                        second = part.Length;
                    }

                    segment = k + 1;
                }
            }

            if (!allNumeric)
            {
                return !allShort && !(first == 1 && char.IsAsciiLetter(text[start]));
            }

            if (parts > 2 || text[start..end].Contains('-'))
            {
                return false;
            }

            // Two numbers: a date stays whole unless it reads as a fraction, a season or a score.
            var month = first <= 2 ? int.Parse(text[start..(start + first)], System.Globalization.CultureInfo.InvariantCulture) : 99;
            return (first == 1 && second == 1) || first >= 3 || month > 12;
        }

        /// <summary>Start of the last part of a hyphenated word once the hyphens EWT splits at are split.</summary>
        private readonly int LastPartStart(int start, int end)
        {
            var text = _text;
            var numeric = IsNumericChain(start, end, out var groups);
            var partStart = start;
            var segmentStart = start;
            for (var k = start; k < end; k++)
            {
                if (CharClass.IsHyphen(text[k]))
                {
                    if (!KeepsHyphen(segmentStart, k, end, numeric, groups))
                    {
                        partStart = k + 1;
                    }

                    segmentStart = k + 1;
                }
            }

            return partStart;
        }

        /// <summary>Emits a word whose inner hyphens may be split off, the last part taking <paramref name="trailer"/>.</summary>
        private void EmitHyphenated(int start, int end, Trailer trailer)
        {
            var text = _text;
            var partStart = start;
            var segmentStart = start;
            var hasHyphen = text[start..end].IndexOfAny('-', '\u2010', '\u2011') >= 0;
            if (hasHyphen)
            {
                var numeric = IsNumericChain(start, end, out var groups);
                for (var k = start; k < end; k++)
                {
                    if (CharClass.IsHyphen(text[k]) && k > start && k + 1 < end)
                    {
                        if (!KeepsHyphen(segmentStart, k, end, numeric, groups))
                        {
                            EmitWord(partStart, k, Trailer.None);
                            Emit(k, k + 1);
                            partStart = k + 1;
                        }

                        segmentStart = k + 1;
                    }
                }
            }

            EmitWord(partStart, end, trailer);
        }

        private readonly bool IsNumericChain(int start, int end, out int groups)
        {
            var text = _text;
            groups = 1;
            for (var k = start; k < end; k++)
            {
                var c = text[k];
                if (CharClass.IsHyphen(c))
                {
                    groups++;
                }
                else if (k == start && c == '+')
                {
                    continue;
                }
                else if (!char.IsAsciiDigit(c))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the hyphen at <paramref name="hyphen"/> stays inside the word, as EWT keeps "e-mail", "non-stop" and phone numbers.</summary>
        private readonly bool KeepsHyphen(int segmentStart, int hyphen, int end, bool numeric, int groups)
        {
            var text = _text;
            var nextHyphen = hyphen + 1;
            while (nextHyphen < end && !CharClass.IsHyphen(text[nextHyphen]))
            {
                nextHyphen++;
            }

            var left = text[segmentStart..hyphen];
            var right = text[(hyphen + 1)..nextHyphen];
            if (numeric)
            {
                // Phone numbers, postcodes and dates stay whole; ranges ("5-10", "1969-1970") are split.
                if (groups > 2)
                {
                    return true;
                }

                return !((left.Length <= 2 && right.Length <= 2) || (left.Length == 4 && right.Length is 2 or 4));
            }

            return HyphenPrefixLookup.Contains(left) || HyphenSuffixLookup.Contains(right);
        }

        /// <summary>Decides what the word [start, end) takes from the character after it.</summary>
        private readonly Trailer FindTrailer(int start, int end, int chunkEnd, WordShape shape)
        {
            if (end >= chunkEnd)
            {
                return Trailer.None;
            }

            var text = _text;
            var c = text[end];
            var afterNext = end + 1 < chunkEnd ? text[end + 1] : ' ';
            var word = text[start..end];
            if (c == '.' && (end + 1 == chunkEnd || CharClass.WordCharLength(text, end + 1) == 0))
            {
                if (afterNext != '.')
                {
                    return IsAbbreviation(word, shape) ? Trailer.AbbreviationPeriod : Trailer.None;
                }

                // "D.C.." is the abbreviation and a sentence's period.
                var doubled = end + 2 == chunkEnd || text[end + 2] != '.';
                return doubled && word.Contains('.') && IsAbbreviation(word, shape) ? Trailer.AbbreviationPeriod : Trailer.None;
            }

            if (c == '!' && ExclamationNameLookup.Contains(word) && afterNext != '!')
            {
                return Trailer.AbbreviationPeriod;
            }

            if (c is '\'' or '\u2019' && !_openSingleQuote && word.Length > 1 && word[^1] is 's' or 'S' && char.IsLetter(word[^2])
                && (end + 1 == chunkEnd || CharClass.WordCharLength(text, end + 1) == 0) && afterNext is not ('\'' or '\u2019'))
            {
                return Trailer.PossessiveApostrophe;
            }

            if (c == '$' && word.Length <= 3 && char.IsAsciiDigit(afterNext) && !word.ContainsAnyExceptInRange('A', 'Z'))
            {
                return Trailer.CurrencySign;
            }

            return Trailer.None;
        }

        private static bool IsAbbreviation(ReadOnlySpan<char> word, WordShape shape)
        {
            if (AbbreviationLookup.ContainsKey(word))
            {
                return true;
            }

            if (word.Length == 1)
            {
                return char.IsLetter(word[0]); // An initial: "J." or a list letter "b."
            }

            if ((shape & WordShape.Dot) == 0 || (shape & WordShape.Letter) == 0)
            {
                return false;
            }

            // Letters and periods, each piece at most two letters long: "U.S", "e.g", "Ph.D", "a.k.a".
            var pieceLength = 0;
            foreach (var c in word)
            {
                if (c == '.')
                {
                    pieceLength = 0;
                }
                else if (!char.IsLetter(c) || ++pieceLength > 2)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Emits one hyphen-free part of a word, splitting clitics and units off, with the trailer it takes.</summary>
        private void EmitWord(int start, int end, Trailer trailer)
        {
            var text = _text;
            switch (trailer)
            {
                case Trailer.AbbreviationPeriod or Trailer.CurrencySign:
                    Emit(start, end + 1);
                    return;
                case Trailer.PossessiveApostrophe:
                    EmitPart(start, end, end + 1);
                    EmitPart(end, end + 1, end + 1);
                    return;
                default:
                    break;
            }

            var word = text[start..end];
            if (word.Length < 2)
            {
                Emit(start, end);
                return;
            }

            // Clitics after an apostrophe: n't, 's, 'm, 're, 've, 'll, 'd.
            var apostrophe = word.LastIndexOfAny("'\u2019`\u02BC");
            if (apostrophe > 0 && apostrophe < word.Length - 1)
            {
                var clitic = word[(apostrophe + 1)..];
                if (clitic is "t" or "T" && apostrophe > 1 && word[apostrophe - 1] is 'n' or 'N' && char.IsLetter(word[apostrophe - 2]))
                {
                    EmitPart(start, start + apostrophe - 1, end);
                    EmitPart(start + apostrophe - 1, end, end);
                    return;
                }

                if (CliticLookup.Contains(clitic) && char.IsLetter(word[apostrophe - 1]))
                {
                    EmitPart(start, start + apostrophe, end);
                    EmitPart(start + apostrophe, end, end);
                    return;
                }
            }

            if (word.Equals("alot", StringComparison.OrdinalIgnoreCase))
            {
                Emit(start, start + 1); // Two words run together, which EWT writes as "a" "lot".
                Emit(start + 1, end);
                return;
            }

            if (word.Length <= 8 && BareContractionLookup.TryGetValue(word, out var parts))
            {
                var partStart = start;
                foreach (var length in parts)
                {
                    EmitPart(partStart, partStart + length, end);
                    partStart += length;
                }

                return;
            }

            // A number with a unit written against it: "5kg", "11:30am".
            if (char.IsAsciiDigit(word[0]))
            {
                var letters = word.IndexOfAnyInRange('A', 'z');
                var unit = letters > 0 ? word[letters..] : default;
                if (letters > 0 && !unit.ContainsAnyExcept(CharClass.AsciiLetters) && !word[..letters].ContainsAnyExcept(CharClass.NumberChars)
                    && !NumberSuffixLookup.Contains(unit) && (unit.ContainsAnyInRange('a', 'z') ? UnitLookup.Contains(unit) : CapitalUnitLookup.Contains(unit)))
                {
                    Emit(start, start + letters);
                    Emit(start + letters, end);
                    return;
                }
            }

            Emit(start, end);
        }
    }
}

/// <summary>Tokens and sentences of one text, as the tokenizer and sentence splitter leave them.</summary>
/// <param name="Tokens">Tokens in text order.</param>
/// <param name="Sentences">Sentences in text order, covering every token exactly once.</param>
public sealed record Segmentation(ImmutableArray<Token> Tokens, ImmutableArray<Sentence> Sentences);
