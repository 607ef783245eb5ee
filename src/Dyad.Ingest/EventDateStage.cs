using System.Collections.Immutable;
using Dyad.Events;

namespace Dyad.Ingest;

/// <summary>
/// Dates each event of a document (<see cref="EventRecord.Date"/>, <see cref="EventRecord.DatePrecision"/> and
/// <see cref="EventRecord.DateEvidence"/>) from the words of its sentence against <see cref="Document.Published"/>,
/// with <see cref="EventDateResolver"/>: the sentence is found from the event's tokens, and of several date
/// expressions the one nearest the event's verb token wins. An event whose sentence states no date keeps the
/// publication date (precision <c>published</c>); without a publication date, events stay undated.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public sealed class EventDateStage : IStage
{
    /// <summary>The stage's name.</summary>
    public const string StageName = "event-dates.v1";

    /// <inheritdoc/>
    public string Name => StageName;

    /// <inheritdoc/>
    /// <exception cref="StageOrderException">The coder has not run.</exception>
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Events.IsDefault)
        {
            throw new StageOrderException(Name, "coder");
        }

        if (document.Published is not { } published || document.Events.IsEmpty)
        {
            return document;
        }

        cancellationToken.ThrowIfCancellationRequested();
        // A sentence's date expressions are found once, however many events it has.
        var found = new Dictionary<int, IReadOnlyList<EventDate>>();
        var events = ImmutableArray.CreateBuilder<EventRecord>(document.Events.Length);
        foreach (var e in document.Events)
        {
            events.Add(e.DatePrecision is null ? Date(document, e, published, found) : e);
        }

        return document with { Events = events.MoveToImmutable() };
    }

    private static EventRecord Date(Document document, EventRecord record, DateOnly published, Dictionary<int, IReadOnlyList<EventDate>> found)
    {
        var index = record.Evidence.Sentence - 1;
        if (index < 0 || index >= document.Sentences.Length || document.Sentences[index].Length == 0)
        {
            return record with { Date = published, DatePrecision = "published" };
        }

        var sentence = document.Sentences[index];
        var start = document.Tokens[sentence.TokenStart].Start;
        var end = document.Tokens[sentence.TokenEnd - 1].End;
        var verb = document.TokenAt(index, record.Evidence.Verb.Start) is { } token ? document.Tokens[token].Start : record.Evidence.Verb.Start;
        if (!found.TryGetValue(index, out var dates))
        {
            dates = EventDateResolver.FindAllOrNone(document.Text[start..end], published, start);
            found[index] = dates;
        }

        var when = EventDateResolver.Choose(dates, published, verb);
        return record with
        {
            Date = when.Date,
            DatePrecision = when.FromText ? when.Precision.ToString().ToLowerInvariant() : "published",
            DateEvidence = when.FromText ? when.Evidence : null,
        };
    }
}
