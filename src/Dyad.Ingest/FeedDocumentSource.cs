using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Dyad.Ingest;

/// <summary>
/// RSS (2.0, 0.9x, 1.0/RDF) and Atom feeds, read as a stream with <see cref="XmlReader"/>: one article per item or
/// entry. The reader prohibits DTDs and has no resolver, so a feed that declares entities (billion laughs) or points
/// at external ones is refused at its <c>&lt;!DOCTYPE&gt;</c> before anything is expanded or fetched (DY4003). A feed
/// that stops being well-formed (a truncated file) gives the items before the fault and one DY4004 rejection.
/// </summary>
internal sealed class FeedDocumentSource : IDocumentSource
{
    private readonly IngestContext _context;
    private readonly XmlReader _xml;
    private bool _started;
    private bool _finished;
    private int _items;
    private string? _feedTitle;
    private string? _feedLink;

    public FeedDocumentSource(IngestContext context)
    {
        _context = context;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        _xml = XmlReader.Create(context.Decoded.Reader, settings);
        context.NextLocation = () => string.Create(CultureInfo.InvariantCulture, $"item {_items + 1}");
    }

    public IngestResult? Next()
    {
        if (_finished)
        {
            return null;
        }

        try
        {
            if (!_started)
            {
                _started = true;
                _xml.MoveToContent();
                var root = _xml.LocalName;
                if (root is "feed")
                {
                    _context.Format = ArticleFormat.Atom;
                }
                else if (root is "rss" or "RDF")
                {
                    _context.Format = ArticleFormat.Rss;
                }
                else
                {
                    _finished = true;
                    return _context.Reject(Where(), ErrorCodes.FeedMalformed, Severity.Error, $"The XML root element is <{_xml.Name}>, neither <rss>, <rdf:RDF> nor an Atom <feed>; nothing was read.", null);
                }

                _xml.Read();
            }

            while (!_xml.EOF)
            {
                if (_xml.NodeType != XmlNodeType.Element)
                {
                    _xml.Read();
                    continue;
                }

                var name = _xml.LocalName;
                if (name is "item" or "entry")
                {
                    var item = (XElement)XNode.ReadFrom(_xml);
                    _items++;
                    return Build(item);
                }

                // Feed-level title and link: children of <channel> (RSS) or of <feed> (Atom).
                if (name == "title" && _feedTitle is null && _xml.Depth <= 2)
                {
                    _feedTitle = ((XElement)XNode.ReadFrom(_xml)).Value.Trim();
                    continue;
                }

                if (name == "link" && _feedLink is null && _xml.Depth <= 2)
                {
                    var link = (XElement)XNode.ReadFrom(_xml);
                    _feedLink = link.Attribute("href")?.Value ?? link.Value.Trim();
                    continue;
                }

                _xml.Read();
            }

            _finished = true;
            return _items == 0
                ? _context.Reject(string.Empty, ErrorCodes.DocumentEmpty, Severity.Warning, "The feed holds no <item> or <entry>; it gave no article.", null)
                : null;
        }
        catch (XmlException e)
        {
            _finished = true;
            var location = string.Create(CultureInfo.InvariantCulture, $"line {e.LineNumber}, column {e.LinePosition}");
            if (IsDtd(e))
            {
                return _context.Reject(location, ErrorCodes.XmlDtdRefused, Severity.Error, "The feed declares a DTD (<!DOCTYPE ...>), which can define entities that expand without bound or read other files; it was refused and nothing was expanded.", null);
            }

            var after = _items == 0 ? "no item was read" : TextMetadata.Count(_items, "item") + " before it were read";
            return _context.Reject(location, ErrorCodes.FeedMalformed, Severity.Error, $"The feed is not well-formed XML at {location} ({e.Message.TrimEnd('.')}); {after}. The file may be truncated.", null);
        }
    }

