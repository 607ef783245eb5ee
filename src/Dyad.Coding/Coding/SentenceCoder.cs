using System.Collections.Immutable;
using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Coding;

/// <summary>
/// Codes one sentence: for each verb the dictionary knows, matches its patterns (<see cref="PatternMatcher"/>), finds
/// its source and target (<see cref="DependencyQueries"/>, <see cref="ActorResolver"/>), applies negation and intent,
/// and emits the events. Holds which tokens a verb form or pattern has used. Not thread-safe; used once.
/// </summary>
internal sealed class SentenceCoder
{
    private const int NoToken = SentenceView.NoToken;

    /// <summary>CAMEO 010, "make statement, not specified below": the code of a bare verb of saying.</summary>
    private const string PlainStatementCode = "010";

    private readonly EventCoder _coder;
    private readonly SentenceView _sentence;
    private readonly ActorResolver _actors;
    private readonly DependencyQueries _queries;
    private readonly PatternMatcher _matcher;
    private readonly IntentFinder _intents;

    /// <summary>Tokens that a verb form's particles, a matched pattern, or a verb's coded complement have used: no verb among them is coded again.</summary>
    private readonly bool[] _consumed;

    /// <summary>Reads <paramref name="sentence"/> of <paramref name="document"/> and finds its actor mentions; <paramref name="date"/> picks dated roles.</summary>
    public SentenceCoder(EventCoder coder, Document document, Sentence sentence, DateOnly? date)
    {
        _coder = coder;
        _sentence = new SentenceView(document, sentence);
        _consumed = new bool[_sentence.Count];
        _actors = new ActorResolver(_sentence, coder.Dictionaries, date);
        _matcher = new PatternMatcher(_sentence, coder.Dictionaries.Verbs, _actors);
        _queries = new DependencyQueries(_sentence, _actors, token => FindVerbForm(token) is not null);
        _intents = new IntentFinder(_sentence, _queries, coder.Options.FutureAsIntent);
    }

    /// <summary>
    /// The story discard phrase that <see cref="Run"/> found, when <see cref="CodingOptions.StoryDiscards"/> is set:
    /// the caller then drops the whole story. Null otherwise.
    /// </summary>
    public DiscardPhrase? StoryDiscard { get; private set; }

