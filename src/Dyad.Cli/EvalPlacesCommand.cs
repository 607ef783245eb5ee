using System.Collections.Immutable;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dyad.Geo;
using Dyad.Ingest;
using Dyad.Places;

namespace Dyad.Cli;

/// <summary>
/// <c>dyad eval places --gold FILE.jsonl [--json] [--misses] [--no-parse]</c>: finds the places of each gold article as
/// <c>dyad places</c> does and scores them (precision, found, acc161, end to end; see <see cref="PlaceScores"/>).
/// The gold file holds one article a line: <c>text</c> and <c>toponyms</c> [{<c>start</c>, <c>end</c>, <c>text</c>,
/// <c>lat</c>, <c>lon</c>}], character offsets into the text.
/// </summary>
internal static class EvalPlacesCommand
{
    public static Command Create()
    {
        var gold = new Option<FileInfo>("--gold") { Description = "Gold articles, JSON Lines: text and toponyms [{start, end, text, lat, lon}].", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var misses = new Option<bool>("--misses") { Description = "Write every missed, misplaced and extra place name to standard error (tab-separated)." };
        var dictionaries = CliDictionaries.Option();
        var models = CliPipeline.ModelsOption();
        var beam = CliPipeline.BeamOption();
        var fast = CliPipeline.FastOption();
        var noParse = PlacesCommand.NoParseOption();
        var command = new Command("places", "Score the places found against gold toponyms: precision, found, acc161 (within 161 km) and end to end.") { gold, json, misses, dictionaries, models, beam, fast, noParse };
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            var path = parsed.GetValue(gold)!.FullName;
            if (!File.Exists(path))
            {
                error.WriteLine($"dyad: {path}: no such file.");
                return ExitCodes.InputProblem;
            }

            var findPlaces = PlacesCommand.PlaceFinder(parsed, noParse, dictionaries, models, beam, fast, error);
            if (findPlaces is null)
            {
                return ExitCodes.InputProblem;
            }

            var showMisses = parsed.GetValue(misses);
            var scores = new PlaceScores();
            var clock = Stopwatch.StartNew();
            var lineNumber = 0;
            foreach (var line in File.ReadLines(path))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                GoldArticle? entry;
                try
                {
                    entry = JsonSerializer.Deserialize<GoldArticle>(line, Json.Options);
                }
                catch (JsonException e)
                {
                    error.WriteLine($"dyad: {path} line {lineNumber}: not a gold article: {e.Message}");
                    return ExitCodes.InputProblem;
                }

                if (entry?.Text is not { } text)
                {
                    error.WriteLine($"dyad: {path} line {lineNumber}: no text.");
                    return ExitCodes.InputProblem;
                }

                var id = entry.Id ?? string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}");
                var goldToponyms = (entry.Toponyms ?? [])
                    .Where(t => t.Lat is not null && t.Lon is not null && t.Start >= 0 && t.End <= text.Length && t.Start < t.End)
                    .Select(t => new GoldToponym(t.Start, t.End, t.Lat!.Value, t.Lon!.Value))
                    .ToList();
                var article = new Article(id, null, null, null, null, null, null, null, text, ArticleFormat.JsonLines, path, $"line {lineNumber}", ImmutableArray<Diagnostic>.Empty);
                var places = findPlaces(article).Where(CountsAsPlace).ToList();
                var outcomes = scores.Add(goldToponyms, [.. places.Select(p => (p.Start, p.End, p.Latitude, p.Longitude))]);
                if (showMisses)
                {
                    WriteMisses(error, id, text, goldToponyms, outcomes, places);
                }
            }

            clock.Stop();
            if (parsed.GetValue(json))
            {
                Json.Write(output, new Summary(scores.Documents, scores.Gold, scores.Predicted, Round(scores.Precision), Round(scores.FoundShare), Round(scores.Acc161), Round(scores.EndToEnd)));
            }
            else
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"articles {scores.Documents}, gold toponyms {scores.Gold}, predicted {scores.Predicted}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"precision {scores.Precision:F3}  found {scores.FoundShare:F3}  acc161 {scores.Acc161:F3}  e2e {scores.EndToEnd:F3}"));
            }

            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dyad: {scores.Documents} articles in {clock.Elapsed.TotalSeconds:F1} s"));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>What the score counts as a place name: places and modifiers ("U.S. Centers for Disease Control" names
    /// the United States); demonyms ("Russian") are words for people, not place names.</summary>
    private static bool CountsAsPlace(Toponym toponym) => toponym.Place is not null && toponym.Kind != ToponymKind.Demonym;

    private static double Round(double value) => Math.Round(value, 4);

    private static void WriteMisses(TextWriter error, string id, string text, List<GoldToponym> gold, IReadOnlyList<int> outcomes, List<Toponym> places)
    {
        for (var i = 0; i < gold.Count; i++)
        {
            var g = gold[i];
            var words = text[g.Start..g.End];
            if (outcomes[i] == 0)
            {
                error.WriteLine($"missed\t{id}\t{words}\t{Context(text, g.Start, g.End)}");
            }
            else if (outcomes[i] == 1)
            {
                var chosen = places.First(p => p.Start < g.End && g.Start < p.End);
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrong\t{id}\t{words}\t{chosen.Name} {chosen.Country} {chosen.Feature} ({chosen.Latitude:F2},{chosen.Longitude:F2}) gold ({g.Latitude:F2},{g.Longitude:F2}) {PlaceScores.DistanceKm(chosen.Latitude ?? 0, chosen.Longitude ?? 0, g.Latitude, g.Longitude):F0} km"));
            }
        }

        foreach (var p in places.Where(p => !gold.Any(g => p.Start < g.End && g.Start < p.End)))
        {
            error.WriteLine($"extra\t{id}\t{p.Text}\t{p.Name} {p.Country} {p.Feature}\t{Context(text, p.Start, p.End)}");
        }
    }

    private static string Context(string text, int start, int end)
    {
        var from = Math.Max(0, start - 40);
        var to = Math.Min(text.Length, end + 40);
        return (text[from..start] + "[" + text[start..end] + "]" + text[end..to]).ReplaceLineEndings(" ");
    }

    private sealed record GoldArticle(string? Id, string? Text, List<GoldEntry>? Toponyms);

    private sealed record GoldEntry(int Start, int End, string? Text, double? Lat, double? Lon);

    private sealed record Summary(int Articles, int Gold, int Predicted, double Precision, double Found, double Acc161, double E2e);
}
