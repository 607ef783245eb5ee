using Dyad.Events;

namespace Dyad.Documents;

/// <summary>A document with the events coded in it: the unit the store writes all or nothing.</summary>
/// <param name="Document">The document.</param>
/// <param name="Events">Its events (any number, including none).</param>
public sealed record IngestDocument(DocumentInput Document, IReadOnlyList<EventRecord> Events);
