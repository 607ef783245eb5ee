using System.Net;
using System.Text;
using System.Text.Json;
using Dyad.Store;

namespace Dyad.Server.Tests;

/// <summary>POSTed documents are coded by the real pipeline and stored; each test has its own store and server.</summary>
public sealed class WriteTests(ArticleStore fixture) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-server-write-").FullName;
    private IEventStore _store = null!;
    private Microsoft.AspNetCore.Builder.WebApplication _app = null!;
    private HttpClient _client = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = await EventStore.OpenAsync(Path.Combine(_folder, "write.duckdb"));
        (_app, var address) = await ArticleStore.StartAsync(_store, () => fixture.Analyzer, maxRequestBytes: 4096);
        _client = new HttpClient { BaseAddress = address };
        _client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ArticleStore.Token);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpContent content, string query = "")
    {
        using var response = await _client.PostAsync(new Uri("/api/documents" + query, UriKind.Relative), content, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task PostText_CodesStoresAndAnswersTheEvents()
    {
        // Given a plain-text article and its publication date
        const string text = "Turkey accused Russia of striking rebel groups near Aleppo on Monday.";

        // When it is posted twice
        var (status, body) = await PostAsync(new StringContent(text, Encoding.UTF8, "text/plain"), "?date=2015-11-12");
        var (_, again) = await PostAsync(new StringContent(text, Encoding.UTF8, "text/plain"), "?date=2015-11-12");

        // Then the first answer has the coded event in the shape of 'dyad code', the store has it, and the second stores nothing
        Assert.Equal(HttpStatusCode.OK, status);
        var accusation = body.GetProperty("events").EnumerateArray().Single();
        Assert.Equal(("TUR", "RUS", "112"), (accusation.GetProperty("source").GetString(), accusation.GetProperty("target").GetString(), accusation.GetProperty("cameo").GetString()));
        Assert.Equal("2015-11-09", accusation.GetProperty("date").GetString());
        Assert.Equal((1, 1), (body.GetProperty("documents_stored").GetInt32(), body.GetProperty("events_stored").GetInt32()));
        Assert.Equal((0, 1), (again.GetProperty("documents_stored").GetInt32(), again.GetProperty("documents_skipped").GetInt32()));
        var stored = new List<StoredMention>();
        await foreach (var mention in _store.QueryAsync(EventQuery.All, Cancel))
        {
            stored.Add(mention);
        }

        Assert.Equal("TUR RUS 112 kb-test", string.Join(' ', stored.Single().Event.Source, stored[0].Event.Target, stored[0].Event.Cameo, (await _store.ListDocumentsAsync(Cancel).FirstAsync(Cancel)).KnowledgeBase));
    }

    [Fact]
    public async Task PostJsonArray_StoresEachDocumentWithItsMetadata()
    {
        // Given two articles as a JSON array, with ids, titles and dates
        const string json = """
            [
              {"id": "j1", "title": "Egypt urges Israel", "url": "https://x.example/j1", "published": "2024-03-22", "text": "Egypt urged Israel to allow more aid into Gaza."},
              {"id": "j2", "title": "France praises Germany", "published": "2024-01-15", "text": "France praised Germany for its support."}
            ]
            """;

        // When they are posted
        var (status, body) = await PostAsync(new StringContent(json, Encoding.UTF8, "application/json"));

        // Then both are stored under their ids with their events
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body.GetProperty("documents_stored").GetInt32());
        Assert.True(await _store.ContainsAsync("j1", Cancel));
        Assert.True(await _store.ContainsAsync("j2", Cancel));
        Assert.Contains(body.GetProperty("events").EnumerateArray(), e => e.GetProperty("document").GetProperty("title").GetString() == "France praises Germany" && e.GetProperty("source").GetString() == "FRA");
    }

    [Theory]
    [InlineData("text/csv", "a,b", HttpStatusCode.UnsupportedMediaType, "DY6005")]
    [InlineData("application/json", "{\"title\": \"no text\"", HttpStatusCode.BadRequest, "DY6001")]
    [InlineData("application/json", "[1, 2]", HttpStatusCode.BadRequest, "DY6001")]
    [InlineData("text/plain", "", HttpStatusCode.BadRequest, "DY6001")]
    public async Task PostBadDocuments_AreProblemDetails(string mediaType, string content, HttpStatusCode status, string code)
    {
        // Given a body the server cannot code
        // When it is posted
        var (got, body) = await PostAsync(new StringContent(content, Encoding.UTF8, mediaType));

        // Then the answer says why, with Dyad's code, and nothing is stored
        Assert.Equal(status, got);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal(0, (await _store.TotalsAsync(Cancel)).Documents);
    }

    [Fact]
    public async Task PostTooLarge_Is413()
    {
        // Given a body over the server's 4 KiB limit
        var text = string.Concat(Enumerable.Repeat("France praised Germany. ", 400));

        // When it is posted
        var (status, body) = await PostAsync(new StringContent(text, Encoding.UTF8, "text/plain"));

        // Then it is refused before coding
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("DY6003", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task BadDate_IsAValidationProblem()
    {
        // Given a publication date that is not a date
        // When a document is posted with it
        var (status, body) = await PostAsync(new StringContent("France praised Germany.", Encoding.UTF8, "text/plain"), "?date=12/11/2015");

        // Then the field is named
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("date", out _));
    }
}
