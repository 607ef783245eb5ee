using System.Collections.Frozen;
using System.Collections.Immutable;
using Dyad.Models;
using Dyad.Nlp.Learning;

namespace Dyad.Nlp.Tokenization;

/// <summary>
/// Groups tokens into sentences. A sentence ends at '.', '!', '?' or an ellipsis (with the closing quotes, brackets and
/// emoticons after it), at an abbreviation's period when a typical sentence opener follows ("in the U.S. He"), at a
/// blank line, and at a single line break when the line was ended on purpose (a headline, a list item) rather than
/// wrapped. A sentence never splits a multiword token, and one longer than <see cref="MaxTokens"/> is cut at its last
/// semicolon, colon, comma or dash before the limit, so that parsing time stays bounded.
/// </summary>
/// <remarks>
/// <para>
/// With a learned model (<see cref="Load"/>, <see cref="FromModelDirectory"/>, <see cref="Train"/>) the rules become
/// features and the fallback. Layout and a few news conventions still fix some gaps: a blank line always ends a
/// sentence, a single line break ends one where the rules say so (they know wrapped text, lists and headlines),
/// datelines ("MOSCOW (Reuters) -"), capitalised headlines and titles before names ("Gen. Smith") stay whole. Every
/// other gap after a surface word is decided by a two-class averaged perceptron over the tokens around it, their
/// shapes, usual casing and part of speech, the rules' decision and how the sentence has run so far, trained on UD
/// English EWT laid out as raw text (paragraphs by blank lines, sentences by spaces).
/// </para>
/// <para>Holds only read-only state; safe to use from many threads at once. Time is linear in the text's length.</para>
/// </remarks>
public sealed partial class SentenceSplitter
{
    /// <summary>Default for <see cref="MaxTokens"/>.</summary>
    public const int DefaultMaxTokens = 300;

    /// <summary>Kind written into the model file.</summary>
    public const string ModelKind = "sentences";

    /// <summary>Model format version; bump it when the features change.</summary>
    public const int ModelVersion = 2;

    private const int BoundaryClass = 1;

    /// <summary>Fewest lines a text needs before it can count as one sentence per line.</summary>
    private const int SentencePerLineMinimum = 5;

    /// <summary>Largest share of lines holding more than one sentence (by the rules) in a text of one sentence per line.</summary>
    private const double SentencePerLineShare = 0.1;

    private static readonly FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        Lexicon.Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OpenerLookup = Lexicon.SentenceOpeners.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EmoticonLookup = Lexicon.EmoticonSet.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClosingLookup = Lexicon.Closings.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SalutationLookup = Lexicon.Salutations.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly LinearModel? _model;
    private readonly WordClasses _words;

    /// <summary>Creates a splitter that caps sentences at <paramref name="maxTokens"/> tokens.</summary>
    /// <param name="maxTokens">Longest sentence, in tokens (syntactic words); at least 8.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxTokens"/> is less than 8.</exception>
    public SentenceSplitter(int maxTokens = DefaultMaxTokens)
        : this(null, WordClasses.Empty, 0, maxTokens)
    {
    }

