using System.Collections.Immutable;
using Dyad.Events;
using Dyad.Places;

namespace Dyad.Geo;

/// <summary>
/// Gives each event of a document where it happened (<see cref="EventRecord.Location"/>), from the document's
/// toponyms. In order: a place the event's sentence names that is not an actor (read through the parse, see
/// <see cref="ActionLocation"/>); for the lead sentence of a datelined report, where it was filed
/// (<see cref="Document.FiledAt"/>); a place marked as one inside the source's words ("police in Karachi arrested"); a
/// place the target names ("bombed Syria"); a place in the sentences around it, within the paragraph. Demonyms and
/// modifiers never locate an event. An event that none of these places keeps no location.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public sealed class EventLocationStage : IStage
{
    /// <summary>The stage's name.</summary>
    public const string StageName = "event-location.v1";

    /// <inheritdoc/>
    public string Name => StageName;

    /// <inheritdoc/>
    /// <exception cref="StageOrderException">The document has no events or no toponyms yet.</exception>
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Events.IsDefault)
        {
            throw new StageOrderException(Name, "coder");
        }

        if (document.Toponyms.IsDefault)
        {
            throw new StageOrderException(Name, ToponymStage.StageName);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var locating = document.Toponyms.Where(t => t.Kind == ToponymKind.Place).ToList();
        var events = ImmutableArray.CreateBuilder<EventRecord>(document.Events.Length);
        foreach (var e in document.Events)
        {
            events.Add(e.Location is null ? e with { Location = Locate(document, e.Evidence, locating) } : e);
        }

        return document with { Events = events.MoveToImmutable() };
    }

    private static EventPlace? Locate(Document document, EventEvidence evidence, IReadOnlyList<Toponym> toponyms)
    {
        var sentence = new TextRange(evidence.Start, evidence.End);
        var sentenceIndex = evidence.Sentence - 1;
        // Neighbouring sentences lend a place only within the paragraph: across a blank line the story has moved on.
        TextRange? previous = sentenceIndex > 0 ? SentenceRange(document, sentenceIndex - 1) : null;
        TextRange? next = sentenceIndex + 1 < document.Sentences.Length ? SentenceRange(document, sentenceIndex + 1) : null;
        if (previous is { } p && ParagraphBreak(document.Text, p.End, sentence.Start))
        {
            previous = null;
        }

        if (next is { } n && ParagraphBreak(document.Text, sentence.End, n.Start))
        {
            next = null;
        }

        // The source's words are who acted, not where, and so is a target that names a country ("signed an agreement
        // with Israel"); a target that names a city or region ("captured Mosul", "arrived in Moscow") is where it happened.
        var actors = new List<TextRange>();
        if (evidence.Source is { } source)
        {
            actors.Add(new TextRange(source.Start, source.End));
        }

        if (evidence.Target is { } target && toponyms.Any(t => t.Start < target.End && target.Start < t.End && t.Feature == "country"))
        {
            actors.Add(new TextRange(target.Start, target.End));
        }

        var syntax = document.TokenAt(sentenceIndex, evidence.Verb.Start) is { } verb ? new EventSyntax(document, sentenceIndex, verb) : null;
        if (ActionLocation.Choose(toponyms, sentence, syntax, actors) is { Place: not null } here)
        {
            return Place(here);
        }

        if (document.FiledAt is { } filedAt && evidence.Sentence == 1)
        {
            return Place(filedAt);
        }

        // The source's words name who acted, but a place marked as one inside them ("demonstrators in Nepal protested",
        // "police in Karachi arrested") says where they were when they did.
        if (evidence.Source is { } actor
            && ActionLocation.Choose([.. toponyms.Where(t => t.HasLocationCue && t.Start >= actor.Start && t.End <= actor.End)], sentence, syntax) is { } actorPlace
            && actorPlace.Place is not null)
        {
            return Place(actorPlace);
        }

        if (evidence.Target is { } aimed
            && toponyms.FirstOrDefault(t => t.Place is not null && t.Start < aimed.End && aimed.Start < t.End) is { } targetPlace)
        {
            return Place(targetPlace);
        }

        return ActionLocation.Choose(toponyms, sentence, syntax, actors, previous, next) is { Place: not null } near ? Place(near) : null;
    }

    /// <summary>The event-place fields of a resolved toponym, with the words it was read from.</summary>
    private static EventPlace Place(Toponym toponym) =>
        new(toponym.Name, toponym.Country, toponym.Adm1, toponym.Latitude, toponym.Longitude, toponym.GeoNamesId, toponym.Feature, toponym.Text, toponym.Start, toponym.End);

    private static bool ParagraphBreak(string text, int from, int to) =>
        from >= 0 && to <= text.Length && from < to && text.AsSpan(from, to - from).Contains("\n\n", StringComparison.Ordinal);

    private static TextRange SentenceRange(Document document, int index)
    {
        var s = document.Sentences[index];
        return new TextRange(document.Tokens[s.TokenStart].Start, document.Tokens[s.TokenEnd - 1].End);
    }
}
