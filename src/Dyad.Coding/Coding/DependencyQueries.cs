namespace Dyad.Coding.Coding;

/// <summary>
/// Questions about one sentence's dependency tree that the coder asks of a verb: its subject (through conjuncts,
/// complements and relative clauses), object, passive agent, negation, and the clauses it frames or belongs to.
/// </summary>
internal sealed class DependencyQueries
{
    private const int NoToken = SentenceView.NoToken;

    private static readonly string[] NegationWords = ["NOT", "N'T", "NEVER"];

    private static readonly string[] ReportingLemmas = ["SAY", "TELL", "ANNOUNCE", "REPORT", "STATE", "ADD", "CLAIM", "DECLARE"];

    private readonly SentenceView _sentence;
    private readonly ActorResolver _actors;
    private readonly Func<int, bool> _codesItself;

    /// <summary>
    /// Queries on <paramref name="sentence"/>. A subject or object counts only when <paramref name="actors"/> resolves
    /// it to an actor; <paramref name="codesItself"/> says whether a verb has a form in the verb dictionary (that verb
    /// makes its own event, so a target search does not enter it).
    /// </summary>
    public DependencyQueries(SentenceView sentence, ActorResolver actors, Func<int, bool> codesItself)
    {
        _sentence = sentence;
        _actors = actors;
        _codesItself = codesItself;
    }

    /// <summary>True when <paramref name="word"/> (upper-cased) negates: "NOT", "N'T", "NEVER".</summary>
    public static bool IsNegationWord(string word) => NegationWords.Contains(word, StringComparer.Ordinal);

    /// <summary>An oblique or nominal modifier introduced by "in", "at", "inside" or "near": where something happened.</summary>
    public bool IsLocative(int token) =>
        (_sentence.Relation(token).StartsWith("obl", StringComparison.Ordinal) || _sentence.Relation(token).StartsWith("nmod", StringComparison.Ordinal))
        && _sentence.CaseOf(token) is "IN" or "AT" or "INSIDE" or "NEAR";

    /// <summary>True when the conjuncts of <paramref name="head"/> are joined by "and" (not "or", "nor": those are not joint actors).</summary>
    public bool JoinedByAnd(int head) =>
        head != NoToken && _sentence.Children(head).Where(c => _sentence.Relation(c) == "conj").Any(c => _sentence.Children(c).Exists(d => _sentence.Relation(d) == "cc" && _sentence.Word(d) is "AND" or "&"));

    /// <summary>
    /// True when <paramref name="verb"/> frames another clause: it has a clausal complement ("said that ..."), or it is
    /// attached to another clause as an aside or modifier (", an official said", which parsers attach as parataxis,
    /// or misattach as a clausal modifier of the speaker's noun).
    /// </summary>
    public bool IsReportingFrame(int verb) =>
        _sentence.Relation(verb) is "parataxis" or "acl" or "ccomp" or "advcl" or "conj"
        || _sentence.Children(verb).Exists(c => _sentence.Relation(c) is "ccomp" or "parataxis" or "xcomp" or "csubj" or "csubjpass" or "csubj:pass");

