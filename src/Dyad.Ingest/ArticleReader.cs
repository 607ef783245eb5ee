using System.Collections.Immutable;
using System.Globalization;

namespace Dyad.Ingest;

/// <summary>How <see cref="ArticleReader"/> reads its inputs.</summary>
public sealed record ReadOptions
{
    /// <summary>The default options.</summary>
    public static ReadOptions Default { get; } = new();

    /// <summary>The format to read every input as; null (the default) detects it from the content, then the file's extension.</summary>
    public ArticleFormat? Format { get; init; }

    /// <summary>A publication date for every article read (a date given on the command line); it wins over any date
    /// in the input, and <see cref="Article.PublishedFrom"/> says <c>option</c>.</summary>
    public PublicationDate? PublicationDate { get; init; }

    /// <summary>The encoding to read inputs without a byte order mark in, such as <c>windows-1254</c>; null detects it.</summary>
    public string? Encoding { get; init; }

    /// <summary>How to read all-numeric dates in text such as 05/04/2017.</summary>
    public NumericDateOrder NumericDateOrder { get; init; }

    /// <summary>The longest article, in characters (UTF-16 units). Longer plain text is split into parts at blank
    /// lines; an HTML page of more than four times this much markup, or a JSON line of more than twice this, is
    /// refused (DY4006). Default 4,000,000.</summary>
    public int MaxArticleChars { get; init; } = 4_000_000;

    /// <summary>Files a folder walk skips (with a DY1006 warning) however a link names them: the store being written
    /// and its write-ahead log, which would otherwise be read as input when the store lies in the input folder.</summary>
    public IReadOnlyList<string> SkipPaths { get; init; } = [];
}

/// <summary>
/// Reads news articles from files, directories and streams: plain text, HTML pages, RSS and Atom feeds and JSON Lines.
/// Yields one <see cref="IngestResult"/> per document, in input order: an <see cref="ArticleAccepted"/> or an
/// <see cref="ArticleRejected"/> saying where and why. It never throws for bad content and never drops a document
/// silently; inputs are read as streams, so memory stays near the size of one article (an HTML page is read whole).
/// </summary>
/// <remarks>
/// The format is detected from the first 8 KiB: a JSON object at the start means JSON Lines; <c>&lt;rss</c>,
/// <c>&lt;rdf:RDF</c> or <c>&lt;feed</c> a feed; <c>&lt;html</c>, <c>&lt;body</c> or an HTML doctype a page; other XML
/// is read as a feed (and refused if it declares a DTD); otherwise the extension decides (<c>.html</c>, <c>.htm</c>,
/// <c>.xml</c>, <c>.rss</c>, <c>.atom</c>, <c>.jsonl</c>, <c>.ndjson</c>), and anything else is plain text.
/// Instances are immutable and thread-safe; each enumeration opens its own input.
/// </remarks>
public sealed class ArticleReader
{
    private readonly ReadOptions _options;

    /// <summary>Creates a reader.</summary>
    /// <param name="options">How to read; null for <see cref="ReadOptions.Default"/>.</param>
    public ArticleReader(ReadOptions? options = null) => _options = options ?? ReadOptions.Default;

    /// <summary>Reads a file, every file under a directory, or standard input when <paramref name="path"/> is <c>-</c>.</summary>
    /// <param name="path">A file, a directory or <c>-</c>.</param>
    /// <param name="cancellationToken">Stops between documents.</param>
    /// <returns>The results, lazily; an input that cannot be opened gives one DY1002 rejection.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public IEnumerable<IngestResult> Read(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path == "-")
        {
            return Read(Console.OpenStandardInput(), "-", cancellationToken);
        }

