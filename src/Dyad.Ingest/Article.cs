using System.Collections.Immutable;
using System.Globalization;

namespace Dyad.Ingest;

/// <summary>The kind of input an article was read from.</summary>
public enum ArticleFormat
{
    /// <summary>Plain text: one article, or several separated by form feed characters.</summary>
    Text,

    /// <summary>An HTML page: one article.</summary>
    Html,

    /// <summary>An RSS 2.0, 0.9x or 1.0 (RDF) feed: one article per item.</summary>
    Rss,

    /// <summary>An Atom 1.0 feed: one article per entry.</summary>
    Atom,

    /// <summary>JSON Lines: one article per line.</summary>
    JsonLines,
}

/// <summary>A publication date, with the time of day and UTC offset where the source gives them.</summary>
/// <param name="Date">The calendar date as the source states it (not converted to UTC).</param>
/// <param name="Time">The time of day, or null when the source gives none.</param>
/// <param name="Offset">The UTC offset stated with the time, or null when none was stated.</param>
public sealed record PublicationDate(DateOnly Date, TimeOnly? Time = null, TimeSpan? Offset = null)
{
    /// <summary>ISO 8601: <c>2015-11-12</c>, <c>2015-11-12T16:01</c> or <c>2015-11-12T16:01+02:00</c>.</summary>
    public override string ToString()
    {
        var text = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Time is { } time)
        {
            text += "T" + time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);
            if (Offset is { } offset)
            {
                text += offset == TimeSpan.Zero
                    ? "Z"
                    : (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
            }
        }

        return text;
    }
}

/// <summary>The dateline that opens a news story, such as <c>MOSCOW (Reuters) -</c>.</summary>
/// <param name="Place">The place words as written, such as <c>MOSCOW</c> or <c>WASHINGTON, D.C.</c>.</param>
/// <param name="Agency">The agency named in brackets, such as <c>Reuters</c>, or null.</param>
/// <param name="Range">Where the whole dateline, dash included, lies in <see cref="Article.Text"/>.</param>
public sealed record Dateline(string Place, string? Agency, TextRange Range);

/// <summary>
/// One news article read from an input, with the metadata found for it. Immutable; every range points into
/// <see cref="Text"/>.
/// </summary>
/// <param name="Id">The JSON <c>id</c> or feed item id where given; otherwise the input's file name (with
/// <c>#n</c>, 1-based, when the input holds several articles); for standard input, <c>sha256:</c> and the first 16 hex
/// digits of the text's hash.</param>
/// <param name="Title">The headline, or null when none was found.</param>
/// <param name="Byline">The author or desk, such as <c>News Desk</c>, or null.</param>
/// <param name="Source">The publisher, such as <c>World Bulletin</c>, or null.</param>
/// <param name="Dateline">The dateline at the start of the body, or null.</param>
/// <param name="Url">The article's address, or null.</param>
/// <param name="Published">The publication date, or null when none was found (a DY4010 warning then says so).</param>
/// <param name="PublishedFrom">Where <see cref="Published"/> came from: <c>option</c> (given by the caller),
/// <c>json</c>, <c>html-meta</c>, <c>feed</c>, or <c>text:</c> followed by the words it was read from; null when
/// there is no date. The file's time is never used.</param>
/// <param name="Text">The body text to parse: paragraphs separated by one blank line, line breaks as <c>\n</c>;
/// the headline, byline and publication-date lines of a plain-text header are not part of it.</param>
/// <param name="Format">The kind of input it came from.</param>
/// <param name="Input">The input's path as given, or <c>-</c> for standard input.</param>
/// <param name="Location">Where in the input: empty for a whole file, <c>line N</c> for JSON Lines, <c>item N</c>
/// for feeds, <c>part N</c> for a text file holding several articles.</param>
/// <param name="Diagnostics">Warnings about this article: replaced bytes, a missing date, an ambiguous date.</param>
public sealed record Article(
    string Id,
    string? Title,
    string? Byline,
    string? Source,
    Dateline? Dateline,
    string? Url,
    PublicationDate? Published,
    string? PublishedFrom,
    string Text,
    ArticleFormat Format,
    string Input,
    string Location,
    ImmutableArray<Diagnostic> Diagnostics);

/// <summary>
/// What reading one document gave: an <see cref="ArticleAccepted"/> or an <see cref="ArticleRejected"/>. Readers
/// yield one result per document they find, in input order, and never throw for bad content.
/// </summary>
/// <param name="Input">The input's path as given, or <c>-</c> for standard input.</param>
/// <param name="Location">Where in the input, in words (<c>line 3</c>, <c>item 2</c>); empty for the whole input.</param>
public abstract record IngestResult(string Input, string Location);

/// <summary>A document that was read into an article (possibly with warnings in its diagnostics).</summary>
/// <param name="Article">The article.</param>
public sealed record ArticleAccepted(Article Article) : IngestResult(Article.Input, Article.Location);

/// <summary>
/// A document that gave no article: malformed, refused for safety, or empty. The caller puts it in a quarantine.
/// </summary>
/// <param name="Input">The input's path as given, or <c>-</c> for standard input.</param>
/// <param name="Location">Where in the input (<c>line 3</c>, <c>item 2</c>, <c>line 14, column 7</c>); empty for the
/// whole input.</param>
/// <param name="Problem">The reason, with its DY4xxx or DY1xxx code. Its severity is <see cref="Severity.Warning"/>
/// for an empty document (nothing was lost) and <see cref="Severity.Error"/> otherwise.</param>
/// <param name="Raw">The offending text where it is small enough to keep (a JSON line, at most 64 KiB), else null.</param>
public sealed record ArticleRejected(string Input, string Location, Diagnostic Problem, string? Raw) : IngestResult(Input, Location);
