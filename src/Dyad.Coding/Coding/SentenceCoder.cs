using System.Collections.Immutable;
using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Coding;

/// <summary>Codes one sentence; holds the sentence's words, tree and actor mentions while it does. Not thread-safe; used once.</summary>
internal sealed partial class SentenceCoder
{
    private const int NoToken = -1;

    /// <summary>CAMEO 010, "make statement, not specified below": the code of a bare verb of saying.</summary>
    private const string PlainStatementCode = "010";

    /// <summary>A gap for the words of a braced noun phrase: only modifiers may stand between them (see <see cref="Limit"/>).</summary>
    private const int ModifiersOnly = -1;

    /// <summary>The most tokens a pattern's actor slot (<c>$ + ^</c>) may skip to reach its noun.</summary>
    private const int MaxActorGap = 4;
    private static readonly string[] ClauseRelations = ["conj", "cc", "punct", "acl", "parataxis", "advcl", "ccomp", "xcomp", "dep", "discourse", "list", "mark", "csubj"];
    private static readonly string[] NegationWords = ["NOT", "N'T", "NEVER"];

    private readonly EventCoder _coder;
    private readonly DateOnly? _date;
    private readonly int _offset;
    private readonly int _count;
    private readonly string[] _word;
    private readonly string[] _lemma;
    private readonly string[] _upos;
    private readonly bool[] _finite;
    private readonly int[] _head;
    private readonly string[] _relation;
    private readonly List<int>[] _children;
    private readonly int[] _depth;
    private readonly List<Mention> _mentions = [];
    private readonly bool[] _consumed;
    private readonly List<ActorRef>?[] _compounds;
    private HashSet<string>? _words;

    public SentenceCoder(EventCoder coder, Document document, Sentence sentence, DateOnly? date)
    {
        _coder = coder;
        _date = date;
        _offset = sentence.TokenStart;
        _count = sentence.Length;
        _word = new string[_count];
        _lemma = new string[_count];
        _upos = new string[_count];
        _finite = new bool[_count];
        _head = new int[_count];
        _relation = new string[_count];
        _children = new List<int>[_count];
        _depth = new int[_count];
        _consumed = new bool[_count];
        _compounds = new List<ActorRef>?[_count];
        for (var i = 0; i < _count; i++)
        {
            var d = _offset + i;
            _word[i] = document.Form(d).ToUpperInvariant();
            _lemma[i] = (document.Lemmas[d] ?? string.Empty).ToUpperInvariant();
            _upos[i] = document.Tags[d].Upos ?? string.Empty;
            _finite[i] = document.Tags[d].Xpos is "VBD" or "VBZ" or "VBP" || (document.Tags[d].Feats ?? string.Empty).Contains("VerbForm=Fin", StringComparison.Ordinal);
            var head = document.Dependencies[d].Head;
            _head[i] = head >= 0 && head < _count && head != i ? head : NoToken;
            _relation[i] = (document.Dependencies[d].Relation ?? string.Empty).ToLowerInvariant();
            _children[i] = [];
        }

        for (var i = 0; i < _count; i++)
        {
            if (_head[i] != NoToken)
            {
                _children[_head[i]].Add(i);
            }

            var depth = 0;
            for (var h = _head[i]; h != NoToken && depth <= _count; h = _head[h])
            {
                depth++;
            }

            _depth[i] = depth;
        }

        FindMentions();
    }

    /// <summary>
    /// The story discard phrase that <see cref="Run"/> found, when <see cref="CodingOptions.StoryDiscards"/> is set:
    /// the caller then drops the whole story. Null otherwise.
    /// </summary>
    public DiscardPhrase? StoryDiscard { get; private set; }

    public void Run(ImmutableArray<CodedEvent>.Builder events, ImmutableArray<CodingNote>.Builder notes)
    {
        if (FindDiscard() is { } discard)
        {
            if (discard.Phrase.DiscardsStory && _coder.Options.StoryDiscards)
            {
                StoryDiscard = discard.Phrase;
                notes.Add(new CodingNote(_offset + discard.Token, $"story discarded: '{discard.Phrase}' ({discard.Phrase.Source}): no sentence of the document is coded"));
                return;
            }

            notes.Add(new CodingNote(_offset + discard.Token, $"sentence discarded: '{discard.Phrase}' ({discard.Phrase.Source})"));
            return;
        }

        var verbs = Enumerable.Range(0, _count).Where(i => _upos[i] is "VERB" or "AUX").OrderBy(i => _depth[i]).ThenBy(i => i).ToList();
        var found = new List<CodedEvent>();
        foreach (var verb in verbs)
        {
            if (!_consumed[verb])
            {
                CodeVerb(verb, found, notes);
            }
        }

        // With require_dyad off, an event missing an actor is a fallback for a sentence that codes no full dyad; next
        // to a full event it is only the attribution or a side remark ("..., an official said").
        if (found.Exists(IsFullDyad))
        {
            foreach (var partial in found.Where(e => !IsFullDyad(e)))
            {
                notes.Add(new CodingNote(partial.Verb, $"event {partial} dropped: it lacks an actor and the sentence has a full event"));
            }

            found.RemoveAll(e => !IsFullDyad(e));
        }

        events.AddRange(found.OrderBy(e => e.Verb));
    }

