using System.IO.Compression;
using System.Text.Json;
using Dyad.Cli;

namespace Dyad.Cli.Tests;

/// <summary><c>dyad eval event-locations</c> end to end on a gold file written here, with the shipped models, knowledge base and gazetteer.</summary>
public sealed class EvalEventLocationsCommandTests : IDisposable
{
    // A visit placed at Moscow (array form, as the published file has it) and a sentence whose verb codes no event.
    private const string Gold = """
        [{"text": "The Iraqi delegation arrived in Moscow on Wednesday.", "spans": [{"start": 21, "end": 28, "label": "VERB"}, {"start": 32, "end": 38, "label": "LOCATION"}]}]
        {"text": "The weather was fine.", "spans": [{"start": 12, "end": 15, "label": "VERB"}]}
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dyad-evloc-" + Guid.NewGuid().ToString("N"));

    public EvalEventLocationsCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(Gold)]
    public void EventLocations_ScoresTheVisitAtMoscow(string gold)
    {
        // Given the gold file, gzipped
        var path = Path.Combine(_folder, "gold.jsonl.gz");
        using (var file = File.Create(path))
        using (var zip = new GZipStream(file, CompressionLevel.Fastest))
        using (var writer = new StreamWriter(zip))
        {
            writer.Write(gold);
        }

        // When it is scored, whole and limited to its first sentence
        var (exit, output, error) = Run("eval", "event-locations", "--gold", path, "--json");
        var (limitedExit, limited, _) = Run("eval", "event-locations", "--gold", path, "--json", "--limit", "1");

        // Then the visit is coded and placed right, the weather is not coded; --limit keeps one sentence
        Assert.True(exit == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("gold_verbs").GetInt32());
        Assert.Equal(1, root.GetProperty("coded").GetInt32());
        Assert.Equal(1, root.GetProperty("right").GetInt32());
        Assert.Equal(1.0, root.GetProperty("precision").GetDouble());
        Assert.Equal(1.0, root.GetProperty("recall").GetDouble());
        Assert.Equal(ExitCodes.Ok, limitedExit);
        using var one = JsonDocument.Parse(limited);
        Assert.Equal(1, one.RootElement.GetProperty("sentences").GetInt32());
    }

    [Theory]
    [InlineData("middle")]
    public void EventLocations_RejectsAnUnknownHalf(string half)
    {
        // Given / When a half that is neither first nor second is asked for
        var (exit, _, _) = Run("eval", "event-locations", "--gold", Path.Combine(_folder, "none.jsonl"), "--half", half);

        // Then it is a usage error
        Assert.Equal(ExitCodes.Usage, exit);
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = DyadCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
