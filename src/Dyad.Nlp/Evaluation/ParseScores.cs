using Dyad.Nlp.Parsing;

namespace Dyad.Nlp.Evaluation;

/// <summary>
/// Scores of a system's annotation against gold, in percent (0-100), as the CoNLL 2018 shared task defines them:
/// with the same words, these are accuracies; from raw text they are F1 over aligned words.
/// LAS compares the universal part of the relation only ("obl:tmod" counts as "obl").
/// </summary>
public sealed record ParseScores
{
    /// <summary>Gold sentences.</summary>
    public int Sentences { get; init; }

    /// <summary>Gold syntactic words.</summary>
    public int Tokens { get; init; }

    /// <summary>Universal part of speech.</summary>
    public double Upos { get; init; }

    /// <summary>Penn tag.</summary>
    public double Xpos { get; init; }

    /// <summary>Universal features (the whole set must match).</summary>
    public double Feats { get; init; }

    /// <summary>Lemma.</summary>
    public double Lemma { get; init; }

    /// <summary>Unlabelled attachment score.</summary>
    public double Uas { get; init; }

    /// <summary>Labelled attachment score.</summary>
    public double Las { get; init; }

    /// <summary>From raw text only: surface token F1.</summary>
    public double? TokensF1 { get; init; }

    /// <summary>From raw text only: syntactic word F1.</summary>
    public double? WordsF1 { get; init; }

    /// <summary>From raw text only: sentence F1.</summary>
    public double? SentencesF1 { get; init; }

    /// <summary>Scores a system document that has exactly the gold document's tokens.</summary>
    /// <exception cref="ArgumentException">The two documents do not have the same tokens.</exception>
    public static ParseScores SameTokens(Document gold, Document system)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(system);
        if (gold.Tokens.Length != system.Tokens.Length)
        {
            throw new ArgumentException("the system document must have the gold tokens", nameof(system));
        }

        var pairs = Enumerable.Range(0, gold.Tokens.Length).Select(i => (i, i)).ToList();
        return Aligned(gold, system, pairs, pairs.Count);
    }

    /// <summary>
    /// Scores aligned words: <paramref name="pairs"/> maps gold token indexes to system token indexes;
    /// <paramref name="systemWords"/> is how many words the system produced (for precision). A head is right when the
    /// system head is aligned to the gold head (or both are the root).
    /// </summary>
    public static ParseScores Aligned(Document gold, Document system, IReadOnlyList<(int Gold, int System)> pairs, int systemWords)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(pairs);
        var goldToSystem = new Dictionary<int, int>(pairs.Count);
        foreach (var (g, s) in pairs)
        {
            goldToSystem[g] = s;
        }

        var goldSentenceOf = SentenceStarts(gold);
        var systemSentenceOf = SentenceStarts(system);
        int upos = 0, xpos = 0, feats = 0, lemma = 0, uas = 0, las = 0;
        foreach (var (g, s) in pairs)
        {
            var goldTag = gold.Tags[g];
            var systemTag = system.Tags[s];
            upos += goldTag.Upos == systemTag.Upos ? 1 : 0;
            xpos += goldTag.Xpos == systemTag.Xpos ? 1 : 0;
            feats += goldTag.Feats == systemTag.Feats ? 1 : 0;
            lemma += !system.Lemmas.IsDefault && gold.Lemmas[g] == system.Lemmas[s] ? 1 : 0;
            var goldHead = gold.Dependencies[g].Head;
            var systemHead = system.Dependencies[s].Head;
            var headRight = goldHead < 0
                ? systemHead < 0
                : systemHead >= 0 && goldToSystem.TryGetValue(goldSentenceOf[g] + goldHead, out var mapped) && mapped == systemSentenceOf[s] + systemHead;
            if (headRight)
            {
                uas++;
                las += DependencyParser.UniversalRelation(gold.Dependencies[g].Relation) == DependencyParser.UniversalRelation(system.Dependencies[s].Relation) ? 1 : 0;
            }
        }

        return new ParseScores
        {
            Sentences = gold.Sentences.Length,
            Tokens = gold.Tokens.Length,
            Upos = F1(upos, gold.Tokens.Length, systemWords),
            Xpos = F1(xpos, gold.Tokens.Length, systemWords),
            Feats = F1(feats, gold.Tokens.Length, systemWords),
            Lemma = F1(lemma, gold.Tokens.Length, systemWords),
            Uas = F1(uas, gold.Tokens.Length, systemWords),
            Las = F1(las, gold.Tokens.Length, systemWords),
        };
    }

    /// <summary>Scores a system's run over <paramref name="corpus"/>'s raw text: every figure is an F1 over aligned words.</summary>
    public static ParseScores FromRawText(RawTextCorpus corpus, Document system)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(system);
        var alignment = corpus.Align(system);
        var gold = corpus.GoldDocument("gold");
        var raw = RawTextScores.Evaluate(alignment, gold, system);
        return new ParseScores
        {
            Sentences = gold.Sentences.Length,
            Tokens = gold.Tokens.Length,
            TokensF1 = Percent(raw.Tokens),
            WordsF1 = Percent(raw.Words),
            SentencesF1 = Percent(raw.Sentences),
            Upos = Percent(raw.Upos),
            Xpos = Percent(raw.Xpos),
            Feats = Percent(alignment.Score((g, s) => gold.Tags[g].Feats == system.Tags[s].Feats)),
            Lemma = Percent(raw.Lemmas),
            Uas = Percent(raw.Uas),
            Las = Percent(raw.Las),
        };
    }

    private static double Percent(EvaluationScore? score) => score is { } value ? Math.Round(value.F1 * 100, 2) : 0;

    /// <summary>F1 in percent of <paramref name="correct"/> items against gold and system counts (accuracy when they are equal).</summary>
    public static double F1(int correct, int gold, int system) =>
        gold + system == 0 ? 100.0 : Math.Round(200.0 * correct / (gold + system), 2);

    /// <summary>For each token, the index of its sentence's first token, to turn sentence-relative heads into document indexes.</summary>
    private static int[] SentenceStarts(Document document)
    {
        var starts = new int[document.Tokens.Length];
        foreach (var sentence in document.Sentences)
        {
            for (var i = sentence.TokenStart; i < sentence.TokenEnd; i++)
            {
                starts[i] = sentence.TokenStart;
            }
        }

        return starts;
    }
}
