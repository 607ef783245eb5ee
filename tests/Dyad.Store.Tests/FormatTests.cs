using Dyad.Documents;
using Dyad.Events;
using Dyad.Store.Export;
using static Dyad.Store.Tests.TestData;

namespace Dyad.Store.Tests;

public sealed class FormatTests
{
    [Fact]
    public void GdeltColumns_AreTheCodebooksSixtyOneAndSixteen()
    {
        // Given GDELT 2.0's tables
        // When their columns are counted
        var events = GdeltFormat.EventColumns;

        // Then the event table has 61 in order, the mentions table 16
        Assert.Equal(61, events.Count);
        Assert.Equal(61, events.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(("GLOBALEVENTID", "Actor1Code", "Actor2Code", "IsRootEvent", "AvgTone", "Actor1Geo_Type", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL"), (events[0], events[5], events[15], events[25], events[34], events[35], events[58], events[59], events[60]));
        Assert.Equal(16, GdeltFormat.MentionColumns.Count);
        Assert.Equal("Extras", GdeltFormat.MentionColumns[15]);
    }

    [Theory]
    [InlineData("2015-02-18", "2015.1315")]
    [InlineData("2024-01-01", "2024.0000")]
    [InlineData("2024-12-31", "2024.9973")]
    [InlineData("2023-12-31", "2023.9973")]
    public void FractionDate_IsTheYearAndTheShareGoneBy(string day, string expected)
    {
        // Given a day
        // When its FractionDate is written
        var fraction = GdeltFormat.FractionDate(Day(day));

        // Then it is as GDELT writes it
        Assert.Equal(expected, fraction);
    }

    [Theory]
    [InlineData("RUSGOV", "RUS", "", "", "", "GOV", "")]
    [InlineData("USAMILREB", "USA", "", "", "", "MIL", "REB")]
    [InlineData("IGOUNO", "", "UNO", "", "", "IGO", "")]
    [InlineData("IRQMOSSHI", "IRQ", "", "MOS", "SHI", "", "")]
    [InlineData("---GOV", "", "", "", "", "GOV", "")]
    [InlineData("---", "", "", "", "", "", "")]
    public void ActorParts_ReadCountryGroupReligionAndTypes(string code, string country, string group, string religion1, string religion2, string type1, string type2)
    {
        // Given a CAMEO actor code
        // When it is split
        var parts = ActorParts.Of(code);

        // Then the parts are GDELT's columns
        Assert.Equal((country, group, religion1, religion2, type1, type2), (parts.Country, parts.KnownGroup, parts.Religion1, parts.Religion2, parts.Type1, parts.Type2));
    }

    [Theory]
    [InlineData("gdelt", ExportFormat.Gdelt)]
    [InlineData("PARQUET", ExportFormat.Parquet)]
    public void TryParseFormat_KnowsTheNames(string name, ExportFormat expected)
    {
        // Given a format name
        // When it is parsed
        var known = EventExport.TryParseFormat(name, out var format);

        // Then it is the format
        Assert.True(known);
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("1")]
    public void TryParseFormat_RefusesOtherNames(string name)
    {
        // Given a name that is no format
        // When it is parsed
        var known = EventExport.TryParseFormat(name, out _);

        // Then it is refused
        Assert.False(known);
    }
}

public sealed class StoreKeyTests
{
    [Theory]
    [InlineData("id-1", "https://a.example/x", "id-1")]
    [InlineData(null, "https://a.example/x", "https://a.example/x")]
    [InlineData(" ", null, "sha256:")]
    public void DocumentKey_IsIdThenUrlThenHash(string? id, string? url, string expected)
    {
        // Given a document
        var document = new DocumentInput("Some text.") { Id = id, Url = url };

        // When its key is taken
        var key = DocumentKey.Of(document);

        // Then it is the id, else the URL, else the text's hash
        Assert.StartsWith(expected, key, StringComparison.Ordinal);
        if (expected == DocumentKey.HashPrefix)
        {
            Assert.Equal(DocumentKey.HashPrefix + DocumentKey.ContentHash("Some text."), key);
            Assert.Equal(71, key.Length);
        }
    }

    [Theory]
    [InlineData("https://www.Reuters.com/world/x", null, "reuters.com")]
    [InlineData("https://apnews.com/article/1", "AP", "AP")]
    [InlineData(null, null, null)]
    public void Outlet_IsTheSourceElseTheHost(string? url, string? source, string? expected)
    {
        // Given a document
        var document = new DocumentInput("x") { Url = url, Source = source };

        // When its outlet is taken
        // Then it is the given source, else the URL's host without www.
        Assert.Equal(expected, DocumentKey.Outlet(document));
    }

    [Theory]
    [InlineData("postgres://dyad:p%40ss@db.example:5433/events?sslmode=disable", "Host=db.example;Port=5433;Username=dyad;Password=p@ss;Database=events;SSL Mode=Disable")]
    [InlineData("postgresql://localhost/dyad", "Host=localhost;Database=dyad")]
    [InlineData("Host=127.0.0.1;Port=54329", "Host=127.0.0.1;Port=54329")]
    public void ToNpgsql_ReadsUrisAndConnectionStrings(string location, string expected)
    {
        // Given a --store value naming PostgreSQL
        // When it is turned into a connection string
        var connectionString = EventStore.ToNpgsql(location);

        // Then it names the same server, user and database
        Assert.True(EventStore.IsPostgres(location));
        Assert.Equal(expected, connectionString);
    }

    [Theory]
    [InlineData("dyad.duckdb")]
    [InlineData("/data/postgres/events.duckdb")]
    [InlineData(":memory:")]
    public void IsPostgres_FilePathsAreDuckDb(string location)
    {
        // Given a file path
        // When its kind is asked
        // Then it is DuckDB
        Assert.False(EventStore.IsPostgres(location));
    }

    [Fact]
    public void GlobalEventIds_AreStableAndDistinguishTheKey()
    {
        // Given the same event key twice and keys that differ in one part
        var day = Day("2024-01-02");
        var id = GlobalEventIds.Of(day, "USA", "RUS", "042");

        // When ids are taken
        // Then the same key gives the same id, below 2^53, and each change gives another
        Assert.Equal(id, GlobalEventIds.Of(day, "USA", "RUS", "042"));
        Assert.InRange(id, 1, (1L << 53) - 1);
        Assert.Equal(5, new[] { id, GlobalEventIds.Of(day.AddDays(1), "USA", "RUS", "042"), GlobalEventIds.Of(day, "RUS", "USA", "042"), GlobalEventIds.Of(day, "USA", "RUS", "043"), GlobalEventIds.Of(null, "USA", "RUS", "042") }.Distinct().Count());
    }
}

public sealed class StorySignatureTests
{
    private const string Story = "Russian and Ukrainian negotiators met in Istanbul on Tuesday for a third round of talks on grain exports through the Black Sea, officials from both delegations said, adding that a deal could be signed within days.";

    [Fact]
    public void Similarity_NearCopyIsHighAndOtherStoryLow()
    {
        // Given a story, a copy with one word changed and a byline, and another story
        var a = StorySignature.Compute(Story)!;
        var b = StorySignature.Compute("By our correspondent. " + Story.Replace("Tuesday", "Wednesday", StringComparison.Ordinal))!;
        var c = StorySignature.Compute("The central bank of Brazil raised its benchmark interest rate by half a point, citing persistent inflation in food and fuel prices.")!;

        // When they are compared
        // Then the copy is over the threshold and the other story far under it
        Assert.InRange(StorySignature.Similarity(a, b), StorySignature.SameStoryThreshold, 1.0);
        Assert.InRange(StorySignature.Similarity(a, c), 0.0, 0.1);
        Assert.Equal(1.0, StorySignature.Similarity(a, StorySignature.Compute(Story.ToUpperInvariant())!));
    }

    [Fact]
    public void Signature_RoundTripsThroughBytesAndHasOneKeyPerBand()
    {
        // Given a signature
        var signature = StorySignature.Compute(Story)!;

        // When it is stored as bytes and its bands keyed
        var back = StorySignature.FromBytes(StorySignature.ToBytes(signature));

        // Then nothing is lost
        Assert.Equal(signature, back);
        Assert.Equal(StorySignature.Bands, StorySignature.BandKeys(signature).Length);
        Assert.Null(StorySignature.Compute(" ... "));
    }
}
