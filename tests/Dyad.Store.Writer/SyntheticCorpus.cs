using System.Globalization;
using Dyad.Documents;
using Dyad.Events;

namespace Dyad.Store.Writer;

/// <summary>
/// Small synthetic documents with hand-made events, the same for a given index on every run: the input of the store
/// benchmark and of the crash test. Every tenth document is a near-copy of the one before (another outlet's version of
/// the same wire story).
/// </summary>
public static class SyntheticCorpus
{
    private static readonly string[] Actors = ["USA", "RUS", "CHN", "FRA", "GBR", "IRQ", "IRN", "DEU", "USAGOV", "RUSMIL"];
    private static readonly string[] Names = ["Washington", "Moscow", "Beijing", "Paris", "London", "Baghdad", "Tehran", "Berlin", "The White House", "Russian troops"];
    private static readonly (string Code, string Verb, int Quad, double Goldstein, string Plover)[] Codes =
    [
        ("042", "visited", 1, 1.9, "CONSULT"), ("043", "hosted", 1, 2.8, "CONSULT"), ("051", "praised", 2, 3.4, "SUPPORT"),
        ("036", "offered talks to", 1, 4.0, "CONSULT"), ("112", "accused", 3, -2.0, "ACCUSE"), ("190", "attacked", 4, -10.0, "FIGHT"),
    ];

    private static readonly string[] Words =
    [
        "border", "grain", "treaty", "envoy", "pipeline", "sanctions", "election", "harbor", "summit", "ceasefire",
        "refugees", "budget", "tariffs", "drones", "uranium", "frontier", "loans", "vaccines", "satellites", "fisheries",
        "railway", "minerals", "protests", "courts", "ministers", "patrols", "aid", "exports", "monitors", "reactors",
    ];

    private static readonly string[] Outlets = ["wire.example", "daily.example", "herald.example", "post.example"];

    private static string Topic(int story, int k)
    {
        // Five words picked by a hash of (story, k), so different stories share few 5-word shingles.
        var h = (uint)((story * 7919) + (k * 104729) + 17);
        var picked = new string[5];
        for (var i = 0; i < picked.Length; i++)
        {
            h = unchecked((h * 1103515245) + 12345);
            picked[i] = Words[(int)((h >> 8) % (uint)Words.Length)];
        }

        return string.Join(' ', picked);
    }

    /// <summary>The document at <paramref name="index"/> with its events.</summary>
    /// <param name="index">0 or more.</param>
    /// <returns>The document (id <c>doc-INDEX</c>) and 1 to 3 events.</returns>
    public static IngestDocument Document(int index)
    {
        var story = index % 10 == 9 ? index - 1 : index;
        var day = new DateOnly(2024, 1, 1).AddDays(story % 90);
        var count = 1 + (story % 3);
        var sentences = new List<string>();
        var events = new List<EventRecord>();
        var offset = 0;
        for (var k = 0; k < count; k++)
        {
            var a = (story + k) % Actors.Length;
            var b = (story + (3 * k) + 1) % Actors.Length;
            var code = Codes[(story + k) % Codes.Length];
            var sentence = string.Create(CultureInfo.InvariantCulture, $"{Names[a]} {code.Verb} {Names[b]} on day {story % 90} of the talks, officials said in report {story} about {Topic(story, k)}.");
            var verbStart = offset + Names[a].Length + 1;
            var targetStart = verbStart + code.Verb.Length + 1;
            var evidence = new EventEvidence(
                "doc",
                k + 1,
                sentence,
                offset,
                offset + sentence.Length,
                new TextSpan(Names[a], offset, offset + Names[a].Length),
                new TextSpan(code.Verb, verbStart, verbStart + code.Verb.Length),
                new TextSpan(Names[b], targetStart, targetStart + Names[b].Length));
            var location = new EventPlace(Names[b], "XX", "01", 10 + k, 20 + k, 1000 + b, "PPLC");
            events.Add(new EventRecord(
                day,
                "day",
                null,
                Actors[a],
                Actors[b],
                code.Code,
                code.Quad,
                code.Goldstein,
                new PloverFields(code.Plover, null, null),
                location,
                evidence,
                "* " + code.Verb.ToUpperInvariant() + " +",
                "synthetic.verbs:" + (k + 1).ToString(CultureInfo.InvariantCulture),
                null));
            sentences.Add(sentence);
            offset += sentence.Length + 1;
        }

        var text = string.Join(' ', sentences);
        var outlet = Outlets[index % Outlets.Length];
        if (index != story)
        {
            // The same wire story as the previous document, as another outlet ran it: one word changed at the end.
            text = text[..^1] + " today.";
        }

        var document = new DocumentInput(text)
        {
            Id = "doc-" + index.ToString(CultureInfo.InvariantCulture),
            Url = string.Create(CultureInfo.InvariantCulture, $"https://{outlet}/news/{index}"),
            Title = "Report " + story.ToString(CultureInfo.InvariantCulture),
            Published = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero),
            PublishedFrom = "synthetic",
            Input = "synthetic",
            Place = index.ToString(CultureInfo.InvariantCulture),
        };
        return new IngestDocument(document, events);
    }
}
