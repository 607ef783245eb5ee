using Dyad.Events;

namespace Dyad.Documents;

/// <summary>
/// What ingest needs of a store: write new documents with their events, know which are stored, quarantine what failed,
/// and list and re-code stored documents. The event store implements it; the ingest service (in Dyad.Analysis) uses it,
/// so analysis does not depend on the store's engines.
/// </summary>
public interface IDocumentStore
{
    /// <summary>
    /// Stores new documents with their events in one transaction, skipping documents whose key is already stored. When the
    /// transaction fails on a document (a constraint), the batch is rolled back and written one document at a time;
    /// documents that still fail go to the quarantine with stage <c>store</c> and nothing of them is stored.
    /// </summary>
    /// <param name="batch">The documents and their events.</param>
    /// <param name="knowledgeBase">The version of the dictionaries the events were coded with.</param>
    /// <param name="cancellationToken">Cancels between statements (the open transaction is rolled back).</param>
    /// <returns>What was stored, skipped and quarantined.</returns>
    Task<IngestCounts> StoreAsync(IReadOnlyList<IngestDocument> batch, string knowledgeBase, CancellationToken cancellationToken);

    /// <summary>Which of these keys are stored, in one query (an ingest asks this once per batch, not once per document).</summary>
    /// <param name="documentKeys">The keys (<see cref="DocumentKey.Of"/>).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The stored ones.</returns>
    Task<IReadOnlySet<string>> ContainsManyAsync(IReadOnlyCollection<string> documentKeys, CancellationToken cancellationToken);

    /// <summary>Puts an input that failed a stage in the quarantine, once: the same input, place and stage are kept once (the first reason wins).</summary>
    /// <param name="entry">The failure.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>True when it was new.</returns>
    Task<bool> QuarantineAsync(QuarantineEntry entry, CancellationToken cancellationToken);

    /// <summary>Every stored document in the order they were stored, read as they stream (for re-coding).</summary>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The documents.</returns>
    IAsyncEnumerable<StoredDocument> ListDocumentsAsync(CancellationToken cancellationToken);

    /// <summary>Replaces a stored document's events with <paramref name="events"/> and records the knowledge base, in one transaction.</summary>
    /// <param name="documentKey">The document's key.</param>
    /// <param name="events">Its new events.</param>
    /// <param name="knowledgeBase">The knowledge-base version they were coded with.</param>
    /// <param name="cancellationToken">Cancels (the transaction is rolled back).</param>
    /// <returns>The number of events removed.</returns>
    /// <exception cref="KeyNotFoundException">No document has this key.</exception>
    Task<int> ReplaceEventsAsync(string documentKey, IReadOnlyList<EventRecord> events, string knowledgeBase, CancellationToken cancellationToken);
}
