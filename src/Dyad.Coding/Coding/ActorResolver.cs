using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Coding;

/// <summary>
/// The actors of a sentence: finds the actor and agent mentions the dictionaries name, and resolves a noun phrase (with
/// its conjuncts) to the actor codes it names, agents combined with the actor of their own phrase. Results are cached
/// per head token.
/// </summary>
internal sealed class ActorResolver
{
    private const int NoToken = SentenceView.NoToken;

    /// <summary>Relations that start another clause or phrase: a noun phrase's words stop at them.</summary>
    private static readonly string[] ClauseRelations = ["conj", "cc", "punct", "acl", "parataxis", "advcl", "ccomp", "xcomp", "dep", "discourse", "list", "mark", "csubj"];

    private readonly SentenceView _sentence;
    private readonly DictionarySet _dictionaries;
    private readonly DateOnly? _date;
    private readonly List<Mention> _mentions = [];
    private readonly List<ActorRef>?[] _actorsOf;

    /// <summary>Finds the actor and agent mentions of <paramref name="sentence"/>; <paramref name="date"/> picks dated roles.</summary>
    public ActorResolver(SentenceView sentence, DictionarySet dictionaries, DateOnly? date)
    {
        _sentence = sentence;
        _dictionaries = dictionaries;
        _date = date;
        _actorsOf = new List<ActorRef>?[sentence.Count];
        FindMentions();
    }

    /// <summary>
    /// The actor of the noun phrase headed by <paramref name="head"/>: the first one the rules resolve, else the
    /// phrase's words coded <c>---</c>.
    /// </summary>
    public ActorRef ActorOrPhrase(int head) => ActorsOf(head) is [var first, ..] ? first : PlainPhrase(head);

    private void FindMentions()
    {
        var i = 0;
        while (i < _sentence.Count)
        {
            Mention? best = null;
            foreach (var phrase in _dictionaries.Actors.FindPhrases(_sentence.Word(i)))
            {
                if (_sentence.PhraseAt(i, phrase.Words, phrase.EndsOpen))
                {
                    var code = _date is { } date ? phrase.Entry.CodeOn(date) : phrase.Entry.DefaultCode;
                    code ??= phrase.Entry.DefaultCode;
                    if (code is not null)
                    {
                        best = new Mention(i, i + phrase.Words.Length, code, null, phrase.Entry.Source);
                        break;
                    }
                }
            }

            foreach (var phrase in _dictionaries.Agents.FindPhrases(_sentence.Word(i)))
            {
                if ((best is null || phrase.Words.Length > best.End - best.Start) && _sentence.PhraseAt(i, phrase.Words, false))
                {
                    best = new Mention(i, i + phrase.Words.Length, string.Empty, phrase, phrase.Source);
                    break;
                }
            }

            if (best is null)
            {
                i++;
                continue;
            }

            _mentions.Add(best);
            i = best.End;
        }
    }

    /// <summary>The actors of the phrase headed by <paramref name="head"/> and its conjuncts; computed once per head (the result is shared: do not change it).</summary>
    public List<ActorRef> ActorsOf(int head)
    {
        if (head == NoToken)
        {
            return [];
        }

        return _actorsOf[head] ??= ActorsOfUncached(head);
    }

    private List<ActorRef> ActorsOfUncached(int head)
    {
        var result = new List<ActorRef>();
        if (head == NoToken)
        {
            return result;
        }

        var heads = new List<int> { head };
        for (var k = 0; k < heads.Count; k++)
        {
            heads.AddRange(_sentence.Children(heads[k]).Where(c => (IsNominalConjunct(c) || IsListAppositive(c)) && !heads.Contains(c)));
        }

        var phrases = heads.Select(Resolve).ToList();
        var allActors = phrases.SelectMany(p => p.Actors).ToList();
        foreach (var (actors, agents) in phrases)
        {
            var own = actors.Count > 0 ? actors : agents.Count > 0 ? allActors : [];
            if (own.Count == 0)
            {
                if (agents.Count > 0)
                {
                    AddUnique(result, Combine(null, agents));
                }

                continue;
            }

            foreach (var actor in own)
            {
                AddUnique(result, Combine(actor, agents));
            }
        }

        return result;
    }

    /// <summary>
    /// A conjunct that continues a noun phrase. A verb conjoined to a noun ("ties with Gondor, ... crowds burned down its
    /// embassy", a parser's slip) heads a clause of its own, and its actors are not members of the phrase.
    /// </summary>
    private bool IsNominalConjunct(int token) => _sentence.Relation(token) == "conj" && _sentence.Upos(token) is not ("VERB" or "AUX");

