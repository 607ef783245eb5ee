using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Dyad.Documents;
using Dyad.Events;
using Dyad.Store.Export;
using Dyad.Store.Writer;
using static Dyad.Store.Tests.TestData;

namespace Dyad.Store.Tests;

/// <summary>
/// The store's behaviour, run against every engine: <see cref="DuckDbEventStoreTests"/> and
/// <see cref="PostgresEventStoreTests"/> run each test here on their own store.
/// </summary>
public abstract partial class EventStoreContract : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 3, 1, 8, 30, 15, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-store-").FullName;
    private IEventStore? _store;

    /// <summary>A location (file path or connection string) for a new, empty store.</summary>
    protected abstract Task<string> NewLocationAsync();

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected string Folder => _folder;

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private async Task<IEventStore> StoreAsync()
    {
        _store ??= await EventStore.OpenAsync(await NewLocationAsync(), new FixedClock(Now), Cancel);
        return _store;
    }

    protected static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static IngestDocument[] ThreeDocuments() =>
    [
        Document("a", "Russia criticised Ukraine on Monday.", "wire.example", Event("Russia criticised Ukraine on Monday.", "RUS", "Russia", "criticised", "UKR", "Ukraine", "111", "2024-01-02")),
        new(new DocumentInput("France hosted Germany.") { Url = "https://post.example/france" }, [Event("France hosted Germany.", "FRA", "France", "hosted", "DEU", "Germany", "043", "2024-01-03")]),
        new(new DocumentInput("China praised Brazil."), [Event("China praised Brazil.", "CHN", "China", "praised", "BRA", "Brazil", "051", "2024-01-04")]),
    ];

    [Fact]
    public async Task Store_SameDocumentsTwice_StoresNothingTwice()
    {
        // Given a store holding three documents keyed by id, by URL and by text hash
        var store = await StoreAsync();
        var first = await store.StoreAsync(ThreeDocuments(), KnowledgeBase, Cancel);

        // When the same documents come again (and the hashed one a third time within the batch)
        var documents = ThreeDocuments();
        var second = await store.StoreAsync([.. documents, documents[2]], KnowledgeBase, Cancel);

        // Then the second ingest stores nothing
        Assert.Equal(new IngestCounts(3, 0, 3, 0), first);
        Assert.Equal(new IngestCounts(0, 4, 0, 0), second);
        var totals = await store.TotalsAsync(Cancel);
        Assert.Equal((3L, 3L), (totals.Documents, totals.Events));
        Assert.True(await store.ContainsAsync("a", Cancel));
        Assert.True(await store.ContainsAsync("https://post.example/france", Cancel));
        Assert.True(await store.ContainsAsync(DocumentKey.HashPrefix + DocumentKey.ContentHash("China praised Brazil."), Cancel));
        var some = await store.ContainsManyAsync(["a", "never-stored", "https://post.example/france", .. Enumerable.Range(0, 700).Select(i => "absent-" + i)], Cancel);
        Assert.Equal(["a", "https://post.example/france"], some.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Store_DocumentFailingMidway_LeavesNothingOfItAndQuarantinesIt()
    {
        // Given a batch whose second document's third event breaks a constraint (QuadClass 9)
        var store = await StoreAsync();
        const string Text = "Iran accused Iraq. Iraq accused Iran. Iran attacked Iraq.";
        var bad = Document(
            "bad",
            Text,
            "wire.example",
            Event(Text, "IRN", "Iran", "accused", "IRQ", "Iraq", "112", "2024-01-05"),
            Event(Text, "IRQ", "Iraq", "accused", "IRN", "Iran", "112", "2024-01-05"),
            Event(Text, "IRN", "Iran", "attacked", "IRQ", "Iraq", "190", "2024-01-05", quadClass: 9));
        var documents = ThreeDocuments();

        // When the batch is stored
        var counts = await store.StoreAsync([documents[0], bad, documents[1]], KnowledgeBase, Cancel);

        // Then the good documents are stored, nothing of the bad one is, and it is in the quarantine
        Assert.Equal(new IngestCounts(2, 0, 2, 1), counts);
        Assert.False(await store.ContainsAsync("bad", Cancel));
        Assert.Empty(await ListAsync(store.QueryAsync(new EventQuery { Actor = "IRN" }, Cancel)));
        var entry = Assert.Single(await store.ListQuarantineAsync(Cancel));
        Assert.Equal(("test", "bad", "store", Text), (entry.Input, entry.Place, entry.Stage, entry.Content));
        Assert.NotEmpty(entry.Reason);
    }

    [Fact]
    public async Task Store_EventBreakingAConstraint_QuarantinesTheDocument()
    {
        // Given a document whose event claims sentence 0 (sentences are numbered from 1: a CHECK constraint)
        var store = await StoreAsync();
        var document = Document("d", "Chile met Peru.", null, Event("Chile met Peru.", "CHL", "Chile", "met", "PER", "Peru", "040", "2024-03-03", sentenceNumber: 0));

        // When it is stored
        var counts = await store.StoreAsync([document], KnowledgeBase, Cancel);

        // Then nothing of it is stored, and it is quarantined at the store stage with a reason
        Assert.Equal((0, 1), (counts.DocumentsStored, counts.Quarantined));
        Assert.False(await store.ContainsAsync("d", Cancel));
        var entry = Assert.Single(await store.ListQuarantineAsync(Cancel));
        Assert.Equal("store", entry.Stage);
        Assert.StartsWith(ErrorCodes.DocumentRefused + ": ", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_DatelineAndStatedOffset_RoundTrip()
    {
        // Given a document with a dateline and a publication time stated at UTC+02:00 (the day before in UTC), and one with neither
        var store = await StoreAsync();
        var published = new DateTimeOffset(2015, 11, 12, 1, 30, 0, TimeSpan.FromHours(2));
        var dated = new IngestDocument(new DocumentInput("MOSCOW (Reuters) - Russia criticised Ukraine.") { Id = "dated", Published = published, Dateline = new TextRange(0, 19) }, []);
        var plain = new IngestDocument(new DocumentInput("France hosted Germany.") { Id = "plain" }, []);
        await store.StoreAsync([dated, plain], KnowledgeBase, Cancel);

        // When they are read back, one by one and listed
        var first = await store.GetDocumentAsync("dated", Cancel);
        var second = await store.GetDocumentAsync("plain", Cancel);
        var listed = await ListAsync(store.ListDocumentsAsync(Cancel));

        // Then the dateline's range and the stated offset come back: the instant is in UTC and the stated date rebuilds
        Assert.Equal(new TextRange(0, 19), first!.Dateline);
        Assert.Equal(TimeSpan.FromHours(2), first.PublishedOffset);
        Assert.Equal(published.UtcDateTime, first.Published!.Value.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, first.Published.Value.Offset);
        Assert.Equal(new DateOnly(2015, 11, 12), DateOnly.FromDateTime(first.PublishedAsStated!.Value.DateTime));
        Assert.Null(second!.Dateline);
        Assert.Null(second.PublishedOffset);
        Assert.Null(second.PublishedAsStated);
        Assert.Equal(first, listed.Single(d => d.Key == "dated"));
    }

    [Fact]
    public async Task Quarantine_SameFailureTwice_ListsItOnce()
    {
        // Given two failures, one reported twice
        var store = await StoreAsync();
        var at = new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero);
        var first = new QuarantineEntry("feed.jsonl", "17", "read", "DY1003: not JSON", "{oops", at);
        var second = new QuarantineEntry("page.html", string.Empty, "parse", "DY2001: too long", null, at.AddMinutes(1));

        // When they are quarantined
        var added = new[]
        {
            await store.QuarantineAsync(first, Cancel),
            await store.QuarantineAsync(second, Cancel),
            await store.QuarantineAsync(first with { Reason = "again" }, Cancel),
        };

        // Then the list has each once, oldest first, as written
        Assert.Equal([true, true, false], added);
        Assert.Equal([first, second], await store.ListQuarantineAsync(Cancel));
    }

    [Fact]
    public async Task Daily_SameDaySourceTargetCode_CountsOnceWithMentionsSourcesArticles()
    {
        // Given USA->RUS 042 on 2024-01-02 twice in one wire article, once in another outlet's, once more in the wire's
        // second article, and once on another day
        var store = await StoreAsync();
        const string S = "Washington visited Moscow.";
        EventRecord Visit(string date) => Event(S, "USA", "Washington", "visited", "RUS", "Moscow", "042", date);
        await store.StoreAsync(
            [
                Document("w1", "Washington visited Moscow. Talks went on for hours in the capital.", "wire.example", Visit("2024-01-02"), Visit("2024-01-02")),
                Document("p1", "Washington visited Moscow, the Post reported from a different angle entirely.", "post.example", Visit("2024-01-02")),
                Document("w2", "Officials confirmed that Washington visited Moscow again.", "wire.example", Visit("2024-01-02")),
                Document("w3", "A later report: Washington visited Moscow.", "wire.example", Visit("2024-01-09")),
            ],
            KnowledgeBase,
            Cancel);

        // When the one-a-day events are read
        var daily = await ListAsync(store.QueryDailyAsync(EventQuery.All, Cancel));

        // Then there are two, with GDELT's counts
        Assert.Equal(2, daily.Count);
        Assert.Equal((Day("2024-01-02"), 4L, 2L, 3L), (daily[0].First.Day!.Value, daily[0].NumMentions, daily[0].NumSources, daily[0].NumArticles));
        Assert.Equal((Day("2024-01-09"), 1L, 1L, 1L), (daily[1].First.Day!.Value, daily[1].NumMentions, daily[1].NumSources, daily[1].NumArticles));
        Assert.Equal("w1", daily[0].First.Document.Key);
        Assert.Equal(GlobalEventIds.Of(Day("2024-01-02"), "USA", "RUS", "042"), daily[0].GlobalEventId);
        Assert.Equal(Now, daily[0].DateAdded);
    }

    [Fact]
    public async Task Stories_NearDuplicateArticles_ShareOneStory()
    {
        // Given one wire story run by two outlets (a word changed and a byline added) and a different story
        var store = await StoreAsync();
        const string Wire = "Russian and Ukrainian negotiators met in Istanbul on Tuesday for a third round of talks on grain exports through the Black Sea, officials from both delegations said, adding that a deal on shipping corridors could be signed within days if the remaining disputes over inspections are settled.";
        var copy = "By a staff reporter. " + Wire.Replace("Tuesday", "Wednesday", StringComparison.Ordinal);
        const string Other = "The central bank of Brazil raised its benchmark interest rate by half a point on Wednesday, citing persistent inflation in food and fuel prices and a weaker currency, and signalled that further increases were likely before the end of the year.";
        EventRecord Meet(string text) => Event(text, "RUS", "Russian", "met", "UKR", "Ukrainian", "040", "2024-01-02");
        await store.StoreAsync([Document("wire", Wire, "wire.example", Meet(Wire)), Document("copy", copy, "post.example", Meet(copy)), Document("bank", Other, "herald.example")], KnowledgeBase, Cancel);

        // When the documents and the day's events are read
        var stories = (await ListAsync(store.ListDocumentsAsync(Cancel))).ToDictionary(d => d.Key, d => d.StoryId);
        var daily = Assert.Single(await ListAsync(store.QueryDailyAsync(EventQuery.All, Cancel)));

        // Then the two copies are one story (the first one's), the other its own, and the event counts one story
        Assert.Equal("wire", stories["wire"]);
        Assert.Equal("wire", stories["copy"]);
        Assert.Equal("bank", stories["bank"]);
        Assert.Equal((2L, 2L, 1L), (daily.NumArticles, daily.NumSources, daily.NumStories));
        Assert.Equal(2L, (await store.TotalsAsync(Cancel)).Stories);
    }

    private async Task<IEventStore> QueryStoreAsync()
    {
        var store = await StoreAsync();
        var kyiv = new EventPlace("Kyiv", "UA", "12", 50.45, 30.52, 703448, "PPLC");
        var paris = new EventPlace("Paris", "FR", "11", 48.85, 2.35, 2988507, "PPLC");
        await store.StoreAsync(
            [
                Document("q1", "Russian forces shelled Kyiv.", "wire.example", Event("Russian forces shelled Kyiv.", "RUSMIL", "Russian forces", "shelled", "UKR", "Kyiv", "195", "2024-01-10", quadClass: 4, goldstein: -10, plover: "ASSAULT", location: kyiv)),
                Document("q2", "France praised Ukraine.", "post.example", Event("France praised Ukraine.", "FRA", "France", "praised", "UKR", "Ukraine", "051", "2024-02-01", plover: "SUPPORT", location: paris)),
                Document("q3", "Ukraine accused Russia.", "post.example", Event("Ukraine accused Russia.", "UKR", "Ukraine", "accused", "RUS", "Russia", "112", "2024-02-15", quadClass: 3, goldstein: -2, plover: "ACCUSE")),
                Document("q4", "China hosted France in Beijing.", "herald.example", Event("China hosted France in Beijing.", "CHN", "China", "hosted", "FRA", "France", "043", "2024-03-03")),
                Document("q5", "Undated: Germany praised Poland.", "herald.example", Event("Undated: Germany praised Poland.", "DEU", "Germany", "praised", "POL", "Poland", "051", null, plover: "SUPPORT")),
            ],
            KnowledgeBase,
            Cancel);
        return store;
    }

    public static TheoryData<string, string[]> Filters => new()
    {
        { "from=2024-02-01", ["q2", "q3", "q4"] },
        { "to=2024-02-01", ["q1", "q2"] },
        { "actor=RUS", ["q1", "q3"] },
        { "actor=rusmil", ["q1"] },
        { "country=FRA", ["q2", "q4"] },
        { "root=05", ["q2", "q5"] },
        { "code=19", ["q1"] },
        { "plover=support", ["q2", "q5"] },
        { "place=kyiv", ["q1"] },
        { "place=FR", ["q2"] },
        { "text=BEIJING", ["q4"] },
        { "country=UKR,from=2024-02-01", ["q2", "q3"] },
        { "limit=2,offset=1", ["q2", "q3"] },
        { "offset=4", ["q5"] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Query_Filter_ReturnsMatchingMentionsInDayOrder(string filter, string[] expected)
    {
        // Given five stored events
        var store = await QueryStoreAsync();
        var query = new EventQuery();
        foreach (var part in filter.Split(','))
        {
            var (name, value) = (part.Split('=')[0], part.Split('=')[1]);
            query = name switch
            {
                "from" => query with { From = Day(value) },
                "to" => query with { To = Day(value) },
                "actor" => query with { Actor = value },
                "country" => query with { Country = value },
                "root" => query with { Root = value },
                "code" => query with { Code = value },
                "plover" => query with { PloverEvent = value },
                "place" => query with { Place = value },
                "text" => query with { Text = value },
                "limit" => query with { Limit = int.Parse(value, CultureInfo.InvariantCulture) },
                "offset" => query with { Offset = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException(name, nameof(filter)),
            };
        }

        // When the store is queried
        var mentions = await ListAsync(store.QueryAsync(query, Cancel));

        // Then exactly the expected documents' events come, by day (undated last)
        Assert.Equal(expected, mentions.Select(m => m.Document.Key));
    }

    [Fact]
    public async Task Query_StoredMention_RoundTripsTheEventRecord()
    {
        // Given a stored event with a place
        var store = await QueryStoreAsync();

        // When it is read back
        var mention = (await ListAsync(store.QueryAsync(new EventQuery { Actor = "RUSMIL" }, Cancel))).Single();

        // Then every field is as stored
        var e = mention.Event;
        Assert.Equal(("2024-01-10", "RUSMIL", "UKR", "195", "19", 4, -10.0), (e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Source.Value, e.Target.Value, e.Cameo.Value, e.Root, e.QuadClass, e.Goldstein!.Value));
        Assert.Equal(new TextSpan("Russian forces", 0, 14), e.Evidence.Source);
        Assert.Equal(new TextSpan("shelled", 15, 22), e.Evidence.Verb);
        Assert.Equal(new TextSpan("Kyiv", 23, 27), e.Evidence.Target);
        Assert.Equal(("q1", 1, "Russian forces shelled Kyiv."), (e.Evidence.Doc, e.Evidence.Sentence, e.Evidence.Text));
        Assert.Equal(new EventPlace("Kyiv", "UA", "12", 50.45, 30.52, 703448, "PPLC"), mention.Event.Location);
        Assert.Equal(("day", "wire.example", Now), (mention.Event.DatePrecision, mention.Document.Source, mention.Document.IngestedAt));
    }

    [Fact]
    public async Task Stats_CountsByMonthDyadAndRoot()
    {
        // Given five stored events
        var store = await QueryStoreAsync();

        // When the counts are taken
        var stats = await store.StatsAsync(EventQuery.All, 2, Cancel);

        // Then they are by month (undated last), top dyads and root
        Assert.Equal(["2024-01:1", "2024-02:2", "2024-03:1", "unknown:1"], stats.ByMonth.Select(r => $"{r.Key}:{r.Mentions}"));
        Assert.Equal(2, stats.ByDyad.Count);
        Assert.Equal(["04:1", "05:2", "11:1", "19:1"], stats.ByRoot.Select(r => $"{r.Key}:{r.Mentions}"));
        Assert.Equal(["CHN FRA", "DEU POL"], stats.ByDyad.Select(r => r.Key));
    }

    [Fact]
    public async Task ExportGdelt_WritesSixtyOneColumnsInGdeltFormats()
    {
        // Given stored events
        var store = await QueryStoreAsync();
        var path = Path.Combine(Folder, "events.tsv");

        // When the GDELT event table is exported
        var rows = await EventExport.WriteAsync(store, ExportFormat.Gdelt, path, EventQuery.All, Cancel);

        // Then each row has 61 fields in GDELT's formats
        var lines = await File.ReadAllLinesAsync(path, Cancel);
        Assert.Equal(5, rows);
        Assert.Equal(5, lines.Length);
        Assert.All(lines, line => Assert.Equal(61, line.Split('\t').Length));
        var kyiv = lines.Select(l => l.Split('\t')).Single(f => f[5] == "RUSMIL");
        var column = GdeltFormat.EventColumns.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
        Assert.Equal(GlobalEventIds.Of(Day("2024-01-10"), "RUSMIL", "UKR", "195").ToString(CultureInfo.InvariantCulture), kyiv[column["GLOBALEVENTID"]]);
        Assert.Equal(("20240110", "202401", "2024", "2024.0246"), (kyiv[column["SQLDATE"]], kyiv[column["MonthYear"]], kyiv[column["Year"]], kyiv[column["FractionDate"]]));
        Assert.Equal(("RUSSIAN FORCES", "RUS", "MIL", "UKR"), (kyiv[column["Actor1Name"]], kyiv[column["Actor1CountryCode"]], kyiv[column["Actor1Type1Code"]], kyiv[column["Actor2CountryCode"]]));
        Assert.Equal(("1", "195", "195", "19", "4", "-10.0"), (kyiv[column["IsRootEvent"]], kyiv[column["EventCode"]], kyiv[column["EventBaseCode"]], kyiv[column["EventRootCode"]], kyiv[column["QuadClass"]], kyiv[column["GoldsteinScale"]]));
        Assert.Equal(("1", "1", "1"), (kyiv[column["NumMentions"]], kyiv[column["NumSources"]], kyiv[column["NumArticles"]]));
        Assert.Equal(("4", "Kyiv", "UA", "UA12", "50.45", "30.52", "703448"), (kyiv[column["ActionGeo_Type"]], kyiv[column["ActionGeo_FullName"]], kyiv[column["ActionGeo_CountryCode"]], kyiv[column["ActionGeo_ADM1Code"]], kyiv[column["ActionGeo_Lat"]], kyiv[column["ActionGeo_Long"]], kyiv[column["ActionGeo_FeatureID"]]));
        Assert.Equal(("0", "20240301083015", "https://wire.example/q1"), (kyiv[column["Actor1Geo_Type"]], kyiv[column["DATEADDED"]], kyiv[column["SOURCEURL"]]));
    }

    [Fact]
    public async Task ExportMentions_WritesGdeltMentionRowsMatchingTheEvents()
    {
        // Given stored events
        var store = await QueryStoreAsync();
        var events = Path.Combine(Folder, "events.tsv");
        var mentions = Path.Combine(Folder, "mentions.tsv");

        // When both GDELT tables are exported
        await EventExport.WriteAsync(store, ExportFormat.Gdelt, events, EventQuery.All, Cancel);
        await EventExport.WriteAsync(store, ExportFormat.Mentions, mentions, EventQuery.All, Cancel);

        // Then every mention has 16 fields and points at an event of the event table
        var ids = (await File.ReadAllLinesAsync(events, Cancel)).Select(l => l.Split('\t')[0]).ToHashSet();
        var rows = (await File.ReadAllLinesAsync(mentions, Cancel)).Select(l => l.Split('\t')).ToList();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal(16, r.Length));
        Assert.All(rows, r => Assert.Contains(r[0], ids));
        var kyiv = rows.Single(r => r[5] == "https://wire.example/q1");
        Assert.Equal(("20240301083015", "1", "wire.example", "1", "0", "23", "15", "28"), (kyiv[1], kyiv[3], kyiv[4], kyiv[6], kyiv[7], kyiv[8], kyiv[9], kyiv[12]));
    }

    [Fact]
    public async Task ExportJsonlAndCsv_WriteOneMentionPerLine()
    {
        // Given stored events
        var store = await QueryStoreAsync();
        var jsonl = Path.Combine(Folder, "events.jsonl");
        var csv = Path.Combine(Folder, "events.csv");

        // When they are exported as JSON Lines and CSV with a filter
        var query = new EventQuery { Country = "UKR" };
        await EventExport.WriteAsync(store, ExportFormat.Jsonl, jsonl, query, Cancel);
        await EventExport.WriteAsync(store, ExportFormat.Csv, csv, query, Cancel);

        // Then the JSON has the event fields and the document, and the CSV a header and the same rows
        var objects = (await File.ReadAllLinesAsync(jsonl, Cancel)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, objects.Count);
        Assert.Equal("RUSMIL", objects[0].GetProperty("source").GetString());
        Assert.Equal("shelled", objects[0].GetProperty("evidence").GetProperty("verb").GetProperty("text").GetString());
        Assert.Equal("ASSAULT", objects[0].GetProperty("plover").GetProperty("event").GetString());
        Assert.Equal("q1", objects[0].GetProperty("document").GetProperty("id").GetString());
        Assert.Equal(703448, objects[0].GetProperty("location").GetProperty("geonames_id").GetInt64());
        Assert.Equal(JsonValueKind.Null, objects[2].GetProperty("location").ValueKind);
        var lines = await File.ReadAllLinesAsync(csv, Cancel);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("mention_id,event_id,day,date,", lines[0], StringComparison.Ordinal);
        Assert.Equal(EventExport.FlatColumns.Count, lines[0].Split(',').Length);
    }

    [Fact]
    public async Task ExportParquet_ReadsBackWithDuckDb()
    {
        // Given stored events
        var store = await QueryStoreAsync();
        var path = Path.Combine(Folder, "it's events.parquet");

        // When they are exported as Parquet
        var rows = await EventExport.WriteAsync(store, ExportFormat.Parquet, path, EventQuery.All, Cancel);

        // Then DuckDB's read_parquet gives the same rows and types back
        Assert.Equal(5, rows);
        await using var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), CAST(SUM(quad_class) AS BIGINT), MIN(day), MAX(location_geonames_id), COUNT(DISTINCT document_id) FROM read_parquet($path)";
        command.Parameters.Add(new DuckDBParameter("path", path));
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        Assert.True(await reader.ReadAsync(Cancel));
        Assert.Equal(5L, Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
        Assert.Equal(10L, Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
        Assert.Equal(Day("2024-01-10"), reader.GetFieldValue<DateOnly>(2));
        Assert.Equal(2988507L, Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture));
        Assert.Equal(5L, Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Recode_ReplacesADocumentsEvents()
    {
        // Given stored documents
        var store = await QueryStoreAsync();
        var documents = await ListAsync(store.ListDocumentsAsync(Cancel));

        // When one document is re-coded with a new knowledge base into two events
        var q2 = documents.Single(d => d.Key == "q2");
        var removed = await store.ReplaceEventsAsync(
            q2.Key,
            [
                Event(q2.Text, "FRA", "France", "praised", "UKR", "Ukraine", "051", "2024-02-01"),
                Event(q2.Text, "FRAGOV", "France", "praised", "UKRGOV", "Ukraine", "050", "2024-02-01"),
            ],
            "kb-test-2",
            Cancel);

        // Then its old event is gone, the new ones are there, and the others are untouched
        Assert.Equal(["q1", "q2", "q3", "q4", "q5"], documents.Select(d => d.Key));
        Assert.Equal(("France praised Ukraine.", KnowledgeBase), (q2.Text, q2.KnowledgeBase));
        Assert.Equal(1, removed);
        var mentions = await ListAsync(store.QueryAsync(EventQuery.All, Cancel));
        Assert.Equal(6, mentions.Count);
        Assert.Equal(["050", "051"], mentions.Where(m => m.Document.Key == "q2").Select(m => m.Event.Cameo.Value).Order(StringComparer.Ordinal));
        Assert.Equal("kb-test-2", (await ListAsync(store.ListDocumentsAsync(Cancel))).Single(d => d.Key == "q2").KnowledgeBase);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.ReplaceEventsAsync("missing", [], "kb", Cancel));
    }

    [Fact]
    public async Task Recode_FailingEvent_KeepsTheOldEvents()
    {
        // Given a stored document
        var store = await QueryStoreAsync();

        // When its re-coding fails on a bad event
        await Assert.ThrowsAnyAsync<Exception>(() => store.ReplaceEventsAsync(
            "q2",
            [Event("France praised Ukraine.", "FRA", "France", "praised", "UKR", "Ukraine", "051", "2024-02-01", quadClass: 7)],
            "kb-test-2",
            Cancel));

        // Then its old event is still there
        var mention = Assert.Single(await ListAsync(store.QueryAsync(new EventQuery { Country = "FRA", Root = "05" }, Cancel)));
        Assert.Equal("q2", mention.Document.Key);
    }

    [Fact]
    public async Task Writer_KilledMidIngestThenRerun_GivesTheSameEventsAsOneRun()
    {
        // Given a 10,000-document ingest run whole into one store, and one killed with SIGKILL partway into another
        const int Documents = 10_000;
        var whole = await NewLocationAsync();
        var interrupted = await NewLocationAsync();
        var (full, _) = await RunWriterAsync(whole, Documents, killAfter: null);
        var (_, killed) = await RunWriterAsync(interrupted, Documents, killAfter: 1_500);

        // When the killed ingest is run again
        var (rerun, _) = await RunWriterAsync(interrupted, Documents, killAfter: null);

        // Then it stored only what was missing (at least what the killed run had reported), and both stores hold the
        // same documents and events, none twice
        Assert.Contains($"documents={Documents} skipped=0", full, StringComparison.Ordinal);
        Assert.True(killed >= 1_500 && killed < Documents, $"the writer was killed after {killed} documents");
        var skipped = int.Parse(rerun.Split(' ').Single(p => p.StartsWith("skipped=", StringComparison.Ordinal))[8..], CultureInfo.InvariantCulture);
        var stored = int.Parse(rerun.Split(' ').Single(p => p.StartsWith("documents=", StringComparison.Ordinal))[10..], CultureInfo.InvariantCulture);
        Assert.True(skipped >= killed && skipped < Documents, $"the rerun skipped {skipped} documents; the killed run had reported {killed}");
        Assert.Equal(Documents, stored + skipped);
        await using var a = await EventStore.OpenAsync(whole, cancellationToken: Cancel);
        await using var b = await EventStore.OpenAsync(interrupted, cancellationToken: Cancel);
        var expected = await EventSetAsync(a);
        var actual = await EventSetAsync(b);
        Assert.Equal(Documents, (await b.TotalsAsync(Cancel)).Documents);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected, actual);
        Assert.Equal(expected.Count, expected.Distinct(StringComparer.Ordinal).Count());
        var storiesA = (await ListAsync(a.ListDocumentsAsync(Cancel))).Select(d => d.Key + ">" + d.StoryId);
        var storiesB = (await ListAsync(b.ListDocumentsAsync(Cancel))).Select(d => d.Key + ">" + d.StoryId);
        Assert.Equal(storiesA.Order(StringComparer.Ordinal), storiesB.Order(StringComparer.Ordinal));
    }

    private static async Task<List<string>> EventSetAsync(IEventStore store)
    {
        var set = new List<string>();
        await foreach (var m in store.QueryAsync(EventQuery.All, Cancel))
        {
            var e = m.Event;
            set.Add(string.Join('|', m.Document.Key, e.Evidence.Sentence, e.Date, e.Source, e.Target, e.Cameo, e.Evidence.Verb.Start, e.Evidence.Text));
        }

        set.Sort(StringComparer.Ordinal);
        return set;
    }

    /// <summary>Runs the writer in a child process; with <paramref name="killAfter"/>, kills it (SIGKILL) once it reports that many documents stored.</summary>
    /// <returns>The writer's last line, or with <paramref name="killAfter"/> the documents it had reported stored.</returns>
    private static async Task<(string Last, int Stored)> RunWriterAsync(string location, int documents, int? killAfter)
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "Dyad.Store.Writer.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[writer, "--store", location, "--documents", documents.ToString(CultureInfo.InvariantCulture), "--batch", "50"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(Cancel);
        string? last = null;
        var stored = 0;
        while (await process.StandardOutput.ReadLineAsync(Cancel) is { } line)
        {
            last = line;
            if (line.StartsWith("stored ", StringComparison.Ordinal))
            {
                stored = int.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
                if (killAfter is { } limit && stored >= limit)
                {
                    process.Kill();
                    break;
                }
            }
        }

        await process.WaitForExitAsync(Cancel);
        if (killAfter is not null)
        {
            Assert.NotEqual(0, process.ExitCode);
            return (last ?? string.Empty, stored);
        }

        Assert.True(process.ExitCode == 0, $"the writer failed: {await errors}");
        return (last ?? string.Empty, stored);
    }
}

/// <summary>The store's behaviour on DuckDB, each test on a new file.</summary>
public sealed class DuckDbEventStoreTests : EventStoreContract
{
    protected override Task<string> NewLocationAsync() => Task.FromResult(Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".duckdb"));

    [Fact]
    public async Task Open_StoreOfSchemaVersion1_GainsTheNewColumnsAndReadsThemAsNull()
    {
        // Given a store as schema version 1 wrote it: without the version 2 columns of documents or the version 3 ones of events
        var path = await NewLocationAsync();
        var old = TestData.Event("The government criticised Ukraine.", "---GOV", "The government", "criticised", "UKR", "Ukraine", "111", "2015-11-12");
        await using (var store = await EventStore.OpenAsync(path, null, Cancel))
        {
            await store.StoreAsync([new IngestDocument(new DocumentInput("The government criticised Ukraine.") { Id = "old", Published = DateTimeOffset.UnixEpoch }, [old])], KnowledgeBase, Cancel);
        }

        await using (var connection = new DuckDBConnection("Data Source=" + path))
        {
            await connection.OpenAsync(Cancel);
            foreach (var sql in new[] { "ALTER TABLE documents DROP COLUMN dateline_start", "ALTER TABLE documents DROP COLUMN dateline_end", "ALTER TABLE documents DROP COLUMN published_offset", "DROP INDEX events_document", "ALTER TABLE events DROP COLUMN source_country_from", "ALTER TABLE events DROP COLUMN target_country_from", "CREATE INDEX events_document ON events (document_id)", "DELETE FROM schema_version WHERE version > 1" })
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync(Cancel);
            }
        }

        // When this version opens it
        await using var opened = await EventStore.OpenAsync(path, null, Cancel);
        var document = await opened.GetDocumentAsync("old", Cancel);

        // Then the old document reads with the new fields empty, and new documents keep them
        Assert.NotNull(document);
        Assert.Null(document.Dateline);
        Assert.Null(document.PublishedOffset);
        Assert.Equal(DateTimeOffset.UnixEpoch, document.Published);
        Assert.Null(Assert.Single(await ListAsync(opened.QueryAsync(new EventQuery(), Cancel))).Event.SourceCountryFrom);
        var inferred = TestData.Event("The government hosted Germany.", "RUSGOV", "The government", "hosted", "DEU", "Germany", "042", "2015-11-12") with { SourceCountryFrom = "dateline" };
        await opened.StoreAsync([new IngestDocument(new DocumentInput("MOSCOW - The government hosted Germany.") { Id = "new", Dateline = new TextRange(0, 9) }, [inferred])], KnowledgeBase, Cancel);
        Assert.Equal(new TextRange(0, 9), (await opened.GetDocumentAsync("new", Cancel))!.Dateline);
        Assert.Equal(["dateline", null], (await ListAsync(opened.QueryAsync(new EventQuery(), Cancel))).OrderBy(m => m.Document.Key, StringComparer.Ordinal).Select(m => m.Event.SourceCountryFrom));
    }
}

/// <summary>The store's behaviour on PostgreSQL (see <see cref="PostgresServer"/>), each test in a new schema.</summary>
public sealed class PostgresEventStoreTests(PostgresServer server) : EventStoreContract
{
    protected override Task<string> NewLocationAsync() => server.NewSchemaAsync();
}
