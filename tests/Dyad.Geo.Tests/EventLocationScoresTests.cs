using Dyad.Geo;

namespace Dyad.Geo.Tests;

public sealed class EventLocationScoresTests
{
    // "Rebels shelled Homs and police said nothing in Damascus." with a second record for the same verb that adds a place,
    // a record for "said" without one, and a record with no verb.
    private const string Fixture = """
        [{"text": "Rebels shelled Homs and police said nothing in Damascus.", "spans": [{"start": 7, "end": 14, "label": "VERB"}, {"start": 15, "end": 19, "label": "LOCATION"}]}, {"text": "Rebels shelled Homs and police said nothing in Damascus.", "spans": [{"start": 7, "end": 14, "label": "VERB"}, {"start": 47, "end": 55, "label": "LOCATION"}, {"start": 3, "end": 3, "label": "LOCATION"}]}]
        {"text": "Rebels shelled Homs and police said nothing in Damascus.", "spans": [{"start": 31, "end": 35, "label": "VERB"}]}
        {"text": "No verb here.", "spans": [{"start": 0, "end": 2, "label": "LOCATION"}]}
        """;

    [Theory]
    [InlineData(Fixture)]
    public void Read_MergesRecordsOfTheSameVerb(string fixture)
    {
        // Given the fixture: two records of "shelled" (each with one place; one empty span), one of "said", one without a verb
        var problems = new List<string>();

        // When it is read
        var sentences = EventLocationScores.Read(new StringReader(fixture), problems);

        // Then there is one sentence with two verbs; "shelled" has both places, "said" none; the verbless record is reported
        var sentence = Assert.Single(sentences);
        Assert.Equal(2, sentence.Verbs.Count);
        Assert.Equal(new TextRange(7, 14), sentence.Verbs[0].Verb);
        Assert.Equal([new TextRange(15, 19), new TextRange(47, 55)], sentence.Verbs[0].Locations);
        Assert.Empty(sentence.Verbs[1].Locations);
        Assert.Single(problems);
    }

    [Theory]
    [InlineData(Fixture)]
    public void Add_ScoresTheFirstOverlappingEvent(string fixture)
    {
        // Given the fixture's sentence, and events: "shelled" placed at Damascus (a gold place: right), a second
        // "shelled" event at nothing (not the first, so ignored), "said" placed at Homs (the gold names none: wrong),
        // and an event on "Rebels" that matches no gold verb
        var sentence = EventLocationScores.Read(new StringReader(fixture), []).Single();
        var scores = new EventLocationScores();
        LocatedEvent[] events =
        [
            new(new TextRange(0, 6), new TextRange(15, 19)),
            new(new TextRange(7, 14), new TextRange(47, 55)),
            new(new TextRange(7, 14), null),
            new(new TextRange(31, 35), new TextRange(15, 19)),
        ];

        // When they are scored
        var outcomes = scores.Add(sentence.Verbs, events);

        // Then both verbs are coded; one of two located events is right (precision 1/2); the one verb with a gold
        // place is placed right (recall 1/1)
        Assert.Equal([EventLocationOutcome.Right, EventLocationOutcome.Wrong], outcomes);
        Assert.Equal(2, scores.Coded);
        Assert.Equal(1.0, scores.CodedShare, 6);
        Assert.Equal(0.5, scores.Precision, 6);
        Assert.Equal(1.0, scores.Recall, 6);
    }

    [Theory]
    [InlineData(Fixture)]
    public void Add_CountsMissedAndUncoded(string fixture)
    {
        // Given the fixture's sentence and one event on "shelled" without a place
        var sentence = EventLocationScores.Read(new StringReader(fixture), []).Single();
        var scores = new EventLocationScores();

        // When it is scored
        var outcomes = scores.Add(sentence.Verbs, [new LocatedEvent(new TextRange(10, 12), null)]);

        // Then "shelled" is coded but missed, "said" is not coded; nothing located, recall 0
        Assert.Equal([EventLocationOutcome.Missed, EventLocationOutcome.NotCoded], outcomes);
        Assert.Equal(1, scores.Coded);
        Assert.Equal(0, scores.Located);
        Assert.Equal(0.0, scores.Recall, 6);
        Assert.Equal(0.5, scores.CodedShare, 6);
    }
}
