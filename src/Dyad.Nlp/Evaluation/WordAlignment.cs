using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Dyad.Nlp.Conllu;
using Dyad.Nlp.Tokenization;

namespace Dyad.Nlp.Evaluation;

/// <summary>Counts behind one evaluation metric, with precision, recall and F1 as fractions in [0, 1].</summary>
/// <param name="Gold">Items in the gold standard (words, tokens or sentences).</param>
/// <param name="System">Items the system produced.</param>
/// <param name="Correct">System items that match a gold item.</param>
public readonly record struct EvaluationScore(int Gold, int System, int Correct)
{
    /// <summary>Correct / System; 0 when the system produced nothing.</summary>
    public double Precision => System == 0 ? 0 : (double)Correct / System;

    /// <summary>Correct / Gold; 0 when the gold standard is empty.</summary>
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    /// <summary>Harmonic mean of precision and recall: 2 Correct / (Gold + System); 0 when both are empty.</summary>
    public double F1 => Gold + System == 0 ? 0 : 2.0 * Correct / (Gold + System);

    /// <summary>Formats as <c>P 98.12 R 97.50 F1 97.81 (correct/gold/system)</c>, percentages with two decimals.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"P {Precision * 100:F2} R {Recall * 100:F2} F1 {F1 * 100:F2} ({Correct}/{Gold}/{System})");
}

/// <summary>One surface token as written and the syntactic words it holds (one word for an ordinary token).</summary>
/// <param name="Form">The surface form; white space in it is ignored.</param>
/// <param name="Words">The forms of its syntactic words; more than one for a multiword token such as "don't" = do + n't.</param>
public sealed record EvaluationToken(string Form, ImmutableArray<string> Words);

/// <summary>A pair of aligned words: indexes into the gold and the system word lists, counted over the whole input.</summary>
/// <param name="Gold">0-based index of the gold word.</param>
/// <param name="System">0-based index of the system word.</param>
public readonly record struct AlignedWord(int Gold, int System);

/// <summary>
/// Aligns system words to gold words over the same text as the CoNLL 2018 shared task's evaluation does for raw-text
/// parsing: both sides' characters are compared with white space removed; tokens and sentences count as correct when
/// their character spans match exactly; words outside multiword tokens align when their spans match, and inside a
/// stretch of overlapping multiword tokens by the longest common subsequence of their lower-cased forms.
/// </summary>
/// <remarks>
/// Word indexes count syntactic words from 0 over the whole input in order, so for a <see cref="Document"/> they are its
/// token indexes. Immutable once built; safe to read from many threads.
/// </remarks>
public sealed class WordAlignment
{
    private readonly int[] _systemOfGold;
    private readonly int[] _goldOfSystem;

    private WordAlignment(int[] systemOfGold, int[] goldOfSystem, ImmutableArray<AlignedWord> pairs, EvaluationScore tokens, EvaluationScore sentences)
    {
        _systemOfGold = systemOfGold;
        _goldOfSystem = goldOfSystem;
        Pairs = pairs;
        Tokens = tokens;
        Sentences = sentences;
        Words = new EvaluationScore(systemOfGold.Length, goldOfSystem.Length, pairs.Length);
    }

    /// <summary>Aligned word pairs in text order.</summary>
    public ImmutableArray<AlignedWord> Pairs { get; }

    /// <summary>Surface tokens (a multiword token counts once) whose character span matches a gold token's.</summary>
    public EvaluationScore Tokens { get; }

    /// <summary>Sentences whose character span matches a gold sentence's.</summary>
    public EvaluationScore Sentences { get; }

    /// <summary>Syntactic words aligned to a gold word.</summary>
    public EvaluationScore Words { get; }

    /// <summary>Number of gold words.</summary>
    public int GoldWordCount => _systemOfGold.Length;

    /// <summary>Number of system words.</summary>
    public int SystemWordCount => _goldOfSystem.Length;

    /// <summary>The system word aligned to gold word <paramref name="goldWord"/>, or -1 when none is.</summary>
    public int SystemWordOf(int goldWord) => _systemOfGold[goldWord];

    /// <summary>The gold word aligned to system word <paramref name="systemWord"/>, or -1 when none is.</summary>
    public int GoldWordOf(int systemWord) => _goldOfSystem[systemWord];

