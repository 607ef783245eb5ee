namespace Dyad.Documents;

/// <summary>
/// A document as it comes to the store from ingest: its text and whatever the reader knew about it. The store keys it by
/// <see cref="Id"/>, else <see cref="Url"/>, else the SHA-256 of <see cref="Text"/> (see <see cref="DocumentKey"/>).
/// </summary>
/// <param name="Text">The document's text, as the coder saw it (evidence offsets are characters of it).</param>
public sealed record DocumentInput(string Text)
{
    /// <summary>The id the source gave the document, if any.</summary>
    public string? Id { get; init; }

    /// <summary>The article's URL, if any.</summary>
    public string? Url { get; init; }

    /// <summary>The headline, if any.</summary>
    public string? Title { get; init; }

    /// <summary>The outlet (such as <c>reuters.com</c>); when null the store takes the URL's host without <c>www.</c>.</summary>
    public string? Source { get; init; }

    /// <summary>When the article was published, if known, with the UTC offset the text stated (zero when it stated none).</summary>
    /// <remarks>The store keeps the instant in UTC and the offset apart (<see cref="StoredDocument.PublishedOffset"/>), so the date as stated can be rebuilt.</remarks>
    public DateTimeOffset? Published { get; init; }

    /// <summary>Where the dateline (such as <c>MOSCOW (Reuters) -</c>, dash included) lies in <see cref="Text"/>, or null when there is none.</summary>
    public TextRange? Dateline { get; init; }

    /// <summary>Where <see cref="Published"/> came from (such as <c>meta</c>, <c>rss</c>, <c>url</c>, <c>text</c>).</summary>
    public string? PublishedFrom { get; init; }

    /// <summary>The input it was read from (a file name or feed), kept for the quarantine and for tracing.</summary>
    public string? Input { get; init; }

    /// <summary>Where in <see cref="Input"/> (a line number, an entry), kept with <see cref="Input"/>.</summary>
    public string? Place { get; init; }
}
