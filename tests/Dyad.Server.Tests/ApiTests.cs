using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dyad.Store;

namespace Dyad.Server.Tests;

/// <summary>The HTTP API on a real Kestrel over loopback, against a store the real pipeline made from test articles.</summary>
public sealed class ApiTests(ArticleStore fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetJsonAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = fixture.Client();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private async Task<List<StoredMention>> QueryAsync(EventQuery query)
    {
        var list = new List<StoredMention>();
        await foreach (var mention in fixture.Store.QueryAsync(query, Cancel))
        {
            list.Add(mention);
        }

        return list;
    }

    [Fact]
    public async Task Events_AreInTheShapeOfDyadCodeWithTotalAndPaging()
    {
        // Given the store made from the test articles
        var all = await QueryAsync(EventQuery.All);
        Assert.True(all.Count >= 5, $"the test articles gave only {all.Count} events");

        // When the second page of two events is read
        var page = await GetJsonAsync("/api/events?limit=2&offset=2");

        // Then it holds the store's third and fourth events, with the same fields as 'dyad code --format jsonl'
        Assert.Equal(all.Count, page.GetProperty("total").GetInt64());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([all[2].Id, all[3].Id], items.Select(i => i.GetProperty("id").GetInt64()));
        var codeShape = JsonDocument.Parse(JsonSerializer.Serialize(fixture.Articles.SelectMany(a => a.Events).First(), DyadServer.JsonOptions)).RootElement;
        Assert.Equal(["id", .. codeShape.EnumerateObject().Select(p => p.Name)], items[0].EnumerateObject().Select(p => p.Name));
        var stored = all[2].Event;
        Assert.Equal((stored.Source.Value, stored.Target.Value, stored.Cameo.Value, stored.Evidence.Verb.Text), (items[0].GetProperty("source").GetString(), items[0].GetProperty("target").GetString(), items[0].GetProperty("cameo").GetString(), items[0].GetProperty("evidence").GetProperty("verb").GetProperty("text").GetString()));
    }

    [Theory]
    [InlineData("country=RUS")]
    [InlineData("from=2024-02-01&to=2024-03-31")]
    [InlineData("root=05")]
    [InlineData("place=Cairo")]
    [InlineData("text=civilians")]
    [InlineData("actor=egy&plover=CONSULT")]
    public async Task Events_FilterAsTheStoreDoes(string filter)
    {
        // Given a filter in the API's words and the same filter as a store query
        var query = new EventQuery();
        foreach (var part in filter.Split('&'))
        {
            var (name, value) = (part.Split('=')[0], part.Split('=')[1]);
            query = name switch
            {
                "country" => query with { Country = value },
                "from" => query with { From = DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "to" => query with { To = DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "root" => query with { Root = value },
                "place" => query with { Place = value },
                "text" => query with { Text = value },
                "actor" => query with { Actor = value },
                "plover" => query with { PloverEvent = value },
                _ => throw new ArgumentException(name),
            };
        }

        // When the API is asked
        var page = await GetJsonAsync("/api/events?limit=500&" + filter);

        // Then it answers the store's events for that filter, and at least one
        var expected = (await QueryAsync(query)).Select(m => m.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal(expected.Count, page.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Event_ById_HasItsEvidenceAndDocument()
    {
        // Given the event of Russian forces shelling Kharkiv
        var shelling = (await QueryAsync(new EventQuery { Text = "shelled" })).Single(m => m.Event.Source.StartsWith("RUS", StringComparison.Ordinal));

        // When it is read by id
        var detail = await GetJsonAsync($"/api/events/{shelling.Id}");

        // Then it comes with the words of its sentence and its document's title, date and link
        var evidence = detail.GetProperty("event").GetProperty("evidence");
        Assert.Equal("shelled", evidence.GetProperty("verb").GetProperty("text").GetString());
        Assert.Equal("Russian forces", evidence.GetProperty("source").GetProperty("text").GetString());
        Assert.Contains("Russian forces shelled Kharkiv", evidence.GetProperty("text").GetString(), StringComparison.Ordinal);
        var document = detail.GetProperty("document");
        Assert.Equal("Russian forces shell Kharkiv", document.GetProperty("title").GetString());
        Assert.Equal("https://news.example/2024/02/kharkiv", document.GetProperty("url").GetString());
        Assert.StartsWith("2024-02-20", document.GetProperty("published").GetString(), StringComparison.Ordinal);
        Assert.Equal(ArticleStore.KnowledgeBase, document.GetProperty("knowledge_base").GetString());
        Assert.False(string.IsNullOrEmpty(detail.GetProperty("event").GetProperty("rule").GetString()));
    }

    [Theory]
    [InlineData("/api/events/987654321", HttpStatusCode.NotFound, "DY6004", null)]
    [InlineData("/api/events?from=2024-13-01", HttpStatusCode.BadRequest, "DY6001", "from")]
    [InlineData("/api/events?from=2024-03-01&to=2024-01-01", HttpStatusCode.BadRequest, "DY6001", "to")]
    [InlineData("/api/events?limit=0", HttpStatusCode.BadRequest, "DY6001", "limit")]
    [InlineData("/api/events?limit=100000", HttpStatusCode.BadRequest, "DY6001", "limit")]
    [InlineData("/api/timeline?bucket=week", HttpStatusCode.BadRequest, "DY6001", "bucket")]
    [InlineData("/api/places?limit=-1", HttpStatusCode.BadRequest, "DY6001", "limit")]
    [InlineData("/api/no-such-thing", HttpStatusCode.NotFound, "DY6004", null)]
    public async Task BadRequests_AreProblemDetailsWithACode(string path, HttpStatusCode status, string code, string? field)
    {
        // Given a request the server cannot answer
        using var client = fixture.Client();

        // When it is sent
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        // Then the answer is a ProblemDetails with Dyad's code, naming the field at fault
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
    }

    [Fact]
    public async Task Timeline_CountsTheStoredEventsPerMonthAndQuadClass()
    {
        // Given the events the articles gave, counted here by month and QuadClass
        var expected = fixture.Articles.SelectMany(a => a.Events).Where(e => e.Date is not null)
            .GroupBy(e => (Month: e.Date!.Value.ToString("yyyy-MM", CultureInfo.InvariantCulture), e.QuadClass)).OrderBy(g => g.Key.Month, StringComparer.Ordinal).ThenBy(g => g.Key.QuadClass)
            .Select(g => $"{g.Key.Month}/{g.Key.QuadClass}:{g.Count()}").ToList();

        // When the timeline is read
        var timeline = await GetJsonAsync("/api/timeline?bucket=month");

        // Then the server's rows are those counts
        Assert.Equal("month", timeline.GetProperty("bucket").GetString());
        Assert.Equal(expected, timeline.GetProperty("rows").EnumerateArray().Select(r => $"{r.GetProperty("period").GetString()}/{r.GetProperty("quad_class").GetInt32()}:{r.GetProperty("events").GetInt64()}"));
    }

    [Fact]
    public async Task DyadsActorsSeriesAndPlaces_AggregateTheStoredEvents()
    {
        // Given the events the articles gave
        var events = fixture.Articles.SelectMany(a => a.Events).ToList();

        // When the aggregations are read
        var dyads = await GetJsonAsync("/api/dyads?top=100");
        var actors = await GetJsonAsync("/api/actors?top=100");
        var series = await GetJsonAsync("/api/series?bucket=day&top=100");
        var places = await GetJsonAsync("/api/places");

        // Then they count what the events hold
        Assert.Equal(events.Count, dyads.EnumerateArray().Sum(d => d.GetProperty("events").GetInt64()));
        Assert.Equal(events.Sum(e => e.Goldstein ?? 0), dyads.EnumerateArray().Sum(d => d.GetProperty("goldstein").GetDouble()), 6);
        Assert.Equal(2 * events.Count, actors.EnumerateArray().Sum(a => a.GetProperty("events").GetInt64()));
        Assert.Equal(events.Count(e => e.Date is not null), series.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("events").GetInt64()));
        var cairo = places.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Cairo");
        Assert.Equal(events.Count(e => e.Location?.Name == "Cairo"), cairo.GetProperty("events").GetInt64());
        Assert.InRange(cairo.GetProperty("lat").GetDouble(), 29.9, 30.2);
        Assert.Equal(events.Count(e => e.Location?.Lat is not null), places.EnumerateArray().Sum(p => p.GetProperty("events").GetInt64()));
    }

    [Fact]
    public async Task OpenApi_DescribesTheEndpoints()
    {
        // Given the running server
        // When its OpenAPI description is read
        var openApi = await GetJsonAsync("/openapi/v1.json");

        // Then it lists the read and write endpoints with the filters
        var paths = openApi.GetProperty("paths");
        foreach (var path in new[] { "/api/events", "/api/events/{id}", "/api/timeline", "/api/series", "/api/dyads", "/api/actors", "/api/places", "/api/summary", "/api/documents" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI description");
        }

        var parameters = paths.GetProperty("/api/events").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "from", "to", "actor", "country", "root", "code", "plover", "place", "text", "limit", "offset" }, parameters.ToHashSet());
    }

    [Fact]
    public async Task Page_AndItsLibraries_AreServedByDyadItself()
    {
        // Given the running server
        using var client = fixture.Client();

        // When the page and the files it loads are fetched
        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative), Cancel);
        var sources = System.Text.RegularExpressions.Regex.Matches(page, "(?:src|href)=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        // Then every one is a local path the server answers, and the world outline is there
        Assert.Contains("lib/d3.min.js", sources);
        Assert.All(sources, s => Assert.DoesNotContain("//", s, StringComparison.Ordinal));
        foreach (var source in sources.Append("lib/countries-110m.json").Append("lib/topojson-client.min.js"))
        {
            using var response = await client.GetAsync(new Uri("/" + source, UriKind.Relative), Cancel);
            Assert.True(response.IsSuccessStatusCode, source);
            Assert.True((await response.Content.ReadAsByteArrayAsync(Cancel)).Length > 100, source);
        }
    }

    [Fact]
    public async Task Post_WithoutTheToken_IsRefused()
    {
        // Given a client without the token, and one with a wrong token
        using var anonymous = fixture.Client();
        using var wrong = fixture.Client("not-the-token-at-all-000");
        var before = (await fixture.Store.TotalsAsync(Cancel)).Documents;

        // When each posts a document
        using var first = await anonymous.PostAsync(new Uri("/api/documents", UriKind.Relative), new StringContent("France praised Germany.", Encoding.UTF8, "text/plain"), Cancel);
        using var second = await wrong.PostAsync(new Uri("/api/documents", UriKind.Relative), new StringContent("France praised Germany.", Encoding.UTF8, "text/plain"), Cancel);

        // Then both are refused with DY6002 and nothing is stored
        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal("DY6002", JsonDocument.Parse(await first.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("code").GetString());
        Assert.Equal(before, (await fixture.Store.TotalsAsync(Cancel)).Documents);
    }
}
