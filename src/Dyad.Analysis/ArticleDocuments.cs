using Dyad.Documents;
using Dyad.Ingest;

namespace Dyad.Analysis;

/// <summary>
/// How an article becomes a stored document, the same for every way in (<c>dyad ingest</c>, the API's POST): its
/// metadata, and an id only when the document came with one. The reader names a document it has no id for by its
/// file's name or path (<c>note.txt</c>, <c>feed.jsonl#3</c>) or by a short hash of its text; such a name is not an
/// identity (another folder's file of the same name, or an edited file, is another document), so the store keys those
/// documents by URL or by the full hash of their text instead (<see cref="DocumentKey"/>).
/// </summary>
public static class ArticleDocuments
{
    /// <summary>The store's view of <paramref name="article"/>: its metadata, with the reader's made-up id dropped.</summary>
    /// <param name="article">An article from <see cref="ArticleReader"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="article"/> is null.</exception>
    public static DocumentInput ToDocumentInput(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new DocumentInput(article.Text)
        {
            Id = IdIsGiven(article) ? article.Id : null,
            Url = article.Url,
            Title = article.Title,
            Source = article.Source,
            Published = article.Published is { } p ? new DateTimeOffset(p.Date.ToDateTime(p.Time ?? TimeOnly.MinValue), p.Offset ?? TimeSpan.Zero) : null,
            PublishedFrom = article.PublishedFrom,
            Dateline = article.Dateline?.Range,
            Input = article.Input,
            Place = article.Location,
        };
    }

    /// <summary>
    /// Whether the article's id came with the document rather than from the reader: the reader names a document it has no
    /// id for by its file's name or relative path (with <c>#n</c> for the n-th document of a file), or by its text's hash
    /// on standard input.
    /// </summary>
    /// <param name="article">An article from <see cref="ArticleReader"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="article"/> is null.</exception>
    public static bool IdIsGiven(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (article.Id.StartsWith(DocumentKey.HashPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var input = article.Input.Replace('\\', '/');
        var hash = article.Id.LastIndexOf('#');
        var stems = hash > 0 && article.Id[(hash + 1)..].All(char.IsAsciiDigit) && hash + 1 < article.Id.Length
            ? new[] { article.Id, article.Id[..hash] }
            : [article.Id];
        return !stems.Any(stem => input == stem || input.EndsWith("/" + stem, StringComparison.Ordinal));
    }

    /// <summary>
    /// A stored document as the analyzer takes it again (for re-coding), as ingest read it: its key as id, its metadata,
    /// its text, its dateline (blanked before parsing, as at ingest) and its publication date as the text stated it (not
    /// the UTC date, which can be another day).
    /// </summary>
    /// <param name="document">A stored document.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public static Article ToArticle(StoredDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var published = document.PublishedAsStated is { } p
            ? new PublicationDate(DateOnly.FromDateTime(p.DateTime), TimeOnly.FromDateTime(p.DateTime), p.Offset)
            : null;
        var dateline = document.Dateline is { } range && range.Start >= 0 && range.End <= document.Text.Length && range.Start <= range.End
            ? new Dateline(document.Text[range.Start..range.End], null, range)
            : null;
        return new Article(document.Key, document.Title, null, document.Source, dateline, document.Url, published, document.PublishedFrom, document.Text, ArticleFormat.Text, "store", string.Empty, []);
    }
}
