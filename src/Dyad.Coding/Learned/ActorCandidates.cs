using Dyad.Coding.Coding;
using Dyad.Hashing;

namespace Dyad.Coding.Learned;

/// <summary>The side of an event an actor phrase is sought for.</summary>
public enum PhraseRole
{
    /// <summary>Who acted.</summary>
    Source,

    /// <summary>Whom it was done to.</summary>
    Target,
}

/// <summary>A noun phrase that could be an event's source or target: its head, its actor code and words, and its features.</summary>
/// <param name="Head">Document index of the phrase's head.</param>
/// <param name="Code">Its actor code, <c>---</c> when the knowledge base does not know it.</param>
/// <param name="Span">Its words.</param>
/// <param name="Features">What the ranker reads of it.</param>
public sealed record ActorCandidate(int Head, string Code, TokenSpan Span, ulong[] Features);

/// <summary>
/// The candidates for an event's source or target and what the actor ranker reads of each: the noun phrases of the sentence
/// (their heads), described by their relation, preposition, place and distance from the event's verb, the event's type
/// and verb, and whether the knowledge base knows the phrase as an actor.
/// </summary>
public static class ActorCandidates
{
    private static readonly string[] Heads = ["nsubj", "obj", "iobj", "obl", "nmod", "appos", "conj", "dep", "root", "xcomp"];

    private enum Template
    {
        Bias = 1,
        Relation,
        RelationType,
        Case,
        CaseType,
        CaseVerb,
        Attachment,
        Side,
        Distance,
        Upos,
        Known,
        KnownRelation,
        Lemma,
        VerbRelation,
        FirstAfter,
        Inside,
    }

    /// <summary>
    /// The candidates for the <paramref name="role"/> of an event of <paramref name="type"/> at <paramref name="verb"/>:
    /// every noun phrase of the sentence outside the verb and the other side's words (<paramref name="other"/>).
    /// </summary>
    /// <param name="document">A parsed document.</param>
    /// <param name="sentence">The event's sentence.</param>
    /// <param name="verb">Document index of the event's verb.</param>
    /// <param name="type">The event's type, or null.</param>
    /// <param name="other">The other side's tokens (none when unknown).</param>
    /// <param name="coder">The coder, to resolve each phrase's actor.</param>
    /// <param name="date">The story's date, for dated actor roles.</param>
    /// <param name="role">Which side is sought: the features differ by side, so one ranker can learn both.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="coder"/> is null.</exception>
    public static IReadOnlyList<ActorCandidate> For(Document document, Sentence sentence, int verb, string? type, TokenSpan other, EventCoder coder, DateOnly? date, PhraseRole role)
    {
        var source = other;
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(coder);
        var heads = Candidates(document, sentence).Where(h => h != verb && !(source.Start <= h && h < source.End)).ToList();
        var actors = coder.ActorsAt(document, sentence, heads, date);
        var firstAfter = heads.FirstOrDefault(h => h > verb, -1);
        var result = new List<ActorCandidate>();
        for (var i = 0; i < heads.Count; i++)
        {
            var (code, span) = actors[i];
            if (span.Length <= 0 || (span.Start < source.End && source.Start < span.End) || (span.Start <= verb && verb < span.End))
            {
                continue;
            }

            var known = !code.StartsWith("---", StringComparison.Ordinal);
            var features = Of(document, sentence, verb, type, heads[i], known, heads[i] == firstAfter, inside: false);
            if (role == PhraseRole.Source)
            {
                // The source's features are the target's keyed apart, so one classifier can hold both.
                for (var f = 0; f < features.Length; f++)
                {
                    features[f] = FeatureHash.Mix(features[f] ^ 0x5EEDF00DUL);
                }
            }

            result.Add(new ActorCandidate(heads[i], code, span, features));
        }

        return result;
    }

