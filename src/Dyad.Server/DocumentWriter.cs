using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dyad.Analysis;
using Dyad.Documents;
using Dyad.Events;
using Dyad.Ingest;
using Dyad.Models;
using Dyad.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dyad.Server;

/// <summary>
/// Codes POSTed documents and stores them: read with <see cref="ArticleReader"/>, analyzed, stored in one batch. Writes
/// go one at a time (DuckDB's model); the analyzer is loaded at the first write.
/// </summary>
internal sealed partial class DocumentWriter(DyadServerOptions options, TimeProvider clock, ILogger<DocumentWriter> logger) : IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lazy<(ArticleAnalyzer? Analyzer, string? Problem)> _analyzer = new(() => Load(options), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The media types a POST may have, each with the format it is read as.</summary>
    private static readonly Dictionary<string, ArticleFormat> Formats = new(StringComparer.Ordinal)
    {
        ["text/plain"] = ArticleFormat.Text,
        ["text/html"] = ArticleFormat.Html,
        ["application/xhtml+xml"] = ArticleFormat.Html,
        ["application/rss+xml"] = ArticleFormat.Rss,
        ["application/atom+xml"] = ArticleFormat.Atom,
        ["application/json"] = ArticleFormat.JsonLines,
        ["application/x-ndjson"] = ArticleFormat.JsonLines,
        ["application/jsonl"] = ArticleFormat.JsonLines,
        ["application/jsonlines"] = ArticleFormat.JsonLines,
    };

    /// <summary>The media types a POST may have (the endpoint's metadata lists them, and routing answers 415 to others).</summary>
    public static IReadOnlyCollection<string> MediaTypes => Formats.Keys;

    /// <summary>Whether writes can be coded: an analyzer was given and (if loaded already) loaded.</summary>
    public bool CanCode => options.Analyzer is not null && (!_analyzer.IsValueCreated || _analyzer.Value.Analyzer is not null);

    public void Dispose() => _writeLock.Dispose();

    public async Task<IResult> PostAsync(HttpContext context, string? date, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (request.ContentLength > options.MaxRequestBytes)
        {
            return TooLarge();
        }

        PublicationDate? published = null;
        if (!string.IsNullOrWhiteSpace(date))
        {
            if (!DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return Problems.Invalid(new(StringComparer.Ordinal) { ["date"] = [$"'date' must be a date of the form YYYY-MM-DD, not '{date}'."] });
            }

            published = new PublicationDate(day);
        }

        var mediaType = (request.ContentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        if (!Formats.TryGetValue(mediaType, out var format))
        {
            return Problems.Result(
                StatusCodes.Status415UnsupportedMediaType,
                "Unsupported media type",
                $"Send documents as {string.Join(", ", Formats.Keys)}, not '{(mediaType.Length == 0 ? "(none)" : EventFilter.Shown(mediaType))}'.",
                Dyad.ErrorCodes.MediaTypeUnsupported);
        }

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }

        if (mediaType == "application/json")
        {
            if (!TryJsonLines(body, out body, out var problem))
            {
                return Problems.Invalid(new(StringComparer.Ordinal) { ["body"] = [problem] });
            }
        }

        var (analyzer, loadProblem) = options.Analyzer is null ? (null, "This server was started without models to code documents.") : _analyzer.Value;
        if (analyzer is null)
        {
            return Problems.Result(StatusCodes.Status503ServiceUnavailable, "The server cannot code documents", loadProblem ?? "No analyzer.", Dyad.ErrorCodes.CodingUnavailable);
        }

        var reader = new ArticleReader(new ReadOptions { Format = format, PublicationDate = published, MaxArticleChars = (int)Math.Min(int.MaxValue, options.MaxRequestBytes) });
        var outcomes = new Outcomes();
        var ingest = new DocumentIngest(options.Store, () => analyzer, () => options.KnowledgeBase)
        {
            Observer = outcomes,
            Clock = clock,
            WriteLock = _writeLock,
        };

        // "-" as the input's name makes ids content hashes, so the same text posted twice is stored once. Every rejected
        // or failed document is quarantined, as 'dyad ingest' does, so a bad item is never lost. The request's token
        // stops reading and coding when the client goes away.
        var totals = await ingest.IngestAsync(reader.Read(new MemoryStream(body, writable: false), "-", cancellationToken), cancellationToken).ConfigureAwait(false);
        var rejected = outcomes.Items.Where(o => o.Status == DocumentStatus.Rejected).Select(o => new RejectedDocument(o.Location, o.Code!, o.Message!)).ToList();
        if (rejected.Count > 0 && rejected.Count == outcomes.Items.Count)
        {
            return Problems.Invalid(new(StringComparer.Ordinal) { ["body"] = [.. rejected.Select(r => $"{(r.Location.Length > 0 ? r.Location + ": " : string.Empty)}{r.Code}: {r.Message}")] });
        }

        var answers = outcomes.Items.Select((o, i) => new PostedItem(
            i + 1,
            o.Location,
            o.Status.ToString().ToLowerInvariant(),
            o.Key,
            o.Analyzed?.Events.Count ?? 0,
            o.Code,
            o.Message)).ToList();
        var events = outcomes.Items.SelectMany(o => o.Analyzed?.Events ?? []).ToList();
        LogStored(logger, (int)totals.Stored, (int)totals.Events, (int)totals.Skipped);
        return TypedResults.Ok(new PostResult((int)totals.Stored, (int)totals.Skipped, (int)totals.Events, (int)totals.Quarantined, rejected, events, answers));
    }

    /// <summary>Collects each document's outcome, in the order the documents were read, for the answer.</summary>
    private sealed class Outcomes : IIngestObserver
    {
        private readonly SortedDictionary<long, DocumentOutcome> _byNumber = [];

        public IReadOnlyList<DocumentOutcome> Items => [.. _byNumber.Values];

        public void Done(DocumentOutcome outcome) => _byNumber[outcome.Number] = outcome;
    }

    private IResult TooLarge() => Problems.Result(
        StatusCodes.Status413PayloadTooLarge,
        "The request is too large",
        DyadServer.Invariant($"The body is larger than this server's limit of {options.MaxRequestBytes} bytes; send fewer documents per request."),
        Dyad.ErrorCodes.RequestTooLarge);

    /// <summary>A JSON object, or an array of objects, as JSON Lines (one compact object a line).</summary>
    private static bool TryJsonLines(byte[] body, out byte[] lines, out string problem)
    {
        lines = body;
        problem = string.Empty;
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException exception)
        {
            // Several objects on separate lines are JSON Lines, which the reader takes as they are.
            if (body.AsSpan().IndexOf((byte)'\n') >= 0)
            {
                return true;
            }

            problem = $"The body is not JSON: {exception.Message}";
            return false;
        }

        var items = node switch
        {
            JsonArray array => array.ToList(),
            JsonObject => [node],
            _ => null,
        };
        if (items is null)
        {
            problem = "The JSON body must be an object with 'text' (or 'html'), or an array of such objects.";
            return false;
        }

        // Every item is a line, objects or not: the reader rejects (and the writer quarantines) a bad item on its own
        // line, and the good items are stored.
        var text = new StringBuilder();
        foreach (var item in items)
        {
            text.Append(item is null ? "null" : item.ToJsonString()).Append('\n');
        }

        lines = Encoding.UTF8.GetBytes(text.ToString());
        return true;
    }

    private static (ArticleAnalyzer? Analyzer, string? Problem) Load(DyadServerOptions options)
    {
        try
        {
            return (options.Analyzer!(), null);
        }
        catch (Exception exception) when (exception is ModelException or IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return (null, "Loading the models failed: " + exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "stored {Documents} documents with {Events} events ({Skipped} already stored)")]
    private static partial void LogStored(ILogger logger, int documents, int events, int skipped);
}
