using System.Collections.Frozen;

namespace Dyad.Coding.Coding;

/// <summary>
/// Intent and readiness: "Russia is ready to arm the Iraqi army", "Russia expressed its readiness to train and arm...",
/// "China pledged to send aid". The action verb is coded as usual (arm: provide military aid, 072), then moved to the
/// CAMEO code that expresses the intent to do it (0332), following CAMEO's own pairing of its 03 codes with the
/// cooperative roots 04–08 and of its 13 (threaten) codes with the coercive roots 16–20.
/// </summary>
internal sealed partial class SentenceCoder
{
    /// <summary>Adjectives and verbs whose open complement states an intent: "ready to", "pledged to", "agreed to".</summary>
    private static readonly FrozenSet<string> IntentHeads = FrozenSet.Create(
        StringComparer.Ordinal,
        "READY", "WILLING", "PREPARED", "EAGER", "DETERMINED", "KEEN", "SET", "POISED",
        "PROMISE", "PLEDGE", "VOW", "OFFER", "PLAN", "INTEND", "AGREE", "WANT", "DECIDE", "PROPOSE", "COMMIT", "RESOLVE", "AIM", "SEEK");

    /// <summary>Nouns whose infinitive states an intent: "its readiness to", "a pledge to", "plans to".</summary>
    private static readonly FrozenSet<string> IntentNouns = FrozenSet.Create(
        StringComparer.Ordinal,
        "READINESS", "WILLINGNESS", "INTENTION", "INTENT", "PLAN", "PLANS", "OFFER", "PLEDGE", "PROMISE", "COMMITMENT", "DETERMINATION", "DESIRE", "DECISION", "PROPOSAL", "BID", "VOW");

    /// <summary>CAMEO code prefixes of actions and the intent code each maps to; the longest prefix wins.</summary>
    private static readonly FrozenDictionary<string, string> IntentCodes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["04"] = "036", // consult, meet, visit, negotiate -> intent to meet or negotiate
        ["045"] = "036",
        ["046"] = "036",
        ["05"] = "032", // diplomatic cooperation -> intent to engage in diplomatic cooperation
        ["057"] = "030", // sign an agreement -> intent to cooperate
        ["06"] = "031", // material cooperation
        ["061"] = "0311",
        ["062"] = "0312",
        ["063"] = "0313",
        ["064"] = "0314",
        ["07"] = "033", // provide aid
        ["071"] = "0331",
        ["072"] = "0332",
        ["073"] = "0333",
        ["074"] = "0334",
        ["075"] = "033",
        ["08"] = "035", // yield
        ["081"] = "0351",
        ["082"] = "0352",
        ["083"] = "034",
        ["084"] = "0353",
        ["085"] = "0354",
        ["086"] = "0355",
        ["087"] = "0356",
        ["16"] = "131", // reduce relations -> threaten non-force
        ["163"] = "1312",
        ["17"] = "137", // coerce, repress -> threaten repression
        ["172"] = "132",
        ["18"] = "138", // assault -> threaten military force
        ["19"] = "1384", // fight -> threaten conventional attack
        ["191"] = "1381",
        ["192"] = "1382",
        ["20"] = "1383", // mass violence -> threaten unconventional violence
        ["204"] = "1385",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The token that makes <paramref name="verb"/>'s action an intent ("ready", "pledged", "readiness", the auxiliary "will"),
    /// or -1. The verb must be its open complement or its infinitive, possibly as the later conjunct ("to train and arm"),
    /// or carry a future auxiliary.
    /// </summary>
    private int FindIntentHead(int verb)
    {
        var v = verb;
        while (_relation[v] == "conj" && _head[v] != NoToken)
        {
            v = _head[v];
        }

        // "Russia said it would cooperate with Iraq", "Iraq will host the talks": a stated future act is an intent.
        var future = _children[verb].FirstOrDefault(c => _relation[c] == "aux" && _word[c] is "WILL" or "WOULD" or "'LL" or "SHALL", NoToken);
        if (future != NoToken && _coder.Options.FutureAsIntent)
        {
            return future;
        }

        var head = _head[v];
        if (head == NoToken || !_children[v].Exists(c => _relation[c] == "mark" && _word[c] == "TO"))
        {
            return NoToken;
        }

        var relation = _relation[v];
        if (relation == "xcomp" && (IntentHeads.Contains(_lemma[head]) || IntentHeads.Contains(_word[head])))
        {
            return head;
        }

        // "expressed its readiness to train": parsers often hang the infinitive on the verb rather than on its object.
        if (relation == "xcomp" && _children[head].FirstOrDefault(c => _relation[c] is "obj" or "dobj" && (IntentNouns.Contains(_lemma[c]) || IntentNouns.Contains(_word[c])), NoToken) is var noun && noun != NoToken)
        {
            return noun;
        }

        return relation.StartsWith("acl", StringComparison.Ordinal) && (IntentNouns.Contains(_lemma[head]) || IntentNouns.Contains(_word[head])) ? head : NoToken;
    }

    /// <summary>The intent code for an action code, or null when CAMEO pairs none with it (statements, appeals, intents themselves).</summary>
    private static string? IntentCode(string action)
    {
        for (var length = action.Length; length >= 2; length--)
        {
            if (IntentCodes.TryGetValue(action[..length], out var intent))
            {
                return intent;
            }
        }

        return null;
    }

    /// <summary>
    /// The source of an intent stated by a noun ("Russia's readiness to arm", "Russia expressed its readiness to arm"): the
    /// noun's possessor, or, when that is a pronoun or missing, the subject of the clause the noun belongs to.
    /// </summary>
    private int IntentNounSource(int noun)
    {
        var possessor = _children[noun].FirstOrDefault(c => _relation[c] == "nmod:poss", NoToken);
        if (possessor != NoToken && _upos[possessor] != "PRON")
        {
            return possessor;
        }

        return _head[noun] == NoToken ? NoToken : FindSubject(_head[noun]);
    }
}