    /// <summary>The heads (document indexes) of the noun phrases of <paramref name="sentence"/> that could be an event's target.</summary>
    /// <param name="document">A parsed document.</param>
    /// <param name="sentence">One of its sentences.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public static IReadOnlyList<int> Candidates(Document document, Sentence sentence)
    {
        ArgumentNullException.ThrowIfNull(document);
        var result = new List<int>();
        for (var t = sentence.TokenStart; t < sentence.TokenEnd; t++)
        {
            if (document.Tags[t].Upos is "NOUN" or "PROPN" && Heads.Contains(EventFeatures.BaseRelation(document.Dependencies[t].Relation), StringComparer.Ordinal))
            {
                result.Add(t);
            }
        }

        return result;
    }

    /// <summary>The features of candidate <paramref name="head"/> as the target of an event of <paramref name="type"/> at <paramref name="verb"/>.</summary>
    /// <param name="document">A parsed document.</param>
    /// <param name="sentence">The sentence of the event.</param>
    /// <param name="verb">Document index of the event's verb.</param>
    /// <param name="type">The event's type, or null.</param>
    /// <param name="head">Document index of the candidate's head.</param>
    /// <param name="known">True when the knowledge base knows the phrase as an actor (its code is not <c>---</c>).</param>
    /// <param name="firstAfter">True when it is the first candidate after the verb.</param>
    /// <param name="inside">True when the candidate lies inside the event's source words.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public static ulong[] Of(Document document, Sentence sentence, int verb, string? type, int head, bool known, bool firstAfter, bool inside)
    {
        ArgumentNullException.ThrowIfNull(document);
        var relation = FeatureHash.OfText(EventFeatures.BaseRelation(document.Dependencies[head].Relation));
        var typeKey = FeatureHash.OfText(type ?? "-");
        var verbLemma = FeatureHash.OfText(document.Lemmas[verb] ?? string.Empty, lowercase: true);
        var caseWord = FeatureHash.OfText(CaseOf(document, sentence, head), lowercase: true);
        var governor = document.Dependencies[head].Head < 0 ? -1 : sentence.TokenStart + document.Dependencies[head].Head;
        var attachment = governor == verb ? 0UL
            : governor >= 0 && document.Dependencies[governor].Head >= 0 && sentence.TokenStart + document.Dependencies[governor].Head == verb ? 1UL
            : head == verb ? 3UL : 2UL;
        var distance = Math.Abs(head - verb);
        var bucket = distance switch { <= 1 => 0UL, 2 => 1UL, <= 5 => 2UL, <= 10 => 3UL, _ => 4UL };
        return
        [
            FeatureHash.Of((int)Template.Bias, 0),
            FeatureHash.Of((int)Template.Relation, relation),
            FeatureHash.Of((int)Template.RelationType, relation, typeKey),
            FeatureHash.Of((int)Template.Case, caseWord),
            FeatureHash.Of((int)Template.CaseType, caseWord, typeKey),
            FeatureHash.Of((int)Template.CaseVerb, caseWord, verbLemma),
            FeatureHash.Of((int)Template.Attachment, attachment, relation),
            FeatureHash.Of((int)Template.Side, head > verb ? 1UL : 0UL, relation),
            FeatureHash.Of((int)Template.Distance, bucket),
            FeatureHash.Of((int)Template.Upos, FeatureHash.OfText(document.Tags[head].Upos ?? string.Empty)),
            FeatureHash.Of((int)Template.Known, known ? 1UL : 0UL),
            FeatureHash.Of((int)Template.KnownRelation, known ? 1UL : 0UL, relation),
            FeatureHash.Of((int)Template.Lemma, FeatureHash.OfText(document.Lemmas[head] ?? string.Empty, lowercase: true)),
            FeatureHash.Of((int)Template.VerbRelation, verbLemma, relation),
            FeatureHash.Of((int)Template.FirstAfter, firstAfter ? 1UL : 0UL),
            FeatureHash.Of((int)Template.Inside, inside ? 1UL : 0UL),
        ];
    }

    private static string CaseOf(Document document, Sentence sentence, int head)
    {
        for (var t = sentence.TokenStart; t < sentence.TokenEnd; t++)
        {
            if (document.Dependencies[t].Head == head - sentence.TokenStart && EventFeatures.BaseRelation(document.Dependencies[t].Relation) == "case")
            {
                return document.Form(t);
            }
        }

        return string.Empty;
    }
}
