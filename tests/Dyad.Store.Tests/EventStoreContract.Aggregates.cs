using System.Globalization;

namespace Dyad.Store.Tests;

/// <summary>Look-ups by id and the dashboard's aggregations, on every engine.</summary>
public abstract partial class EventStoreContract
{
    private static async Task<List<StoredMention>> AllAsync(IEventStore store, EventQuery query)
    {
        var list = new List<StoredMention>();
        await foreach (var mention in store.QueryAsync(query, Cancel))
        {
            list.Add(mention);
        }

        return list;
    }

    [Theory]
    [InlineData(TimeBucket.Month, "", "2024-01/4:1:-10 2024-02/1:1:1 2024-02/3:1:-2 2024-03/1:1:1")]
    [InlineData(TimeBucket.Day, "UKR", "2024-01-10/4:1:-10 2024-02-01/1:1:1 2024-02-15/3:1:-2")]
    public async Task Timeline_CountsAndSumsGoldsteinPerPeriodAndQuadClass(TimeBucket bucket, string country, string expected)
    {
        // Given five stored events, one undated
        var store = await QueryStoreAsync();

        // When the timeline is taken
        var rows = await store.TimelineAsync(new EventQuery { Country = country }, bucket, Cancel);

        // Then each period and QuadClass has its count and Goldstein sum, undated mentions left out
        Assert.Equal(expected, string.Join(' ', rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Period}/{r.QuadClass}:{r.Events}:{r.Goldstein}"))));
    }

    [Theory]
    [InlineData(2, "", "CHN>FRA:1:1:1 DEU>POL:1:1:1")]
    [InlineData(5, "UKR", "FRA>UKR:1:1:1 RUSMIL>UKR:1:-10:1 UKR>RUS:1:-2:1")]
    public async Task TopDyads_RanksByMentionsThenCodes(int top, string actor, string expected)
    {
        // Given five stored events, each its own dyad
        var store = await QueryStoreAsync();

        // When the top dyads are taken
        var rows = await store.TopDyadsAsync(new EventQuery { Actor = actor }, top, Cancel);

        // Then they come with counts, Goldstein sums and articles
        Assert.Equal(expected, string.Join(' ', rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Source}>{r.Target}:{r.Events}:{r.Goldstein}:{r.Articles}"))));
    }

    [Fact]
    public async Task DyadSeries_GivesEachTopDyadItsPeriods()
    {
        // Given five stored events
        var store = await QueryStoreAsync();

        // When the monthly series of the top five dyads is taken
        var rows = await store.DyadSeriesAsync(EventQuery.All, TimeBucket.Month, 5, Cancel);

        // Then each dated dyad has a row in its month
        Assert.Equal(
            ["2024-01 RUSMIL>UKR 1 -10", "2024-02 FRA>UKR 1 1", "2024-02 UKR>RUS 1 -2", "2024-03 CHN>FRA 1 1"],
            rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Period} {r.Source}>{r.Target} {r.Events} {r.Goldstein}")));
    }

    [Fact]
    public async Task TopActors_CountsSourceAndTargetRoles()
    {
        // Given five stored events, Ukraine in three and France in two
        var store = await QueryStoreAsync();

        // When the top three actors are taken
        var rows = await store.TopActorsAsync(EventQuery.All, 3, Cancel);

        // Then Ukraine leads, then France, then the first of the single ones by code
        Assert.Equal(["UKR 1 2 -11", "FRA 1 1 2", "CHN 1 0 1"], rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Actor} {r.AsSource} {r.AsTarget} {r.Goldstein}")));
        Assert.Equal(3, rows[0].Events);
    }

    [Fact]
    public async Task Places_GroupsLocatedMentions()
    {
        // Given five stored events, two of them located
        var store = await QueryStoreAsync();

        // When the places are taken, all and under a filter
        var all = await store.PlacesAsync(EventQuery.All, 10, Cancel);
        var french = await store.PlacesAsync(new EventQuery { Country = "FRA" }, 10, Cancel);

        // Then each place has its coordinates and count
        Assert.Equal([new PlaceRow("Kyiv", "UA", "12", 50.45, 30.52, 1, -10), new PlaceRow("Paris", "FR", "11", 48.85, 2.35, 1, 1)], all);
        Assert.Equal(["Paris"], french.Select(p => p.Name));
    }

    [Fact]
    public async Task CountAndLookups_FindWhatQueryFinds()
    {
        // Given five stored events
        var store = await QueryStoreAsync();
        var ukrainian = await AllAsync(store, new EventQuery { Country = "UKR" });

        // When they are counted and looked up by id and document key
        var count = await store.CountAsync(new EventQuery { Country = "UKR", Limit = 1 }, Cancel);
        var byId = await store.GetMentionAsync(ukrainian[2].Id, Cancel);
        var missing = await store.GetMentionAsync(ukrainian.Max(m => m.Id) + 1000, Cancel);
        var document = await store.GetDocumentAsync("q3", Cancel);

        // Then the count ignores paging and the look-ups return the stored rows
        Assert.Equal(3, count);
        Assert.Equal(ukrainian[2], byId);
        Assert.Null(missing);
        Assert.Equal(("Title q3", "Ukraine accused Russia.", "https://post.example/q3"), (document!.Title, document.Text, document.Url));
        Assert.Null(await store.GetDocumentAsync("no-such-document", Cancel));
    }
}
