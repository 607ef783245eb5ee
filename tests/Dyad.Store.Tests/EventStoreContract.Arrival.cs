using System.Globalization;
using static Dyad.Store.Tests.TestData;

namespace Dyad.Store.Tests;

/// <summary>The arrival-time filter (<see cref="EventQuery.AddedFrom"/>, <see cref="EventQuery.AddedTo"/>) on every engine.</summary>
public abstract partial class EventStoreContract
{
    private static readonly DateTimeOffset FirstArrival = new(2024, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SecondArrival = new(2024, 3, 1, 10, 20, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("10:00", "10:15", "a b")]
    [InlineData("10:15", "10:30", "c d")]
    [InlineData("10:00", "10:20", "a b")]
    [InlineData("10:20", null, "c d")]
    [InlineData(null, "10:00", "")]
    [InlineData("09:00", "11:00", "a b c d")]
    public async Task Query_ArrivalWindow_IsHalfOpenOverIngestedAt(string? from, string? to, string expected)
    {
        // Given two documents stored at 10:00 and two at 10:20
        var store = await ArrivalStoreAsync();
        await using (store)
        {
            // When mentions are asked for by arrival time
            var query = new EventQuery { AddedFrom = At(from), AddedTo = At(to) };
            var mentions = await ListAsync(store.QueryAsync(query, Cancel));

            // Then the window [from, to) holds the documents that arrived in it
            Assert.Equal(expected, string.Join(' ', mentions.Select(m => m.Document.Key).Order(StringComparer.Ordinal)));
            Assert.All(mentions, m => Assert.True((from is null || m.Document.IngestedAt >= At(from)) && (to is null || m.Document.IngestedAt < At(to))));
        }
    }

    [Fact]
    public async Task QueryDaily_ArrivalWindow_KeepsTheEventsFirstSeenInIt()
    {
        // Given RUS-UKR 111 mentioned at 10:00 and again at 10:20, FRA-DEU at 10:00 and CHN-BRA at 10:20
        var store = await ArrivalStoreAsync();
        await using (store)
        {
            // When one-a-day events are asked for by arrival window
            var early = await ListAsync(store.QueryDailyAsync(new EventQuery { AddedFrom = At("10:00"), AddedTo = At("10:15") }, Cancel));
            var late = await ListAsync(store.QueryDailyAsync(new EventQuery { AddedFrom = At("10:15"), AddedTo = At("10:30") }, Cancel));

            // Then an event is in the window its first mention arrived in, counting all its mentions; the later window has only the new one
            Assert.Equal(["FRA DEU", "RUS UKR"], early.Select(e => e.First.Event.Source + " " + e.First.Event.Target).Order(StringComparer.Ordinal));
            var repeated = Assert.Single(early, e => e.First.Event.Source == "RUS");
            Assert.Equal((2L, FirstArrival), (repeated.NumMentions, repeated.DateAdded));
            var added = Assert.Single(late);
            Assert.Equal(("CHN", SecondArrival), (added.First.Event.Source, added.DateAdded));
        }
    }

    private static DateTimeOffset? At(string? time) => time is null
        ? null
        : new DateTimeOffset(2024, 3, 1, int.Parse(time[..2], CultureInfo.InvariantCulture), int.Parse(time[3..], CultureInfo.InvariantCulture), 0, TimeSpan.Zero);

    private async Task<IEventStore> ArrivalStoreAsync()
    {
        var clock = new SettableClock(FirstArrival);
        var store = await EventStore.OpenAsync(await NewLocationAsync(), clock, Cancel);
        await store.StoreAsync(
            [
                Document("a", "Russia criticised Ukraine.", "wire.example", Event("Russia criticised Ukraine.", "RUS", "Russia", "criticised", "UKR", "Ukraine", "111", "2024-01-02")),
                Document("b", "France hosted Germany.", "post.example", Event("France hosted Germany.", "FRA", "France", "hosted", "DEU", "Germany", "043", "2024-01-03")),
            ],
            KnowledgeBase,
            Cancel);
        clock.Now = SecondArrival;
        await store.StoreAsync(
            [
                Document("c", "Russia criticised Ukraine again.", "daily.example", Event("Russia criticised Ukraine again.", "RUS", "Russia", "criticised", "UKR", "Ukraine", "111", "2024-01-02")),
                Document("d", "China praised Brazil.", "wire.example", Event("China praised Brazil.", "CHN", "China", "praised", "BRA", "Brazil", "051", "2024-01-04")),
            ],
            KnowledgeBase,
            Cancel);
        return store;
    }
}