        return Directory.Exists(path) ? ReadDirectory(path, cancellationToken) : ReadFile(path, IdBase(path), cancellationToken);
    }

    /// <summary>
    /// Reads every regular file under a directory, depth first in ordinal name order; names starting with '.' are
    /// skipped. Links are followed, but each real file and folder is read once: a link to a folder or file already read
    /// (such as <c>ln -s . loop</c>) gives one DY1006 warning and is skipped, and so does a FIFO, socket or device, and
    /// any path of <see cref="ReadOptions.SkipPaths"/>.
    /// </summary>
    /// <param name="path">The directory.</param>
    /// <param name="cancellationToken">Stops between documents.</param>
    /// <returns>The results, lazily. Ids of articles are the files' paths relative to <paramref name="path"/>.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public IEnumerable<IngestResult> ReadDirectory(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var skip = new HashSet<string>(InputPaths.Comparer);
        foreach (var excluded in _options.SkipPaths)
        {
            skip.Add(RealPathOrFull(excluded));
        }

        // Real paths of the folders met (when pushed, so a link to a sibling not yet read is caught too) and of the files read.
        var folders = new Dictionary<string, string>(InputPaths.Comparer);
        var files = new Dictionary<string, string>(InputPaths.Comparer);
        var pending = new Stack<(string Path, string Real)>();
        var rootReal = RealPathOrFull(path);
        folders[rootReal] = path;
        pending.Push((path, rootReal));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (directory, directoryReal) = pending.Pop();
            string[] entries, directories;
            IngestResult? failure = null;
            try
            {
                entries = Directory.GetFiles(directory);
                directories = Directory.GetDirectories(directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                (entries, directories) = ([], []);
                failure = Unreadable(directory, e);
            }

            if (failure is not null)
            {
                yield return failure;
                continue;
            }

            Array.Sort(entries, StringComparer.Ordinal);
            Array.Sort(directories, StringComparer.Ordinal);
            foreach (var file in entries.Where(f => !Path.GetFileName(f).StartsWith('.')))
            {
                var id = Path.GetRelativePath(path, file).Replace('\\', '/');
                var real = RealOf(file, directoryReal);
                string? why = null;
                if (skip.Contains(real))
                {
                    why = "is the store being written (or its write-ahead log), not an input";
                }
                else if (files.TryGetValue(real, out var first))
                {
                    why = $"leads to '{first}', which was read already";
                }
                else if (InputPaths.KindOf(file) is var kind && kind != EntryKind.Regular)
                {
                    why = $"is {InputPaths.Describe(kind)}, not a regular file; only regular files are read from folders";
                }

                if (why is not null)
                {
                    yield return Skipped(file, $"'{id}' {why}, so it was skipped.");
                    continue;
                }

                files[real] = file;
                foreach (var result in ReadFile(file, id, cancellationToken))
                {
                    yield return result;
                }
            }

            var children = new List<(string Path, string Real)>();
            foreach (var child in directories.Where(d => !Path.GetFileName(d).StartsWith('.')))
            {
                var real = RealOf(child, directoryReal);
                if (folders.TryGetValue(real, out var first))
                {
                    var id = Path.GetRelativePath(path, child).Replace('\\', '/');
                    yield return Skipped(child, $"'{id}' is a link to the folder '{first}', which is read already (a link loop), so it was skipped.");
                    continue;
                }

                folders[real] = child;
                children.Add((child, real));
            }

            for (var i = children.Count - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }
    }

    /// <summary>The real path of an entry of a folder whose real path is known: one link lookup unless it is a link.</summary>
    private static string RealOf(string entry, string parentReal) =>
        InputPaths.LinkTarget(entry) is null ? Path.Combine(parentReal, Path.GetFileName(entry)) : RealPathOrFull(entry);

    private static string RealPathOrFull(string path)
    {
        try
        {
            return InputPaths.RealPath(path);
        }
        catch (IOException)
        {
            // A link loop on the way: the path as it stands names it, and the walk skips it as unreadable or read.
            return Path.GetFullPath(path);
        }
    }

    private static ArticleRejected Skipped(string path, string message) =>
        new(path, string.Empty, new Diagnostic(ErrorCodes.InputSkipped, Severity.Warning, message, path, string.Empty), null);

    /// <summary>Reads one stream, such as standard input or a file already open.</summary>
    /// <param name="stream">The bytes; read forward once and disposed when the enumeration ends.</param>
    /// <param name="name">Names the input in results and ids: a path, a URL or <c>-</c> (then ids are content hashes).</param>
    /// <param name="cancellationToken">Stops between documents.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public IEnumerable<IngestResult> Read(Stream stream, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return ReadStream(stream, name, IdBase(name), cancellationToken);
    }

    /// <summary>The format an input's first characters and name suggest, by the rules in the class remarks.</summary>
    /// <param name="prefix">The first few thousand characters of the input.</param>
    /// <param name="name">The input's name or path, for its extension.</param>
    public static ArticleFormat DetectFormat(string prefix, string name)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(name);
        var head = prefix.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (head.StartsWith('{'))
        {
            return ArticleFormat.JsonLines;
        }

        if (head.StartsWith('<'))
        {
            if (Contains(head, "<rss") || Contains(head, "<rdf:rdf"))
            {
                return ArticleFormat.Rss;
            }

            if (Contains(head, "<feed"))
            {
                return ArticleFormat.Atom;
            }

            if (Contains(head, "<!doctype html") || Contains(head, "<html") || Contains(head, "<body") || Contains(head, "<head"))
            {
                return ArticleFormat.Html;
            }

            if (head.StartsWith("<?xml", StringComparison.Ordinal) || head.StartsWith("<!DOCTYPE", StringComparison.Ordinal))
            {
                return extension == ".atom" ? ArticleFormat.Atom : ArticleFormat.Rss;
            }
        }

        return extension switch
        {
            ".html" or ".htm" or ".xhtml" => ArticleFormat.Html,
            ".rss" or ".xml" or ".rdf" => ArticleFormat.Rss,
            ".atom" => ArticleFormat.Atom,
            ".jsonl" or ".ndjson" or ".json" => ArticleFormat.JsonLines,
            _ => ArticleFormat.Text,
        };

        static bool Contains(string text, string tag) => text.Contains(tag, StringComparison.OrdinalIgnoreCase);
    }

    private static string IdBase(string name) => name == "-" ? string.Empty : Path.GetFileName(name.TrimEnd('/', '\\'));

    private IEnumerable<IngestResult> ReadFile(string path, string idBase, CancellationToken cancellationToken)
    {
        Stream? stream = null;
        IngestResult? failure = null;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            failure = Unreadable(path, e);
        }

        return failure is not null ? [failure] : ReadStream(stream!, path, idBase, cancellationToken);
    }

    private IEnumerable<IngestResult> ReadStream(Stream stream, string name, string idBase, CancellationToken cancellationToken)
    {
        DecodedInput input;
        try
        {
            input = DecodedInput.Open(stream, name, _options.Encoding);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            stream.Dispose();
            return [Unreadable(name, e)];
        }

        return ReadDecoded(input, name, idBase, cancellationToken);
    }

    private IEnumerable<IngestResult> ReadDecoded(DecodedInput input, string name, string idBase, CancellationToken cancellationToken)
    {
        using (input)
        {
            if (input.Binary is { } binary)
            {
                // Read as text, random bytes gave over a thousand junk "articles"; a database file (such as the store
                // itself, in the input folder) gave thousands.
                yield return new ArticleRejected(
                    name,
                    string.Empty,
                    new Diagnostic(ErrorCodes.InputSkipped, Severity.Error, $"The input is binary, not text ({binary}); it was not read. Give a text, HTML, feed or JSON Lines file, or name its encoding if it is UTF-16 or UTF-32 without a byte order mark.", name, string.Empty),
                    null);
                yield break;
            }

            var format = _options.Format ?? DetectFormat(input.Prefix, name);
            var context = new IngestContext(name, idBase, format, _options, input);
            IDocumentSource source = format switch
            {
                ArticleFormat.Html => new HtmlDocumentSource(context),
                ArticleFormat.Rss or ArticleFormat.Atom => new FeedDocumentSource(context),
                ArticleFormat.JsonLines => new JsonLinesDocumentSource(context),
                _ => new TextDocumentSource(context),
            };
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                IngestResult? next;
                try
                {
                    next = source.Next();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    next = context.Reject(context.NextLocation(), ErrorCodes.InputUnreadable, Severity.Error, "The input could not be read to its end: " + e.Message, null);
                    source = EmptySource.Instance;
                }

                if (next is null)
                {
                    yield break;
                }

                yield return next;
            }
        }
    }

    private static ArticleRejected Unreadable(string path, Exception e) => new(
        path,
        string.Empty,
        new Diagnostic(ErrorCodes.InputUnreadable, Severity.Error, $"The input cannot be opened: {e.Message} Check the path and its permissions.", path, string.Empty),
        null);

    private sealed class EmptySource : IDocumentSource
    {
        public static EmptySource Instance { get; } = new();

        public IngestResult? Next() => null;
    }
}

