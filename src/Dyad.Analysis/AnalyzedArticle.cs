using Dyad.Documents;
using Dyad.Events;
using Dyad.Geo;
using Dyad.Ingest;
using Dyad.Places;

namespace Dyad.Analysis;

/// <summary>What the analysis made of one article: its events and every place named in it.</summary>
/// <param name="Article">The article as read.</param>
/// <param name="Events">Its events, in text order, each dated, placed and with its document.</param>
/// <param name="Places">Every toponym found, in text order (resolved or not).</param>
/// <param name="Sentences">How many sentences the article had.</param>
public sealed record AnalyzedArticle(Article Article, IReadOnlyList<EventRecord> Events, IReadOnlyList<Toponym> Places, int Sentences)
{
    /// <summary>The article and its events as the store takes them (keyed as <see cref="ArticleDocuments"/> says).</summary>
    public IngestDocument ToIngestDocument() => new(ArticleDocuments.ToDocumentInput(Article), Events);
}