    /// <summary>
    /// Scores an attribute of aligned words (UPOS, XPOS, lemma, features): a pair counts as correct when
    /// <paramref name="isCorrect"/>(gold word, system word) holds; precision and recall are over all system and gold words.
    /// </summary>
    public EvaluationScore Score(Func<int, int, bool> isCorrect)
    {
        ArgumentNullException.ThrowIfNull(isCorrect);
        var correct = 0;
        foreach (var pair in Pairs)
        {
            if (isCorrect(pair.Gold, pair.System))
            {
                correct++;
            }
        }

        return Words with { Correct = correct };
    }

    /// <summary>
    /// Attachment score: an aligned word's head is correct when both are roots or the system head is aligned to the gold
    /// head; with <paramref name="labelsMatch"/> (gold word, system word) the relation must match too (LAS), else UAS.
    /// </summary>
    /// <param name="goldHeads">Head of each gold word as a word index over the whole input, -1 for a root.</param>
    /// <param name="systemHeads">Head of each system word, likewise.</param>
    /// <param name="labelsMatch">Compares the relations of an aligned pair, or null for unlabelled attachment.</param>
    /// <exception cref="ArgumentException">A head list's length differs from its word count.</exception>
    public EvaluationScore Attachment(IReadOnlyList<int> goldHeads, IReadOnlyList<int> systemHeads, Func<int, int, bool>? labelsMatch = null)
    {
        ArgumentNullException.ThrowIfNull(goldHeads);
        ArgumentNullException.ThrowIfNull(systemHeads);
        if (goldHeads.Count != GoldWordCount || systemHeads.Count != SystemWordCount)
        {
            throw new ArgumentException("Give one head per word on each side.", nameof(goldHeads));
        }

        var correct = 0;
        foreach (var (gold, system) in Pairs)
        {
            var goldHead = goldHeads[gold];
            var systemHead = systemHeads[system];
            var headMatches = goldHead < 0
                ? systemHead < 0
                : systemHead >= 0 && systemHead < _goldOfSystem.Length && _goldOfSystem[systemHead] == goldHead;
            if (headMatches && (labelsMatch is null || labelsMatch(gold, system)))
            {
                correct++;
            }
        }

        return Words with { Correct = correct };
    }

    /// <summary>Aligns the tokens and sentences of two documents, which must hold the same non-white-space characters in their tokens.</summary>
    /// <exception cref="ArgumentException">The documents' tokens spell different characters, or a document has no tokens or sentences.</exception>
    public static WordAlignment Align(Document gold, Document system) => Align(FromDocument(gold), FromDocument(system));

    /// <summary>Aligns two segmentations of the same characters, each a list of sentences of tokens.</summary>
    /// <exception cref="ArgumentException">The two sides' tokens spell different characters once white space is removed.</exception>
    public static WordAlignment Align(IReadOnlyList<ImmutableArray<EvaluationToken>> gold, IReadOnlyList<ImmutableArray<EvaluationToken>> system)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(system);
        var goldSide = Side.Build(gold);
        var systemSide = Side.Build(system);
        CheckSameCharacters(goldSide.Characters, systemSide.Characters);

        var systemOfGold = new int[goldSide.Words.Count];
        var goldOfSystem = new int[systemSide.Words.Count];
        Array.Fill(systemOfGold, -1);
        Array.Fill(goldOfSystem, -1);
        var pairs = ImmutableArray.CreateBuilder<AlignedWord>();
        AlignWords(goldSide.Words, systemSide.Words, pairs);
        foreach (var (g, s) in pairs)
        {
            systemOfGold[g] = s;
            goldOfSystem[s] = g;
        }

