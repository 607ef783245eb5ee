using System.Globalization;
using Dyad.Analysis;
using Dyad.Coding.Coding;
using Dyad.Store;

namespace Dyad.Server;

/// <summary>
/// A stored event in the JSON shape of <c>dyad code --format jsonl</c> (the same fields, in the same order), with the
/// store's <see cref="Id"/> first. Fields the store does not keep are null: <see cref="DateEvidence"/>, the place's
/// words and their offsets, and the document's <c>published_from</c>.
/// </summary>
/// <param name="Id">The event's id in the store (for <c>GET /api/events/{id}</c>).</param>
/// <param name="Date">The event's date (ISO), or null.</param>
/// <param name="DatePrecision"><c>day</c>, <c>week</c>, <c>month</c>, <c>year</c> or <c>published</c>, or null.</param>
/// <param name="DateEvidence">Always null: the store does not keep the words a date was read from.</param>
/// <param name="Source">Source actor code.</param>
/// <param name="Target">Target actor code.</param>
/// <param name="SourceCountry">The source's CAMEO country code, or null for organisations and unknown actors.</param>
/// <param name="TargetCountry">The target's CAMEO country code, or null.</param>
/// <param name="Cameo">CAMEO code.</param>
/// <param name="Root">CAMEO root.</param>
/// <param name="QuadClass">GDELT QuadClass.</param>
/// <param name="Goldstein">Goldstein value, or null.</param>
/// <param name="Plover">PLOVER event, mode and context.</param>
/// <param name="Location">Where it happened, or null.</param>
/// <param name="Evidence">The sentence and the source, verb and target words, with character offsets into the document.</param>
/// <param name="Rule">The rule that fired.</param>
/// <param name="RuleSource">File and line of the rule.</param>
/// <param name="Document">The document it was read from.</param>
public sealed record ApiEvent(
    long Id,
    string? Date,
    string? DatePrecision,
    string? DateEvidence,
    string Source,
    string Target,
    string? SourceCountry,
    string? TargetCountry,
    string Cameo,
    string Root,
    int QuadClass,
    double? Goldstein,
    PloverFields Plover,
    ApiPlace? Location,
    EventEvidence Evidence,
    string Rule,
    string RuleSource,
    DocumentFields Document)
{
    /// <summary>The API form of a stored mention.</summary>
    /// <param name="mention">The mention.</param>
    /// <returns>The event.</returns>
    public static ApiEvent From(StoredMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var e = mention.Mention.Event;
        var place = mention.Mention.Location;
        var document = mention.Document;
        return new ApiEvent(
            mention.Id,
            e.Date,
            mention.Mention.DatePrecision,
            null,
            e.Source,
            e.Target,
            Dyad.Store.Export.ActorParts.CountryOf(e.Source),
            Dyad.Store.Export.ActorParts.CountryOf(e.Target),
            e.Cameo,
            e.Root,
            e.QuadClass,
            e.Goldstein,
            e.Plover,
            place is null ? null : new ApiPlace(place.Name, place.Country, place.Adm1, place.Lat, place.Lon, place.GeonamesId, place.Feature, null, null, null),
            e.Evidence,
            e.Rule,
            e.RuleSource,
            new DocumentFields(document.Key, document.Title, document.Source, document.Url, document.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null));
    }
}

/// <summary>A place as <c>dyad code</c> prints it; <see cref="Text"/>, <see cref="Start"/> and <see cref="End"/> are null for stored events.</summary>
/// <param name="Name">The place's name.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code.</param>
/// <param name="Adm1">First-level division code.</param>
/// <param name="Lat">Latitude in degrees.</param>
/// <param name="Lon">Longitude in degrees.</param>
/// <param name="GeonamesId">GeoNames id.</param>
/// <param name="Feature">The kind of place.</param>
/// <param name="Text">The words it was read from, when known.</param>
/// <param name="Start">Their character offset, when known.</param>
/// <param name="End">One past their end, when known.</param>
public sealed record ApiPlace(string? Name, string? Country, string? Adm1, double? Lat, double? Lon, long? GeonamesId, string? Feature, string? Text, int? Start, int? End);

/// <summary>One page of events.</summary>
/// <param name="Items">The events of the page, by counted day then id.</param>
/// <param name="Total">Events that pass the filters, on all pages.</param>
/// <param name="Offset">Events skipped before this page.</param>
/// <param name="Limit">The page size asked for.</param>
public sealed record EventPage(IReadOnlyList<ApiEvent> Items, long Total, int Offset, int Limit);