    /// <summary>True when <paramref name="verb"/> has a negation: a <c>neg</c> child, or "not", "n't" or "never" as its adverb or auxiliary.</summary>
    public bool IsNegated(int verb)
    {
        foreach (var child in _sentence.Children(verb))
        {
            if (_sentence.Relation(child) == "neg" || (_sentence.Relation(child) is "advmod" or "aux" && NegationWords.Contains(_sentence.Word(child), StringComparer.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="verb"/> is passive: it has a passive auxiliary or a passive subject.</summary>
    public bool IsPassive(int verb) =>
        _sentence.Children(verb).Exists(c => _sentence.Relation(c) is "auxpass" or "aux:pass" or "nsubjpass" or "nsubj:pass" or "csubjpass" or "csubj:pass");

    /// <summary>
    /// The subject of <paramref name="verb"/>'s clause, or <see cref="NoToken"/>: its own subject, else the one it shares
    /// as a conjunct or complement, the noun a relative clause modifies, or an object that controls an open complement;
    /// a pronoun subject of a relative or complement clause stands for its antecedent.
    /// </summary>
    public int FindSubject(int verb)
    {
        for (int v = verb, guard = 0; v != NoToken && guard < _sentence.Count; guard++)
        {
            var subject = _sentence.Children(v).FirstOrDefault(c => _sentence.Relation(c) is "nsubj" or "nsubjpass" or "nsubj:pass", NoToken);
            if (subject != NoToken)
            {
                if (_sentence.Upos(subject) == "PRON" && _sentence.Relation(v).StartsWith("acl", StringComparison.Ordinal) && _sentence.Head(v) != NoToken)
                {
                    return _sentence.Head(v);
                }

                // A pronoun subject of a complement clause ("Ethiopia indicated it would act") stands for the
                // governing clause's subject.
                if (_sentence.Upos(subject) == "PRON" && _sentence.Relation(v) is "ccomp" or "xcomp" or "advcl" or "conj" && _sentence.Head(v) != NoToken
                    && FindSubject(_sentence.Head(v)) is var antecedent && antecedent != NoToken && _actors.ActorsOf(antecedent).Count > 0)
                {
                    return antecedent;
                }

                return subject;
            }

            var relation = _sentence.Relation(v);
            if (relation.StartsWith("acl", StringComparison.Ordinal))
            {
                return _sentence.Head(v);
            }

            if (relation == "xcomp" && _sentence.Head(v) != NoToken)
            {
                var obj = _sentence.Children(_sentence.Head(v)).FirstOrDefault(c => _sentence.Relation(c) is "dobj" or "obj" && c != v, NoToken);
                if (obj != NoToken && _actors.ActorsOf(obj).Count > 0)
                {
                    return obj;
                }
            }

            if (relation is "conj" or "xcomp" or "advcl" or "ccomp" || relation.StartsWith("advcl", StringComparison.Ordinal))
            {
                v = _sentence.Head(v);
                continue;
            }

            return NoToken;
        }

        return NoToken;
    }

    /// <summary>The passive agent of <paramref name="verb"/> (an <c>agent</c> relation or a "by" phrase), or <see cref="NoToken"/>.</summary>
    public int FindAgentPhrase(int verb)
    {
        foreach (var child in _sentence.Children(verb))
        {
            if (_sentence.Relation(child) is "nmod:agent" or "obl:agent")
            {
                return child;
            }

            if ((_sentence.Relation(child).StartsWith("nmod", StringComparison.Ordinal) || _sentence.Relation(child).StartsWith("obl", StringComparison.Ordinal)) && _sentence.CaseOf(child) == "BY")
            {
                return child;
            }
        }

        return NoToken;
    }

    /// <summary>
    /// The target of <paramref name="verb"/>, or <see cref="NoToken"/>: the object of the pattern's
    /// <paramref name="preposition"/> when it names an actor, else the first that does of: a direct or indirect object,
    /// the object of a later conjoined verb, a prepositional or nominal modifier, the subject of a complement clause, an
    /// actor embedded in the complements. With <paramref name="prepositionalOnly"/> only the prepositional phrases count.
    /// </summary>
    public int FindObject(int verb, int preposition, bool prepositionalOnly = false)
    {
        if (preposition != NoToken && _sentence.Head(preposition) != NoToken && _actors.ActorsOf(_sentence.Head(preposition)).Count > 0)
        {
            return _sentence.Head(preposition);
        }

        foreach (var child in _sentence.Children(verb))
        {
            if (!prepositionalOnly && _sentence.Relation(child) is "dobj" or "obj" or "iobj" && _actors.ActorsOf(child).Count > 0)
            {
                return child;
            }
        }

        // "to arm and train the Iraqi army": a verb with no object of its own shares the object of a later conjoined verb.
        if (!prepositionalOnly && !_sentence.Children(verb).Exists(c => _sentence.Relation(c) is "dobj" or "obj"))
        {
            foreach (var conjunct in _sentence.Children(verb).Where(c => _sentence.Relation(c) == "conj" && _sentence.Upos(c) == "VERB" && c > verb))
            {
                var shared = _sentence.Children(conjunct).FirstOrDefault(c => _sentence.Relation(c) is "dobj" or "obj" && c > conjunct, NoToken);
                if (shared != NoToken && _actors.ActorsOf(shared).Count > 0)
                {
                    return shared;
                }
            }
        }

        foreach (var child in _sentence.Children(verb))
        {
            var relation = _sentence.Relation(child);
            if ((relation.StartsWith("nmod", StringComparison.Ordinal) || relation.StartsWith("obl", StringComparison.Ordinal))
                && relation is not ("nmod:tmod" or "obl:tmod" or "nmod:npmod" or "obl:npmod" or "nmod:poss")
                && _actors.ActorsOf(child).Count > 0)
            {
                return child;
            }
        }

        if (!prepositionalOnly)
        {
            foreach (var clause in _sentence.Children(verb).Where(c => _sentence.Relation(c) is "ccomp" or "xcomp"))
            {
                var subject = _sentence.Children(clause).FirstOrDefault(c => _sentence.Relation(c) is "nsubj" or "nsubjpass" or "nsubj:pass", NoToken);
                if (subject != NoToken && _actors.ActorsOf(subject).Count > 0)
                {
                    return subject;
                }
            }

            return FindEmbeddedTarget(verb);
        }

        return NoToken;
    }

    /// <summary>
    /// The nearest actor inside the verb's complements when none is a direct dependent: within the object's noun
    /// phrase ("cordoned off the roads leading into Mordor", "welcomed memos sent by Bree", "rescheduled his trip in the
    /// White Downs") or down an infinitive complement ("vowed to wage war on the Rohans"). The search breadth-first
    /// follows objects, prepositional and nominal modifiers, clausal modifiers and open complements, but never enters
    /// subjects, finite clausal complements, adverbial clauses, or a verb that the dictionary codes itself (that verb
    /// makes its own event).
    /// </summary>
    private int FindEmbeddedTarget(int verb)
    {
        var queue = new Queue<int>();
        foreach (var child in _sentence.Children(verb).Where(c => FollowsForTarget(c)))
        {
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var token = queue.Dequeue();
            if (_sentence.Upos(token) is "NOUN" or "PROPN" or "ADJ" && _actors.ActorsOf(token).Count > 0)
            {
                return token;
            }

            if (_sentence.Upos(token) is "VERB" && !IsActorlessNounModifier(token) && _codesItself(token))
            {
                continue;
            }

            foreach (var child in _sentence.Children(token).Where(c => FollowsForTarget(c)))
            {
                queue.Enqueue(child);
            }
        }

        return NoToken;
    }

    /// <summary>
    /// A participle or clause modifying a noun that names no actor and without a subject of its own ("the parade
    /// supporting Gondor"): its implied subject is that noun, so it can make no event, and its actors belong to the
    /// noun phrase.
    /// </summary>
    private bool IsActorlessNounModifier(int verb) =>
        _sentence.Relation(verb).StartsWith("acl", StringComparison.Ordinal)
        && _sentence.Head(verb) != NoToken
        && !_sentence.Children(verb).Exists(c => _sentence.Relation(c).StartsWith("nsubj", StringComparison.Ordinal))
        && _actors.ActorsOf(_sentence.Head(verb)).Count == 0;

    private bool FollowsForTarget(int token)
    {
        var relation = _sentence.Relation(token);
        return relation is "dobj" or "obj" or "iobj" or "xcomp" or "amod" or "compound"
            || (relation.StartsWith("advcl", StringComparison.Ordinal) && _sentence.Children(token).Exists(c => _sentence.Relation(c) == "mark" && _sentence.Word(c) == "TO"))
            || ((relation.StartsWith("nmod", StringComparison.Ordinal) || relation.StartsWith("obl", StringComparison.Ordinal) || relation.StartsWith("acl", StringComparison.Ordinal))
                && relation is not ("nmod:tmod" or "obl:tmod" or "nmod:npmod" or "obl:npmod" or "nmod:poss"));
    }

    /// <summary>
    /// The sentence's main verb: the root, or, when the root is a reporting verb ("said") with a clausal complement, the
    /// complement's verb. <see cref="NoToken"/> when the sentence has no root.
    /// </summary>
    public int MainVerb()
    {
        var root = Enumerable.Range(0, _sentence.Count).FirstOrDefault(i => _sentence.Head(i) == NoToken && _sentence.Relation(i) == "root", NoToken);
        if (root == NoToken)
        {
            return NoToken;
        }

        if (ReportingLemmas.Contains(_sentence.Lemma(root), StringComparer.Ordinal))
        {
            var content = _sentence.Children(root).FirstOrDefault(c => _sentence.Relation(c) is "ccomp" or "parataxis" && _sentence.Upos(c) is "VERB" or "ADJ" or "NOUN", NoToken);
            if (content != NoToken)
            {
                return content;
            }
        }

        return root;
    }
}
