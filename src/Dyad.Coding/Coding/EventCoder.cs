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

    /// <summary>Codes every sentence of <paramref name="document"/>.</summary>
    /// <param name="document">A document with tokens, sentences, tags, lemmas and dependencies.</param>
    /// <param name="date">The story's date, to choose dated actor roles; null uses each actor's undated role.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="ArgumentException">The document lacks tags, lemmas or dependencies.</exception>
    public CodingResult Code(Document document, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Tokens.IsDefault || document.Sentences.IsDefault || document.Tags.IsDefault || document.Lemmas.IsDefault || document.Dependencies.IsDefault)
        {
            throw new ArgumentException("Expected a document with tokens, sentences, tags, lemmas and dependencies; run the tagger and parser first.", nameof(document));
        }

        var events = ImmutableArray.CreateBuilder<CodedEvent>();
        var notes = ImmutableArray.CreateBuilder<CodingNote>();
        foreach (var sentence in document.Sentences)
        {
            if (sentence.Length > 0)
            {
                new SentenceCoder(this, document, sentence, date).Run(events, notes);
            }
        }

        return new CodingResult(events.ToImmutable(), notes.ToImmutable());
    }
}
