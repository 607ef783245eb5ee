using Dyad.Documents;
using Dyad.Events;

namespace Dyad.Store;

/// <summary>A stored event mention with its document's facts.</summary>
/// <param name="Day">The day the event is counted on: its own date, else the document's publication day; null when neither is known.</param>
/// <param name="Event">The event as stored, with its row id (<see cref="EventRecord.Id"/>): its evidence's <c>Doc</c> and its document's id are the document's key; the words of its place and of its date are not kept.</param>
/// <param name="Document">The document's URL, title, outlet and publication time.</param>
public sealed record StoredMention(DateOnly? Day, EventRecord Event, MentionDocument Document)
{
    /// <summary>The mention's row id (assigned by the store, in insertion order): the event's <see cref="EventRecord.Id"/>.</summary>
    /// <exception cref="InvalidOperationException">The event has no row id (it was not read from a store).</exception>
    public long Id => Event.Id ?? throw new InvalidOperationException("A stored mention's event has no row id.");
}

/// <summary>The facts of a mention's document that exports need.</summary>
/// <param name="Key">The document's key.</param>
/// <param name="Url">URL, or null.</param>
/// <param name="Title">Headline, or null.</param>
/// <param name="Source">Outlet, or null.</param>
/// <param name="Published">Publication time (UTC), or null.</param>
/// <param name="IngestedAt">When it was stored (UTC).</param>
/// <param name="StoryId">Its story group.</param>
/// <param name="Length">Its text's length in characters.</param>
public sealed record MentionDocument(string Key, string? Url, string? Title, string? Source, DateTimeOffset? Published, DateTimeOffset IngestedAt, string StoryId, int Length);

/// <summary>
/// One event under the one-a-day filter: all mentions with the same day, source, target and CAMEO code count once.
/// The other fields come from the group's first stored mention.
/// </summary>
/// <param name="GlobalEventId">A stable id of (day, source, target, code), the same in every export (see <see cref="GlobalEventIds"/>).</param>
/// <param name="First">The group's first stored mention.</param>
/// <param name="NumMentions">Mentions in the group (GDELT's NumMentions).</param>
/// <param name="NumSources">Distinct outlets among them; a document without an outlet counts as its own (NumSources).</param>
/// <param name="NumArticles">Distinct documents among them (NumArticles).</param>
/// <param name="NumStories">Distinct story groups among them: the same wire story in many outlets counts once.</param>
/// <param name="DateAdded">When the group's first document was stored (UTC).</param>
public sealed record DailyEvent(long GlobalEventId, StoredMention First, long NumMentions, long NumSources, long NumArticles, long NumStories, DateTimeOffset DateAdded);

/// <summary>Filters over stored event mentions; null (or empty) fields do not filter. Text comparisons are as noted.</summary>
public sealed record EventQuery
{
    /// <summary>No filter.</summary>
    public static EventQuery All { get; } = new();

    /// <summary>First day included (on the mention's counted day).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day included.</summary>
    public DateOnly? To { get; init; }

    /// <summary>An actor code prefix matched on the source or the target (<c>RUS</c> matches <c>RUSGOV</c>).</summary>
    public string? Actor { get; init; }

    /// <summary>A country: the first three letters of the source or target code.</summary>
    public string? Country { get; init; }

    /// <summary>CAMEO root (two digits).</summary>
    public string? Root { get; init; }

    /// <summary>A CAMEO code prefix (<c>04</c> matches <c>042</c>).</summary>
    public string? Code { get; init; }

    /// <summary>PLOVER event type, exactly (such as <c>AGREE</c>).</summary>
    public string? PloverEvent { get; init; }

    /// <summary>A place: the location's name (ignoring case), its country code or its ADM1 code.</summary>
    public string? Place { get; init; }

    /// <summary>Words the evidence sentence contains, ignoring case.</summary>
    public string? Text { get; init; }

    /// <summary>
    /// Arrival time, first instant included (UTC): a mention is in when its document's <c>ingested_at</c> is at or after
    /// it; a one-a-day event (<see cref="IEventStore.QueryDailyAsync"/>) when its <see cref="DailyEvent.DateAdded"/>
    /// (its first mention's arrival) is.
    /// </summary>
    public DateTimeOffset? AddedFrom { get; init; }

    /// <summary>Arrival time, first instant excluded (UTC): the window is half-open, [<see cref="AddedFrom"/>, <see cref="AddedTo"/>).</summary>
    public DateTimeOffset? AddedTo { get; init; }

    /// <summary>Rows to return at most; null for all.</summary>
    public int? Limit { get; init; }

    /// <summary>Rows to skip first (for paging).</summary>
    public int Offset { get; init; }
}

/// <summary>A count under one key.</summary>
/// <param name="Key">The key: <c>yyyy-MM</c>, <c>SOURCE TARGET</c> or a root.</param>
/// <param name="Mentions">Event mentions.</param>
/// <param name="Articles">Distinct documents they were read from.</param>
public sealed record CountRow(string Key, long Mentions, long Articles);

/// <summary>Counts of stored events.</summary>
/// <param name="ByMonth">By month of the counted day, in order; mentions without a day are under <c>unknown</c>.</param>
/// <param name="ByDyad">By source and target, most mentions first.</param>
/// <param name="ByRoot">By CAMEO root, in code order.</param>
public sealed record StoreStats(IReadOnlyList<CountRow> ByMonth, IReadOnlyList<CountRow> ByDyad, IReadOnlyList<CountRow> ByRoot);

/// <summary>Totals of a store.</summary>
/// <param name="Documents">Stored documents.</param>
/// <param name="Events">Stored event mentions.</param>
/// <param name="Quarantined">Quarantine entries.</param>
/// <param name="Stories">Distinct story groups.</param>
public sealed record StoreTotals(long Documents, long Events, long Quarantined, long Stories);
