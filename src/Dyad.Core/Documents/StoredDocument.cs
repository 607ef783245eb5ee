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
    string StoryId);