    private void CodeVerb(int verb, List<CodedEvent> events, ImmutableArray<CodingNote>.Builder notes)
    {
        if (FindVerbForm(verb) is not { } form)
        {
            return;
        }

        var entry = form.Entry;
        var block = entry.Block;
        var after = AfterSequence(verb);
        var before = BeforeSequence(verb);
        Match? best = null;
        VerbPattern? bestPattern = null;
        foreach (var pattern in block.Patterns)
        {
            if (!pattern.IsUsable || !HasAllWords(pattern.RequiredWords))
            {
                continue;
            }

            var match = TryMatch(pattern, before, after);
            if (match is not null && (best is null || match.Score > best.Score))
            {
                best = match;
                bestPattern = pattern;
            }
        }

        var code = bestPattern?.Code ?? entry.Code;
        var rule = bestPattern?.ToString() ?? entry.Text + " [" + entry.Code + "]";
        var verbDoc = _offset + verb;
        if (best is not null)
        {
            foreach (var token in best.Words)
            {
                _consumed[token] = true;
            }
        }

        var patternNegated = best is not null && best.Words.Any(t => NegationWords.Contains(_word[t], StringComparer.Ordinal));
        if (!patternNegated && IsNegated(verb) && !code.IsNull)
        {
            var ontology = _coder.Dictionaries.Ontology;
            var negated = ontology.Negate(code.Active);
            if (negated is null)
            {
                notes.Add(new CodingNote(verbDoc, $"verb '{_word[verb]}' is negated and the ontology has no code for not {code.Active}: no event ({rule}, {bestPattern?.Source ?? entry.Source})"));
                return;
            }

            notes.Add(new CodingNote(verbDoc, $"verb '{_word[verb]}' is negated: not {code.Active} is {negated}"));
            code = new VerbCode(negated, code.Passive is null ? null : ontology.Negate(code.Passive) ?? "---");
            rule = "not (" + rule + ")";
        }

        var intentHead = code.IsNull || !_coder.Options.IntentRules ? NoToken : FindIntentHead(verb);
        if (intentHead != NoToken && !code.Active.StartsWith("03", StringComparison.Ordinal) && IntentCode(code.Active) is { } intent)
        {
            notes.Add(new CodingNote(verbDoc, $"'{_word[verb]}' is what '{_word[intentHead]}' intends: {code.Active} becomes the intent {intent}"));
            code = new VerbCode(intent, null);
            rule = "intent '" + _word[intentHead].ToLowerInvariant() + "' + " + rule;
        }
        else
        {
            intentHead = NoToken;
        }

        if (code.IsNull)
        {
            return;
        }

        var passive = IsPassive(verb);
        var subject = FindSubject(verb);
        int sourceHead;
        int targetHead;
        if (passive)
        {
            targetHead = subject;
            sourceHead = FindAgentPhrase(verb);
            if (sourceHead == NoToken)
            {
                sourceHead = FindObject(verb, NoToken, prepositionalOnly: true);
            }
        }
        else
        {
            sourceHead = subject;
            targetHead = FindObject(verb, best?.Preposition ?? NoToken);
        }

        if (intentHead != NoToken && sourceHead == intentHead)
        {
            sourceHead = IntentNounSource(intentHead);
        }

        if (best is not null && best.Source != NoToken)
        {
            sourceHead = best.Source;
        }

        if (best is not null && best.Target != NoToken)
        {
            targetHead = best.Target;
        }

        var sources = ResolveCompound(sourceHead);
        var targets = ResolveCompound(targetHead);
        if (bestPattern?.SourceAgent is { } implied && sources.Exists(a => IsBareActor(a.Code)))
        {
            // "Russia launched airstrikes": the pattern says who does such a thing (~MIL), and the text named only the country.
            sources = [.. sources.Select(a => IsBareActor(a.Code) ? a with { Code = a.Code + implied } : a)];
        }

        // "Iran and Saudi Arabia held talks in Baghdad": with joint sources, a place the verb happened in is not its target.
        if (sources.Count > 1 && (best is null || best.Target == NoToken) && targetHead != NoToken && IsLocative(targetHead))
        {
            targets = [];
        }

        // Joint sources and no target: reciprocal codes, compound patterns and cooperation among the sources ("Turkey and
        // Israel signed an agreement") code each source towards each other one.
        var reciprocal = code.Passive is not null && string.Equals(code.Passive, code.Active, StringComparison.Ordinal);
        if (((bestPattern is not null && HasCompoundMarker(bestPattern)) || reciprocal || (IsMutual(code.Active) && JoinedByAnd(sourceHead))) && targets.Count == 0 && sources.Count > 1)
        {
            foreach (var s in sources)
            {
                foreach (var t in sources.Where(t => t.Code != s.Code))
                {
                    Add(events, s, t, code.Active, verbDoc, entry, bestPattern, rule);
                }
            }

            return;
        }

        // "..., a senior official said": a bare statement with no addressee that reports another clause of the sentence
        // is an attribution; what was said is the news, coded from its own clause, so no partial event is made for it.
        if (targets.Count == 0 && code.Active == PlainStatementCode && IsReportingFrame(verb))
        {
            notes.Add(new CodingNote(verbDoc, $"verb '{_word[verb]}' attributes another clause and has no target: reported speech, not an event of its own ({rule})"));
            return;
        }

        if (!_coder.Options.RequireDyad && sources.Count > 0 && targets.Count == 0 && sources.Exists(a => !a.Code.StartsWith("---", StringComparison.Ordinal)))
        {
            sources = sources.Count == 0 ? [ActorRef.Unknown] : sources;
            targets = targets.Count == 0 ? [ActorRef.Unknown] : targets;
        }

        if (sources.Count == 0 || targets.Count == 0)
        {
            notes.Add(new CodingNote(verbDoc, $"verb '{_word[verb]}' has no {(sources.Count == 0 ? "source" : "target")} actor: no event ({rule})"));
            return;
        }

        // "urged Eriador to respond": the object-controlled complement (an open complement, or an infinitive on the
        // object) is what was urged, asked or allowed, not an event of its own; so is what the target is accused,
        // blamed or arrested "of" or "for" ("accused Russia of targeting civilians").
        if (targetHead != NoToken && _relation[targetHead] is "dobj" or "obj" or "iobj" && _head[targetHead] == verb)
        {
            var complements = _children[verb].Where(c => _relation[c] == "xcomp" || (_relation[c].StartsWith("advcl", StringComparison.Ordinal) && HasMarker(c, "OF", "FOR")))
                .Concat(_children[targetHead].Where(c => _relation[c].StartsWith("acl", StringComparison.Ordinal) && (HasMarker(c, "TO") || HasMarker(c, "OF", "FOR"))));
            foreach (var complement in complements.Where(c => !_consumed[c]).ToList())
            {
                _consumed[complement] = true;
                notes.Add(new CodingNote(_offset + complement, $"verb '{_word[complement]}' is the content of '{_word[verb]}' (its object's complement): not coded on its own"));
            }
        }

        foreach (var s in sources)
        {
            foreach (var t in targets)
            {
                if (s.Code == t.Code && s.Code != ActorRef.Unknown.Code)
                {
                    continue;
                }

                Add(events, s, t, code.Active, verbDoc, entry, bestPattern, rule);
                if (!string.IsNullOrEmpty(code.Passive) && code.Passive != "---")
                {
                    Add(events, t, s, code.Passive, verbDoc, entry, bestPattern, rule);
                }
            }
        }
    }

