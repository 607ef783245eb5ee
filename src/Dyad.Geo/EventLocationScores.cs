using System.IO.Compression;
using System.Text.Json;

namespace Dyad.Geo;

/// <summary>A gold event verb of a sentence and the place(s) its event happened at.</summary>
/// <param name="Verb">The verb's character range in the sentence's text.</param>
/// <param name="Locations">The character ranges of the places annotated for it; empty when the annotators named none.</param>
public sealed record GoldEventVerb(TextRange Verb, IReadOnlyList<TextRange> Locations);

/// <summary>A gold sentence: its text and its annotated verbs (each verb once, the places of duplicate annotations merged).</summary>
/// <param name="Text">The sentence.</param>
/// <param name="Verbs">Its verbs, in the order first annotated.</param>
public sealed record GoldEventSentence(string Text, IReadOnlyList<GoldEventVerb> Verbs);

/// <summary>An event as the event-location score sees it: its verb and the text of its chosen location.</summary>
/// <param name="Verb">The event's verb as a character range of the sentence.</param>
/// <param name="Location">The location's words as a character range of the sentence, or null when the event has no location.</param>
public readonly record struct LocatedEvent(TextRange Verb, TextRange? Location);

/// <summary>What the score made of one gold verb.</summary>
public enum EventLocationOutcome
{
    /// <summary>No event's verb overlaps the gold verb: not scored for its place.</summary>
    NotCoded,

    /// <summary>Coded; neither the gold nor the event names a place.</summary>
    NoPlaceAgreed,

    /// <summary>Coded; the gold names a place and the event has none.</summary>
    Missed,

    /// <summary>Coded; the event's place overlaps none of the gold places (or the gold names none).</summary>
    Wrong,

    /// <summary>Coded; the event's place overlaps a gold place of the verb.</summary>
    Right,
}

/// <summary>
/// Scores the places of coded events against verb → location annotations (ahalterman/event_location). A gold verb is
/// <em>coded</em> when an event's verb overlaps it (by at least one character); the first such event, in the order
/// given, stands for it. For the coded verbs: an event's location is <em>right</em> when its words overlap one of the
/// gold locations of that verb; precision = right / coded verbs whose event has a location; recall = right / coded verbs
/// that have at least one gold location. An event located where the gold names no place counts against precision only.
/// </summary>
/// <remarks>Accumulates over sentences with <see cref="Add"/>; not thread-safe.</remarks>
public sealed class EventLocationScores
{
    /// <summary>Sentences scored.</summary>
    public int Sentences { get; private set; }

    /// <summary>Gold verbs.</summary>
    public int GoldVerbs { get; private set; }

    /// <summary>Gold verbs with at least one gold location.</summary>
    public int GoldVerbsWithPlace { get; private set; }

    /// <summary>Gold verbs that an event's verb overlaps.</summary>
    public int Coded { get; private set; }

    /// <summary>Coded gold verbs with at least one gold location (recall's denominator).</summary>
    public int CodedWithGoldPlace { get; private set; }

    /// <summary>Coded gold verbs whose event has a location (precision's denominator).</summary>
    public int Located { get; private set; }

    /// <summary>Coded gold verbs whose event's location overlaps a gold location of the verb.</summary>
    public int Right { get; private set; }

    /// <summary>Coded gold verbs where neither the gold nor the event names a place.</summary>
    public int NoPlaceAgreed { get; private set; }

    /// <summary>Coded / gold verbs.</summary>
    public double CodedShare => Ratio(Coded, GoldVerbs);

    /// <summary>Right / located; 0 when no event was located.</summary>
    public double Precision => Ratio(Right, Located);

    /// <summary>Right / coded verbs with a gold location; 0 when there are none.</summary>
    public double Recall => Ratio(Right, CodedWithGoldPlace);

    /// <summary>The harmonic mean of <see cref="Precision"/> and <see cref="Recall"/>; 0 when both are 0.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Adds one sentence's gold verbs and the events coded in it.</summary>
    /// <param name="gold">The gold verbs of the sentence.</param>
    /// <param name="events">The events coded in it, in the analyzer's order.</param>
    /// <returns>For each gold verb, in the order given, what was made of it.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public IReadOnlyList<EventLocationOutcome> Add(IReadOnlyList<GoldEventVerb> gold, IReadOnlyList<LocatedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(events);
        Sentences++;
        var outcomes = new EventLocationOutcome[gold.Count];
        for (var i = 0; i < gold.Count; i++)
        {
            var verb = gold[i];
            GoldVerbs++;
            var hasPlace = verb.Locations.Count > 0;
            GoldVerbsWithPlace += hasPlace ? 1 : 0;
            var matched = events.Where(e => Overlaps(e.Verb, verb.Verb)).Select(e => (LocatedEvent?)e).FirstOrDefault();
            if (matched is not { } e)
            {
                outcomes[i] = EventLocationOutcome.NotCoded;
                continue;
            }

            Coded++;
            CodedWithGoldPlace += hasPlace ? 1 : 0;
            if (e.Location is not { } place)
            {
                outcomes[i] = hasPlace ? EventLocationOutcome.Missed : EventLocationOutcome.NoPlaceAgreed;
                NoPlaceAgreed += hasPlace ? 0 : 1;
                continue;
            }

            Located++;
            if (verb.Locations.Any(l => Overlaps(l, place)))
            {
                Right++;
                outcomes[i] = EventLocationOutcome.Right;
            }
            else
            {
                outcomes[i] = EventLocationOutcome.Wrong;
            }
        }

