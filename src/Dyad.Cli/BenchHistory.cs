using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dyad.Cli;

/// <summary>
/// Where <c>bench</c> keeps its results so that a later run can compare with them: one JSON line per run in
/// <c>BENCH.jsonl</c> of the history folder (<c>--history DIR</c>; by default <c>artifacts/bench</c> when the current
/// folder has an <c>artifacts</c> folder, as the repository root does after <c>./dyad</c>'s first build; otherwise
/// nothing is kept). Each line is the run's figures with <c>run_at</c> (UTC), <c>input</c> and <c>figure</c> (the name of
/// the headline figure) and <c>variant</c> (the options that change the figures, such as <c>--fast --threads 2</c>);
/// after a run, standard error says how the headline figure compares with the last run of the same input and variant.
/// </summary>
internal static class BenchHistory
{
    public static Option<DirectoryInfo?> Option() => new("--history") { Description = "Folder to keep each run's figures in (BENCH.jsonl) and compare with the last run on the same input (default: artifacts/bench when ./artifacts exists)." };

    /// <summary>Appends <paramref name="result"/> to the history of <paramref name="bench"/> and reports the change in <paramref name="figure"/>.</summary>
    /// <param name="bench">The benchmark's name (<c>nlp</c>, <c>code</c>, <c>ingest</c>).</param>
    /// <param name="input">The input it ran on, as given.</param>
    /// <param name="variant">The options that change its figures (profile, threads), as words.</param>
    /// <param name="figure">The headline figure's JSON name (<c>tokens_per_second</c>).</param>
    /// <param name="result">The run's figures.</param>
    /// <param name="folder">The history folder, or null for the default.</param>
    /// <param name="error">Where the comparison is written.</param>
    public static void Record<T>(string bench, string input, string variant, string figure, T result, DirectoryInfo? folder, TextWriter error)
    {
        var directory = folder?.FullName ?? (Directory.Exists("artifacts") ? Path.Combine("artifacts", "bench") : null);
        if (directory is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, bench + ".jsonl");
            var line = JsonSerializer.SerializeToNode(result, Json.Options)!.AsObject();
            line["run_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            line["input"] = Path.GetFullPath(input);
            line["variant"] = variant;
            line["figure"] = figure;
            var previous = File.Exists(path) ? Last(path, Path.GetFullPath(input), variant) : null;
            File.AppendAllText(path, line.ToJsonString(Json.Options) + "\n");
            var now = line[figure]?.GetValue<double>();
            if (previous?[figure]?.GetValue<double>() is { } before && now is { } after && before > 0)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: {figure} {after} against {before} at the last run of this input and variant ({previous["run_at"]}): {(after - before) / before:+0.0%;-0.0%;0.0%}; kept in {path}"));
            }
            else
            {
                error.WriteLine($"bench: the first run of this input and variant, kept in {path}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or FormatException)
        {
            error.WriteLine($"bench: the run could not be kept in {directory}: {e.Message}");
        }
    }

    private static JsonObject? Last(string path, string input, string variant)
    {
        JsonObject? last = null;
        foreach (var text in File.ReadLines(path))
        {
            try
            {
                if (JsonNode.Parse(text) is JsonObject run && run["input"]?.GetValue<string>() == input && run["variant"]?.GetValue<string>() == variant)
                {
                    last = run;
                }
            }
            catch (JsonException)
            {
                // A damaged line is skipped: the history is a convenience, never a reason to fail a run.
            }
        }

        return last;
    }
}