    /// <summary>A three-letter actor code with no agent: a country (or region) named alone.</summary>
    private static bool IsBareActor(string code) => code.Length == 3 && code.All(char.IsAsciiLetterUpper);

    /// <summary>True when <paramref name="clause"/> has a <c>mark</c> or <c>case</c> child that is one of <paramref name="words"/>.</summary>
    private bool HasMarker(int clause, params string[] words) =>
        _children[clause].Exists(m => _relation[m] is "mark" or "case" && words.Contains(_word[m], StringComparer.Ordinal));

    /// <summary>An oblique or nominal modifier introduced by "in", "at", "inside" or "near": where something happened.</summary>
    private bool IsLocative(int token) =>
        (_relation[token].StartsWith("obl", StringComparison.Ordinal) || _relation[token].StartsWith("nmod", StringComparison.Ordinal))
        && CaseOf(token) is "IN" or "AT" or "INSIDE" or "NEAR";

    /// <summary>True when the conjuncts of <paramref name="head"/> are joined by "and" (not "or", "nor": those are not joint actors).</summary>
    private bool JoinedByAnd(int head) =>
        head != NoToken && _children[head].Where(c => _relation[c] == "conj").Any(c => _children[c].Exists(d => _relation[d] == "cc" && _word[d] is "AND" or "&"));

    /// <summary>Cooperation that joint actors do with one another: consult (04), diplomatic (05) and material (06) cooperation, and the intent to (03).</summary>
    private static bool IsMutual(string code) => code.Length >= 2 && code[0] == '0' && code[1] is '3' or '4' or '5' or '6';

    /// <summary>
    /// True when <paramref name="verb"/> frames another clause: it has a clausal complement ("said that ..."), or it is
    /// attached to another clause as an aside or modifier (", an official said", which parsers attach as parataxis,
    /// or misattach as a clausal modifier of the speaker's noun).
    /// </summary>
    private bool IsReportingFrame(int verb) =>
        _relation[verb] is "parataxis" or "acl" or "ccomp" or "advcl" or "conj"
        || _children[verb].Exists(c => _relation[c] is "ccomp" or "parataxis" or "xcomp" or "csubj" or "csubjpass" or "csubj:pass");

    private static bool IsFullDyad(CodedEvent coded) =>
        coded.SourceCode != ActorRef.Unknown.Code && coded.TargetCode != ActorRef.Unknown.Code;