        return outcomes;
    }

    /// <summary>
    /// Reads a gold file of ahalterman/event_location's labelled text: JSON Lines, gzipped when the name ends in
    /// <c>.gz</c>, each line one record or a JSON array of records; a record has <c>text</c> and <c>spans</c>
    /// [{<c>start</c>, <c>end</c>, <c>label</c>}] with labels <c>VERB</c> and <c>LOCATION</c> (character offsets).
    /// Records of the same text are one sentence; annotations of the same verb are merged (their places joined).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="problems">Receives one message per record that could not be used (no text, no verb, a span outside the text).</param>
    /// <returns>The sentences in the order of their first record.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="JsonException">A line is not JSON.</exception>
    public static IReadOnlyList<GoldEventSentence> Read(string path, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(problems);
        using var file = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var reader = new StreamReader(stream);
        return Read(reader, problems);
    }

    /// <summary>Reads gold records from <paramref name="reader"/> as <see cref="Read(string, ICollection{string})"/> does.</summary>
    /// <param name="reader">JSON Lines text.</param>
    /// <param name="problems">Receives one message per record that could not be used.</param>
    /// <returns>The sentences in the order of their first record.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="JsonException">A line is not JSON.</exception>
    public static IReadOnlyList<GoldEventSentence> Read(TextReader reader, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(problems);
        var order = new List<string>();
        var verbs = new Dictionary<string, List<(TextRange Verb, List<TextRange> Places)>>(StringComparer.Ordinal);
        var record = 0;
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var records = json.RootElement.ValueKind == JsonValueKind.Array ? [.. json.RootElement.EnumerateArray()] : (JsonElement[])[json.RootElement];
            foreach (var r in records)
            {
                record++;
                if (r.ValueKind != JsonValueKind.Object || !r.TryGetProperty("text", out var t) || t.ValueKind != JsonValueKind.String)
                {
                    problems.Add($"record {record}: no text; skipped.");
                    continue;
                }

                var text = t.GetString()!;
                var spans = new List<(TextRange Range, string Label)>();
                if (r.TryGetProperty("spans", out var s) && s.ValueKind == JsonValueKind.Array)
                {
                    foreach (var span in s.EnumerateArray())
                    {
                        if (span.TryGetProperty("start", out var a) && a.TryGetInt32(out var start)
                            && span.TryGetProperty("end", out var b) && b.TryGetInt32(out var end)
                            && span.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String)
                        {
                            if (start == end)
                            {
                                // The annotation tool leaves empty spans where an annotator clicked without selecting: no words, nothing to score.
                                continue;
                            }

                            if (start < 0 || end > text.Length || start > end)
                            {
                                problems.Add($"record {record}: a span [{start}, {end}) lies outside its text; skipped.");
                                continue;
                            }

                            spans.Add((new TextRange(start, end), l.GetString()!));
                        }
                    }
                }

                var verbSpans = spans.Where(x => x.Label == "VERB").Select(x => x.Range).ToList();
                if (verbSpans.Count == 0)
                {
                    problems.Add($"record {record}: no VERB span; skipped.");
                    continue;
                }

                if (!verbs.TryGetValue(text, out var known))
                {
                    known = [];
                    verbs[text] = known;
                    order.Add(text);
                }

                var places = spans.Where(x => x.Label == "LOCATION").Select(x => x.Range).ToList();
                foreach (var v in verbSpans)
                {
                    var index = known.FindIndex(k => k.Verb == v);
                    if (index < 0)
                    {
                        known.Add((v, []));
                        index = known.Count - 1;
                    }

                    known[index].Places.AddRange(places.Where(p => !known[index].Places.Contains(p)));
                }
            }
        }

        return [.. order.Select(text => new GoldEventSentence(text, [.. verbs[text].Select(v => new GoldEventVerb(v.Verb, v.Places))]))];
    }

    private static bool Overlaps(TextRange a, TextRange b) => a.Start < b.End && b.Start < a.End;

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
