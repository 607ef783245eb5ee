using System.Collections.Immutable;
using Dyad.Events;
using Dyad.Places;

namespace Dyad;

/// <summary>
/// A document and everything known about it. The document owns its text; tokens and sentences are offsets into it,
/// and each later annotation is an array parallel to <see cref="Tokens"/>. Stages never change an annotation another
/// stage set: they return <c>document with { Tags = ... }</c>. An annotation that no stage has set yet is a default
/// (<see cref="ImmutableArray{T}.IsDefault"/>) array. Events are the one exception to "never change": the coder makes
/// them and the stages after it add what they find out (a date, a place) to each record, never changing a field an
/// earlier stage set.
/// </summary>
/// <remarks>Immutable and so safe to share between threads.</remarks>
public sealed record Document
{
    /// <summary>Creates a document over <paramref name="text"/> with no annotations.</summary>
    /// <param name="id">Stable identifier: a file name, a URL or an id given with the input.</param>
    /// <param name="text">The full text. Offsets everywhere are UTF-16 code units into it.</param>
    public Document(string id, string text)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(text);
        Id = id;
        Text = text;
    }

    /// <summary>Stable identifier of the document.</summary>
    public string Id { get; init; }

    /// <summary>The text that every offset points into.</summary>
    public string Text { get; init; }

    /// <summary>Tokens in text order; ranges never overlap and never hold white space.</summary>
    public ImmutableArray<Token> Tokens { get; init; }

    /// <summary>Sentences in text order, covering every token exactly once.</summary>
    public ImmutableArray<Sentence> Sentences { get; init; }

    /// <summary>Part-of-speech tags and features, one per token.</summary>
    public ImmutableArray<MorphTag> Tags { get; init; }

    /// <summary>Lemmas, one per token.</summary>
    public ImmutableArray<string> Lemmas { get; init; }

    /// <summary>Dependency heads and relations, one per token; heads are indexes inside the token's sentence.</summary>
    public ImmutableArray<Dependency> Dependencies { get; init; }

    /// <summary>
    /// The date the document's words are read against ("on Wednesday" is the Wednesday before it): the publication
    /// date, or null when unknown. Set by whoever makes the document, before the stages run.
    /// </summary>
    public DateOnly? Published { get; init; }

    /// <summary>
    /// Where the report was filed, read from its dateline ("KABUL (Reuters) -"), or null. Set by whoever makes the
    /// document, on the piece of an article that holds the lead sentence only: it places that sentence's events when
    /// the sentence names no place.
    /// </summary>
    public Toponym? FiledAt { get; init; }

    /// <summary>
    /// The events coded in the document, in text order; offsets are into <see cref="Text"/> and sentence numbers count
    /// from 1 in this document. The coder sets them; the date and location stages fill in their fields.
    /// </summary>
    public ImmutableArray<EventRecord> Events { get; init; }

    /// <summary>
    /// True when the coder dropped the whole story (a story discard phrase, PETRARCH's convention). Set before the
    /// coder runs, it means an earlier piece of the same story was discarded, and the coder codes nothing.
    /// </summary>
    public bool StoryDiscarded { get; init; }

    /// <summary>Every place name found, in text order (resolved or not; places, demonyms and modifiers).</summary>
    public ImmutableArray<Toponym> Toponyms { get; init; }

    /// <summary>Problems found while processing this document, in the order found.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>The characters of token <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> FormSpan(int index) => Text.AsSpan(Tokens[index].Start, Tokens[index].Range.Length);

    /// <summary>The text of token <paramref name="index"/> as a new string.</summary>
    public string Form(int index) => Text.Substring(Tokens[index].Start, Tokens[index].Range.Length);

    /// <summary>The text from the first to the last character of <paramref name="sentence"/>.</summary>
    public string SentenceText(Sentence sentence)
    {
        if (sentence.Length == 0)
        {
            return string.Empty;
        }

        var start = Tokens[sentence.TokenStart].Start;
        var end = Tokens[sentence.TokenEnd - 1].SurfaceEnd;
        return Text[start..end];
    }

    /// <summary>
    /// The document-wide index of the token of sentence <paramref name="sentenceIndex"/> that holds character
    /// <paramref name="offset"/> (an event's verb, from its evidence), or null when the sentence has none there.
    /// </summary>
    public int? TokenAt(int sentenceIndex, int offset)
    {
        if (sentenceIndex < 0 || sentenceIndex >= Sentences.Length)
        {
            return null;
        }

        var sentence = Sentences[sentenceIndex];
        for (var i = sentence.TokenStart; i < sentence.TokenEnd; i++)
        {
            if (Tokens[i].Start <= offset && offset < Tokens[i].End)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Returns a copy with <paramref name="diagnostic"/> added.</summary>
    public Document WithDiagnostic(Diagnostic diagnostic) => this with { Diagnostics = Diagnostics.Add(diagnostic) };
}