    private static void Add(List<CodedEvent> events, ActorRef source, ActorRef target, string code, int verb, VerbEntry entry, VerbPattern? pattern, string rule)
    {
        if (code.Length == 0 || code == "---")
        {
            return;
        }

        var coded = new CodedEvent(source.Code, target.Code, code, verb, source.Span, target.Span, entry.Source, pattern?.Source, rule);
        if (!events.Exists(e => e.SourceCode == coded.SourceCode && e.TargetCode == coded.TargetCode && e.EventCode == coded.EventCode))
        {
            events.Add(coded);
        }
    }

    private static bool HasCompoundMarker(VerbPattern pattern) =>
        pattern.Before.Any(e => e.Kind == PatternElementKind.Compound) || pattern.After.Any(e => e.Kind == PatternElementKind.Compound);

    // ---- verbs ----

    private VerbForm? FindVerbForm(int verb)
    {
        foreach (var word in (string[])[_word[verb], _lemma[verb]])
        {
            foreach (var form in _coder.Dictionaries.Verbs.FindForms(word))
            {
                var used = new List<int>();
                if (FitsParticles(verb, form, used))
                {
                    foreach (var token in used)
                    {
                        _consumed[token] = true;
                    }

                    return form;
                }
            }
        }

        return null;
    }

    private bool FitsParticles(int verb, VerbForm form, List<int> used)
    {
        for (var k = 0; k < form.After.Length; k++)
        {
            var wanted = form.After[k];
            var next = verb + 1 + k;
            if (next < _count && _word[next] == wanted)
            {
                used.Add(next);
                continue;
            }

            var particle = ParticleCandidates(verb).FirstOrDefault(t => _word[t] == wanted, NoToken);
            if (particle == NoToken)
            {
                return false;
            }

            used.Add(particle);
        }

        for (var k = 0; k < form.Before.Length; k++)
        {
            var wanted = form.Before[form.Before.Length - 1 - k];
            var previous = verb - 1 - k;
            if (previous >= 0 && _word[previous] == wanted)
            {
                used.Add(previous);
                continue;
            }

            var child = _children[verb].FirstOrDefault(t => _word[t] == wanted, NoToken);
            if (child == NoToken)
            {
                return false;
            }

            used.Add(child);
        }

        return true;
    }

    private IEnumerable<int> ParticleCandidates(int verb)
    {
        foreach (var child in _children[verb])
        {
            if (_relation[child].StartsWith("compound", StringComparison.Ordinal) || _relation[child] == "advmod")
            {
                yield return child;
            }

            if (_relation[child].StartsWith("nmod", StringComparison.Ordinal) || _relation[child].StartsWith("obl", StringComparison.Ordinal) || _relation[child] is "dobj" or "obj")
            {
                foreach (var grandchild in _children[child].Where(g => _relation[g] == "case"))
                {
                    yield return grandchild;
                }
            }
        }
    }

