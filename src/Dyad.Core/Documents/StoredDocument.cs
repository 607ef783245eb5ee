namespace Dyad.Documents;

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
