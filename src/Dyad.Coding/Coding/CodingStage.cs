using System.Collections.Immutable;
using Dyad.Coding.Learned;

namespace Dyad.Coding.Coding;

/// <summary>
/// The event coder as a pipeline stage: codes every sentence of a parsed document with the rules, lets the learned
/// layer (when there is one) veto, re-type and add events, and sets <see cref="Document.Events"/> to the records, dated
/// by the publication date and not yet placed. A story discard leaves the document without events and sets
/// <see cref="Document.StoryDiscarded"/>; a document that arrives with it set (a later piece of a discarded story) is
/// not coded.
/// </summary>
/// <remarks>Thread-safe: the coder and model hold no per-call state.</remarks>
public sealed class CodingStage : IStage
{
    /// <summary>Creates the stage.</summary>
    /// <param name="coder">The rule coder.</param>
    /// <param name="model">The learned layer over the rules, or null for the rules alone.</param>
    /// <exception cref="ArgumentNullException"><paramref name="coder"/> is null.</exception>
    public CodingStage(EventCoder coder, EventModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(coder);
        Coder = coder;
        Model = model;
        Name = model is null ? RulesName : RulesName + "+" + EventModel.Name;
    }

    /// <summary>The name of the stage with the rules alone.</summary>
    public const string RulesName = "coder.v1";

    /// <summary><c>coder.v1</c>, or <c>coder.v1+events.v1</c> with the learned layer.</summary>
    public string Name { get; }

    /// <summary>The rule coder.</summary>
    public EventCoder Coder { get; }

    /// <summary>The learned layer, or null.</summary>
    public EventModel? Model { get; }

    /// <inheritdoc/>
    /// <exception cref="StageOrderException">The document has not been parsed.</exception>
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Dependencies.IsDefault || document.Lemmas.IsDefault)
        {
            throw new StageOrderException(Name, "parser");
        }

        if (document.StoryDiscarded)
        {
            return document with { Events = [] };
        }

        cancellationToken.ThrowIfCancellationRequested();
        var rules = Coder.Code(document, document.Published);
        if (rules.StoryDiscarded)
        {
            return document with { Events = [], StoryDiscarded = true };
        }

        var coded = Model is { } model ? model.Apply(document, rules, Coder, document.Published).Events : rules.Events;
        var events = ImmutableArray.CreateBuilder<Events.EventRecord>(coded.Length);
        foreach (var e in coded)
        {
            events.Add(EventRecords.From(document, e, document.Published));
        }

        return document with { Events = events.MoveToImmutable() };
    }
}