/// <summary>Gives an input's documents one at a time; null when there are no more.</summary>
internal interface IDocumentSource
{
    /// <summary>The next document's result, or null at the end.</summary>
    /// <exception cref="IOException">The input could not be read.</exception>
    IngestResult? Next();
}

/// <summary>What one document of an input was found to hold, before it becomes an article.</summary>
internal sealed class ArticleDraft
{
    public required string Location { get; init; }

    public string? Id { get; init; }

    public string? Title { get; set; }

    public string? Byline { get; set; }

    public string? Source { get; set; }

    public string? Url { get; set; }

    public PublicationDate? Published { get; set; }

    public string? PublishedFrom { get; set; }

    public required string Body { get; set; }

    /// <summary>True for plain text, whose first lines are read as a header (headline, byline, date lines).</summary>
    public bool PlainText { get; init; }

    public List<Diagnostic> Diagnostics { get; } = [];
}

/// <summary>One input being read: names, options, and the rules that turn a draft into an article.</summary>
internal sealed class IngestContext(string input, string idBase, ArticleFormat format, ReadOptions options, DecodedInput decoded)
{
    private int _replacedReported;

    public string Input { get; } = input;

    public string IdBase { get; } = idBase;

    public ArticleFormat Format { get; set; } = format;

    public ReadOptions Options { get; } = options;

