using Dyad.Documents;
using Dyad.Events;

namespace Dyad.Store.Tests;

/// <summary>
/// A property of the DuckDB store: any event record it accepts comes back as it went in, field for field, except what
/// the store does not keep (the words of the date and of the place, the document's own fields) and what it assigns
/// (the row id). Each case's record is drawn from the seed FsCheck gives: codes, dates across centuries, offsets,
/// non-ASCII words, places with and without coordinates.
/// </summary>
public sealed class StoreRoundTripPropertyTests : IDisposable
{
    private static readonly string[] Actors = ["RUS", "IRQMIL", "---", "IGOUNOWHO", "USAGOVLEG", "IMGMOSISI", "CHR", "ÇÜÉ"];
    private static readonly string[] Precisions = ["day", "week", "month", "year", "published"];
    private static readonly string[] CountryFrom = ["dateline", "article"];
    private static readonly string[] Codes = ["010", "0332", "042", "195", "1823", "20", "999"];
    private static readonly string[] Words = ["Russia", "the Iraqi army", "Кремль", "東京", "al-Qaïda", "Jean-Yves Le Drian", "a \"quoted\" word", "tab\tand\nline"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dyad-roundtrip-" + Guid.NewGuid().ToString("N"));
    private readonly IEventStore _store;
    private int _case;

    public StoreRoundTripPropertyTests()
    {
        Directory.CreateDirectory(_folder);
        _store = EventStore.OpenAsync(Path.Combine(_folder, "t.duckdb")).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    private static EventRecord Draw(Random random, string text)
    {
        T Pick<T>(T[] items) => items[random.Next(items.Length)];
        TextSpan? Span(bool optional)
        {
            // Spans are ordered ranges, as the store's CHECK constraints require.
            if (optional && random.Next(3) == 0)
            {
                return null;
            }

            var at = random.Next(text.Length);
            return new TextSpan(Pick(Words), at, at + random.Next(0, 40));
        }

        DateOnly? date = random.Next(5) == 0 ? null : DateOnly.FromDayNumber(random.Next(DateOnly.FromDateTime(new DateTime(1900, 1, 1)).DayNumber, DateOnly.FromDateTime(new DateTime(2100, 1, 1)).DayNumber));
        var place = random.Next(3) switch
        {
            0 => null,
            1 => new EventPlace(Pick(Words), "RU", random.Next(2) == 0 ? null : "48", (random.NextDouble() * 180) - 90, (random.NextDouble() * 360) - 180, random.Next(2) == 0 ? null : random.NextInt64(1, 1L << 40), "city"),
            _ => new EventPlace(Pick(Words), null, null, null, null, null, "country"),
        };
        var start = random.Next(text.Length);
        return new EventRecord(
            date,
            date is null ? null : Pick(Precisions),
            null,
            Pick(Actors),
            Pick(Actors),
            Pick(Codes),
            random.Next(5),
            random.Next(4) == 0 ? null : Math.Round((random.NextDouble() * 20) - 10, 1),
            new PloverFields(random.Next(2) == 0 ? null : "CONSULT", random.Next(2) == 0 ? null : "visit", random.Next(2) == 0 ? null : "military;economic"),
            place,
            new EventEvidence("ignored", random.Next(1, 500), Pick(Words) + " " + Pick(Words), start, start + random.Next(1, 400), Span(optional: true), Span(optional: false)!, Span(optional: true)),
            "- * (IN +) [" + Pick(Codes) + "]",
            "verbs/" + Pick(Words) + ".txt:line " + random.Next(1, 2000),
            null)
        {
            SourceCountryFrom = random.Next(3) == 0 ? Pick(CountryFrom) : null,
            TargetCountryFrom = random.Next(3) == 0 ? Pick(CountryFrom) : null,
        };
    }

    [FsCheck.Xunit.Property(MaxTest = 40)]
    public void Store_AnyEvent_ComesBackAsItWentIn(int seed)
    {
        // Given a document with one to four events drawn from the seed
        var random = new Random(seed);
        var key = "doc-" + Interlocked.Increment(ref _case);
        var text = string.Join(' ', Enumerable.Range(0, 20).Select(_ => Words[random.Next(Words.Length)]));
        var events = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Draw(random, text)).ToList();

        // When it is stored and its events read back
        var counts = _store.StoreAsync([new IngestDocument(new DocumentInput(text) { Id = key }, events)], "kb", CancellationToken.None).GetAwaiter().GetResult();
        var back = new List<EventRecord>();
        var enumerator = _store.QueryAsync(EventQuery.All, CancellationToken.None).GetAsyncEnumerator();
        while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
        {
            if (enumerator.Current.Document.Key == key)
            {
                back.Add(enumerator.Current.Event);
            }
        }

        enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();

        // Then each is the same record, but for what the store assigns or does not keep (queries list by counted day, so
        // the records are compared in a sorted order)
        static EventRecord Comparable(EventRecord e, string key) => e with
        {
            Id = null,
            Document = null,
            DateEvidence = null,
            Location = e.Location?.WithoutWords(),
            Evidence = e.Evidence with { Doc = key },
        };

        Assert.True(counts.DocumentsStored == 1, string.Join("; ", _store.ListQuarantineAsync(CancellationToken.None).GetAwaiter().GetResult().Select(q => q.Reason)));
        Assert.Equal(
            events.Select(e => System.Text.Json.JsonSerializer.Serialize(Comparable(e, key))).Order(StringComparer.Ordinal),
            back.Select(e => System.Text.Json.JsonSerializer.Serialize(Comparable(e, key))).Order(StringComparer.Ordinal));
    }
}
