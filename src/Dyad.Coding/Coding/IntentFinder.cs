using System.Collections.Frozen;

namespace Dyad.Coding.Coding;

/// <summary>
/// Intent and readiness: "Russia is ready to arm the Iraqi army", "Russia expressed its readiness to train and arm...",
/// "China pledged to send aid". The action verb is coded as usual (arm: provide military aid, 072), then moved to the
/// CAMEO code that expresses the intent to do it (0332), following CAMEO's own pairing of its 03 codes with the
/// cooperative roots 04–08 and of its 13 (threaten) codes with the coercive roots 16–20.
/// This class finds the word that states the intent; <see cref="IntentCodes"/> maps the action to its intent code.
/// </summary>
internal sealed class IntentFinder
{
    private const int NoToken = SentenceView.NoToken;

    /// <summary>Adjectives and verbs whose open complement states an intent: "ready to", "pledged to", "agreed to".</summary>
    private static readonly FrozenSet<string> IntentHeads = FrozenSet.Create(
        StringComparer.Ordinal,
        "READY", "WILLING", "PREPARED", "EAGER", "DETERMINED", "KEEN", "SET", "POISED",
        "PROMISE", "PLEDGE", "VOW", "OFFER", "PLAN", "INTEND", "AGREE", "WANT", "DECIDE", "PROPOSE", "COMMIT", "RESOLVE", "AIM", "SEEK");

    /// <summary>Nouns whose infinitive states an intent: "its readiness to", "a pledge to", "plans to".</summary>
    private static readonly FrozenSet<string> IntentNouns = FrozenSet.Create(
        StringComparer.Ordinal,
        "READINESS", "WILLINGNESS", "INTENTION", "INTENT", "PLAN", "PLANS", "OFFER", "PLEDGE", "PROMISE", "COMMITMENT", "DETERMINATION", "DESIRE", "DECISION", "PROPOSAL", "BID", "VOW");

    private readonly SentenceView _sentence;
    private readonly DependencyQueries _queries;
    private readonly bool _futureAsIntent;

    /// <summary>Finds intents in <paramref name="sentence"/>; with <paramref name="futureAsIntent"/> a future auxiliary ("will", "would") states one.</summary>
    public IntentFinder(SentenceView sentence, DependencyQueries queries, bool futureAsIntent)
    {
        _sentence = sentence;
        _queries = queries;
        _futureAsIntent = futureAsIntent;
    }

    /// <summary>
    /// The token that makes <paramref name="verb"/>'s action an intent ("ready", "pledged", "readiness", the auxiliary "will"),
    /// or -1. The verb must be its open complement or its infinitive, possibly as the later conjunct ("to train and arm"),
    /// or carry a future auxiliary.
    /// </summary>
    public int FindIntentHead(int verb)
    {
        var v = verb;
        while (_sentence.Relation(v) == "conj" && _sentence.Head(v) != NoToken)
        {
            v = _sentence.Head(v);
        }

        // "Russia said it would cooperate with Iraq", "Iraq will host the talks": a stated future act is an intent.
        var future = _sentence.Children(verb).FirstOrDefault(c => _sentence.Relation(c) == "aux" && _sentence.Word(c) is "WILL" or "WOULD" or "'LL" or "SHALL", NoToken);
        if (future != NoToken && _futureAsIntent)
        {
            return future;
        }

        var head = _sentence.Head(v);
        if (head == NoToken || !_sentence.Children(v).Exists(c => _sentence.Relation(c) == "mark" && _sentence.Word(c) == "TO"))
        {
            return NoToken;
        }

        var relation = _sentence.Relation(v);
        if (relation == "xcomp" && (IntentHeads.Contains(_sentence.Lemma(head)) || IntentHeads.Contains(_sentence.Word(head))))
        {
            return head;
        }

        // "expressed its readiness to train": parsers often hang the infinitive on the verb rather than on its object.
        if (relation == "xcomp" && _sentence.Children(head).FirstOrDefault(c => _sentence.Relation(c) is "obj" or "dobj" && (IntentNouns.Contains(_sentence.Lemma(c)) || IntentNouns.Contains(_sentence.Word(c))), NoToken) is var noun && noun != NoToken)
        {
            return noun;
        }

        return relation.StartsWith("acl", StringComparison.Ordinal) && (IntentNouns.Contains(_sentence.Lemma(head)) || IntentNouns.Contains(_sentence.Word(head))) ? head : NoToken;
    }

    /// <summary>
    /// The source of an intent stated by a noun ("Russia's readiness to arm", "Russia expressed its readiness to arm"): the
    /// noun's possessor, or, when that is a pronoun or missing, the subject of the clause the noun belongs to.
    /// </summary>
    public int IntentNounSource(int noun)
    {
        var possessor = _sentence.Children(noun).FirstOrDefault(c => _sentence.Relation(c) == "nmod:poss", NoToken);
        if (possessor != NoToken && _sentence.Upos(possessor) != "PRON")
        {
            return possessor;
        }

        return _sentence.Head(noun) == NoToken ? NoToken : _queries.FindSubject(_sentence.Head(noun));
    }
}