    private bool IsDtd(XmlException e) =>
        _xml.NodeType == XmlNodeType.DocumentType
        || (!_started || _items == 0) && _context.Decoded.Prefix.Contains("<!DOCTYPE", StringComparison.Ordinal) && e.Message.Contains("DTD", StringComparison.Ordinal);

    private string Where() => _xml is IXmlLineInfo info && info.HasLineInfo()
        ? string.Create(CultureInfo.InvariantCulture, $"line {info.LineNumber}, column {info.LinePosition}")
        : string.Empty;

    private IngestResult Build(XElement item)
    {
        var location = string.Create(CultureInfo.InvariantCulture, $"item {_items}");
        var atom = item.Name.LocalName == "entry";
        var id = Child(item, atom ? "id" : "guid");
        var content = atom
            ? ContentOf(item, "content") ?? ContentOf(item, "summary")
            : Child(item, "encoded") ?? Child(item, "description");
        var draft = new ArticleDraft
        {
            Location = location,
            Id = id,
            Title = Plain(Child(item, "title")),
            Byline = Author(item, atom),
            Source = _feedTitle,
            Url = atom ? AtomLink(item) : Child(item, "link") ?? (IsPermalink(item) ? id : null),
            Body = content is null ? string.Empty : HtmlExtraction.FragmentText(content),
        };
        foreach (var name in atom ? ["published", "updated", "date"] : new[] { "pubDate", "date", "published", "updated" })
        {
            if (Child(item, name) is not { } value)
            {
                continue;
            }

            if (PublicationDateFinder.ParseValue(value, _context.Options.NumericDateOrder) is { } date)
            {
                draft.Published = date;
                draft.PublishedFrom = "feed";
                break;
            }

            _context.UnreadableDate(draft, value, $"<{name}>");
        }

        return _context.Build(draft, _items);
    }

    private static string? Child(XElement item, string localName) =>
        item.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value.Trim() is { Length: > 0 } value ? value : null;

    private static string? ContentOf(XElement item, string localName)
    {
        var element = item.Elements().FirstOrDefault(e => e.Name.LocalName == localName);
        if (element is null)
        {
            return null;
        }

        // Atom type="xhtml" content is markup in the feed itself; type="html" and "text" are strings.
        var type = element.Attribute("type")?.Value;
        var value = type == "xhtml"
            ? string.Concat(element.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)))
            : element.Value;
        return value.Trim().Length > 0 ? value : null;
    }

    private static string? Plain(string? value) => value is null ? null : HtmlExtraction.FragmentText(value).Replace('\n', ' ');

    private static string? Author(XElement item, bool atom)
    {
        if (atom)
        {
            return item.Elements().FirstOrDefault(e => e.Name.LocalName == "author") is { } author ? Child(author, "name") : null;
        }

        if (Child(item, "creator") is { } creator)
        {
            return creator;
        }

        // RSS <author> is an e-mail address, usually with the name in brackets: "desk@example.org (Ayla Demir)".
        if (Child(item, "author") is { } email)
        {
            var open = email.IndexOf('(', StringComparison.Ordinal);
            var close = email.LastIndexOf(')');
            return open >= 0 && close > open ? email[(open + 1)..close].Trim() : email;
        }

        return null;
    }

    private static string? AtomLink(XElement entry)
    {
        var links = entry.Elements().Where(e => e.Name.LocalName == "link").ToList();
        var alternate = links.FirstOrDefault(l => (l.Attribute("rel")?.Value ?? "alternate") == "alternate") ?? links.FirstOrDefault();
        return alternate?.Attribute("href")?.Value;
    }

    private static bool IsPermalink(XElement item) =>
        item.Elements().FirstOrDefault(e => e.Name.LocalName == "guid") is { } guid
        && guid.Attribute("isPermaLink")?.Value != "false"
        && guid.Value.Trim().StartsWith("http", StringComparison.OrdinalIgnoreCase);
}
