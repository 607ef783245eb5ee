using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Dyad.Coding.Dictionaries;

namespace Dyad.Analysis.Validation;

/// <summary>
/// Reads PETRARCH validation suites (PETR_Validate_records_2_02.xml). The file is XML-like but not well-formed as a
/// whole (its comments hold <c>--</c>, and <c>&lt;PLEvent {json}&gt;</c> lines are not XML), so, like PETRARCH's own
/// validation script, the reader cuts it into parts first: comments are set aside (a comment runs from <c>&lt;!--</c> to the
/// next <c>--&gt;</c>), <c>&lt;PLEvent&gt;</c> lines are kept as JSON text, and each <c>&lt;Environment&gt;</c>,
/// <c>&lt;Config&gt;</c> and <c>&lt;Sentence&gt;</c> is then parsed as XML on its own, with DTDs prohibited and no
/// resolver. A part that is not well-formed gives a diagnostic and is skipped; the rest is read. Both record layouts are
/// read: PETRARCH's (<c>&lt;EventCoding&gt;</c>, <c>&lt;Text&gt;</c> and <c>&lt;Parse&gt;</c> inside
/// <c>&lt;Sentence&gt;...&lt;/Sentence&gt;</c>) and UniversalPetrarch's (a self-closed <c>&lt;Sentence .../&gt;</c> followed
/// by those parts as siblings, with or without a closing <c>&lt;/Sentence&gt;</c>), and a file may mix them.
/// </summary>
public static class ValidationSuiteReader
{
    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        ConformanceLevel = ConformanceLevel.Document,
        MaxCharactersInDocument = 50_000_000,
    };

    /// <summary>Reads the suite at <paramref name="path"/>. A file that cannot be read gives an empty suite and a <see cref="ErrorCodes.InputUnreadable"/> diagnostic.</summary>
    /// <param name="path">Path of the file; diagnostics name its file name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static ReadResult<ValidationSuite> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag(Path.GetFileName(path));
        var text = DictionaryText.ReadFile(path, bag);
        return text is null
            ? new ReadResult<ValidationSuite>(new ValidationSuite(path, SuiteEnvironment.Empty, []), bag.ToImmutable())
            : Parse(text, path, bag);
    }

    /// <summary>Reads a suite from <paramref name="text"/>; never throws for any content.</summary>
    /// <param name="text">The whole file.</param>
    /// <param name="sourceName">Name used as <see cref="Diagnostic.Source"/> and as <see cref="ValidationSuite.Path"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ReadResult<ValidationSuite> Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Parse(text, sourceName, new DiagnosticBag(Path.GetFileName(sourceName)));
    }

    /// <summary>Reads a suite from <paramref name="reader"/> (to its end); never throws for any content.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="sourceName">Name used as <see cref="Diagnostic.Source"/> and as <see cref="ValidationSuite.Path"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ReadResult<ValidationSuite> Parse(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Parse(reader.ReadToEnd(), sourceName);
    }

    private static ReadResult<ValidationSuite> Parse(string text, string path, DiagnosticBag bag)
    {
        var lines = new LineIndex(text);
        var comments = new List<(int Start, int End)>();
        var masked = MaskComments(text, comments);
        if (comments.Count > 0 && !text.AsSpan(comments[^1].Start).Contains("-->", StringComparison.Ordinal))
        {
            bag.Error(ErrorCodes.ValidationRecordSkipped, lines.LineOf(comments[^1].Start), $"Expected the comment opened at line {lines.LineOf(comments[^1].Start).ToString(CultureInfo.InvariantCulture)} to be closed with '-->', but the file ended first; everything after it was skipped. Close the comment.");
        }

        var environment = ReadEnvironment(masked, lines, bag);

        var parts = new List<(int Start, bool IsSentence)>();
        parts.AddRange(FindTags(masked, "<Sentence").Select(start => (start, true)));
        parts.AddRange(FindTags(masked, "<Config").Select(start => (start, false)));
        parts.Sort((a, b) => a.Start.CompareTo(b.Start));

        // The next sentence start after each part, and all closing tags, so finding a record's end stays linear.
        var nextSentenceAfter = new int[parts.Count];
        var following = masked.Length;
        for (var p = parts.Count - 1; p >= 0; p--)
        {
            nextSentenceAfter[p] = following;
            if (parts[p].IsSentence)
            {
                following = parts[p].Start;
            }
        }

        var closings = FindAll(masked, "</Sentence>");
        var records = ImmutableArray.CreateBuilder<ValidationRecord>();
        var options = ImmutableDictionary.Create<string, string>(StringComparer.OrdinalIgnoreCase);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var sentenceEnd = -1;
        for (var p = 0; p < parts.Count; p++)
        {
            var (start, isSentence) = parts[p];
            if (start < sentenceEnd)
            {
                continue; // a <Config> inside a sentence is read with the sentence
            }

            if (!isSentence)
            {
                options = ReadConfig(masked, start, lines, bag, options);
                continue;
            }

            var nextSentence = nextSentenceAfter[p];
            var closeIndex = closings.BinarySearch(start);
            closeIndex = closeIndex >= 0 ? closeIndex : ~closeIndex;
            var close = closeIndex < closings.Count ? closings[closeIndex] : -1;
            var closed = close >= 0 && close <= nextSentence;
            var selfClosed = SelfClosingSlash(masked, start);
            if (selfClosed >= 0 && !closed)
            {
                // UniversalPetrarch's layout with no </Sentence> at all: the record's parts run to the next record,
                // <Config> or the end of the list.
                sentenceEnd = EndOfSiblings(masked, start, p + 1 < parts.Count ? parts[p + 1].Start : masked.Length);
            }
            else if (!closed)
            {
                bag.Error(ErrorCodes.ValidationRecordSkipped, lines.LineOf(start), $"Expected the <Sentence> record at line {lines.LineOf(start).ToString(CultureInfo.InvariantCulture)} to end with </Sentence> before the next record, but it does not. The record was skipped; close it.");
                continue;
            }
            else
            {
                sentenceEnd = close + "</Sentence>".Length;
            }

            var record = ReadSentence(text, masked, start, sentenceEnd, selfClosed, closed, comments, lines, bag, options);
            if (record is null)
            {
                continue;
            }

            if (record.Id.Length > 0 && ids.TryGetValue(record.Id, out var firstLine))
            {
                bag.Warn(ErrorCodes.DictionaryDuplicate, record.Source.Line, $"Expected each record id once, but {record.Id} was already used at line {firstLine.ToString(CultureInfo.InvariantCulture)}. Both records were kept; give this one its own id.");
            }
            else if (record.Id.Length > 0)
            {
                ids[record.Id] = record.Source.Line;
            }

            records.Add(record);
        }

        return new ReadResult<ValidationSuite>(new ValidationSuite(path, environment, records.ToImmutable()), bag.ToImmutable());
    }

    private static SuiteEnvironment ReadEnvironment(string masked, LineIndex lines, DiagnosticBag bag)
    {
        var start = FindTags(masked, "<Environment").FirstOrDefault(-1);
        if (start < 0)
        {
            bag.Warn(ErrorCodes.ValidationRecordSkipped, 0, "Expected an <Environment> block naming the dictionary files, but the file has none. No dictionaries are named; add the block.");
            return SuiteEnvironment.Empty;
        }

        var close = masked.IndexOf("</Environment>", start, StringComparison.Ordinal);
        if (close < 0)
        {
            bag.Error(ErrorCodes.ValidationRecordSkipped, lines.LineOf(start), "Expected the <Environment> block to end with </Environment>, but it does not. The block was skipped; close it.");
            return SuiteEnvironment.Empty;
        }

        var element = LoadElement(masked[start..(close + "</Environment>".Length)], lines.LineOf(start), "<Environment> block", bag);
        if (element is null)
        {
            return SuiteEnvironment.Empty;
        }

        var settings = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in element.Elements())
        {
            settings[child.Name.LocalName] = child.Value.Trim();
        }

        return new SuiteEnvironment(settings.ToImmutable());
    }

    private static ImmutableDictionary<string, string> ReadConfig(string masked, int start, LineIndex lines, DiagnosticBag bag, ImmutableDictionary<string, string> options)
    {
        var end = masked.IndexOf('>', start);
        var line = lines.LineOf(start);
        if (end < 0)
        {
            bag.Error(ErrorCodes.ValidationRecordSkipped, line, "Expected the <Config> element to end with '/>', but the file ended first. It was skipped.");
            return options;
        }

        var element = LoadElement(masked[start..(end + 1)], line, "<Config> element", bag);
        var option = element?.Attribute("option")?.Value;
        var value = element?.Attribute("value")?.Value;
        if (element is null)
        {
            return options;
        }

        if (string.IsNullOrWhiteSpace(option) || value is null)
        {
            bag.Error(ErrorCodes.ValidationRecordSkipped, line, "Expected <Config option=\"NAME\" value=\"VALUE\" />, but an attribute is missing. It was skipped; add both attributes.");
            return options;
        }

        return options.SetItem(option.Trim(), value.Trim());
    }

    /// <summary>
    /// The offset of the <c>/</c> that self-closes the <c>&lt;Sentence ... /&gt;</c> tag at <paramref name="start"/>, or -1
    /// when the tag is an ordinary start tag (PETRARCH's layout) or has no end.
    /// </summary>
    private static int SelfClosingSlash(string masked, int start)
    {
        // A '<' before the '>' means the tag never ended and the '>' belongs to a later tag.
        var tagEnd = masked.IndexOf('>', start);
        return tagEnd > start && masked[tagEnd - 1] == '/' && masked.IndexOf('<', start + 1, tagEnd - start - 1) < 0 ? tagEnd - 1 : -1;
    }

    /// <summary>
    /// Where the sibling parts of a self-closed record end when no <c>&lt;/Sentence&gt;</c> closes them: at
    /// <paramref name="limit"/> (the next record or <c>&lt;Config&gt;</c>), or earlier at <c>&lt;/Sentences&gt;</c> or
    /// <c>&lt;/Validation&gt;</c>.
    /// </summary>
    private static int EndOfSiblings(string masked, int start, int limit)
    {
        foreach (var closing in (ReadOnlySpan<string>)["</Sentences>", "</Validation>"])
        {
            var at = masked.IndexOf(closing, start, limit - start, StringComparison.Ordinal);
            if (at >= 0)
            {
                limit = at;
            }
        }

        return limit;
    }

    /// <summary>
    /// Reads the record in <c>[start, end)</c>. Two layouts: PETRARCH's, where <c>&lt;EventCoding&gt;</c>,
    /// <c>&lt;Text&gt;</c> and <c>&lt;Parse&gt;</c> are children of <c>&lt;Sentence&gt;</c>; and UniversalPetrarch's,
    /// where <c>&lt;Sentence .../&gt;</c> is self-closed (<paramref name="selfClosingSlash"/> is the offset of its
    /// <c>/</c>, else -1) and those parts follow as siblings, ended by a stray <c>&lt;/Sentence&gt;</c> or not at all
    /// (<paramref name="closed"/>). The second is turned into the first by blanking the <c>/</c> and closing the element,
    /// which keeps every line number.
    /// </summary>
    private static ValidationRecord? ReadSentence(string text, string masked, int start, int end, int selfClosingSlash, bool closed, List<(int Start, int End)> comments, LineIndex lines, DiagnosticBag bag, ImmutableDictionary<string, string> options)
    {
        var firstLine = lines.LineOf(start);
        var chunk = masked[start..end];
        if (selfClosingSlash >= 0)
        {
            chunk = string.Concat(chunk.AsSpan(0, selfClosingSlash - start), " ", chunk.AsSpan(selfClosingSlash - start + 1)) + (closed ? string.Empty : "</Sentence>");
        }

        var plover = ImmutableArray.CreateBuilder<string>();
        chunk = ExtractPlover(chunk, plover);
        var element = LoadElement(chunk, firstLine, $"<Sentence> record at line {firstLine.ToString(CultureInfo.InvariantCulture)}", bag);
        if (element is null)
        {
            return null;
        }

        var attributes = Attributes(element);
        if (!attributes.ContainsKey("id"))
        {
            bag.Warn(ErrorCodes.ValidationRecordSkipped, firstLine, "Expected the <Sentence> record to have an id attribute, but it has none. It was read with an empty id; add one.");
        }

        if (!attributes.TryGetValue("date", out var date) || !PetrarchDate.TryParse(date, out _))
        {
            bag.Warn(ErrorCodes.ValidationRecordSkipped, firstLine, $"Expected the <Sentence> record {attributes.GetValueOrDefault("id", string.Empty)} to have a date=\"YYYYMMDD\" attribute, but found {(date is null ? "none" : "'" + date + "'")}. It was read without a date, so dated actor roles cannot be resolved for it; fix the date.");
        }

        var codings = ImmutableArray.CreateBuilder<GoldCoding>();
        string? sentenceText = null;
        string? parse = null;
        var parseLine = 0;
        foreach (var child in element.Elements())
        {
            var childLine = firstLine + ((IXmlLineInfo)child).LineNumber - 1;
            switch (child.Name.LocalName)
            {
                case "EventCoding":
                    codings.Add(new GoldCoding(Attributes(child), childLine));
                    break;
                case "Text":
                    sentenceText = Collapse(child.Value);
                    break;
                case "Parse":
                    var raw = child.Value;
                    var leading = raw.Length - raw.TrimStart().Length;
                    parseLine = childLine + raw[..leading].Count(c => c == '\n');
                    parse = raw.Trim();
                    break;
                case "Config":
                    var option = child.Attribute("option")?.Value;
                    if (!string.IsNullOrWhiteSpace(option))
                    {
                        options = options.SetItem(option.Trim(), child.Attribute("value")?.Value.Trim() ?? string.Empty);
                    }

                    break;
                default:
                    bag.Warn(ErrorCodes.ValidationRecordSkipped, childLine, $"Expected <EventCoding>, <Text> or <Parse> in a record, but found <{child.Name.LocalName}>. It was ignored.");
                    break;
            }
        }

        if (sentenceText is null)
        {
            bag.Warn(ErrorCodes.ValidationRecordSkipped, firstLine, $"Expected the record {attributes.GetValueOrDefault("id", string.Empty)} to have a <Text>, but it has none. It was read with empty text; add the sentence.");
        }

        if (codings.Count == 0)
        {
            bag.Warn(ErrorCodes.ValidationRecordSkipped, firstLine, $"Expected the record {attributes.GetValueOrDefault("id", string.Empty)} to have at least one <EventCoding> (an event, noevents=\"True\" or error=...), but it has none. It was read with no gold codings.");
        }

        var recordComments = ImmutableArray.CreateBuilder<string>();
        var first = comments.BinarySearch((start, 0));
        for (var c = first >= 0 ? first : ~first; c < comments.Count && comments[c].End <= end; c++)
        {
            recordComments.Add(text[(comments[c].Start + 4)..Math.Max(comments[c].Start + 4, comments[c].End - 3)].Trim());
        }

        return new ValidationRecord(attributes, codings.ToImmutable(), sentenceText ?? string.Empty, parse ?? string.Empty, parseLine, recordComments.ToImmutable(), plover.ToImmutable(), options, new SourceLine(bag.Source, firstLine));
    }

    private static XElement? LoadElement(string xml, int firstLine, string what, DiagnosticBag bag)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), XmlSettings);
            return XElement.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            var line = firstLine + Math.Max(e.LineNumber, 1) - 1;
            bag.Error(ErrorCodes.ValidationRecordSkipped, line, $"Expected the {what} to be well-formed XML, but the parser says: {e.Message} The {what} was skipped; fix its XML.");
            return null;
        }
    }

    /// <summary>Replaces each <c>&lt;PLEvent ...&gt;</c> line (not XML) by spaces and keeps its JSON.</summary>
    private static string ExtractPlover(string chunk, ImmutableArray<string>.Builder plover)
    {
        var position = chunk.IndexOf("<PLEvent", StringComparison.Ordinal);
        if (position < 0)
        {
            return chunk;
        }

        var builder = new StringBuilder(chunk);
        while (position >= 0)
        {
            var lineEnd = chunk.IndexOf('\n', position);
            if (lineEnd < 0)
            {
                lineEnd = chunk.Length;
            }

            var close = chunk.LastIndexOf('>', lineEnd - 1, lineEnd - position);
            var end = close > position ? close + 1 : lineEnd;
            plover.Add(chunk[(position + "<PLEvent".Length)..(end == lineEnd ? end : end - 1)].Trim());
            for (var i = position; i < end; i++)
            {
                builder[i] = ' ';
            }

            position = chunk.IndexOf("<PLEvent", end, StringComparison.Ordinal);
        }

        return builder.ToString();
    }

    /// <summary>Blanks out every <c>&lt;!-- ... --&gt;</c> (keeping line breaks) and records where each was.</summary>
    private static string MaskComments(string text, List<(int Start, int End)> comments)
    {
        var position = text.IndexOf("<!--", StringComparison.Ordinal);
        if (position < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text);
        while (position >= 0)
        {
            var close = text.IndexOf("-->", position + 4, StringComparison.Ordinal);
            var end = close < 0 ? text.Length : close + 3;
            comments.Add((position, end));
            for (var i = position; i < end; i++)
            {
                if (builder[i] is not ('\n' or '\r'))
                {
                    builder[i] = ' ';
                }
            }

            position = close < 0 ? -1 : text.IndexOf("<!--", end, StringComparison.Ordinal);
        }

        return builder.ToString();
    }

    /// <summary>Offsets of every occurrence of <paramref name="value"/>, in order.</summary>
    private static List<int> FindAll(string text, string value)
    {
        var found = new List<int>();
        var position = text.IndexOf(value, StringComparison.Ordinal);
        while (position >= 0)
        {
            found.Add(position);
            position = text.IndexOf(value, position + value.Length, StringComparison.Ordinal);
        }

        return found;
    }

    /// <summary>Offsets of <paramref name="tag"/> followed by white space, '&gt;' or '/'.</summary>
    private static List<int> FindTags(string text, string tag)
    {
        var found = new List<int>();
        var position = text.IndexOf(tag, StringComparison.Ordinal);
        while (position >= 0)
        {
            var after = position + tag.Length;
            if (after < text.Length && (char.IsWhiteSpace(text[after]) || text[after] is '>' or '/'))
            {
                found.Add(position);
            }

            position = text.IndexOf(tag, after, StringComparison.Ordinal);
        }

        return found;
    }

    private static ImmutableDictionary<string, string> Attributes(XElement element)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var attribute in element.Attributes())
        {
            builder[attribute.Name.LocalName] = attribute.Value;
        }

        return builder.ToImmutable();
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Maps offsets to 1-based line numbers.</summary>
    private sealed class LineIndex
    {
        private readonly List<int> _starts = [0];

        public LineIndex(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    _starts.Add(i + 1);
                }
            }
        }

        public int LineOf(int offset)
        {
            var index = _starts.BinarySearch(offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }
    }
}