    public DecodedInput Decoded { get; } = decoded;

    /// <summary>The location of the document being read, for a failure that is not tied to one (set by sources).</summary>
    public Func<string> NextLocation { get; set; } = () => string.Empty;

    /// <summary>A date from metadata could not be read: warn and let the text be searched.</summary>
    public void UnreadableDate(ArticleDraft draft, string value, string where) => draft.Diagnostics.Add(new Diagnostic(
        ErrorCodes.DateUnreadable,
        Severity.Warning,
        $"The date '{Shorten(value)}' in {where} is not a calendar date; the publication date was looked for in the text.",
        Input,
        draft.Location));

    public ArticleRejected Reject(string location, string code, Severity severity, string message, string? raw) =>
        new(Input, location, new Diagnostic(code, severity, message, Input, location), raw);

    /// <summary>Turns a draft into an accepted article, or a DY4001 warning when it holds no text.</summary>
    /// <param name="draft">The document.</param>
    /// <param name="index">Its 1-based number in the input, or 0 when it is the input's only document.</param>
    public IngestResult Build(ArticleDraft draft, int index)
    {
        var tidied = TextMetadata.Tidy(draft.Body, out var controls);
        var body = ReadHeader(tidied, draft).Body;

        var diagnostics = new List<Diagnostic>();
        var replaced = Decoded.Replaced - _replacedReported;
        if (replaced > 0)
        {
            // The decoder counts as it fills its buffer, so the count is charged to the article being read then.
            _replacedReported = Decoded.Replaced;
            diagnostics.Add(new Diagnostic(
                Decoded.EncodingName.StartsWith("utf-16", StringComparison.Ordinal) ? ErrorCodes.InvalidUtf16 : ErrorCodes.InvalidUtf8,
                Severity.Warning,
                $"{TextMetadata.Count(replaced, "invalid byte sequence")} in the {Decoded.EncodingName} input were replaced with U+FFFD. Re-encode the input, or name its encoding, to keep the original characters.",
                Input,
                draft.Location));
        }

        if (Decoded.EncodingProblem is { } encodingProblem && index <= 1)
        {
            diagnostics.Add(encodingProblem with { Location = draft.Location });
        }

        if (controls > 0)
        {
            diagnostics.Add(new Diagnostic(ErrorCodes.BinaryContent, Severity.Warning, $"{TextMetadata.Count(controls, "NUL or other control character")} were read as spaces. Check that the input is text.", Input, draft.Location));
        }

        diagnostics.AddRange(draft.Diagnostics);
        if (body.Length == 0)
        {
            var problem = new Diagnostic(ErrorCodes.DocumentEmpty, Severity.Warning, $"The {FormatName()} document holds no text to parse; it gave no article.", Input, draft.Location);
            return new ArticleRejected(Input, draft.Location, problem, null);
        }

        var (published, from) = ChooseDate(draft, tidied, diagnostics);
        var id = draft.Id is { Length: > 0 } given ? given
            : IdBase.Length == 0 ? TextMetadata.HashId(body)
            : index > 0 ? string.Create(CultureInfo.InvariantCulture, $"{IdBase}#{index}")
            : IdBase;
        return new ArticleAccepted(new Article(
            id,
            Clean(draft.Title),
            Clean(draft.Byline),
            Clean(draft.Source),
            TextMetadata.FindDateline(body),
            Clean(draft.Url),
            published,
            from,
            body,
            Format,
            Input,
            draft.Location,
            [.. diagnostics]));
    }