        return new WordAlignment(
            systemOfGold,
            goldOfSystem,
            pairs.ToImmutable(),
            SpanScore(goldSide.Tokens, systemSide.Tokens),
            SpanScore(goldSide.Sentences, systemSide.Sentences));
    }

    /// <summary>The sentences of a tokenized document as evaluation input: parts of a multiword token form one surface token.</summary>
    /// <exception cref="ArgumentException">The document has no tokens or sentences set.</exception>
    public static ImmutableArray<ImmutableArray<EvaluationToken>> FromDocument(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Tokens.IsDefault || document.Sentences.IsDefault)
        {
            throw new ArgumentException($"Document '{document.Id}' has no tokens or sentences; tokenize it first.", nameof(document));
        }

        var text = document.Text;
        var result = ImmutableArray.CreateBuilder<ImmutableArray<EvaluationToken>>(document.Sentences.Length);
        var words = ImmutableArray.CreateBuilder<string>();
        foreach (var sentence in document.Sentences)
        {
            var tokens = ImmutableArray.CreateBuilder<EvaluationToken>();
            for (var i = sentence.TokenStart; i < sentence.TokenEnd; i++)
            {
                var first = document.Tokens[i];
                words.Clear();
                words.Add(document.Form(i));
                while (document.Tokens[i].IsPartOfWord && i + 1 < sentence.TokenEnd && document.Tokens[i + 1].SurfaceEnd == first.SurfaceEnd)
                {
                    i++;
                    words.Add(document.Form(i));
                }

                tokens.Add(new EvaluationToken(text[first.Start..first.SurfaceEnd], words.ToImmutable()));
            }

            result.Add(tokens.ToImmutable());
        }

        return result.MoveToImmutable();
    }

    /// <summary>Gold sentences read from CoNLL-U as evaluation input, with their words' forms exactly as the file gives them.</summary>
    public static ImmutableArray<ImmutableArray<EvaluationToken>> FromConllu(IEnumerable<ConlluSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var result = ImmutableArray.CreateBuilder<ImmutableArray<EvaluationToken>>();
        foreach (var sentence in sentences)
        {
            var tokens = ImmutableArray.CreateBuilder<EvaluationToken>();
            var nextMultiword = 0;
            for (var i = 0; i < sentence.Words.Length; i++)
            {
                if (nextMultiword < sentence.Multiwords.Length && sentence.Multiwords[nextMultiword].First == i)
                {
                    var multiword = sentence.Multiwords[nextMultiword++];
                    var parts = ImmutableArray.CreateBuilder<string>(multiword.Last - multiword.First + 1);
                    for (var part = multiword.First; part <= multiword.Last; part++)
                    {
                        parts.Add(sentence.Words[part].Form);
                    }

                    tokens.Add(new EvaluationToken(multiword.Form, parts.MoveToImmutable()));
                    i = multiword.Last;
                }
                else
                {
                    tokens.Add(new EvaluationToken(sentence.Words[i].Form, [sentence.Words[i].Form]));
                }
            }

            result.Add(tokens.ToImmutable());
        }

        return result.ToImmutable();
    }

    private static void CheckSameCharacters(StringBuilder gold, StringBuilder system)
    {
        var length = Math.Min(gold.Length, system.Length);
        for (var k = 0; k < length; k++)
        {
            if (gold[k] != system[k])
            {
                throw new ArgumentException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Gold and system tokens spell different text at non-space character {k}: gold '{Excerpt(gold, k)}', system '{Excerpt(system, k)}'. Tokenize the same text on both sides."));
            }
        }

        if (gold.Length != system.Length)
        {
            throw new ArgumentException(string.Create(
                CultureInfo.InvariantCulture,
                $"Gold tokens hold {gold.Length} non-space characters, system tokens {system.Length}. Tokenize the same text on both sides."));
        }
    }

    private static string Excerpt(StringBuilder text, int at)
    {
        var start = Math.Max(0, at - 10);
        return text.ToString(start, Math.Min(text.Length, at + 10) - start);
    }

    /// <summary>Counts spans of the system that start and end where a gold span does (both lists are in order).</summary>
    private static EvaluationScore SpanScore(List<TextRange> gold, List<TextRange> system)
    {
        int gi = 0, si = 0, correct = 0;
        while (gi < gold.Count && si < system.Count)
        {
            if (system[si].Start < gold[gi].Start)
            {
                si++;
            }
            else if (gold[gi].Start < system[si].Start)
            {
                gi++;
            }
            else
            {
                correct += gold[gi].End == system[si].End ? 1 : 0;
                gi++;
                si++;
            }
        }

        return new EvaluationScore(gold.Count, system.Count, correct);
    }

    private static void AlignWords(List<Word> gold, List<Word> system, ImmutableArray<AlignedWord>.Builder pairs)
    {
        int gi = 0, si = 0;
        while (gi < gold.Count && si < system.Count)
        {
            if (gold[gi].IsMultiword || system[si].IsMultiword)
            {
                var (gs, ss) = FindMultiwordSpan(gold, system, ref gi, ref si);
                if (gi > gs && si > ss)
                {
                    AlignByLcs(gold, system, gs, gi, ss, si, pairs);
                }
            }
            else if (gold[gi].Span == system[si].Span)
            {
                pairs.Add(new AlignedWord(gi, si));
                gi++;
                si++;
            }
            else if (gold[gi].Span.Start <= system[si].Span.Start)
            {
                gi++;
            }
            else
            {
                si++;
            }
        }
    }

    /// <summary>
    /// Widens from words <paramref name="gi"/>, <paramref name="si"/> to the smallest stretch on both sides that covers
    /// every multiword token overlapping it; returns the stretch's starts and leaves the indexes after its ends.
    /// </summary>
    private static (int GoldStart, int SystemStart) FindMultiwordSpan(List<Word> gold, List<Word> system, ref int gi, ref int si)
    {
        int end;
        if (gold[gi].IsMultiword)
        {
            end = gold[gi].Span.End;
            if (!system[si].IsMultiword && system[si].Span.Start < gold[gi].Span.Start)
            {
                si++;
            }
        }
        else
        {
            end = system[si].Span.End;
            if (!gold[gi].IsMultiword && gold[gi].Span.Start < system[si].Span.Start)
            {
                gi++;
            }
        }

        var start = (gi, si);
        while (!BeyondEnd(gold, gi, end) || !BeyondEnd(system, si, end))
        {
            if (gi < gold.Count && (si >= system.Count || gold[gi].Span.Start <= system[si].Span.Start))
            {
                end = ExtendEnd(gold[gi], end);
                gi++;
            }
            else
            {
                end = ExtendEnd(system[si], end);
                si++;
            }
        }

        return start;

        static bool BeyondEnd(List<Word> words, int i, int end) =>
            i >= words.Count || (words[i].IsMultiword ? words[i].Span.Start >= end : words[i].Span.End > end);

        static int ExtendEnd(Word word, int end) => word.IsMultiword && word.Span.End > end ? word.Span.End : end;
    }

    /// <summary>Aligns gold words [gs, ge) with system words [ss, se) along a longest common subsequence of lower-cased forms.</summary>
    private static void AlignByLcs(List<Word> gold, List<Word> system, int gs, int ge, int ss, int se, ImmutableArray<AlignedWord>.Builder pairs)
    {
        var rows = ge - gs;
        var columns = se - ss;
        var lcs = new int[(rows + 1) * (columns + 1)];
        var stride = columns + 1;
        for (var g = rows - 1; g >= 0; g--)
        {
            for (var s = columns - 1; s >= 0; s--)
            {
                var value = Same(gold[gs + g], system[ss + s]) ? 1 + lcs[((g + 1) * stride) + s + 1] : 0;
                value = Math.Max(value, lcs[((g + 1) * stride) + s]);
                value = Math.Max(value, lcs[(g * stride) + s + 1]);
                lcs[(g * stride) + s] = value;
            }
        }

        int gi = 0, si = 0;
        while (gi < rows && si < columns)
        {
            if (Same(gold[gs + gi], system[ss + si]))
            {
                pairs.Add(new AlignedWord(gs + gi, ss + si));
                gi++;
                si++;
            }
            else if (lcs[(gi * stride) + si] == lcs[((gi + 1) * stride) + si])
            {
                gi++;
            }
            else
            {
                si++;
            }
        }

        static bool Same(Word a, Word b) => string.Equals(a.LowerForm, b.LowerForm, StringComparison.Ordinal);
    }

    /// <summary>A syntactic word: the character span of its surface token and its lower-cased form.</summary>
    private readonly record struct Word(TextRange Span, string LowerForm, bool IsMultiword);

    /// <summary>One side of the comparison: its characters without white space and the spans of its tokens, sentences and words.</summary>
    private sealed class Side
    {
        public StringBuilder Characters { get; } = new();

        public List<TextRange> Tokens { get; } = [];

        public List<TextRange> Sentences { get; } = [];

        public List<Word> Words { get; } = [];

        public static Side Build(IReadOnlyList<ImmutableArray<EvaluationToken>> sentences)
        {
            var side = new Side();
            foreach (var sentence in sentences)
            {
                var sentenceStart = side.Characters.Length;
                foreach (var token in sentence)
                {
                    var start = side.Characters.Length;
                    foreach (var c in token.Form)
                    {
                        if (!CharClass.IsSeparator(c))
                        {
                            side.Characters.Append(c);
                        }
                    }

                    var span = new TextRange(start, side.Characters.Length);
                    side.Tokens.Add(span);
                    var isMultiword = token.Words.Length > 1;
                    foreach (var word in token.Words)
                    {
                        side.Words.Add(new Word(span, word.ToLowerInvariant(), isMultiword));
                    }
                }

                if (sentence.Length > 0)
                {
                    side.Sentences.Add(new TextRange(sentenceStart, side.Characters.Length));
                }
            }

            return side;
        }
    }
}
