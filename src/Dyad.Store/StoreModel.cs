using Dyad.Coding.Coding;

namespace Dyad.Store;

/// <summary>
/// A document as it comes to the store from ingest: its text and whatever the reader knew about it. The store keys it by
/// <see cref="Id"/>, else <see cref="Url"/>, else the SHA-256 of <see cref="Text"/> (see <see cref="DocumentKey"/>).
/// </summary>
/// <param name="Text">The document's text, as the coder saw it (evidence offsets are characters of it).</param>
public sealed record DocumentInput(string Text)
{
    /// <summary>The id the source gave the document, if any.</summary>
    public string? Id { get; init; }

    /// <summary>The article's URL, if any.</summary>
    public string? Url { get; init; }

    /// <summary>The headline, if any.</summary>
    public string? Title { get; init; }

    /// <summary>The outlet (such as <c>reuters.com</c>); when null the store takes the URL's host without <c>www.</c>.</summary>
    public string? Source { get; init; }

    /// <summary>When the article was published, if known, with the UTC offset the text stated (zero when it stated none).</summary>
    /// <remarks>The store keeps the instant in UTC and the offset apart (<see cref="StoredDocument.PublishedOffset"/>), so the date as stated can be rebuilt.</remarks>
    public DateTimeOffset? Published { get; init; }

    /// <summary>Where the dateline (such as <c>MOSCOW (Reuters) -</c>, dash included) lies in <see cref="Text"/>, or null when there is none.</summary>
    public TextRange? Dateline { get; init; }

    /// <summary>Where <see cref="Published"/> came from (such as <c>meta</c>, <c>rss</c>, <c>url</c>, <c>text</c>).</summary>
    public string? PublishedFrom { get; init; }

    /// <summary>The input it was read from (a file name or feed), kept for the quarantine and for tracing.</summary>
    public string? Input { get; init; }

    /// <summary>Where in <see cref="Input"/> (a line number, an entry), kept with <see cref="Input"/>.</summary>
    public string? Place { get; init; }
}

/// <summary>A place an event happened, in the geocoder's shape.</summary>
/// <param name="Name">The place's name as the gazetteer writes it.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code.</param>
/// <param name="Adm1">First-level administrative division code (GeoNames' admin1 code), or null.</param>
/// <param name="Lat">Latitude in degrees, or null.</param>
/// <param name="Lon">Longitude in degrees, or null.</param>
/// <param name="GeonamesId">The GeoNames feature id, or null.</param>
/// <param name="Feature">The GeoNames feature code (such as <c>PPLC</c>, <c>PCLI</c>, <c>ADM1</c>), or null.</param>
public sealed record EventLocation(string? Name, string? Country, string? Adm1, double? Lat, double? Lon, long? GeonamesId, string? Feature);

/// <summary>One coded mention of an event, as stored: the coder's record with the resolved date's precision and place.</summary>
/// <param name="Event">The event as <c>dyad code</c> prints it; <see cref="EventRecord.Date"/> is ISO (yyyy-MM-dd) or null.</param>
/// <param name="DatePrecision">How precise the date is (such as <c>day</c>, <c>month</c>, <c>published</c>), or null.</param>
/// <param name="Location">Where it happened, or null.</param>
public sealed record EventMention(EventRecord Event, string? DatePrecision = null, EventLocation? Location = null);

/// <summary>A document with the events coded in it: the unit the store writes all or nothing.</summary>
/// <param name="Document">The document.</param>
/// <param name="Events">Its events (any number, including none).</param>
public sealed record IngestDocument(DocumentInput Document, IReadOnlyList<EventMention> Events);

