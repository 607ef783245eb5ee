
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

    /// <summary>Scores a system document that has exactly the gold document's tokens (every figure is then an accuracy).</summary>
    /// <exception cref="ArgumentException">The two documents do not have the same tokens.</exception>
    public static ParseScores SameTokens(Document gold, Document system)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(system);
        if (gold.Tokens.Length != system.Tokens.Length)
        {
            throw new ArgumentException("the system document must have the gold tokens", nameof(system));
        }

        return Scored(WordAlignment.Align(gold, system), gold, system, fromRawText: false);
    }

    /// <summary>Scores a system's run over <paramref name="corpus"/>'s raw text: every figure is an F1 over aligned words.</summary>
    public static ParseScores FromRawText(RawTextCorpus corpus, Document system)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(system);
        return Scored(corpus.Align(system), corpus.GoldDocument("gold"), system, fromRawText: true);
    }

    private static ParseScores Scored(WordAlignment alignment, Document gold, Document system, bool fromRawText)
    {
        var raw = RawTextScores.Evaluate(alignment, gold, system);
        return new ParseScores
        {
            Sentences = gold.Sentences.Length,
            Tokens = gold.Tokens.Length,
            TokensF1 = fromRawText ? Percent(raw.Tokens) : null,
            WordsF1 = fromRawText ? Percent(raw.Words) : null,
            SentencesF1 = fromRawText ? Percent(raw.Sentences) : null,
            Upos = Percent(raw.Upos),
            Xpos = Percent(raw.Xpos),
            Feats = Percent(alignment.Score((g, s) => gold.Tags[g].Feats == system.Tags[s].Feats)),
            Lemma = Percent(raw.Lemmas),
            Uas = Percent(raw.Uas),
            Las = Percent(raw.Las),
        };
    }

    private static double Percent(EvaluationScore? score) => score is { } value ? Math.Round(value.F1 * 100, 2) : 0;
}
