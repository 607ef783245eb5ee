using System.Globalization;
using Dyad.Analysis;
using Dyad.Coding.Coding;
using Dyad.Events;
using Dyad.Store;

namespace Dyad.Server;

/// <summary>One page of events.</summary>
/// <param name="Items">The events of the page, by counted day then id.</param>
/// <param name="Total">Events that pass the filters, on all pages.</param>
/// <param name="Offset">Events skipped before this page.</param>
/// <param name="Limit">The page size asked for.</param>
public sealed record EventPage(IReadOnlyList<EventRecord> Items, long Total, int Offset, int Limit);

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
public sealed record EventDetail(EventRecord Event, ApiDocument Document);

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
public sealed record PostResult(int DocumentsStored, int DocumentsSkipped, int EventsStored, int Quarantined, IReadOnlyList<RejectedDocument> Rejected, IReadOnlyList<EventRecord> Events, IReadOnlyList<PostedItem> Items);

/// <summary>What became of one POSTed document.</summary>
/// <param name="Index">Its 1-based place among the body's documents (for a JSON array, the item's place).</param>
/// <param name="Location">Where in the body the reader found it (<c>line 3</c>), or empty.</param>
/// <param name="Status"><c>stored</c>, <c>skipped</c> (already stored, or twice in the body: not coded again), <c>rejected</c> (not read; quarantined) or <c>failed</c> (a stage of the analysis failed; quarantined).</param>
/// <param name="Key">The stored document's key (its id, URL or text hash); null when rejected.</param>
/// <param name="Events">Events coded from it.</param>
/// <param name="Code">The DY code of a rejection or failure, else null.</param>
/// <param name="Message">Why it was rejected or failed, else null.</param>
public sealed record PostedItem(int Index, string Location, string Status, string? Key, int Events, string? Code, string? Message);

/// <summary>A POSTed document that gave no article.</summary>
/// <param name="Location">Where in the body (<c>line 3</c>), or empty.</param>
/// <param name="Code">The DY code.</param>
/// <param name="Message">What was wrong.</param>
public sealed record RejectedDocument(string Location, string Code, string Message);
