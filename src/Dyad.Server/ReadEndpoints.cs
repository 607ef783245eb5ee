using Dyad.Events;
using Dyad.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Dyad.Server;

/// <summary>The read side of the API: every aggregation runs in the store's engine, and lists are paged or capped.</summary>
internal static class ReadEndpoints
{
    private const int DefaultPageSize = 50;
    private const int MaxOffset = 10_000_000;
    private const int MaxTop = 500;
    private const int MaxPlaces = 5000;

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("/summary", SummaryAsync).WithName("GetSummary").WithSummary("The store's size and whether the server can code documents");

        api.MapGet("/events", EventsAsync)
            .WithName("GetEvents")
            .WithSummary("Events that pass the filters, paged")
            .WithDescription("Events in the JSON shape of 'dyad code --format jsonl' (with the store's 'id'), by counted day then id. 'limit' is 1 to 500 (default 50), 'offset' 0 or more.");

        api.MapGet("/events/{id:long}", EventAsync).WithName("GetEvent").WithSummary("One event with its evidence and its document");

        api.MapGet("/timeline", TimelineAsync)
            .WithName("GetTimeline")
            .WithSummary("Events and Goldstein sums per period and QuadClass")
            .WithDescription("'bucket' is day or month (default month). Events without a date are left out.");

        api.MapGet("/series", SeriesAsync)
            .WithName("GetDyadSeries")
            .WithSummary("Events and Goldstein sums per period for the largest dyads")
            .WithDescription("'bucket' is day or month (default month); 'top' dyads (1 to 500, default 10).");