/// <summary>A stored document's facts (its text left out).</summary>
/// <param name="Key">The store's key.</param>
/// <param name="Title">Headline.</param>
/// <param name="Url">Address.</param>
/// <param name="Source">Outlet.</param>
/// <param name="Published">Publication time (UTC).</param>
/// <param name="PublishedFrom">Where the publication time came from.</param>
/// <param name="IngestedAt">When it was stored (UTC).</param>
/// <param name="StoryId">Its story group.</param>
/// <param name="Length">Its text's length in characters.</param>
/// <param name="KnowledgeBase">The knowledge-base version its events were coded with.</param>
public sealed record ApiDocument(string Key, string? Title, string? Url, string? Source, DateTimeOffset? Published, string? PublishedFrom, DateTimeOffset IngestedAt, string StoryId, int Length, string KnowledgeBase);

/// <summary>An event with its evidence and its document.</summary>
/// <param name="Event">The event.</param>
/// <param name="Document">The document it was read from.</param>
public sealed record EventDetail(ApiEvent Event, ApiDocument Document);

/// <summary>The timeline: counts per period and QuadClass.</summary>
/// <param name="Bucket"><c>day</c> or <c>month</c>.</param>
/// <param name="Rows">One row per period and QuadClass with events, in order.</param>
public sealed record Timeline(string Bucket, IReadOnlyList<TimelineRow> Rows);

/// <summary>Time series per dyad.</summary>
/// <param name="Bucket"><c>day</c> or <c>month</c>.</param>
/// <param name="Rows">One row per period and dyad with events, in order.</param>
public sealed record DyadSeries(string Bucket, IReadOnlyList<DyadPeriodRow> Rows);

/// <summary>The store's size.</summary>
/// <param name="Kind"><c>duckdb</c> or <c>postgres</c>.</param>
/// <param name="Documents">Stored documents.</param>
/// <param name="Events">Stored event mentions.</param>
/// <param name="Quarantined">Quarantine entries.</param>
/// <param name="Stories">Story groups.</param>
/// <param name="CanCode">Whether the server can code POSTed documents.</param>
public sealed record Summary(string Kind, long Documents, long Events, long Quarantined, long Stories, bool CanCode);

/// <summary>What a POST of documents did.</summary>
/// <param name="DocumentsStored">New documents stored.</param>
/// <param name="DocumentsSkipped">Documents already stored (nothing written).</param>
/// <param name="EventsStored">Events stored.</param>
/// <param name="Quarantined">Documents put in the quarantine: those the reader rejected and those the store refused.</param>
/// <param name="Rejected">Documents that could not be read, with their codes.</param>
/// <param name="Events">The events coded, as <c>dyad code</c> prints them.</param>
/// <param name="Items">What became of each document of the body, in order (one per JSON array item or JSON line).</param>
public sealed record PostResult(int DocumentsStored, int DocumentsSkipped, int EventsStored, int Quarantined, IReadOnlyList<RejectedDocument> Rejected, IReadOnlyList<ArticleEvent> Events, IReadOnlyList<PostedItem> Items);

/// <summary>What became of one POSTed document.</summary>
/// <param name="Index">Its 1-based place among the body's documents (for a JSON array, the item's place).</param>
/// <param name="Location">Where in the body the reader found it (<c>line 3</c>), or empty.</param>
/// <param name="Status"><c>stored</c>, <c>skipped</c> (already stored, or twice in the body) or <c>rejected</c> (not read; quarantined).</param>
/// <param name="Key">The stored document's key (its id, URL or text hash); null when rejected.</param>
/// <param name="Events">Events coded from it.</param>
/// <param name="Code">The DY code of a rejection, else null.</param>
/// <param name="Message">Why it was rejected, else null.</param>
public sealed record PostedItem(int Index, string Location, string Status, string? Key, int Events, string? Code, string? Message);

/// <summary>A POSTed document that gave no article.</summary>
/// <param name="Location">Where in the body (<c>line 3</c>), or empty.</param>
/// <param name="Code">The DY code.</param>
/// <param name="Message">What was wrong.</param>
public sealed record RejectedDocument(string Location, string Code, string Message);
