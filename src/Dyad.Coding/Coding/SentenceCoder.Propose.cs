using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Coding;

internal sealed partial class SentenceCoder
{
    private static readonly string[] ReportingLemmas = ["SAY", "TELL", "ANNOUNCE", "REPORT", "STATE", "ADD", "CLAIM", "DECLARE"];

    /// <summary>
    /// An event of <paramref name="code"/> at the sentence's main verb, its actors found as the rules find them: for a
    /// type that a model chose where no verb pattern matched. The main verb is the root, or, when the root is a reporting
    /// verb ("said") with a clausal complement, the complement's verb. A side whose phrase names no known actor keeps the
    /// phrase's words with the code <c>---</c>. Null when neither side has words.
    /// </summary>
    public CodedEvent? Propose(string code, SourceLine source, string rule)
    {
        var verb = MainVerb();
        if (verb == NoToken)
        {
            return null;
        }

        var subject = FindSubject(verb);
        int sourceHead, targetHead;
        if (IsPassive(verb))
        {
            targetHead = subject;
            sourceHead = FindAgentPhrase(verb);
        }
        else
        {
            sourceHead = subject;
            targetHead = FindObject(verb, NoToken);
        }

        var actorSource = ResolveCompound(sourceHead) is [var s, ..] ? s : PlainPhrase(sourceHead);
        var actorTarget = ResolveCompound(targetHead) is [var t, ..] ? t : PlainPhrase(targetHead);
        if (actorSource.Span.Length == 0 && actorTarget.Span.Length == 0)
        {
            return null;
        }

        return new CodedEvent(actorSource.Code, actorTarget.Code, code, _offset + verb, actorSource.Span, actorTarget.Span, source, null, rule);
    }

    /// <summary>The actor of the noun phrase headed by <paramref name="head"/> (a sentence index): its code and words as the rules resolve them, else its words coded <c>---</c>.</summary>
    public (string Code, TokenSpan Span) ActorAt(int head)
    {
        var actor = ResolveCompound(head) is [var first, ..] ? first : PlainPhrase(head);
        return (actor.Code, actor.Span);
    }

    private int MainVerb()
    {
        var root = Enumerable.Range(0, _count).FirstOrDefault(i => _head[i] == NoToken && _relation[i] == "root", NoToken);
        if (root == NoToken)
        {
            return NoToken;
        }

        if (ReportingLemmas.Contains(_lemma[root], StringComparer.Ordinal))
        {
            var content = _children[root].FirstOrDefault(c => _relation[c] is "ccomp" or "parataxis" && _upos[c] is "VERB" or "ADJ" or "NOUN", NoToken);
            if (content != NoToken)
            {
                return content;
            }
        }

        return root;
    }

    /// <summary>The words of the noun phrase headed by <paramref name="head"/>, coded <c>---</c>; no words when there is no head.</summary>
    private ActorRef PlainPhrase(int head)
    {
        if (head == NoToken || _upos[head] is "PRON" or "VERB" or "AUX")
        {
            return ActorRef.Unknown;
        }

        var (inPhrase, _) = PhraseTokens(head);
        int start = head, end = head;
        for (var i = 0; i < _count; i++)
        {
            if (inPhrase[i] && _upos[i] != "PUNCT")
            {
                start = Math.Min(start, i);
                end = Math.Max(end, i);
            }
        }

        return new ActorRef(ActorRef.Unknown.Code, new TokenSpan(_offset + start, _offset + end + 1));
    }
}