        api.MapGet("/dyads", DyadsAsync).WithName("GetDyads").WithSummary("The dyads (source acting on target) with the most events, with Goldstein sums");
        api.MapGet("/actors", ActorsAsync).WithName("GetActors").WithSummary("The actors in the most events, as source and as target");
        api.MapGet("/places", PlacesAsync)
            .WithName("GetPlaces")
            .WithSummary("Places of located events with their counts")
            .WithDescription("'limit' places (1 to 5000, default 2000), most events first.");
    }

    private static async Task<Ok<Summary>> SummaryAsync(DyadServerOptions options, DocumentWriter writer, CancellationToken cancellationToken)
    {
        var totals = await options.Store.TotalsAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new Summary(options.Store.Kind, totals.Documents, totals.Events, totals.Quarantined, totals.Stories, writer.CanCode));
    }

    private static async Task<Results<Ok<EventPage>, ValidationProblem>> EventsAsync(
        [AsParameters] EventFilter filter,
        DyadServerOptions options,
        CancellationToken cancellationToken,
        string? limit = null,
        string? offset = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var query = filter.ToQuery(errors);
        var size = Range(errors, "limit", limit, DefaultPageSize, 1, options.MaxPageSize);
        var skip = Range(errors, "offset", offset, 0, 0, MaxOffset);
        if (errors.Count > 0)
        {
            return (ValidationProblem)Problems.Invalid(errors);
        }

        var total = await options.Store.CountAsync(query, cancellationToken).ConfigureAwait(false);
        var items = new List<EventRecord>(size);
        await foreach (var mention in options.Store.QueryAsync(query with { Limit = size, Offset = skip }, cancellationToken).ConfigureAwait(false))
        {
            items.Add(mention.Event);
        }

        return TypedResults.Ok(new EventPage(items, total, skip, size));
    }

    private static async Task<Results<Ok<EventDetail>, ProblemHttpResult>> EventAsync(long id, DyadServerOptions options, CancellationToken cancellationToken)
    {
        var mention = await options.Store.GetMentionAsync(id, cancellationToken).ConfigureAwait(false);
        var document = mention is null ? null : await options.Store.GetDocumentAsync(mention.Document.Key, cancellationToken).ConfigureAwait(false);
        if (mention is null || document is null)
        {
            return (ProblemHttpResult)Problems.Result(StatusCodes.Status404NotFound, "No such event", DyadServer.Invariant($"The store holds no event with id {id}."), Dyad.ErrorCodes.ResourceNotFound);
        }

        var facts = new ApiDocument(document.Key, document.Title, document.Url, document.Source, document.Published, document.PublishedFrom, document.IngestedAt, document.StoryId, document.Text.Length, document.KnowledgeBase);
        return TypedResults.Ok(new EventDetail(mention.Event, facts));
    }

    private static async Task<Results<Ok<Timeline>, ValidationProblem>> TimelineAsync([AsParameters] EventFilter filter, DyadServerOptions options, CancellationToken cancellationToken, string? bucket = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var query = filter.ToQuery(errors);
        var period = Bucket(errors, bucket);
        if (errors.Count > 0)
        {
            return (ValidationProblem)Problems.Invalid(errors);
        }

        var rows = await options.Store.TimelineAsync(query, period, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new Timeline(Name(period), rows));
    }

    private static async Task<Results<Ok<DyadSeries>, ValidationProblem>> SeriesAsync([AsParameters] EventFilter filter, DyadServerOptions options, CancellationToken cancellationToken, string? bucket = null, string? top = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var query = filter.ToQuery(errors);
        var period = Bucket(errors, bucket);
        var count = Range(errors, "top", top, 10, 1, MaxTop);
        if (errors.Count > 0)
        {
            return (ValidationProblem)Problems.Invalid(errors);
        }

        var rows = await options.Store.DyadSeriesAsync(query, period, count, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new DyadSeries(Name(period), rows));
    }

    private static async Task<Results<Ok<IReadOnlyList<DyadRow>>, ValidationProblem>> DyadsAsync([AsParameters] EventFilter filter, DyadServerOptions options, CancellationToken cancellationToken, string? top = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var query = filter.ToQuery(errors);
        var count = Range(errors, "top", top, 50, 1, MaxTop);
        return errors.Count > 0
            ? (ValidationProblem)Problems.Invalid(errors)
            : TypedResults.Ok(await options.Store.TopDyadsAsync(query, count, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<IReadOnlyList<ActorRow>>, ValidationProblem>> ActorsAsync([AsParameters] EventFilter filter, DyadServerOptions options, CancellationToken cancellationToken, string? top = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var query = filter.ToQuery(errors);
        var count = Range(errors, "top", top, 20, 1, MaxTop);
        return errors.Count > 0
            ? (ValidationProblem)Problems.Invalid(errors)
            : TypedResults.Ok(await options.Store.TopActorsAsync(query, count, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<IReadOnlyList<PlaceRow>>, ValidationProblem>> PlacesAsync([AsParameters] EventFilter filter, DyadServerOptions options, CancellationToken cancellationToken, string? limit = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var query = filter.ToQuery(errors);
        var count = Range(errors, "limit", limit, 2000, 1, MaxPlaces);
        return errors.Count > 0
            ? (ValidationProblem)Problems.Invalid(errors)
            : TypedResults.Ok(await options.Store.PlacesAsync(query, count, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// A whole-number parameter, read here rather than bound by ASP.NET Core, whose 400 for <c>limit=abc</c> named no field.
    /// </summary>
    private static int Range(Dictionary<string, string[]> errors, string name, string? value, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (!int.TryParse(value.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var given))
        {
            errors[name] = [DyadServer.Invariant($"'{name}' must be a whole number between {min} and {max}, not '{EventFilter.Shown(value)}'.")];
            return fallback;
        }

        if (given < min || given > max)
        {
            errors[name] = [DyadServer.Invariant($"'{name}' must be between {min} and {max}, not {given}.")];
        }

        return Math.Clamp(given, min, max);
    }

    private static TimeBucket Bucket(Dictionary<string, string[]> errors, string? bucket)
    {
        if (EventFilter.ControlCharacter("bucket", bucket) is { } control)
        {
            errors["bucket"] = [control];
            return TimeBucket.Month;
        }

        switch (bucket?.Trim().ToLowerInvariant())
        {
            case null or "" or "month":
                return TimeBucket.Month;
            case "day":
                return TimeBucket.Day;
            default:
                errors["bucket"] = [$"'bucket' must be 'day' or 'month', not '{EventFilter.Shown(bucket)}'."];
                return TimeBucket.Month;
        }
    }

    private static string Name(TimeBucket bucket) => bucket == TimeBucket.Day ? "day" : "month";
}