/// <summary>What one call to <see cref="IEventStore.StoreAsync"/> did.</summary>
/// <param name="DocumentsStored">New documents written.</param>
/// <param name="DocumentsSkipped">Documents whose key was already stored (or came twice in the batch); nothing written.</param>
/// <param name="EventsStored">Event mentions written.</param>
/// <param name="Quarantined">Documents the store refused (a constraint failed); each went to the quarantine with stage <c>store</c>.</param>
public sealed record IngestCounts(int DocumentsStored, int DocumentsSkipped, int EventsStored, int Quarantined)
{
    /// <summary>Nothing done.</summary>
    public static IngestCounts Zero { get; } = new(0, 0, 0, 0);

    /// <summary>The sum of two counts.</summary>
    /// <param name="other">The other counts.</param>
    /// <returns>Field-by-field sums.</returns>
    public IngestCounts Add(IngestCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(DocumentsStored + other.DocumentsStored, DocumentsSkipped + other.DocumentsSkipped, EventsStored + other.EventsStored, Quarantined + other.Quarantined);
    }
}

/// <summary>An input that failed a stage, kept with the reason so it can be fixed and ingested again.</summary>
/// <param name="Input">The input's name (file, feed or document key).</param>
/// <param name="Place">Where in the input (line, entry); empty when the whole input failed.</param>
/// <param name="Stage">The stage that failed (such as <c>read</c>, <c>parse</c>, <c>code</c>, <c>store</c>).</param>
/// <param name="Reason">The error, with its code where it has one.</param>
/// <param name="Content">The content that failed, when there was any.</param>
/// <param name="At">When it was quarantined (UTC).</param>
public sealed record QuarantineEntry(string Input, string Place, string Stage, string Reason, string? Content, DateTimeOffset At);

/// <summary>A stored document, as re-coding and exports read it.</summary>
/// <param name="Key">The store's key (given id, else URL, else <c>sha256:</c> and the hex hash of the text).</param>
/// <param name="ContentHash">Lower-case hex SHA-256 of the UTF-8 text.</param>
/// <param name="Url">URL, or null.</param>
/// <param name="Title">Headline, or null.</param>
/// <param name="Source">Outlet, or null.</param>
/// <param name="Published">Publication time (UTC), or null.</param>
/// <param name="PublishedFrom">Where the publication time came from, or null.</param>
/// <param name="Text">The text.</param>
/// <param name="IngestedAt">When it was stored (UTC).</param>
/// <param name="KnowledgeBase">The knowledge-base version its events were coded with.</param>
/// <param name="StoryId">The key of the first stored document of its story (near-duplicate group); its own key when alone.</param>
public sealed record StoredDocument(
    string Key,
    string ContentHash,
    string? Url,
    string? Title,
    string? Source,
    DateTimeOffset? Published,
    string? PublishedFrom,
    string Text,
    DateTimeOffset IngestedAt,
    string KnowledgeBase,
    string StoryId)
{
    /// <summary>Where the dateline lies in <see cref="Text"/>; null when there is none or the store predates schema version 2.</summary>
    public TextRange? Dateline { get; init; }

    /// <summary>
    /// The UTC offset the publication time was stated with (zero when the text stated none); null when there is no
    /// publication time or the store predates schema version 2.
    /// </summary>
    public TimeSpan? PublishedOffset { get; init; }

    /// <summary><see cref="Published"/> at the offset it was stated with: its <c>Date</c> is the publication date as the text gave it.</summary>
    public DateTimeOffset? PublishedAsStated => Published is { } published && PublishedOffset is { } offset ? published.ToOffset(offset) : Published;
}

/// <summary>A stored event mention with its document's facts.</summary>
/// <param name="Id">The mention's row id (assigned by the store, in insertion order).</param>
/// <param name="Day">The day the event is counted on: its own date, else the document's publication day; null when neither is known.</param>
/// <param name="Mention">The mention as stored; its evidence's <c>Doc</c> is the document's key.</param>
/// <param name="Document">The document's URL, title, outlet and publication time.</param>
public sealed record StoredMention(long Id, DateOnly? Day, EventMention Mention, MentionDocument Document);

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
