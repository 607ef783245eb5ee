using Dyad.Documents;

namespace Dyad.Store;

/// <summary>
/// Where Dyad keeps documents, their coded events and the quarantine. The DuckDB and PostgreSQL stores share one schema
/// (<see cref="StoreSchema"/>) and one behaviour; open either with <see cref="EventStore.OpenAsync"/>.
/// </summary>
/// <remarks>
/// Every write is one transaction: a killed process leaves each batch stored whole or not at all, and running the same
/// ingest again stores only what is missing. Each call opens its own connection, so reads may run on several threads at
/// once; writes may too on PostgreSQL, while on DuckDB two writes at once can fail with a transaction conflict (one
/// writer at a time, in one process, is DuckDB's model).
/// </remarks>
public interface IEventStore : IDocumentStore, IAsyncDisposable
{
    /// <summary><c>duckdb</c> or <c>postgres</c>.</summary>
    string Kind { get; }

    /// <summary>Whether a document with this key is stored.</summary>
    /// <param name="documentKey">The key (<see cref="DocumentKey.Of"/>).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>True when stored.</returns>
    Task<bool> ContainsAsync(string documentKey, CancellationToken cancellationToken);

    /// <summary>The quarantine, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>Every entry.</returns>
    Task<IReadOnlyList<QuarantineEntry>> ListQuarantineAsync(CancellationToken cancellationToken);

    /// <summary>Event mentions that pass <paramref name="query"/>, by counted day (mentions without a day last), then in stored order.</summary>
    /// <param name="query">Filters and paging.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The mentions, read as they stream.</returns>
    IAsyncEnumerable<StoredMention> QueryAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// One-a-day events over the mentions that pass <paramref name="query"/>: one per (day, source, target, code), with
    /// GDELT's NumMentions, NumSources and NumArticles, ordered by day, source, target and code.
    /// </summary>
    /// <param name="query">Filters (applied to mentions before counting) and paging (applied to events).</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The events, read as they stream.</returns>
    IAsyncEnumerable<DailyEvent> QueryDailyAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>Counts by month, by dyad (the <paramref name="topDyads"/> largest) and by root, over mentions that pass <paramref name="query"/> (paging ignored).</summary>
    /// <param name="query">Filters.</param>
    /// <param name="topDyads">How many dyads to list.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The counts.</returns>
    Task<StoreStats> StatsAsync(EventQuery query, int topDyads, CancellationToken cancellationToken);

    /// <summary>How many event mentions pass <paramref name="query"/> (paging ignored).</summary>
    /// <param name="query">Filters.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The count.</returns>
    Task<long> CountAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>One stored event mention by its row id (<see cref="StoredMention.Id"/>).</summary>
    /// <param name="id">The mention's id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The mention, or null when no mention has this id.</returns>
    Task<StoredMention?> GetMentionAsync(long id, CancellationToken cancellationToken);

    /// <summary>One stored document by its key.</summary>
    /// <param name="key">The document's key (<see cref="StoredMention.Document"/>'s <c>Key</c>).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The document, or null when no document has this key.</returns>
    Task<StoredDocument?> GetDocumentAsync(string key, CancellationToken cancellationToken);

    /// <summary>Mentions and Goldstein sums per period and QuadClass over mentions that pass <paramref name="query"/> (paging ignored; mentions without a day left out), by period then QuadClass.</summary>
    /// <param name="query">Filters.</param>
    /// <param name="bucket">Days or months.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One row per period and QuadClass that has mentions.</returns>
    Task<IReadOnlyList<TimelineRow>> TimelineAsync(EventQuery query, TimeBucket bucket, CancellationToken cancellationToken);

    /// <summary>The <paramref name="top"/> dyads (source, target) with the most mentions that pass <paramref name="query"/>, most first, then by codes.</summary>
    /// <param name="query">Filters.</param>
    /// <param name="top">How many dyads at most.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The dyads with their counts and Goldstein sums.</returns>
    Task<IReadOnlyList<DyadRow>> TopDyadsAsync(EventQuery query, int top, CancellationToken cancellationToken);

    /// <summary>Mentions and Goldstein sums per period for each of the <paramref name="topDyads"/> largest dyads (as <see cref="TopDyadsAsync"/> ranks them), by period then dyad; mentions without a day left out.</summary>
    /// <param name="query">Filters.</param>
    /// <param name="bucket">Days or months.</param>
    /// <param name="topDyads">How many dyads.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One row per period and dyad that has mentions.</returns>
    Task<IReadOnlyList<DyadPeriodRow>> DyadSeriesAsync(EventQuery query, TimeBucket bucket, int topDyads, CancellationToken cancellationToken);

    /// <summary>The <paramref name="top"/> actor codes taking part (as source or target) in the most mentions that pass <paramref name="query"/>, most first.</summary>
    /// <param name="query">Filters.</param>
    /// <param name="top">How many actors at most.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The actors with their counts.</returns>
    Task<IReadOnlyList<ActorRow>> TopActorsAsync(EventQuery query, int top, CancellationToken cancellationToken);

    /// <summary>The places (name, country, division, coordinates) of located mentions that pass <paramref name="query"/>, most mentions first, at most <paramref name="limit"/>.</summary>
    /// <param name="query">Filters.</param>
    /// <param name="limit">How many places at most.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The places with their counts and Goldstein sums.</returns>
    Task<IReadOnlyList<PlaceRow>> PlacesAsync(EventQuery query, int limit, CancellationToken cancellationToken);

    /// <summary>Documents, events, quarantine entries and stories stored.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The totals.</returns>
    Task<StoreTotals> TotalsAsync(CancellationToken cancellationToken);

}