    private SentenceSplitter(LinearModel? model, WordClasses words, float threshold, int maxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 8);
        MaxTokens = maxTokens;
        _model = model;
        _words = words;
        Threshold = threshold;
    }

    /// <summary>
    /// How far the learned boundary score must exceed the no-boundary score for the model to end a sentence: 0 by
    /// default, positive for fewer and surer boundaries, negative for more. Unused without a model.
    /// </summary>
    public float Threshold { get; }

    /// <summary>Longest sentence this splitter makes, in tokens.</summary>
    public int MaxTokens { get; }

    /// <summary>True when a learned model decides the boundaries; false for the rules alone.</summary>
    public bool IsLearned => _model is not null;

    /// <summary>Number of features with weights in the learned model; 0 for the rules alone.</summary>
    public int FeatureCount => _model?.FeatureCount ?? 0;

    /// <summary>Sentences of <paramref name="text"/>, given its <paramref name="tokens"/> in text order.</summary>
    /// <returns>Sentences in order covering every token exactly once; empty when there are no tokens.</returns>
    public ImmutableArray<Sentence> Split(string text, ImmutableArray<Token> tokens) => Cap(text, tokens, SplitUncapped(text, tokens));

    /// <summary>Loads a splitter whose boundaries a learned model decides (written by <see cref="Save"/>).</summary>
    /// <param name="path">A <c>sentences.model</c> file.</param>
    /// <param name="maxTokens">Longest sentence, in tokens; at least 8.</param>
    /// <exception cref="ModelException">The file is missing, of another kind or version, or damaged.</exception>
    public static SentenceSplitter Load(string path, int maxTokens = DefaultMaxTokens)
    {
        var (model, words, threshold) = ModelFile.Load(path, ModelKind, ModelVersion, reader =>
        {
            var threshold = reader.ReadSingle();
            if (!float.IsFinite(threshold))
            {
                throw new InvalidDataException("the threshold is not a number");
            }

            var words = WordClasses.Read(reader);
            return (LinearModel.Read(reader), words, threshold);
        });
        return new SentenceSplitter(model, words, threshold, maxTokens);
    }

    /// <summary>The same splitter with another <see cref="Threshold"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not finite.</exception>
    public SentenceSplitter WithThreshold(float threshold)
    {
        if (!float.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "the threshold must be a finite number");
        }

        return new SentenceSplitter(_model, _words, threshold, MaxTokens);
    }

    /// <summary>
    /// The splitter for a model directory: learned from <see cref="ModelDirectory.SentencesFile"/> when the directory
    /// has that file, the rules alone otherwise.
    /// </summary>
    /// <param name="modelDirectory">A model directory such as models/en.</param>
    /// <param name="maxTokens">Longest sentence, in tokens; at least 8.</param>
    /// <exception cref="ModelException">The sentence model exists but is of another kind or version, or damaged.</exception>
    public static SentenceSplitter FromModelDirectory(string modelDirectory, int maxTokens = DefaultMaxTokens)
    {
        ArgumentNullException.ThrowIfNull(modelDirectory);
        var path = Path.Combine(modelDirectory, ModelDirectory.SentencesFile);
        return File.Exists(path) ? Load(path, maxTokens) : new SentenceSplitter(maxTokens);
    }

    /// <summary>Writes the learned model to <paramref name="path"/>.</summary>
    /// <exception cref="InvalidOperationException">This splitter has no learned model (<see cref="IsLearned"/> is false).</exception>
    public void Save(string path)
    {
        var model = _model ?? throw new InvalidOperationException("a rule-based sentence splitter has no model to save");
        ModelFile.Save(path, ModelKind, ModelVersion, writer =>
        {
            writer.Write(Threshold);
            _words.Write(writer);
            model.Write(writer);
        });
    }

    /// <summary>Sentences as the model (or, without one, punctuation and layout) give them, before long ones are cut.</summary>
    internal ImmutableArray<Sentence> SplitUncapped(string text, ImmutableArray<Token> tokens)
    {
        var rules = SplitByRules(text, tokens);
        if (_model is null || rules.IsEmpty)
        {
            return rules;
        }

        var ruleEnds = new bool[tokens.Length];
        foreach (var sentence in rules)
        {
            ruleEnds[sentence.TokenEnd - 1] = true;
        }

        var context = new SentenceBoundaryFeatures(text, tokens, ruleEnds, _words);
        if (IsOneSentencePerLine(context, tokens, ruleEnds))
        {
            return rules;
        }

        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        Span<ulong> features = stackalloc ulong[SentenceBoundaryFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[_model.ClassCount];
        var start = 0;
        for (var i = 0; i < tokens.Length - 1; i++)
        {
            var decision = Decide(context, text, tokens, i, ruleEnds);
            if (decision is null)
            {
                var n = context.Extract(i, i - start + 1, features);
                _model.Score(features[..n], scores);
                decision = scores[BoundaryClass] - scores[1 - BoundaryClass] > Threshold;
            }

            if (decision.Value)
            {
                sentences.Add(new Sentence(start, i + 1));
                start = i + 1;
            }
        }

        sentences.Add(new Sentence(start, tokens.Length));
        return sentences.ToImmutable();
    }

    /// <summary>
    /// Whether the writer put one sentence on each line: the rules find more than one on at most
    /// <see cref="SentencePerLineShare"/> of at least <see cref="SentencePerLineMinimum"/> lines. Line breaks then give
    /// the boundaries away and the model's extra ones inside a line would be mostly wrong (EWT dev laid out one sentence
    /// per line: sentence F1 98.2 with the rules, 95.4 with the model).
    /// </summary>
    private static bool IsOneSentencePerLine(SentenceBoundaryFeatures context, ImmutableArray<Token> tokens, bool[] ruleEnds)
    {
        var lines = 0;
        var crowded = 0;
        var ends = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var lineEnd = i == tokens.Length - 1 || context.LineBreakAfter(i);
            ends += ruleEnds[i] || lineEnd ? 1 : 0;
            if (lineEnd)
            {
                lines++;
                crowded += ends > 1 ? 1 : 0;
                ends = 0;
            }
        }

        return lines >= SentencePerLineMinimum && crowded <= SentencePerLineShare * lines;
    }

    /// <summary>
    /// The decision that layout and news conventions force at the gap after token <paramref name="i"/>; null where the
    /// model decides. No boundary inside a multiword token or a dateline ("MOSCOW (Reuters) -"); a boundary at a blank
    /// line; the rules' decision at a single line break (they tell headlines and list items from wrapped lines, which
    /// EWT's layout never shows), inside a headline written in capitals ("Ceasefire Holds In Northern Province"),
    /// between an ellipsis and a lower-case word ("terrorism… and"), after a title, a month or a time abbreviation
    /// ("Gen. Smith", "Sept. 30", "10 a.m. Friday"), and a boundary where the rules end a sentence after a known
    /// abbreviation ("the U.S. The"): news uses that EWT's web text shows too seldom to learn.
    /// </summary>
    private static bool? Decide(SentenceBoundaryFeatures context, string text, ImmutableArray<Token> tokens, int i, bool[] ruleEnds)
    {
        if (!EndsSurfaceWord(tokens[i]) || context.InDateline(i))
        {
            return false;
        }

        if (context.LineBreakAfter(i))
        {
            return ruleEnds[i] || context.ParagraphBreakAfter(i);
        }

        if (context.InTitleLine(i) || (Classify(text, tokens[i]) == TokenKind.Ellipsis && char.IsLower(text[tokens[i + 1].Start])))
        {
            return ruleEnds[i];
        }

        // Titles, months and "a.m."/"p.m." go before a name, a number or a weekday far more often in news than at the
        // end of a sentence, and a known abbreviation before a typical opener ("the U.S. The") ends one; EWT's web text
        // shows these too seldom to learn.
        var form = text.AsSpan(tokens[i].Start, tokens[i].Range.Length);
        if (Classify(text, tokens[i]) != TokenKind.Abbreviation || !AbbreviationLookup.TryGetValue(form[..^1], out var kind))
        {
            return null;
        }

        return kind == AbbreviationKind.Prefix || form is "a.m." or "p.m." or "A.M." or "P.M." ? ruleEnds[i] : ruleEnds[i] ? true : null;
    }

    /// <summary>Sentences as punctuation and layout give them, before long ones are cut.</summary>
    internal static ImmutableArray<Sentence> SplitByRules(string text, ImmutableArray<Token> tokens)
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
    internal static int CountLineBreaks(string text, int start, int end)
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

    internal static bool HasParagraphBreak(string text, int start, int end) => end - start >= 2 && CountLineBreaks(text, start, end) >= 2;

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