    public void Run(ImmutableArray<CodedEvent>.Builder events, ImmutableArray<CodingNote>.Builder notes)
    {
        if (SentenceDiscards.Find(_sentence, _coder.Dictionaries.Discards, _coder.Options.StoryDiscards) is { } discard)
        {
            if (discard.Phrase.DiscardsStory && _coder.Options.StoryDiscards)
            {
                StoryDiscard = discard.Phrase;
                notes.Add(new CodingNote(_sentence.Offset + discard.Token, $"story discarded: '{discard.Phrase}' ({discard.Phrase.Source}): no sentence of the document is coded"));
                return;
            }

            notes.Add(new CodingNote(_sentence.Offset + discard.Token, $"sentence discarded: '{discard.Phrase}' ({discard.Phrase.Source})"));
            return;
        }

        var verbs = Enumerable.Range(0, _sentence.Count).Where(i => _sentence.Upos(i) is "VERB" or "AUX").OrderBy(i => _sentence.Depth(i)).ThenBy(i => i).ToList();
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
        var (best, bestPattern) = _matcher.BestMatch(block, verb);
        var code = bestPattern?.Code ?? entry.Code;
        var rule = bestPattern?.ToString() ?? entry.Text + " [" + entry.Code + "]";
        var verbDoc = _sentence.Offset + verb;
        if (best is not null)
        {
            foreach (var token in best.Words)
            {
                _consumed[token] = true;
            }
        }

        var patternNegated = best is not null && best.Words.Any(t => DependencyQueries.IsNegationWord(_sentence.Word(t)));
        if (!patternNegated && _queries.IsNegated(verb) && !code.IsNull)
        {
            var ontology = _coder.Dictionaries.Ontology;
            var negated = ontology.Negate(code.Active);
            if (negated is null)
            {
                notes.Add(new CodingNote(verbDoc, $"verb '{_sentence.Word(verb)}' is negated and the ontology has no code for not {code.Active}: no event ({rule}, {bestPattern?.Source ?? entry.Source})"));
                return;
            }

            notes.Add(new CodingNote(verbDoc, $"verb '{_sentence.Word(verb)}' is negated: not {code.Active} is {negated}"));
            code = new VerbCode(negated, code.Passive is null ? null : ontology.Negate(code.Passive) ?? "---");
            rule = "not (" + rule + ")";
        }

        var intentHead = code.IsNull || !_coder.Options.IntentRules ? NoToken : _intents.FindIntentHead(verb);
        if (intentHead != NoToken && !code.Active.StartsWith("03", StringComparison.Ordinal) && IntentCodes.Of(code.Active) is { } intent)
        {
            notes.Add(new CodingNote(verbDoc, $"'{_sentence.Word(verb)}' is what '{_sentence.Word(intentHead)}' intends: {code.Active} becomes the intent {intent}"));
            code = new VerbCode(intent, null);
            rule = "intent '" + _sentence.Word(intentHead).ToLowerInvariant() + "' + " + rule;
        }
        else
        {
            intentHead = NoToken;
        }

        if (code.IsNull)
        {
            return;
        }

        var passive = _queries.IsPassive(verb);
        var subject = _queries.FindSubject(verb);
        int sourceHead;
        int targetHead;
        if (passive)
        {
            targetHead = subject;
            sourceHead = _queries.FindAgentPhrase(verb);
            if (sourceHead == NoToken)
            {
                sourceHead = _queries.FindObject(verb, NoToken, prepositionalOnly: true);
            }
        }
        else
        {
            sourceHead = subject;
            targetHead = _queries.FindObject(verb, best?.Preposition ?? NoToken);
        }

        if (intentHead != NoToken && sourceHead == intentHead)
        {
            sourceHead = _intents.IntentNounSource(intentHead);
        }

        if (best is not null && best.Source != NoToken)
        {
            sourceHead = best.Source;
        }

        if (best is not null && best.Target != NoToken)
        {
            targetHead = best.Target;
        }

        var sources = _actors.ActorsOf(sourceHead);
        var targets = _actors.ActorsOf(targetHead);
        if (bestPattern?.SourceAgent is { } implied && sources.Exists(a => IsBareActor(a.Code)))
        {
            // "Russia launched airstrikes": the pattern says who does such a thing (~MIL), and the text named only the country.
            sources = [.. sources.Select(a => IsBareActor(a.Code) ? a with { Code = a.Code + implied } : a)];
        }

        // "Iran and Saudi Arabia held talks in Baghdad": with joint sources, a place the verb happened in is not its target.
        if (sources.Count > 1 && (best is null || best.Target == NoToken) && targetHead != NoToken && _queries.IsLocative(targetHead))
        {
            targets = [];
        }

        // Joint sources and no target: reciprocal codes, compound patterns and cooperation among the sources ("Turkey and
        // Israel signed an agreement") code each source towards each other one.
        var reciprocal = code.Passive is not null && string.Equals(code.Passive, code.Active, StringComparison.Ordinal);
        if (((bestPattern is not null && HasCompoundMarker(bestPattern)) || reciprocal || (IsMutual(code.Active) && _queries.JoinedByAnd(sourceHead))) && targets.Count == 0 && sources.Count > 1)
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
        if (targets.Count == 0 && code.Active == PlainStatementCode && _queries.IsReportingFrame(verb))
        {
            notes.Add(new CodingNote(verbDoc, $"verb '{_sentence.Word(verb)}' attributes another clause and has no target: reported speech, not an event of its own ({rule})"));
            return;
        }

        if (!_coder.Options.RequireDyad && sources.Count > 0 && targets.Count == 0 && sources.Exists(a => !a.Code.StartsWith("---", StringComparison.Ordinal)))
        {
            sources = sources.Count == 0 ? [ActorRef.Unknown] : sources;
            targets = targets.Count == 0 ? [ActorRef.Unknown] : targets;
        }

        if (sources.Count == 0 || targets.Count == 0)
        {
            notes.Add(new CodingNote(verbDoc, $"verb '{_sentence.Word(verb)}' has no {(sources.Count == 0 ? "source" : "target")} actor: no event ({rule})"));
            return;
        }

        // "urged Eriador to respond": the object-controlled complement (an open complement, or an infinitive on the
        // object) is what was urged, asked or allowed, not an event of its own; so is what the target is accused,
        // blamed or arrested "of" or "for" ("accused Russia of targeting civilians").
        if (targetHead != NoToken && _sentence.Relation(targetHead) is "dobj" or "obj" or "iobj" && _sentence.Head(targetHead) == verb)
        {
            var complements = _sentence.Children(verb).Where(c => _sentence.Relation(c) == "xcomp" || (_sentence.Relation(c).StartsWith("advcl", StringComparison.Ordinal) && _sentence.HasMarker(c, "OF", "FOR")))
                .Concat(_sentence.Children(targetHead).Where(c => _sentence.Relation(c).StartsWith("acl", StringComparison.Ordinal) && (_sentence.HasMarker(c, "TO") || _sentence.HasMarker(c, "OF", "FOR"))));
            foreach (var complement in complements.Where(c => !_consumed[c]).ToList())
            {
                _consumed[complement] = true;
                notes.Add(new CodingNote(_sentence.Offset + complement, $"verb '{_sentence.Word(complement)}' is the content of '{_sentence.Word(verb)}' (its object's complement): not coded on its own"));
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

    /// <summary>Cooperation that joint actors do with one another: consult (04), diplomatic (05) and material (06) cooperation, and the intent to (03).</summary>
    private static bool IsMutual(string code) => code.Length >= 2 && code[0] == '0' && code[1] is '3' or '4' or '5' or '6';

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

    /// <summary>The dictionary form of <paramref name="verb"/> whose particles the sentence has, or null; its particles are marked used.</summary>
    private VerbForm? FindVerbForm(int verb)
    {
        var used = new List<int>();
        var form = _matcher.FindVerbForm(verb, used);
        if (form is not null)
        {
            foreach (var token in used)
            {
                _consumed[token] = true;
            }
        }

        return form;
    }

    /// <summary>
    /// An event of <paramref name="code"/> at the sentence's main verb, its actors found as the rules find them: for a
    /// type that a model chose where no verb pattern matched. The main verb is the root, or, when the root is a reporting
    /// verb ("said") with a clausal complement, the complement's verb. A side whose phrase names no known actor keeps the
    /// phrase's words with the code <c>---</c>. Null when neither side has words.
    /// </summary>
    public CodedEvent? Propose(string code, SourceLine source, string rule)
    {
        var verb = _queries.MainVerb();
        if (verb == NoToken)
        {
            return null;
        }

        var subject = _queries.FindSubject(verb);
        int sourceHead, targetHead;
        if (_queries.IsPassive(verb))
        {
            targetHead = subject;
            sourceHead = _queries.FindAgentPhrase(verb);
        }
        else
        {
            sourceHead = subject;
            targetHead = _queries.FindObject(verb, NoToken);
        }

        var actorSource = _actors.ActorOrPhrase(sourceHead);
        var actorTarget = _actors.ActorOrPhrase(targetHead);
        if (actorSource.Span.Length == 0 && actorTarget.Span.Length == 0)
        {
            return null;
        }

        return new CodedEvent(actorSource.Code, actorTarget.Code, code, _sentence.Offset + verb, actorSource.Span, actorTarget.Span, source, null, rule);
    }

    /// <summary>The actor of the noun phrase headed by <paramref name="head"/> (a sentence index): its code and words as the rules resolve them, else its words coded <c>---</c>.</summary>
    public (string Code, TokenSpan Span) ActorAt(int head)
    {
        var actor = _actors.ActorOrPhrase(head);
        return (actor.Code, actor.Span);
    }
}