    private static TextHeader ReadHeader(string body, ArticleDraft draft)
    {
        var header = TextMetadata.ReadHeader(body, draft.Title, guessTitle: draft.PlainText);
        if (draft.PlainText)
        {
            draft.Title ??= header.Title;
        }

        draft.Byline ??= header.Byline;
        draft.Source ??= header.Source;
        return header;
    }

    /// <param name="draft">The document.</param>
    /// <param name="text">Its tidied text with the header lines still in it, where date lines usually are.</param>
    /// <param name="diagnostics">Receives the DY4008 and DY4010 warnings.</param>
    private (PublicationDate? Date, string? From) ChooseDate(ArticleDraft draft, string text, List<Diagnostic> diagnostics)
    {
        if (Options.PublicationDate is { } given)
        {
            return (given, "option");
        }

        if (draft.Published is { } metadata)
        {
            return (metadata, draft.PublishedFrom);
        }

        if (PublicationDateFinder.Find(text, Options.NumericDateOrder) is { } found)
        {
            if (found.Ambiguous)
            {
                diagnostics.Add(new Diagnostic(
                    ErrorCodes.DateAmbiguous,
                    Severity.Warning,
                    $"The date '{found.Words}' could be read day-first or month-first; it was read {(found.MonthFirst ? "month-first" : "day-first")} as {DateWords.Iso(found.Date.Date)}.",
                    Input,
                    draft.Location));
            }

            return (found.Date, "text:" + found.Words);
        }

        diagnostics.Add(new Diagnostic(ErrorCodes.PublicationDateMissing, Severity.Warning, "No publication date was found; relative event dates cannot be resolved for this article.", Input, draft.Location));
        return (null, null);
    }

    private string FormatName() => Format switch
    {
        ArticleFormat.Html => "HTML",
        ArticleFormat.Rss => "RSS",
        ArticleFormat.Atom => "Atom",
        ArticleFormat.JsonLines => "JSON Lines",
        _ => "text",
    };

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var collapsed = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length == 0 ? null : collapsed;
    }

    public static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "...";
}
