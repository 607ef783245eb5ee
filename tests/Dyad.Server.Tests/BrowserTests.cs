using System.Text.Json;
using Microsoft.Playwright;

namespace Dyad.Server.Tests;

/// <summary>
/// The dashboard in headless Chromium (Debian's package, driven by Playwright; no browser is downloaded): the page is
/// loaded on the store made from the test articles, its views are checked against the API, and each view is saved as
/// a screenshot under <c>TestResults/screenshots</c> beside the tests (and in <c>$DYAD_SCREENSHOTS</c> when set).
/// </summary>
public sealed class BrowserTests(ArticleStore fixture) : IAsyncLifetime
{
    private static readonly string[] DebianChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The Chromium to drive: <c>$DYAD_CHROMIUM</c>, else Debian's.</summary>
    private static string? Chromium()
    {
        var path = Environment.GetEnvironmentVariable("DYAD_CHROMIUM");
        if (!string.IsNullOrEmpty(path))
        {
            return File.Exists(path) ? path : null;
        }

        return DebianChromium.FirstOrDefault(File.Exists);
    }

    public async ValueTask InitializeAsync()
    {
        var chromium = Chromium();
        if (chromium is null)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    private async Task<IPage> OpenAsync(string hash = "")
    {
        if (_browser is null)
        {
            Assert.Skip("No Chromium found (/usr/bin/chromium or $DYAD_CHROMIUM): install Debian's 'chromium' package to run the browser tests.");
        }

        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, Offline = false });
        var page = await context.NewPageAsync();
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(fixture.Address.ToString(), StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };
        await page.GotoAsync(new Uri(fixture.Address, "/" + hash).ToString());
        await page.WaitForSelectorAsync("body[data-ready=true]", new PageWaitForSelectorOptions { Timeout = 30_000 });
        Assert.Empty(outside);
        return page;
    }

    private static async Task ScreenshotAsync(IPage page, string name, string? selector = null)
    {
        var folders = new List<string> { Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots") };
        if (Environment.GetEnvironmentVariable("DYAD_SCREENSHOTS") is { Length: > 0 } extra)
        {
            folders.Add(extra);
        }

        foreach (var folder in folders)
        {
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, name + ".png");
            if (selector is null)
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            }
            else
            {
                await page.Locator(selector).ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
            }

            Assert.True(new FileInfo(path).Length > 1000, path);
        }
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var client = fixture.Client();
        return JsonDocument.Parse(await client.GetStringAsync(new Uri(path, UriKind.Relative), Cancel)).RootElement.Clone();
    }

    [Fact]
    public async Task Timeline_ShowsTheEventsPerPeriodAndQuadClass()
    {
        // Given the page on the test store
        var page = await OpenAsync();

        // When the timeline's bars are read
        var bucket = await page.GetAttributeAsync("#timeline svg", "data-bucket");
        var bars = await page.Locator("#timeline rect.bar").EvaluateAllAsync<string[]>("bars => bars.map(b => `${b.dataset.period}/${b.dataset.quad}:${b.dataset.events}`)");

        // Then there is one bar per period and QuadClass the server counted, with its count
        var timeline = await GetJsonAsync($"/api/timeline?bucket={bucket}");
        var expected = timeline.GetProperty("rows").EnumerateArray().Select(r => $"{r.GetProperty("period").GetString()}/{r.GetProperty("quad_class").GetInt32()}:{r.GetProperty("events").GetInt64()}").Order(StringComparer.Ordinal);
        Assert.NotEmpty(bars);
        Assert.Equal(expected, bars.Order(StringComparer.Ordinal));
        Assert.Contains(bars, b => b.EndsWith("/4:1", StringComparison.Ordinal) || b.Contains("/4:", StringComparison.Ordinal));
        await ScreenshotAsync(page, "dashboard");
        await ScreenshotAsync(page, "timeline", "#timeline-view");
        await ScreenshotAsync(page, "dyads", "#dyad-view");
    }

    [Fact]
    public async Task Map_DrawsTheWorldAndAMarkPerPlace()
    {
        // Given the page on the test store
        var page = await OpenAsync();

        // When the map is read
        var countries = await page.Locator("#map path.land").CountAsync();
        var marks = await page.Locator("#map circle.place").EvaluateAllAsync<string[]>("marks => marks.map(m => `${m.dataset.name}:${m.dataset.events}`)");

        // Then the bundled world outline is drawn with one mark per place the server lists
        var places = await GetJsonAsync("/api/places");
        Assert.True(countries > 150, $"{countries} country shapes");
        Assert.Equal(places.EnumerateArray().Select(p => $"{p.GetProperty("name").GetString()}:{p.GetProperty("events").GetInt64()}").Order(StringComparer.Ordinal), marks.Order(StringComparer.Ordinal));
        Assert.Contains(marks, m => m.StartsWith("Cairo:", StringComparison.Ordinal));

        // And each mark sits where its place is: further east is further right, further north is higher
        var drawn = await page.Locator("#map circle.place").EvaluateAllAsync<double[][]>("marks => marks.map(m => [Number(m.getAttribute('cx')), Number(m.getAttribute('cy')), m.__data__.lon, m.__data__.lat])");
        Assert.True(drawn.Length >= 2, "at least two places are needed to compare");
        foreach (var a in drawn)
        {
            // The projection narrows towards the poles, so east-west order holds between places of similar latitude.
            foreach (var b in drawn.Where(b => b[2] > a[2] + 1 && Math.Abs(b[3] - a[3]) < 5))
            {
                Assert.True(b[0] > a[0], "a place further east is drawn further right");
            }

            foreach (var b in drawn.Where(b => b[3] > a[3] + 1))
            {
                Assert.True(b[1] < a[1], "a place further north is drawn higher");
            }
        }

        await ScreenshotAsync(page, "map", "#map-view");
    }

    [Fact]
    public async Task EventList_OpensTheEvidenceWithTheWordsHighlighted()
    {
        // Given the page, and the shelling event as the server has it
        var page = await OpenAsync("#text=shelled");
        var listed = await GetJsonAsync("/api/events?text=shelled");
        var shelling = listed.GetProperty("items").EnumerateArray().Single();
        var id = shelling.GetProperty("id").GetInt64();

        // When its row in the event list is clicked
        await page.Locator($"#events tr[data-id='{id}']").ClickAsync();
        await page.WaitForSelectorAsync("#evidence mark.verb");

        // Then the evidence shows the sentence with source, verb and target marked, the rule and the document
        Assert.Equal("Russian forces", await page.Locator("#evidence mark.source").TextContentAsync());
        Assert.Equal("shelled", await page.Locator("#evidence mark.verb").TextContentAsync());
        Assert.Equal(shelling.GetProperty("evidence").GetProperty("target").GetProperty("text").GetString(), await page.Locator("#evidence mark.target").TextContentAsync());
        Assert.Contains("Russian forces shelled Kharkiv", await page.Locator("#evidence .sentence").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(shelling.GetProperty("rule").GetString(), await page.Locator("#evidence dd[data-field=rule]").TextContentAsync());
        Assert.Equal("Russian forces shell Kharkiv", await page.Locator("#evidence dd[data-field=document]").TextContentAsync());
        Assert.Equal("2024-02-20", await page.Locator("#evidence dd[data-field=published]").TextContentAsync());
        Assert.Equal("https://news.example/2024/02/kharkiv", await page.Locator("#evidence dd[data-field=link] a").GetAttributeAsync("href"));
        await ScreenshotAsync(page, "evidence");
    }

    [Fact]
    public async Task Filters_NarrowEveryView()
    {
        // Given the page on the test store
        var page = await OpenAsync();

        // When the country filter is set to Egypt
        await page.FillAsync("#filters input[name=country]", "EGY");
        await page.ClickAsync("#filters button[type=submit]");
        await page.WaitForFunctionAsync("() => location.hash.includes('country=EGY') && document.body.dataset.ready === 'true'");

        // Then the list holds Egypt's events only, and the timeline and map count them only
        var expected = await GetJsonAsync("/api/events?country=EGY");
        var rows = await page.Locator("#events tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)");
        Assert.Equal(expected.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)), rows);
        var barTotal = await page.Locator("#timeline rect.bar").EvaluateAllAsync<int>("bars => bars.reduce((n, b) => n + Number(b.dataset.events), 0)");
        Assert.Equal(expected.GetProperty("total").GetInt64(), barTotal);
        var places = await GetJsonAsync("/api/places?country=EGY");
        var marks = await page.Locator("#map circle.place").EvaluateAllAsync<string[]>("marks => marks.map(m => m.dataset.name)");
        Assert.Equal(places.EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal), marks.Order(StringComparer.Ordinal));
        Assert.True(marks.Length < (await GetJsonAsync("/api/places")).GetArrayLength(), "the filter leaves out places of other countries' events");
    }
}
