using System.Text.Json;
using Dyad.Coding.Learned;

namespace Dyad.Analysis.Evaluation;

/// <summary>
/// One gold sentence of an event dev set (the JSON Lines of ../shared/data/events-dev): its id and text, and what is
/// known of it: the PLOVER type of its one event with the source and target phrases, and/or its QuadClass (0 for none).
/// </summary>
/// <param name="Id">The record's <c>id</c>.</param>
/// <param name="Text">The sentence as written.</param>
/// <param name="Type">The event type (<see cref="EventTypes.Normalise"/>), or null when the record gives none.</param>
/// <param name="QuadClass">The record's <c>penta</c>: 0 for no event, 1 to 4 the QuadClass; null when absent.</param>
/// <param name="SourceText">The source actor's words as they stand in the text, or null.</param>
/// <param name="TargetText">The target actor's words, or null.</param>
public sealed record EventGold(string Id, string Text, string? Type, int? QuadClass, string? SourceText, string? TargetText)
{
    /// <summary>
    /// Reads a gold file: one JSON object a line with <c>id</c> and <c>text</c>, and <c>plover</c>, <c>penta</c>,
    /// <c>source_text</c>, <c>target_text</c> where known. A line that cannot be used is reported in
    /// <paramref name="problems"/> (file, line and why) and skipped; a record whose text was seen before is skipped too.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="problems">Receives one message per skipped line.</param>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<EventGold> Read(string path, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(problems);
        var result = new List<EventGold>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        var repeats = new List<int>();
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var id = Field(root, "id");
                var text = Field(root, "text");
                if (id is null || string.IsNullOrWhiteSpace(text))
                {
                    problems.Add($"{path}: line {number}: {ErrorCodes.GoldUnreadable}: no 'id' or no 'text'; skipped.");
                    continue;
                }

                int? quad = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("penta", out var penta) && penta.ValueKind == JsonValueKind.Number && penta.TryGetInt32(out var q) ? q : null;
                if (quad is < 0 or > 4)
                {
                    problems.Add($"{path}: line {number}: {ErrorCodes.GoldUnreadable}: 'penta' is {quad}, not 0 to 4; skipped.");
                    continue;
                }

                if (!seen.Add(text))
                {
                    repeats.Add(number);
                    continue;
                }

                result.Add(new EventGold(id, text, EventTypes.Normalise(Field(root, "plover")), quad, Field(root, "source_text"), Field(root, "target_text")));
            }
            catch (JsonException e)
            {
                problems.Add($"{path}: line {number}: {ErrorCodes.GoldUnreadable}: not JSON ({e.Message}); skipped.");
            }
        }

        if (repeats.Count > 0)
        {
            problems.Add($"{path}: {repeats.Count} records repeat the text of an earlier one and were skipped (lines {string.Join(", ", repeats.Take(5))}{(repeats.Count > 5 ? ", ..." : string.Empty)}).");
        }

        return result;
    }

    private static string? Field(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