    private bool IsNegated(int verb)
    {
        foreach (var child in _children[verb])
        {
            if (_relation[child] == "neg" || (_relation[child] is "advmod" or "aux" && NegationWords.Contains(_word[child], StringComparer.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsPassive(int verb) =>
        _children[verb].Exists(c => _relation[c] is "auxpass" or "aux:pass" or "nsubjpass" or "nsubj:pass" or "csubjpass" or "csubj:pass");

    private int FindSubject(int verb)
    {
        for (int v = verb, guard = 0; v != NoToken && guard < _count; guard++)
        {
            var subject = _children[v].FirstOrDefault(c => _relation[c] is "nsubj" or "nsubjpass" or "nsubj:pass", NoToken);
            if (subject != NoToken)
            {
                if (_upos[subject] == "PRON" && _relation[v].StartsWith("acl", StringComparison.Ordinal) && _head[v] != NoToken)
                {
                    return _head[v];
                }

                // A pronoun subject of a complement clause ("Ethiopia indicated it would act") stands for the
                // governing clause's subject.
                if (_upos[subject] == "PRON" && _relation[v] is "ccomp" or "xcomp" or "advcl" or "conj" && _head[v] != NoToken
                    && FindSubject(_head[v]) is var antecedent && antecedent != NoToken && ResolveCompound(antecedent).Count > 0)
                {
                    return antecedent;
                }

                return subject;
            }

            var relation = _relation[v];
            if (relation.StartsWith("acl", StringComparison.Ordinal))
            {
                return _head[v];
            }

            if (relation == "xcomp" && _head[v] != NoToken)
            {
                var obj = _children[_head[v]].FirstOrDefault(c => _relation[c] is "dobj" or "obj" && c != v, NoToken);
                if (obj != NoToken && ResolveCompound(obj).Count > 0)
                {
                    return obj;
                }
            }

            if (relation is "conj" or "xcomp" or "advcl" or "ccomp" || relation.StartsWith("advcl", StringComparison.Ordinal))
            {
                v = _head[v];
                continue;
            }

            return NoToken;
        }

        return NoToken;
    }

    private int FindAgentPhrase(int verb)
    {
        foreach (var child in _children[verb])
        {
            if (_relation[child] is "nmod:agent" or "obl:agent")
            {
                return child;
            }

            if ((_relation[child].StartsWith("nmod", StringComparison.Ordinal) || _relation[child].StartsWith("obl", StringComparison.Ordinal)) && CaseOf(child) == "BY")
            {
                return child;
            }
        }

        return NoToken;
    }

    private int FindObject(int verb, int preposition, bool prepositionalOnly = false)
    {
        if (preposition != NoToken && _head[preposition] != NoToken && ResolveCompound(_head[preposition]).Count > 0)
        {
            return _head[preposition];
        }

        foreach (var child in _children[verb])
        {
            if (!prepositionalOnly && _relation[child] is "dobj" or "obj" or "iobj" && ResolveCompound(child).Count > 0)
            {
                return child;
            }
        }

        // "to arm and train the Iraqi army": a verb with no object of its own shares the object of a later conjoined verb.
        if (!prepositionalOnly && !_children[verb].Exists(c => _relation[c] is "dobj" or "obj"))
        {
            foreach (var conjunct in _children[verb].Where(c => _relation[c] == "conj" && _upos[c] == "VERB" && c > verb))
            {
                var shared = _children[conjunct].FirstOrDefault(c => _relation[c] is "dobj" or "obj" && c > conjunct, NoToken);
                if (shared != NoToken && ResolveCompound(shared).Count > 0)
                {
                    return shared;
                }
            }
        }

        foreach (var child in _children[verb])
        {
            var relation = _relation[child];
            if ((relation.StartsWith("nmod", StringComparison.Ordinal) || relation.StartsWith("obl", StringComparison.Ordinal))
                && relation is not ("nmod:tmod" or "obl:tmod" or "nmod:npmod" or "obl:npmod" or "nmod:poss")
                && ResolveCompound(child).Count > 0)
            {
                return child;
            }
        }

        if (!prepositionalOnly)
        {
            foreach (var clause in _children[verb].Where(c => _relation[c] is "ccomp" or "xcomp"))
            {
                var subject = _children[clause].FirstOrDefault(c => _relation[c] is "nsubj" or "nsubjpass" or "nsubj:pass", NoToken);
                if (subject != NoToken && ResolveCompound(subject).Count > 0)
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
        foreach (var child in _children[verb].Where(c => FollowsForTarget(c)))
        {
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var token = queue.Dequeue();
            if (_upos[token] is "NOUN" or "PROPN" or "ADJ" && ResolveCompound(token).Count > 0)
            {
                return token;
            }

            if (_upos[token] is "VERB" && !IsActorlessNounModifier(token) && FindVerbForm(token) is not null)
            {
                continue;
            }

            foreach (var child in _children[token].Where(c => FollowsForTarget(c)))
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
        _relation[verb].StartsWith("acl", StringComparison.Ordinal)
        && _head[verb] != NoToken
        && !_children[verb].Exists(c => _relation[c].StartsWith("nsubj", StringComparison.Ordinal))
        && ResolveCompound(_head[verb]).Count == 0;

    private bool FollowsForTarget(int token)
    {
        var relation = _relation[token];
        return relation is "dobj" or "obj" or "iobj" or "xcomp" or "amod" or "compound"
            || (relation.StartsWith("advcl", StringComparison.Ordinal) && _children[token].Exists(c => _relation[c] == "mark" && _word[c] == "TO"))
            || ((relation.StartsWith("nmod", StringComparison.Ordinal) || relation.StartsWith("obl", StringComparison.Ordinal) || relation.StartsWith("acl", StringComparison.Ordinal))
                && relation is not ("nmod:tmod" or "obl:tmod" or "nmod:npmod" or "obl:npmod" or "nmod:poss"));
    }

    private string CaseOf(int noun) => _children[noun].Where(c => _relation[c] == "case").Select(c => _word[c]).FirstOrDefault(string.Empty);

    /// <summary>
    /// Tokens of the verb's own clause before the verb, in text order: its subject's noun phrase and fronted phrases,
    /// but not the auxiliaries, adverbs, negation and coordinators attached to the verb itself, nor words of a governing clause
    /// ("indicated it deplored", "recently allowed", "will be hosting" match no pre-verb pattern word).
    /// </summary>
    private int[] BeforeSequence(int verb)
    {
        var inTree = SubtreeWithout(verb, relation => relation is "aux" or "auxpass" or "aux:pass" or "cop" or "advmod" or "neg" or "mark" or "cc");
        return [.. Enumerable.Range(0, verb).Where(i => inTree[i] && _upos[i] != "PUNCT")];
    }

    /// <summary>Tokens of the verb's subtree after the verb, subjects left out, in text order.</summary>
    private int[] AfterSequence(int verb)
    {
        // An aside hung on the verb (", South Korea's military said") is another clause: its words are not the verb's.
        var inTree = SubtreeWithout(verb, relation => relation is "nsubj" or "nsubjpass" or "nsubj:pass" or "parataxis");
        return [.. Enumerable.Range(verb + 1, Math.Max(0, _count - verb - 1)).Where(i => inTree[i] && _upos[i] != "PUNCT")];
    }

    /// <summary>Marks the tokens of <paramref name="verb"/>'s subtree, leaving out the verb's own children whose relation <paramref name="leaveOut"/> names (and their subtrees).</summary>
    private bool[] SubtreeWithout(int verb, Func<string, bool> leaveOut)
    {
        var inTree = new bool[_count];
        var stack = new Stack<int>();
        stack.Push(verb);
        while (stack.Count > 0)
        {
            var t = stack.Pop();
            inTree[t] = true;
            foreach (var c in _children[t])
            {
                if (!(t == verb && leaveOut(_relation[c])))
                {
                    stack.Push(c);
                }
            }
        }

        return inTree;
    }

    // ---- patterns ----

    private Match? TryMatch(VerbPattern pattern, int[] before, int[] after)
    {
        var state = new Match();
        var beforeOk = MatchSequence(pattern.Before, 0, before, 0, int.MaxValue, state, _ => true);
        if (!beforeOk)
        {
            return null;
        }

        return MatchSequence(pattern.After, 0, after, 0, int.MaxValue, state, _ => true) ? state : null;
    }

    private bool MatchSequence(ImmutableArray<PatternElement> elements, int index, int[] seq, int pos, int gap, Match state, Func<int, bool> next)
    {
        if (index == elements.Length)
        {
            return next(pos);
        }

        return MatchElement(elements[index], seq, pos, gap, state, p => MatchSequence(elements, index + 1, seq, p, gap, state, next));
    }

    private bool MatchElement(PatternElement element, int[] seq, int pos, int gap, Match state, Func<int, bool> next)
    {
        var limit = Limit(seq, pos, gap);
        switch (element.Kind)
        {
            case PatternElementKind.Compound:
                return next(pos);
            case PatternElementKind.Word:
                for (var p = pos; p < limit; p++)
                {
                    if (WordMatches(seq[p], element.Text) && state.Try(() => state.AddWord(seq[p]), () => next(p + 1)))
                    {
                        return true;
                    }
                }

                return false;
            case PatternElementKind.Source:
            case PatternElementKind.Target:
            case PatternElementKind.Skip:
                for (var p = pos; p < Math.Min(Limit(seq, pos, gap), pos + MaxActorGap + 1); p++)
                {
                    var t = seq[p];
                    if (_upos[t] is not ("NOUN" or "PROPN" or "PRON" or "NUM" or "X"))
                    {
                        continue;
                    }

                    if (element.Kind != PatternElementKind.Skip && ResolveCompound(t).Count == 0)
                    {
                        continue;
                    }

                    var end = p + 1;
                    var kind = element.Kind;
                    var bound = kind == PatternElementKind.Skip ? t : PhraseHead(t);
                    if (state.Try(() => state.Bind(kind, bound), () => next(end)))
                    {
                        return true;
                    }
                }

                return false;
            case PatternElementKind.NounPhrase:
                return element.Children.IsEmpty
                    ? next(pos)
                    : MatchElement(element.Children[0], seq, pos, gap, state, p => MatchSequence(element.Children, 1, seq, p, ModifiersOnly, state, next));
            case PatternElementKind.PrepositionalPhrase:
                for (var p = pos; p < limit; p++)
                {
                    var t = seq[p];
                    if (_word[t] != element.Text)
                    {
                        continue;
                    }

                    if (state.Try(() => state.AddPreposition(t), () => MatchSequence(element.Children, 0, seq, p + 1, 3, state, next)))
                    {
                        return true;
                    }
                }

                return false;
            case PatternElementKind.SynonymSet:
                var set = _coder.Dictionaries.Verbs.FindSynonymSet(element.Text);
                if (set is null)
                {
                    return false;
                }

                foreach (var member in set.Members)
                {
                    if (MatchMember(member, seq, pos, gap, state, next))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// The end (exclusive) of the positions of <paramref name="seq"/> where the next pattern element may start:
    /// anywhere for <see cref="int.MaxValue"/>, within <paramref name="gap"/> skipped tokens otherwise, and for
    /// <see cref="ModifiersOnly"/> only past modifiers that leave the noun's meaning alone: adjectives ("new global
    /// economic relations" is still a kind of "new economic relations") and coordinated modifiers ("death and injury
    /// toll" is a death toll), but not a noun ("trade relations" are not "relations").
    /// </summary>
    private int Limit(int[] seq, int pos, int gap)
    {
        if (gap == int.MaxValue)
        {
            return seq.Length;
        }

        if (gap != ModifiersOnly)
        {
            return Math.Min(seq.Length, pos + gap + 1);
        }

        var end = pos;
        while (end < seq.Length && (end == pos || seq[end] == seq[end - 1] + 1) && IsSkippableModifier(seq[end]))
        {
            end++;
        }

        return Math.Min(seq.Length, end + 1);
    }

    private bool IsSkippableModifier(int token) =>
        _relation[token] is "amod" or "cc" || _upos[token] == "ADJ"
        || (_relation[token] == "conj" && _head[token] != NoToken && _relation[_head[token]] is "amod" or "compound");

    private bool MatchMember(SynonymMember member, int[] seq, int pos, int gap, Match state, Func<int, bool> next)
    {
        if (member.Words.IsEmpty)
        {
            return MatchSequence(member.Elements, 0, seq, pos, gap, state, next);
        }

        foreach (var words in (ImmutableArray<string>[])[member.Words, member.PluralWords])
        {
            if (words.IsDefaultOrEmpty || !HasAllWords(words))
            {
                continue;
            }

            var limit = Limit(seq, pos, gap);
            for (var p = pos; p < limit && p + words.Length <= seq.Length; p++)
            {
                var fits = true;
                for (var k = 0; k < words.Length && fits; k++)
                {
                    fits = seq[p + k] == seq[p] + k && WordMatches(seq[p + k], words[k]);
                }

                if (!fits)
                {
                    continue;
                }

                var start = p;
                var count = words.Length;
                if (state.Try(() => { for (var k = 0; k < count; k++) { state.AddWord(seq[start + k]); } }, () => next(start + count)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool WordMatches(int token, string word)
    {
        var form = _word[token];
        if (form == word || _lemma[token] == word)
        {
            return true;
        }

        if (word == "NOT" && form == "N'T")
        {
            return true;
        }

        return form.Length == word.Length + 1 && form[^1] == 'S' && form.StartsWith(word, StringComparison.Ordinal)
            || (form.Length == word.Length + 2 && form.EndsWith("ES", StringComparison.Ordinal) && form.StartsWith(word, StringComparison.Ordinal));
    }

    // ---- actors ----

    private void FindMentions()
    {
        var i = 0;
        while (i < _count)
        {
            Mention? best = null;
            foreach (var phrase in _coder.Dictionaries.Actors.FindPhrases(_word[i]))
            {
                if (PhraseAt(i, phrase.Words, phrase.EndsOpen))
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

            foreach (var phrase in _coder.Dictionaries.Agents.FindPhrases(_word[i]))
            {
                if ((best is null || phrase.Words.Length > best.End - best.Start) && PhraseAt(i, phrase.Words, false))
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

    private bool PhraseAt(int start, ImmutableArray<string> words, bool lastOpen)
    {
        if (start + words.Length > _count)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            var form = _word[start + k];
            if (form == words[k])
            {
                continue;
            }

            var isLast = k == words.Length - 1;
            if (!(isLast && lastOpen && words[k].Length >= 5 && form.StartsWith(words[k], StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when the sentence has a token that <see cref="WordMatches"/> could match to each of <paramref name="words"/>:
    /// a cheap test that rules out most patterns before the matcher runs.
    /// </summary>
    private bool HasAllWords(ImmutableArray<string> words)
    {
        if (words.IsEmpty)
        {
            return true;
        }

        if (_words is null)
        {
            _words = new HashSet<string>(_count * 3, StringComparer.Ordinal);
            for (var i = 0; i < _count; i++)
            {
                var form = _word[i];
                _words.Add(form);
                _words.Add(_lemma[i]);
                if (form.EndsWith('S'))
                {
                    _words.Add(form[..^1]);
                    if (form.EndsWith("ES", StringComparison.Ordinal))
                    {
                        _words.Add(form[..^2]);
                    }
                }

                if (form == "N'T")
                {
                    _words.Add("NOT");
                }
            }
        }

        foreach (var word in words)
        {
            if (!_words.Contains(word))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The actors of the phrase headed by <paramref name="head"/> and its conjuncts; computed once per head (the result is shared: do not change it).</summary>
    private List<ActorRef> ResolveCompound(int head)
    {
        if (head == NoToken)
        {
            return [];
        }

        return _compounds[head] ??= ResolveCompoundUncached(head);
    }

    private List<ActorRef> ResolveCompoundUncached(int head)
    {
        var result = new List<ActorRef>();
        if (head == NoToken)
        {
            return result;
        }

        var heads = new List<int> { head };
        for (var k = 0; k < heads.Count; k++)
        {
            heads.AddRange(_children[heads[k]].Where(c => (IsNominalConjunct(c) || IsListAppositive(c)) && !heads.Contains(c)));
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
    private bool IsNominalConjunct(int token) => _relation[token] == "conj" && _upos[token] is not ("VERB" or "AUX");

    /// <summary>
    /// An appositive that is really a member of a comma list ("Mordor, the Shire, Arnor and Bree", which parsers
    /// often read as an appositive with conjuncts): it has conjuncts of its own, or its head has.
    /// </summary>
    private bool IsListAppositive(int token) =>
        _relation[token] == "appos"
        && _head[token] != NoToken
        && (_children[token].Exists(c => _relation[c] == "conj") || _children[_head[token]].Exists(c => _relation[c] == "conj"));

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

        return new ActorRef(code, new TokenSpan(_offset + start, _offset + end));
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
            var core = actor is not null ? anchor : agents.Select(a => TopOf(a)).MinBy(t => _depth[t]);
            agents.RemoveAll(a => !SamePhrase(TopOf(a), core));
        }

        var actors = new List<Mention>();
        if (actor is not null)
        {
            actors.Add(actor);
            if (anchor != head)
            {
                var conjuncts = new List<int>(_children[anchor].Where(IsNominalConjunct));
                for (var k = 0; k < conjuncts.Count; k++)
                {
                    conjuncts.AddRange(_children[conjuncts[k]].Where(c => IsNominalConjunct(c) && !conjuncts.Contains(c)));
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
            if (_depth[t] < _depth[top])
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
    private int PhraseHead(int token)
    {
        var t = token;
        for (var guard = 0; guard <= _count && _head[t] != NoToken && _relation[t] is "nmod:poss" or "compound" or "amod" or "flat" or "flat:name" or "name"
            && _upos[_head[t]] is "NOUN" or "PROPN"; guard++)
        {
            t = _head[t];
        }

        return t;
    }

    /// <summary>The token and its heads as far as modifier relations lead.</summary>
    private List<int> PhraseChain(int from)
    {
        var chain = new List<int>();
        for (int t = from, guard = 0; t != NoToken && guard <= _count; guard++)
        {
            chain.Add(t);
            if (!IsPhraseRelation(_relation[t]))
            {
                break;
            }

            t = _head[t];
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
        _relation[token] == "appos"
        && _children[token].Exists(c => _relation[c] == "acl" && _upos[c] == "VERB" && _finite[c] && !_children[c].Exists(g => _relation[g].StartsWith("nsubj", StringComparison.Ordinal)));

    private (bool[] InPhrase, int[] Depth) PhraseTokens(int head)
    {
        var inPhrase = new bool[_count];
        var depth = new int[_count];
        var stack = new Stack<int>();
        stack.Push(head);
        while (stack.Count > 0)
        {
            var t = stack.Pop();
            inPhrase[t] = true;
            foreach (var c in _children[t])
            {
                var relation = _relation[c];
                var baseRelation = relation.Split(':')[0];
                // A verb attached as a nominal modifier ("against besieged Osgiliath") heads a noun phrase, and its
                // object belongs to that phrase.
                var nominalVerb = t != head && _upos[t] == "VERB" && (_relation[t].StartsWith("nmod", StringComparison.Ordinal) || _relation[t].StartsWith("obl", StringComparison.Ordinal));
                if (!ClauseRelations.Contains(baseRelation, StringComparer.Ordinal) && !(relation is "nsubj" || (relation is "dobj" or "obj" && !nominalVerb)) && !IsMisattachedSubject(c))
                {
                    depth[c] = depth[t] + 1;
                    stack.Push(c);
                }
            }
        }

        return (inPhrase, depth);
    }

    // ---- discards ----

    /// <summary>
    /// The first discard phrase in the sentence, or null. With <see cref="CodingOptions.StoryDiscards"/> a story discard
    /// anywhere in the sentence comes before a sentence discard, as PETRARCH checks its <c>+</c> lines first.
    /// </summary>
    private (int Token, DiscardPhrase Phrase)? FindDiscard()
    {
        if (_coder.Options.StoryDiscards && FindDiscard(storyOnly: true) is { } story)
        {
            return story;
        }

        return FindDiscard(storyOnly: false);
    }

    private (int Token, DiscardPhrase Phrase)? FindDiscard(bool storyOnly)
    {
        for (var i = 0; i < _count; i++)
        {
            foreach (var phrase in _coder.Dictionaries.Discards.FindPhrases(_word[i]))
            {
                if ((!storyOnly || phrase.DiscardsStory) && PhraseAt(i, phrase.Words, !phrase.LastWordWhole))
                {
                    return (i, phrase);
                }
            }
        }

        return null;
    }

    private sealed record Mention(int Start, int End, string Code, AgentPhrase? Agent, SourceLine Source);

    private sealed record ActorRef(string Code, TokenSpan Span)
    {
        public static ActorRef Unknown { get; } = new("---", TokenSpan.None);
    }

    /// <summary>The words a pattern matched and the actors it bound; undoable so the matcher can backtrack.</summary>
    private sealed class Match
    {
        private readonly List<Action> _undo = [];

        public List<int> Words { get; } = [];

        public int Score { get; private set; }

        public int Source { get; private set; } = NoToken;

        public int Target { get; private set; } = NoToken;

        public int Preposition { get; private set; } = NoToken;

        public void AddWord(int token)
        {
            Words.Add(token);
            Score += 2;
            _undo.Add(() =>
            {
                Words.RemoveAt(Words.Count - 1);
                Score -= 2;
            });
        }

        public void AddPreposition(int token)
        {
            var previous = Preposition;
            Preposition = token;
            Score += 2;
            _undo.Add(() =>
            {
                Preposition = previous;
                Score -= 2;
            });
        }

        public void Bind(PatternElementKind kind, int token)
        {
            var (source, target) = (Source, Target);
            if (kind == PatternElementKind.Source)
            {
                Source = token;
            }
            else if (kind == PatternElementKind.Target)
            {
                Target = token;
            }

            Score += 1;
            _undo.Add(() =>
            {
                (Source, Target) = (source, target);
                Score -= 1;
            });
        }

        /// <summary>Applies <paramref name="apply"/>, then runs <paramref name="next"/>; undoes the change when it fails.</summary>
        public bool Try(Action apply, Func<bool> next)
        {
            var mark = _undo.Count;
            apply();
            if (next())
            {
                return true;
            }

            for (var i = _undo.Count - 1; i >= mark; i--)
            {
                _undo[i]();
                _undo.RemoveAt(i);
            }

            return false;
        }
    }
}