    /// <summary>
    /// An appositive that is really a member of a comma list ("Mordor, the Shire, Arnor and Bree", which parsers
    /// often read as an appositive with conjuncts): it has conjuncts of its own, or its head has.
    /// </summary>
    private bool IsListAppositive(int token) =>
        _sentence.Relation(token) == "appos"
        && _sentence.Head(token) != NoToken
        && (_sentence.Children(token).Exists(c => _sentence.Relation(c) == "conj") || _sentence.Children(_sentence.Head(token)).Exists(c => _sentence.Relation(c) == "conj"));

    private static void AddUnique(List<ActorRef> list, ActorRef actor)
    {
        if (!list.Exists(r => r.Code == actor.Code))
        {
            list.Add(actor);
        }
    }

    private ActorRef Combine(Mention? actor, List<Mention> agents)
    {
        var code = actor?.Code ?? "---";
        var start = actor?.Start ?? int.MaxValue;
        var end = actor?.End ?? int.MinValue;
        foreach (var agent in agents)
        {
            // "Unidentified armed forces" (fighters, militants, gunmen) that a named group's name identifies are that
            // group: "ISIL fighters" is ISIL, not ISIL + UAF.
            var qualifies = !(agent.Agent!.Code == "UAF" && actor is not null && actor.Code.Length > 3);
            if (qualifies && (!code.EndsWith(agent.Agent!.Code, StringComparison.Ordinal) || code == "---"))
            {
                code = agent.Agent!.Apply(code);
            }

            start = Math.Min(start, agent.Start);
            end = Math.Max(end, agent.End);
        }

        return new ActorRef(code, new TokenSpan(_sentence.Offset + start, _sentence.Offset + end));
    }

    /// <summary>The actor mentions (the main one and its conjuncts) and agent mentions of the noun phrase headed by <paramref name="head"/>, conjuncts of the head left out.</summary>
    private (List<Mention> Actors, List<Mention> Agents) Resolve(int head)
    {
        var (inPhrase, depth) = PhraseTokens(head);
        Mention? actor = null;
        var actorDepth = int.MaxValue;
        var anchor = NoToken;
        var agents = new List<Mention>();
        foreach (var mention in _mentions)
        {
            var inside = true;
            var mentionDepth = int.MaxValue;
            var top = NoToken;
            for (var t = mention.Start; t < mention.End && inside; t++)
            {
                inside = inPhrase[t];
                if (inside && depth[t] < mentionDepth)
                {
                    mentionDepth = depth[t];
                    top = t;
                }
            }

            if (!inside)
            {
                continue;
            }

            if (mention.Agent is not null)
            {
                agents.Add(mention);
            }
            else if (PreferFirstActor ? actor is null : mentionDepth < actorDepth)
            {
                actor = mention;
                actorDepth = mentionDepth;
                anchor = top;
            }
        }

        // Only agents in the actor's own noun phrase combine with it ("Iraqi army", "Russia's military", "the army of
        // Iraq"); an agent reached through an appositive or clause ("Russia, an ally of the regime") belongs to another
        // phrase, and gluing it on would make a code that names no real actor.
        if (agents.Count > 0)
        {
            var core = actor is not null ? anchor : agents.Select(a => TopOf(a)).MinBy(t => _sentence.Depth(t));
            agents.RemoveAll(a => !SamePhrase(TopOf(a), core));
        }

        var actors = new List<Mention>();
        if (actor is not null)
        {
            actors.Add(actor);
            if (anchor != head)
            {
                var conjuncts = new List<int>(_sentence.Children(anchor).Where(IsNominalConjunct));
                for (var k = 0; k < conjuncts.Count; k++)
                {
                    conjuncts.AddRange(_sentence.Children(conjuncts[k]).Where(c => IsNominalConjunct(c) && !conjuncts.Contains(c)));
                }

                foreach (var conjunct in conjuncts)
                {
                    var (more, _) = Resolve(conjunct);
                    actors.AddRange(more.Where(m => !actors.Contains(m)));
                }
            }
        }

        return (actors, agents);
    }

    private static bool PreferFirstActor => true;


    /// <summary>The shallowest token of a mention: its head in the tree.</summary>
    private int TopOf(Mention mention)
    {
        var top = mention.Start;
        for (var t = mention.Start + 1; t < mention.End; t++)
        {
            if (_sentence.Depth(t) < _sentence.Depth(top))
            {
                top = t;
            }
        }

        return top;
    }

    /// <summary>
    /// True when both tokens lie in one noun phrase: going up through modifier relations only (no appositive, clause or
    /// conjunct), they meet ("Dagolath's Prime Minister Telemar": both modify Telemar).
    /// </summary>
    private bool SamePhrase(int a, int b)
    {
        var up = PhraseChain(a);
        return PhraseChain(b).Exists(up.Contains);
    }

