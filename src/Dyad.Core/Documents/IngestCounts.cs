namespace Dyad.Documents;

/// <summary>What one call to <see cref="IDocumentStore.StoreAsync"/> did.</summary>
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
