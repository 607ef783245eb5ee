using System.Text.Json;
using Dyad.Cli;

namespace Dyad.Cli.Tests;

/// <summary>
/// <c>dyad train events</c>, <c>dyad eval events</c> and the learned layer in <c>dyad code</c>, run in-process with the
/// committed language models, Dyad's knowledge base and its shipped event model. The small gold file here is written
/// for these tests; the real-news test reads ../shared/data/events-dev and skips without it.
/// </summary>
public sealed class EventModelCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dyad-events-" + Guid.NewGuid().ToString("N"));

    public EventModelCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = DyadCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string RepositoryRoot => TestAnalyzer.RepositoryRoot;

    // Sentences written for this test: four event types and sentences with no event, in the events-dev layout.
    private static readonly (string Text, string? Type, int Quad, string? Source, string? Target)[] Sentences =
    [
        ("France accused Germany of breaking the budget rules.", "ACCUSE", 3, "France", "Germany"),
        ("Brazil criticised Argentina over the new tariffs.", "ACCUSE", 3, "Brazil", "Argentina"),
        ("Japan condemned North Korea for the missile launch.", "ACCUSE", 3, "Japan", "North Korea"),
        ("Kenya denounced Somalia after the border raid.", "ACCUSE", 3, "Kenya", "Somalia"),
        ("Chile blamed Peru for the collapse of the talks.", "ACCUSE", 3, "Chile", "Peru"),
        ("Spain accused Morocco of ignoring the agreement.", "ACCUSE", 3, "Spain", "Morocco"),
        ("Russian troops attacked Ukrainian positions near the river.", "ASSAULT", 4, "Russian troops", "Ukrainian positions"),
        ("Israeli jets bombed targets in Gaza overnight.", "ASSAULT", 4, "Israeli jets", "targets in Gaza"),
        ("Turkish forces shelled Kurdish villages on Sunday.", "ASSAULT", 4, "Turkish forces", "Kurdish villages"),
        ("Militants attacked a police station in Nigeria.", "ASSAULT", 4, "Militants", "a police station"),
        ("Indian soldiers fired on Pakistani posts along the border.", "ASSAULT", 4, "Indian soldiers", "Pakistani posts"),
        ("Syrian aircraft struck rebel towns in the north.", "ASSAULT", 4, "Syrian aircraft", "rebel towns"),
        ("Egypt met Sudan to discuss the dam.", "CONSULT", 1, "Egypt", "Sudan"),
        ("The Chinese foreign minister visited Pakistan on Monday.", "CONSULT", 1, "The Chinese foreign minister", "Pakistan"),
        ("Vietnam hosted a delegation from Laos.", "CONSULT", 1, "Vietnam", "a delegation from Laos"),
        ("Ghana held talks with Togo about trade.", "CONSULT", 1, "Ghana", "Togo"),
        ("The Polish president met the Lithuanian president in Vilnius.", "CONSULT", 1, "The Polish president", "the Lithuanian president"),
        ("Norway consulted Sweden on the fishing quotas.", "CONSULT", 1, "Norway", "Sweden"),
        ("Canada agreed to send grain to Haiti.", "AGREE", 1, "Canada", "Haiti"),
        ("Mexico promised to cooperate with Guatemala on migration.", "AGREE", 1, "Mexico", "Guatemala"),
        ("Italy pledged to help Tunisia rebuild its ports.", "AGREE", 1, "Italy", "Tunisia"),
        ("Jordan offered to mediate between Iraq and Syria.", "AGREE", 1, "Jordan", "Iraq"),
        ("Qatar said it would support Lebanon's army.", "AGREE", 1, "Qatar", "Lebanon's army"),
        ("Austria vowed to work with Hungary on the new railway.", "AGREE", 1, "Austria", "Hungary"),
        ("The weather in Lisbon was warm and sunny.", null, 0, null, null),
        ("Shares rose in Tokyo as the yen weakened.", null, 0, null, null),
        ("The museum in Cairo reopened after repairs.", null, 0, null, null),
        ("A new bridge over the Danube carries four lanes of traffic.", null, 0, null, null),
        ("The film festival in Venice opens next week.", null, 0, null, null),
        ("Farmers in Iowa harvested a record corn crop.", null, 0, null, null),
    ];

    private string WriteGold(params string[] extraLines)
    {
        var path = Path.Combine(_folder, "gold.jsonl");
        var lines = Sentences.Select((s, i) => JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = "t-" + i,
            ["text"] = s.Text,
            ["plover"] = s.Type,
            ["penta"] = s.Quad,
            ["source_text"] = s.Source,
            ["target_text"] = s.Target,
        }));
        File.WriteAllLines(path, lines.Concat(extraLines));
        return path;
    }

    [Fact]
    public void TrainEvents_IsDeterministicAndWritesAModelThatCodeUses()
    {
        // Given a gold file, trained twice with one seed
        var gold = WriteGold();
        var first = Path.Combine(_folder, "a");
        var second = Path.Combine(_folder, "b");
        var (exitA, _, errorA) = Run("train", "events", "--train", gold, "--out", first, "--seed", "3");
        var (exitB, _, errorB) = Run("train", "events", "--train", gold, "--out", second, "--seed", "3");

        // Then both runs succeed and write the same bytes
        Assert.True(exitA == ExitCodes.Ok, errorA);
        Assert.True(exitB == ExitCodes.Ok, errorB);
        Assert.Contains("30 distinct sentences", errorA, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "events.model")), File.ReadAllBytes(Path.Combine(second, "events.model")));
    }

    [Fact]
    public void EvalEvents_ReportsRulesAndCrossValidatedFigures_AndNamesBadRecords()
    {
        // Given a gold file with three unusable records after the good ones
        var gold = WriteGold("{not json", "{\"id\": \"x\"}", "{\"id\": \"y\", \"text\": \"Some text.\", \"penta\": 9}");

        // When it is scored with 3-fold cross-validation
        var (exit, output, error) = Run("eval", "events", "--gold", gold, "--cv", "3", "--json");

        // Then each bad record is named with its line and code, and the figures cover the 30 good records
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("line 31: DY3019", error, StringComparison.Ordinal);
        Assert.Contains("line 32: DY3019", error, StringComparison.Ordinal);
        Assert.Contains("line 33: DY3019", error, StringComparison.Ordinal);
        var root = JsonDocument.Parse(output).RootElement;
        foreach (var part in new[] { "rules", "learned" })
        {
            var scores = Assert.Single(root.GetProperty(part).EnumerateArray());
            Assert.Equal(30, scores.GetProperty("records").GetInt32());
            Assert.Equal(24, scores.GetProperty("typed_records").GetInt32());
            Assert.InRange(scores.GetProperty("recall").GetDouble(), 0, 1);
            Assert.InRange(scores.GetProperty("quad_macro_f1").GetDouble(), 0, 1);
            var confusion = scores.GetProperty("confusion").EnumerateArray().Select(r => r.EnumerateArray().Sum(c => c.GetInt32())).ToList();
            Assert.Equal([6, 12, 0, 6, 6], confusion);
        }

        Assert.Contains("3-fold cross-validation", root.GetProperty("model").GetString(), StringComparison.Ordinal);
        Assert.InRange(root.GetProperty("classifier").GetProperty("type_accuracy").GetDouble(), 0, 1);
    }

    [Fact]
    public void EvalEvents_MissingGoldFile_IsAnInputProblem()
    {
        var (exit, _, error) = Run("eval", "events", "--gold", Path.Combine(_folder, "absent.jsonl"));
        Assert.Equal(ExitCodes.InputProblem, exit);
        Assert.Contains("DY1002", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_TheSampleReport_KeepsItsCoreEventsWithTheModel_AndSaysWhatTheModelDid()
    {
        // Given the README's sample report, coded with the shipped event model and with the rules alone
        var sample = Path.Combine(RepositoryRoot, "samples", "wire-2015-11-12.txt");
        var (exit, output, error) = Run("code", sample);
        var (rulesExit, rulesOutput, rulesError) = Run("code", sample, "--rules-only");
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.True(rulesExit == ExitCodes.Ok, rulesError);
        static List<JsonElement> Events(string jsonl) => [.. jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
        var learned = Events(output);
        var rules = Events(rulesOutput);

        // Then the core events stand in both (Russia's offer to arm Iraq's army, the visit, the bombing, the accusation, the capture of Mosul)
        foreach (var events in new[] { learned, rules })
        {
            Assert.Contains(events, e => e.GetProperty("source").GetString() == "RUS" && e.GetProperty("cameo").GetString() == "0332");
            Assert.Contains(events, e => e.GetProperty("source").GetString() == "IRQGOV" && e.GetProperty("cameo").GetString() == "042");
            Assert.Contains(events, e => e.GetProperty("source").GetString() == "RUSMIL" && e.GetProperty("cameo").GetString() == "195");
            Assert.Contains(events, e => e.GetProperty("source").GetString() == "TUR" && e.GetProperty("cameo").GetString() == "112");
            Assert.Contains(events, e => e.GetProperty("target").GetString() == "IRQ" && e.GetProperty("cameo").GetString() == "192");
        }

        // And only the learned run has events the model made or changed, each saying so in its rule
        Assert.DoesNotContain(rules, e => e.GetProperty("rule").GetString()!.Contains("events.v1", StringComparison.Ordinal));
        Assert.Contains(learned, e => e.GetProperty("rule").GetString()!.Contains("model events.v1", StringComparison.Ordinal));
    }

    [Fact]
    public void EvalEvents_OnRealNewsDevSets_TheLearnedLayerBeatsTheRulesInCrossValidation()
    {
        var dev = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", "events-dev"));
        if (!File.Exists(Path.Combine(dev, "plv.jsonl")) || !File.Exists(Path.Combine(dev, "penta.jsonl")))
        {
            Assert.Skip($"The real-news dev sets are not at {dev}; check out ../shared next to the repository to run this test.");
        }

        // When both dev sets are scored, the learned layer by 5-fold cross-validation (never scored on its own training sentences)
        var (exit, output, error) = Run("eval", "events", "--gold", Path.Combine(dev, "plv.jsonl"), Path.Combine(dev, "penta.jsonl"), "--cv", "5", "--json");
        Assert.True(exit == ExitCodes.Ok, error);
        var root = JsonDocument.Parse(output).RootElement;
        var rules = root.GetProperty("rules").EnumerateArray().ToList();
        var learned = root.GetProperty("learned").EnumerateArray().ToList();

        // Then type recall, type precision and both actors on the PLOVER set, and QuadClass F1 on the QuadClass set, all rise
        Assert.True(learned[0].GetProperty("recall").GetDouble() > rules[0].GetProperty("recall").GetDouble() + 0.15, output);
        Assert.True(learned[0].GetProperty("precision").GetDouble() > rules[0].GetProperty("precision").GetDouble() + 0.03, output);
        Assert.True(learned[0].GetProperty("both_actors").GetDouble() > rules[0].GetProperty("both_actors").GetDouble() + 0.1, output);
        Assert.True(learned[1].GetProperty("quad_macro_f1").GetDouble() > rules[1].GetProperty("quad_macro_f1").GetDouble() + 0.25, output);
    }
}
