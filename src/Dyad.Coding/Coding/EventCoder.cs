using System.Collections.Immutable;
using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Coding;

/// <summary>
/// Codes political events in parsed sentences, PETRARCH-style: every verb found in the verb dictionary is matched
/// against its block's patterns, its source and target noun phrases are found in the dependency tree, and their actor
/// and agent phrases give the actor codes.
/// </summary>
/// <remarks>
/// Immutable and safe to share between threads. Rules, in brief: the subject is the source (through <c>conj</c>,
/// <c>xcomp</c>, <c>advcl</c> and relative clauses), the object or a prepositional dependent is the target; in the passive
/// voice the <c>by</c> phrase is the source and the subject the target. The pattern that matches the most words wins,
/// else the verb's own or its block's code applies. A code <c>[A:B]</c> is a paired event: A from source to target and
/// B back (the validation suite's TABARI semantics). A verb negated with <c>not</c>, <c>n't</c> or <c>never</c> (unless the
/// pattern itself has the negation) takes the ontology's code for "not" its code (<see cref="CodingOntology.Negate"/>),
/// and codes nothing when there is none. A sentence with a discard phrase codes nothing. Conjoined actors
/// give one event each.
/// </remarks>
public sealed class EventCoder
{
    /// <summary>Creates a coder over <paramref name="dictionaries"/>.</summary>
    /// <param name="dictionaries">Verbs, actors, agents and discards.</param>
    /// <param name="options">Settings; <see cref="CodingOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dictionaries"/> is null.</exception>
    public EventCoder(DictionarySet dictionaries, CodingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dictionaries);
        Dictionaries = dictionaries;
        Options = options ?? CodingOptions.Default;
    }

    /// <summary>The dictionaries in use.</summary>
    public DictionarySet Dictionaries { get; }

    /// <summary>The settings in use.</summary>
    public CodingOptions Options { get; }

    /// <summary>Returns a coder with the same dictionaries and other settings.</summary>
    /// <param name="options">The new settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public EventCoder WithOptions(CodingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new EventCoder(Dictionaries, options);
    }

    /// <summary>
    /// Codes every sentence of <paramref name="document"/>. With <see cref="CodingOptions.StoryDiscards"/>, a story
    /// discard phrase in any sentence leaves the whole document without events (a note says which phrase).
    /// </summary>
    /// <param name="document">A document with tokens, sentences, tags, lemmas and dependencies.</param>
    /// <param name="date">The story's date, to choose dated actor roles; null uses each actor's undated role.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="StageOrderException">The document lacks tags, lemmas or dependencies.</exception>
    public CodingResult Code(Document document, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Tokens.IsDefault || document.Sentences.IsDefault || document.Tags.IsDefault || document.Lemmas.IsDefault || document.Dependencies.IsDefault)
        {
            throw new StageOrderException(CodingStage.RulesName, "parser");
        }

        var events = ImmutableArray.CreateBuilder<CodedEvent>();
        var notes = ImmutableArray.CreateBuilder<CodingNote>();
        var storyDiscarded = false;
        foreach (var sentence in document.Sentences)
        {
            if (sentence.Length > 0)
            {
                var coder = new SentenceCoder(this, document, sentence, date);
                coder.Run(events, notes);
                if (coder.StoryDiscard is not null)
                {
                    // PETRARCH-2 stops at a story discard and drops what the story's earlier sentences coded.
                    events.Clear();
                    storyDiscarded = true;
                    break;
                }
            }
        }

        return new CodingResult(events.ToImmutable(), notes.ToImmutable()) { StoryDiscarded = storyDiscarded };
    }

    /// <summary>
    /// An event of <paramref name="code"/> at the main verb of <paramref name="sentence"/>, with its actors found as the
    /// rules find them (a phrase the knowledge base does not know keeps its words, coded <c>---</c>): for an event whose
    /// type a model chose where no pattern matched. Null when the sentence has no main verb or no actor phrase.
    /// </summary>
    /// <param name="document">A parsed document.</param>
    /// <param name="sentence">One of its sentences.</param>
    /// <param name="code">The CAMEO code to give the event.</param>
    /// <param name="source">Where the decision came from (the model's file).</param>
    /// <param name="rule">The rule text to record, naming the model.</param>
    /// <param name="date">The story's date, for dated actor roles.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="code"/> is null.</exception>
    public CodedEvent? Propose(Document document, Sentence sentence, string code, SourceLine source, string rule, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(code);
        return sentence.Length == 0 ? null : new SentenceCoder(this, document, sentence, date).Propose(code, source, rule);
    }

    /// <summary>The actors of the noun phrases headed by <paramref name="heads"/> in <paramref name="sentence"/>: each one's code and words as the rules resolve them, else its words coded <c>---</c>.</summary>
    /// <param name="document">A parsed document.</param>
    /// <param name="sentence">One of its sentences.</param>
    /// <param name="heads">Document indexes of the phrases' head tokens, inside the sentence.</param>
    /// <param name="date">The story's date, for dated actor roles.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="heads"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A head is not in the sentence.</exception>
    public IReadOnlyList<(string Code, TokenSpan Span)> ActorsAt(Document document, Sentence sentence, IReadOnlyList<int> heads, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(heads);
        if (heads.Count == 0)
        {
            return [];
        }

        foreach (var head in heads)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(head, sentence.TokenStart);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(head, sentence.TokenEnd);
        }

        var coder = new SentenceCoder(this, document, sentence, date);
        return [.. heads.Select(h => coder.ActorAt(h - sentence.TokenStart))];
    }
}
