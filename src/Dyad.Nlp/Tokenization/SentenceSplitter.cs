using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Dyad.Nlp.Tokenization;

/// <summary>
/// Groups tokens into sentences. A sentence ends at '.', '!', '?' or an ellipsis (with the closing quotes, brackets and
/// emoticons after it), at an abbreviation's period when a typical sentence opener follows ("in the U.S. He"), at a
/// blank line, and at a single line break when the line was ended on purpose (a headline, a list item) rather than
/// wrapped. A sentence never splits a multiword token, and one longer than <see cref="MaxTokens"/> is cut at its last
/// semicolon, colon, comma or dash before the limit, so that parsing time stays bounded.
/// </summary>
/// <remarks>Holds only read-only settings; safe to use from many threads at once. Time is linear in the text's length.</remarks>
public sealed class SentenceSplitter
{
    /// <summary>Default for <see cref="MaxTokens"/>.</summary>
    public const int DefaultMaxTokens = 300;

    private static readonly FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        Lexicon.Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OpenerLookup = Lexicon.SentenceOpeners.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EmoticonLookup = Lexicon.EmoticonSet.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClosingLookup = Lexicon.Closings.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SalutationLookup = Lexicon.Salutations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Creates a splitter that caps sentences at <paramref name="maxTokens"/> tokens.</summary>
    /// <param name="maxTokens">Longest sentence, in tokens (syntactic words); at least 8.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxTokens"/> is less than 8.</exception>
    public SentenceSplitter(int maxTokens = DefaultMaxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 8);
        MaxTokens = maxTokens;
    }

    /// <summary>Longest sentence this splitter makes, in tokens.</summary>
    public int MaxTokens { get; }

    /// <summary>Sentences of <paramref name="text"/>, given its <paramref name="tokens"/> in text order.</summary>
    /// <returns>Sentences in order covering every token exactly once; empty when there are no tokens.</returns>
    public ImmutableArray<Sentence> Split(string text, ImmutableArray<Token> tokens) => Cap(text, tokens, SplitUncapped(text, tokens));

    /// <summary>Sentences as punctuation and layout give them, before long ones are cut.</summary>
    internal static ImmutableArray<Sentence> SplitUncapped(string text, ImmutableArray<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (tokens.IsDefaultOrEmpty)
        {
            return [];
        }

        var layout = new LineLayout(text);
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var start = 0;
        var n = tokens.Length;
        for (var i = 0; i < n - 1; i++)
        {
            if (!EndsSurfaceWord(tokens[i]))
            {
                continue;
            }

            var last = i;
            bool boundary;
            var kind = Classify(text, tokens[i]);
            if (kind is TokenKind.Final or TokenKind.Ellipsis)
            {
                last = SkipClosers(text, tokens, i, out var closedQuote);
                boundary = last == n - 1 || (EndsAfterPunctuation(text, tokens, last, kind, closedQuote) && !IsListNumber(text, tokens, start, i));
            }
            else if (kind == TokenKind.Abbreviation)
            {
                boundary = EndsAfterAbbreviation(text, tokens, i);
            }
            else
            {
                boundary = EndsWithoutPunctuation(text, tokens, start, i);
            }

            if (last < n - 1 && !boundary)
            {
                boundary = EndsAtLineBreak(text, tokens, last, layout);
            }

            if (boundary && last < n - 1)
            {
                sentences.Add(new Sentence(start, last + 1));
                start = last + 1;
            }

            i = last;
        }

        sentences.Add(new Sentence(start, n));
        return sentences.ToImmutable();
    }

    /// <summary>Cuts every sentence longer than <see cref="MaxTokens"/> into pieces.</summary>
    internal ImmutableArray<Sentence> Cap(string text, ImmutableArray<Token> tokens, ImmutableArray<Sentence> sentences)
    {
        if (sentences.All(s => s.Length <= MaxTokens))
        {
            return sentences;
        }

        var capped = ImmutableArray.CreateBuilder<Sentence>(sentences.Length + 1);
        foreach (var sentence in sentences)
        {
            AddCapped(capped, tokens, text, sentence.TokenStart, sentence.TokenEnd);
        }

        return capped.ToImmutable();
    }

    private enum TokenKind
    {
        Other,
        Final,
        Ellipsis,
        Abbreviation,
    }

    private static bool EndsSurfaceWord(Token token) => token.End == token.SurfaceEnd;

    private static TokenKind Classify(string text, Token token)
    {
        var form = text.AsSpan(token.Start, token.Range.Length);
        if (form.IsEmpty)
        {
            return TokenKind.Other;
        }

        if (!form.ContainsAnyExcept(CharClass.SentenceFinal))
        {
            var onlyDots = !form.ContainsAnyExcept(".\u2026");
            return onlyDots && (form.Length > 1 || form[0] == '\u2026') ? TokenKind.Ellipsis : TokenKind.Final;
        }

        if (form.Length > 1 && form[^1] == '.' && CharClass.WordCharLength(form, form.Length - 2) > 0)
        {
            return TokenKind.Abbreviation;
        }

        return TokenKind.Other;
    }

    /// <summary>Index of the last token that still belongs to a sentence ended by token <paramref name="i"/>: closing quotes and brackets, emoticons, more end punctuation.</summary>
    private static int SkipClosers(string text, ImmutableArray<Token> tokens, int i, out bool closedQuote)
    {
        var last = i;
        closedQuote = false;
        while (last + 1 < tokens.Length)
        {
            var next = tokens[last + 1];
            var form = text.AsSpan(next.Start, next.Range.Length);
            var attached = next.Start == tokens[last].SurfaceEnd;
            var spacedAfter = last + 2 >= tokens.Length || tokens[last + 2].Start > next.SurfaceEnd;
            var c = form[0];
            var closes = c switch
            {
                ')' or ']' or '}' or '\u201D' or '\u00BB' or '\u2019' => true,
                '"' or '\'' or '`' => attached || spacedAfter,
                _ => false,
            };
            closes |= EmoticonLookup.Contains(form);
            closes |= Classify(text, next) is TokenKind.Final or TokenKind.Ellipsis;
            closes |= attached && CharClass.WordCharLength(form, 0) == 0 && c is not ('(' or '[' or '{' or '\u201C' or '$' or '#' or '@');
            if (!closes || !EndsSurfaceWord(next) || HasParagraphBreak(text, tokens[last].SurfaceEnd, next.Start))
            {
                break;
            }

            closedQuote |= c is ')' or ']' or '}' or '\u201D' or '\u00BB' or '\u2019' or '"' or '\'' or '`';
            last++;
        }

        return last;
    }

    private static bool EndsAfterPunctuation(string text, ImmutableArray<Token> tokens, int last, TokenKind kind, bool closedQuote)
    {
        var next = tokens[last + 1];
        var gapStart = tokens[last].SurfaceEnd;
        if (HasParagraphBreak(text, gapStart, next.Start))
        {
            return true;
        }

        var c = text[next.Start];
        if (c is ',' or ';' or ':' or '%')
        {
            return false;
        }

        if (closedQuote && char.IsLower(c))
        {
            return false; // "We will win!" he said.
        }

        if (kind == TokenKind.Ellipsis)
        {
            // "wait... what" goes on; "wait... The" starts again.
            var first = FirstLetter(text, tokens, last + 1);
            return first != '\0' && char.IsUpper(first);
        }

        return true;
    }

    /// <summary>First letter of token <paramref name="index"/>, or of the token after it when it is an opening quote or bracket.</summary>
    private static char FirstLetter(string text, ImmutableArray<Token> tokens, int index)
    {
        var token = tokens[index];
        var c = text[token.Start];
        if (char.IsLetterOrDigit(c))
        {
            return c;
        }

        if (c is '"' or '\'' or '(' or '[' or '\u201C' or '\u2018' && index + 1 < tokens.Length)
        {
            var after = text[tokens[index + 1].Start];
            return char.IsLetterOrDigit(after) ? after : '\0';
        }

        return '\0';
    }

    private static bool EndsAfterAbbreviation(string text, ImmutableArray<Token> tokens, int i)
    {
        var token = tokens[i];
        var next = tokens[i + 1];
        if (HasParagraphBreak(text, token.SurfaceEnd, next.Start))
        {
            return true;
        }

        var form = text.AsSpan(token.Start, token.Range.Length - 1);
        var nextForm = text.AsSpan(next.Start, next.Range.Length);
        var c = nextForm[0];
        if (!char.IsUpper(c))
        {
            return false; // "e.g. the", "Sept. 11", "U.S.-based", "Inc.,"
        }

        var kind = AbbreviationLookup.TryGetValue(form, out var known) ? known : AbbreviationKind.Suffix;
        if (kind == AbbreviationKind.Final)
        {
            return true;
        }

        if (kind == AbbreviationKind.Prefix)
        {
            return false;
        }

        // A title or initial before a name goes on; a typical opener ("The", "He", "But") starts a new sentence.
        var nextWord = next.IsPartOfWord ? text.AsSpan(next.Start, next.SurfaceEnd - next.Start) : nextForm;
        return nextWord.Length > 1 && (OpenerLookup.Contains(nextForm) || OpenerLookup.Contains(nextWord));
    }

    /// <summary>
    /// Whether the period at <paramref name="period"/> follows a list number that opens a sentence ("reasons. 1. Cost"),
    /// so that the number begins the item rather than ending a sentence of its own.
    /// </summary>
    private static bool IsListNumber(string text, ImmutableArray<Token> tokens, int sentenceStart, int period)
    {
        if (period == 0 || tokens[period].Range.Length != 1 || text[tokens[period].Start] != '.')
        {
            return false;
        }

        var number = tokens[period - 1];
        if (number.End != tokens[period].Start || number.Range.Length > 2 || !char.IsAsciiDigit(text[number.Start])
            || !char.IsAsciiDigit(text[number.End - 1]))
        {
            return false;
        }

        if (period - 1 == sentenceStart)
        {
            return true;
        }

        var before = text[tokens[period - 2].Start];
        return before == ':' || CountLineBreaks(text, tokens[period - 2].SurfaceEnd, number.Start) > 0;
    }

    /// <summary>
    /// Boundaries without sentence punctuation, each kept only where EWT's train and dev sets show it right far more
    /// often than wrong: after a closing such as "Thanks," or a salutation such as "Dear Nina,", after a mail header's
    /// date and time ("02/13/2001 08:02 PM"), after an all-capitals heading, and after a URL or e-mail address that ends a
    /// line of a list or signature; each when a capitalised word follows.
    /// </summary>
    private static bool EndsWithoutPunctuation(string text, ImmutableArray<Token> tokens, int sentenceStart, int i)
    {
        var next = tokens[i + 1];
        var token = tokens[i];
        if (IsAddress(text.AsSpan(token.Start, token.Range.Length)) && IsAddress(text.AsSpan(next.Start, next.Range.Length)))
        {
            return true;
        }

        if (!char.IsUpper(text[next.Start]))
        {
            return false;
        }

        var form = text.AsSpan(token.Start, token.Range.Length);
        var nextWord = text.AsSpan(next.Start, next.SurfaceEnd - next.Start);
        if (form is "," or ":")
        {
            var count = i - sentenceStart;
            if (count is < 1 or > 3)
            {
                return false;
            }

            var phrase = text.AsSpan(tokens[sentenceStart].Start, tokens[i - 1].SurfaceEnd - tokens[sentenceStart].Start);
            var firstWord = text.AsSpan(tokens[sentenceStart].Start, tokens[sentenceStart].Range.Length);
            if (form is "," && (ClosingLookup.Contains(phrase) || (count >= 2 && SalutationLookup.Contains(firstWord))))
            {
                return true;
            }

            return false;
        }

        if (form.Length >= 2 && !form.ContainsAnyExceptInRange('A', 'Z') && nextWord.Length > 1 && OpenerLookup.Contains(nextWord)
            && i + 2 < tokens.Length && char.IsLower(text[tokens[i + 2].Start]))
        {
            return true; // An all-capitals heading before ordinary text: "TEN YEARS ON In the last decade".
        }

        if (IsAddress(form))
        {
            // A URL or e-mail address ends a line of a signature or a list of links.
            return form.Contains("://", StringComparison.Ordinal) || form.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
                || OpenerLookup.Contains(nextWord);
        }

        if (form is "AM" or "PM" or "am" or "pm" && i >= 2)
        {
            var time = text.AsSpan(tokens[i - 1].Start, tokens[i - 1].Range.Length);
            var date = text.AsSpan(tokens[i - 2].Start, tokens[i - 2].Range.Length);
            return time.Contains(':') && char.IsAsciiDigit(time[0]) && date.Count('/') == 2 && char.IsAsciiDigit(date[0]);
        }

        return false;
    }

    /// <summary>A URL ("http://...", "www....") or an e-mail address.</summary>
    private static bool IsAddress(ReadOnlySpan<char> form) =>
        form.Length > 4 && (form.Contains("://", StringComparison.Ordinal) || form.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || (form.IndexOf('@') is > 0 and var at && form[(at + 1)..].Contains('.')));

    /// <summary>A line break after token <paramref name="last"/> ends a sentence when the line was ended on purpose.</summary>
    private static bool EndsAtLineBreak(string text, ImmutableArray<Token> tokens, int last, LineLayout layout)
    {
        var gapStart = tokens[last].SurfaceEnd;
        var next = tokens[last + 1];
        var breaks = CountLineBreaks(text, gapStart, next.Start);
        if (breaks == 0)
        {
            return false;
        }

        if (breaks >= 2)
        {
            return true;
        }

        if (!layout.IsWrapped || IsListMarker(text, tokens, last + 1))
        {
            return true; // Each line is its own paragraph, headline or list item.
        }

        if (char.IsLower(text[next.Start]) || text[tokens[last].Start] is ',' or '-' or '\u2013' or '\u2014' or '(' or '&')
        {
            return false; // The wrapped sentence goes on.
        }

        // In wrapped text a short line was broken on purpose: the next word would have fitted.
        var lineStart = gapStart;
        while (lineStart > 0 && !IsLineBreak(text[lineStart - 1]))
        {
            lineStart--;
        }

        var wordEnd = next.Start;
        while (wordEnd < text.Length && !CharClass.IsSeparator(text[wordEnd]))
        {
            wordEnd++;
        }

        var lineLength = gapStart - lineStart;
        return lineLength + 1 + (wordEnd - next.Start) <= layout.Width;
    }

    private static bool IsListMarker(string text, ImmutableArray<Token> tokens, int index)
    {
        var token = tokens[index];
        var c = text[token.Start];
        if (token.Range.Length == 1 && c is '-' or '*' or '\u2022' or '\u2013' or '\u2014' or '\u25CF' or '\u25AA' or '>')
        {
            return true;
        }

        if (index + 1 < tokens.Length && token.Range.Length <= 2 && char.IsAsciiLetterOrDigit(c))
        {
            var next = tokens[index + 1];
            return next.Start == token.End && text[next.Start] is '.' or ')' && next.Range.Length == 1;
        }

        return false;
    }

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' or '\f' or '\v';

    /// <summary>Line breaks in [start, end): "\r\n" counts once, a paragraph separator or form feed counts twice.</summary>
    private static int CountLineBreaks(string text, int start, int end)
    {
        var count = 0;
        for (var k = start; k < end; k++)
        {
            switch (text[k])
            {
                case '\r':
                    count++;
                    if (k + 1 < end && text[k + 1] == '\n')
                    {
                        k++;
                    }

                    break;
                case '\n' or '\u2028' or '\u0085' or '\v':
                    count++;
                    break;
                case '\u2029' or '\f':
                    count += 2;
                    break;
                default:
                    break;
            }
        }

        return count;
    }

    private static bool HasParagraphBreak(string text, int start, int end) => end - start >= 2 && CountLineBreaks(text, start, end) >= 2;

    /// <summary>Adds sentence [start, end), cut into pieces of at most <see cref="MaxTokens"/> tokens.</summary>
    private void AddCapped(ImmutableArray<Sentence>.Builder sentences, ImmutableArray<Token> tokens, string text, int start, int end)
    {
        while (end - start > MaxTokens)
        {
            var cut = FindCut(tokens, text, start, start + MaxTokens);
            sentences.Add(new Sentence(start, cut));
            start = cut;
        }

        sentences.Add(new Sentence(start, end));
    }

    /// <summary>Where to cut a sentence that starts at <paramref name="start"/> so the piece ends by <paramref name="limit"/>: after the last ';', ':', ',' or dash in its second half, else at the limit.</summary>
    private int FindCut(ImmutableArray<Token> tokens, string text, int start, int limit)
    {
        var bestCut = -1;
        var bestRank = 0;
        var hardCut = -1;
        for (var k = limit - 1; k > start; k--)
        {
            if (!EndsSurfaceWord(tokens[k]))
            {
                continue;
            }

            if (hardCut < 0)
            {
                hardCut = k + 1;
            }

            if (k < start + (MaxTokens / 2))
            {
                break;
            }

            var form = text.AsSpan(tokens[k].Start, tokens[k].Range.Length);
            var rank = form switch
            {
                ";" => 3,
                ":" => 2,
                "," or "-" or "--" or "\u2013" or "\u2014" => 1,
                _ => 0,
            };
            if (rank > bestRank)
            {
                bestRank = rank;
                bestCut = k + 1;
            }
        }

        if (bestCut > 0)
        {
            return bestCut;
        }

        return hardCut > start ? hardCut : limit; // Only if one multiword token filled the whole window.
    }

    /// <summary>Whether the text's lines look hard-wrapped, and at what width.</summary>
    private readonly struct LineLayout
    {
        public LineLayout(string text)
        {
            var lineStart = 0;
            var lowerStarts = 0;
            var lengths = new List<int>();
            for (var k = 0; k <= text.Length; k++)
            {
                if (k == text.Length || IsLineBreak(text[k]))
                {
                    var end = k;
                    while (end > lineStart && char.IsWhiteSpace(text[end - 1]))
                    {
                        end--;
                    }

                    var first = lineStart;
                    while (first < end && char.IsWhiteSpace(text[first]))
                    {
                        first++;
                    }

                    if (end > first)
                    {
                        lengths.Add(end - lineStart);
                        lowerStarts += char.IsLower(text[first]) ? 1 : 0;
                    }

                    lineStart = k + 1;
                }
            }

            // Wrapped prose breaks lines inside sentences, so many lines start in lower case; a list of headlines does not.
            if (lengths.Count < 3 || lowerStarts * 5 < lengths.Count)
            {
                return;
            }

            var width = lengths.Max();
            if (width > 200)
            {
                return;
            }

            var full = lengths.Count(l => l >= width - 15);
            if (full >= 3 && full * 10 >= lengths.Count * 3)
            {
                IsWrapped = true;
                Width = width;
            }
        }

        /// <summary>True when most lines run to nearly the same width, as in text wrapped by an editor or mail program.</summary>
        public bool IsWrapped { get; }

        /// <summary>The longest line, in characters, when <see cref="IsWrapped"/>.</summary>
        public int Width { get; }
    }
}