    /// <summary>Relations inside a noun phrase: modifiers, compounds, names, determiners, nominal modifiers of any subtype.</summary>
    private static bool IsPhraseRelation(string relation) =>
        relation is "amod" or "case" or "fixed" or "name" or "mwe"
        || relation.StartsWith("nmod", StringComparison.Ordinal) || relation.StartsWith("compound", StringComparison.Ordinal)
        || relation.StartsWith("flat", StringComparison.Ordinal) || relation.StartsWith("det", StringComparison.Ordinal)
        || relation.StartsWith("nummod", StringComparison.Ordinal);

    /// <summary>
    /// The head of the noun phrase a noun modifies ("Iran" in "Iran's supreme leader" gives "leader"), so that a pattern's
    /// actor is the whole phrase, agents included; the noun itself when it heads its phrase.
    /// </summary>
    public int PhraseHead(int token)
    {
        var t = token;
        for (var guard = 0; guard <= _sentence.Count && _sentence.Head(t) != NoToken && _sentence.Relation(t) is "nmod:poss" or "compound" or "amod" or "flat" or "flat:name" or "name"
            && _sentence.Upos(_sentence.Head(t)) is "NOUN" or "PROPN"; guard++)
        {
            t = _sentence.Head(t);
        }

        return t;
    }

    /// <summary>The token and its heads as far as modifier relations lead.</summary>
    private List<int> PhraseChain(int from)
    {
        var chain = new List<int>();
        for (int t = from, guard = 0; t != NoToken && guard <= _sentence.Count; guard++)
        {
            chain.Add(t);
            if (!IsPhraseRelation(_sentence.Relation(t)))
            {
                break;
            }

            t = _sentence.Head(t);
        }

        return chain;
    }

    /// <summary>
    /// An appositive that is really the subject of a finite verb hung on it ("burned down its embassy, a senior
    /// official said": parsers may attach "official" to "embassy" and "said" to "official"). A finite verb without a
    /// subject of its own cannot modify a noun, so the noun is its subject and belongs to that clause, not to the
    /// phrase it was attached to.
    /// </summary>
    private bool IsMisattachedSubject(int token) =>
        _sentence.Relation(token) == "appos"
        && _sentence.Children(token).Exists(c => _sentence.Relation(c) == "acl" && _sentence.Upos(c) == "VERB" && _sentence.IsFinite(c) && !_sentence.Children(c).Exists(g => _sentence.Relation(g).StartsWith("nsubj", StringComparison.Ordinal)));

    private (bool[] InPhrase, int[] Depth) PhraseTokens(int head)
    {
        var inPhrase = new bool[_sentence.Count];
        var depth = new int[_sentence.Count];
        var stack = new Stack<int>();
        stack.Push(head);
        while (stack.Count > 0)
        {
            var t = stack.Pop();
            inPhrase[t] = true;
            foreach (var c in _sentence.Children(t))
            {
                var relation = _sentence.Relation(c);
                var baseRelation = relation.Split(':')[0];
                // A verb attached as a nominal modifier ("against besieged Osgiliath") heads a noun phrase, and its
                // object belongs to that phrase.
                var nominalVerb = t != head && _sentence.Upos(t) == "VERB" && (_sentence.Relation(t).StartsWith("nmod", StringComparison.Ordinal) || _sentence.Relation(t).StartsWith("obl", StringComparison.Ordinal));
                if (!ClauseRelations.Contains(baseRelation, StringComparer.Ordinal) && !(relation is "nsubj" || (relation is "dobj" or "obj" && !nominalVerb)) && !IsMisattachedSubject(c))
                {
                    depth[c] = depth[t] + 1;
                    stack.Push(c);
                }
            }
        }

        return (inPhrase, depth);
    }

    /// <summary>The words of the noun phrase headed by <paramref name="head"/>, coded <c>---</c>; no words when there is no head.</summary>
    private ActorRef PlainPhrase(int head)
    {
        if (head == NoToken || _sentence.Upos(head) is "PRON" or "VERB" or "AUX")
        {
            return ActorRef.Unknown;
        }

        var (inPhrase, _) = PhraseTokens(head);
        int start = head, end = head;
        for (var i = 0; i < _sentence.Count; i++)
        {
            if (inPhrase[i] && _sentence.Upos(i) != "PUNCT")
            {
                start = Math.Min(start, i);
                end = Math.Max(end, i);
            }
        }

        return new ActorRef(ActorRef.Unknown.Code, new TokenSpan(_sentence.Offset + start, _sentence.Offset + end + 1));
    }
}
