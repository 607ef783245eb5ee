using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dyad.Ingest;

/// <summary>
/// JSON Lines: one JSON object per line, read with System.Text.Json. Fields (other fields are ignored):
/// <c>id</c> (string or number); <c>text</c>, <c>body</c> or <c>content</c> (plain text), or <c>html</c> (a page or
/// fragment); <c>title</c> or <c>headline</c>; <c>url</c> or <c>link</c>; <c>published</c>, <c>date</c>,
/// <c>published_at</c>, <c>publish_date</c> or <c>datePublished</c>; <c>source</c> or <c>publisher</c> (a string or an
/// object with <c>name</c>); <c>byline</c>, <c>author</c> or <c>authors</c> (a string, or a list of strings or objects
/// with <c>name</c>). A line that is not such an object gives a DY4002 rejection with its line number; blank lines are
/// skipped.
/// </summary>
internal sealed class JsonLinesDocumentSource : IDocumentSource
{
    private const int RawLimit = 64 * 1024;
    private static readonly string[] TextFields = ["text", "body", "content"];
    private static readonly string[] DateFields = ["published", "date", "published_at", "publish_date", "datePublished", "pubDate"];

    private readonly IngestContext _context;
    private readonly char[] _buffer = new char[65536];
    private readonly int _maxLine;
    private int _position;
    private int _length;
    private int _line;
    private int _documents;
    private bool _reportedEmpty;

    public JsonLinesDocumentSource(IngestContext context)
    {
        _context = context;
        _maxLine = (int)Math.Min(int.MaxValue / 2, (long)context.Options.MaxArticleChars * 2);
        context.NextLocation = () => string.Create(CultureInfo.InvariantCulture, $"line {_line + 1}");
    }

    public IngestResult? Next()
    {
        while (true)
        {
            var (line, tooLong, end) = ReadLine();
            if (line is null && end)
            {
                if (_documents == 0 && !_reportedEmpty)
                {
                    // An input without a single JSON line is reported, so that an empty file is not lost silently.
                    _reportedEmpty = true;
                    return _context.Reject(string.Empty, ErrorCodes.DocumentEmpty, Severity.Warning, "The JSON Lines input holds no line with a document; it gave no article.", null);
                }

                return null;
            }

            _line++;
            var location = string.Create(CultureInfo.InvariantCulture, $"line {_line}");
            if (tooLong)
            {
                _documents++;
                return _context.Reject(location, ErrorCodes.DocumentTooLarge, Severity.Error, string.Create(CultureInfo.InvariantCulture, $"The line is longer than {_maxLine} characters and was skipped; the next lines were read."), null);
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            _documents++;
            return Parse(line, location);
        }
    }

    private IngestResult Parse(string line, string location)
    {
        var raw = line.Length <= RawLimit ? line : null;
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            // The parser's own wording changes between runtime versions; the byte position is what locates the fault.
            return _context.Reject(location, ErrorCodes.JsonLineInvalid, Severity.Error, string.Create(CultureInfo.InvariantCulture, $"The line is not valid JSON (the parser stopped at byte {e.BytePositionInLine ?? 0}); it was skipped and the other lines were read."), raw);
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return _context.Reject(location, ErrorCodes.JsonLineInvalid, Severity.Error, $"The line is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object with a 'text' field; it was skipped.", raw);
            }

            var text = TextFields.Select(f => String(root, f)).FirstOrDefault(t => t is not null);
            var html = String(root, "html");
            if (text is null && html is null)
            {
                var present = TextFields.Append("html").FirstOrDefault(f => root.TryGetProperty(f, out _));
                var why = present is null ? "has no 'text' field (nor 'body', 'content' or 'html')" : $"has a '{present}' field that is not a string";
                return _context.Reject(location, ErrorCodes.JsonLineInvalid, Severity.Error, $"The object {why}; it was skipped.", raw);
            }

            var draft = new ArticleDraft
            {
                Location = location,
                Id = Scalar(root, "id"),
                Title = String(root, "title") ?? String(root, "headline"),
                Url = String(root, "url") ?? String(root, "link"),
                Source = Name(root, "source") ?? Name(root, "publisher"),
                Byline = Name(root, "byline") ?? Name(root, "author") ?? Name(root, "authors"),
                Body = text ?? string.Empty,
            };
            if (text is null && html is not null)
            {
                var page = HtmlExtraction.Extract(html);
                draft.Body = page.Body;
                draft.Title ??= page.Title;
            }

            foreach (var field in DateFields)
            {
                if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                var written = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                if (value.ValueKind == JsonValueKind.String && PublicationDateFinder.ParseValue(written, _context.Options.NumericDateOrder) is { } date)
                {
                    draft.Published = date;
                    draft.PublishedFrom = "json";
                    break;
                }

                _context.UnreadableDate(draft, written, $"the '{field}' field");
            }

            return _context.Build(draft, _line);
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Scalar(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : value.ValueKind == JsonValueKind.Number ? value.GetRawText()
        : null;

    private static string? Name(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return null;
        }

        static string? One(JsonElement v) => v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Object => String(v, "name"),
            _ => null,
        };

        if (value.ValueKind == JsonValueKind.Array)
        {
            var names = value.EnumerateArray().Select(One).Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
            return names.Count > 0 ? string.Join(", ", names) : null;
        }

        return One(value);
    }

    /// <summary>The next line without its line break; lines over the limit are consumed and reported, not kept.</summary>
    private (string? Line, bool TooLong, bool End) ReadLine()
    {
        var line = new StringBuilder();
        var tooLong = false;
        var any = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = _context.Decoded.Reader.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_length <= 0)
                {
                    _length = 0;
                    return any ? (tooLong ? null : line.ToString(), tooLong, false) : (null, false, true);
                }
            }

            any = true;
            var newline = Array.IndexOf(_buffer, '\n', _position, _length - _position);
            var end = newline < 0 ? _length : newline;
            if (!tooLong)
            {
                line.Append(_buffer, _position, end - _position);
                if (line.Length > _maxLine)
                {
                    tooLong = true;
                    line.Clear();
                }
            }

            _position = end;
            if (newline >= 0)
            {
                _position++;
                if (line.Length > 0 && line[^1] == '\r')
                {
                    line.Length--;
                }

                return (tooLong ? null : line.ToString(), tooLong, false);
            }
        }
    }
}
