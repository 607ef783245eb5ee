using System.Text.Json;
using Dyad.Cli;

namespace Dyad.Cli.Tests;

/// <summary>The command line, run in-process with the committed models.</summary>
public sealed class CliTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = DyadCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string Temp(string name, string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dyad-cli-{Guid.NewGuid():N}-{name}");
        File.WriteAllText(path, content);
        return path;
    }

    [Theory]
    [InlineData("Arnor's army didn't attack Gondor on Sept. 30. The U.S. envoy arrived in Minas Tirith.", 2)]
    public void Parse_PrintsOneTreePerSentenceAsConllu(string text, int sentences)
    {
        // Given a text file
        var path = Temp("news.txt", text);

        // When it is parsed
        var (exit, output, error) = Run("parse", path);

        // Then CoNLL-U comes out with ids, texts, and one root per sentence
        Assert.True(exit == ExitCodes.Ok, error);
        var blocks = output.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(sentences, blocks.Length);
        foreach (var block in blocks)
        {
            var lines = block.Split('\n');
            Assert.StartsWith("# sent_id = ", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("# text = ", lines[1], StringComparison.Ordinal);
            var words = lines.Skip(2).Select(l => l.Split('\t')).Where(f => !f[0].Contains('-', StringComparison.Ordinal)).ToList();
            Assert.All(words, f => Assert.Equal(10, f.Length));
            Assert.Single(words, f => f[6] == "0");
        }

        Assert.Contains("\tn't\tnot\tPART\t", output, StringComparison.Ordinal);
        File.Delete(path);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0xFF, 0xFE, 0x41, 0x80, 0x0A, 0xC3, 0x28, 0x20, 0x42 })]
    public void Parse_ReportsBadBytesAndGoesOn(byte[] content)
    {
        // Given a file of binary garbage and invalid UTF-8
        var path = Path.Combine(Path.GetTempPath(), $"dyad-cli-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, content);

        // When it is parsed
        var (exit, output, error) = Run("parse", path);

        // Then it does not crash: the problem is named with its code and the rest is parsed
        Assert.Contains("DY100", error, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(path), error, StringComparison.Ordinal);
        Assert.Contains("# text = ", output, StringComparison.Ordinal);
        Assert.True(exit is ExitCodes.Ok or ExitCodes.InputProblem);
        File.Delete(path);
    }

    [Theory]
    [InlineData("/no/such/file.txt")]
    public void Parse_NamesAMissingFile(string path)
    {
        // When / Then
        var (exit, _, error) = Run("parse", path);
        Assert.Equal(ExitCodes.InputProblem, exit);
        Assert.Contains(ErrorCodes.InputUnreadable, error, StringComparison.Ordinal);
        Assert.Contains(path, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--gold", "eval", "parse")]
    [InlineData("no-such-verb", "no-such-verb")]
    [InlineData("--repeat", "bench", "nlp", "--input", "x.txt", "--repeat", "many")]
    public void Dyad_UsageErrorsExitWith64(string named, params string[] args)
    {
        // When / Then
        var (exit, _, error) = Run(args);
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/no/such/models")]
    public void Parse_SaysWhenModelsAreMissing(string models)
    {
        // When / Then
        var (exit, _, error) = Run("parse", "--models", models, "-");
        Assert.Equal(ExitCodes.InputProblem, exit);
        Assert.Contains(ErrorCodes.ModelUnreadable, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EvalParse_PrintsTheScoresAsJson(bool fromRaw)
    {
        // Given a small hand-made gold file
        var path = Temp("gold.conllu", GoldSample);

        // When it is evaluated
        var args = fromRaw ? new[] { "eval", "parse", "--gold", path, "--json", "--from-raw" } : ["eval", "parse", "--gold", path, "--json"];
        var (exit, output, error) = Run(args);

        // Then one JSON object carries every figure, in percent
        Assert.True(exit == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("sentences").GetInt32());
        Assert.Equal(10, json.RootElement.GetProperty("tokens").GetInt32());
        foreach (var name in new[] { "upos", "xpos", "lemma", "uas", "las" })
        {
            Assert.InRange(json.RootElement.GetProperty(name).GetDouble(), 50, 100);
        }

        Assert.Equal(fromRaw, json.RootElement.TryGetProperty("sentences_f1", out _));
        File.Delete(path);
    }

    [Theory]
    [InlineData(2)]
    public void BenchNlp_PrintsTheFigures(int repeat)
    {
        // Given a text
        var path = Temp("bench.txt", "Gondor said on Monday that it would send troops to Arnor. Rohan did not agree.\n\nThe talks ended.");

        // When it is benchmarked
        var (exit, output, error) = Run("bench", "nlp", "--input", path, "--repeat", repeat.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");

        // Then the figures are there and consistent
        Assert.True(exit == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(repeat * 21, root.GetProperty("tokens").GetInt64());
        Assert.Equal(repeat * 3, root.GetProperty("sentences").GetInt64());
        foreach (var name in new[] { "seconds", "tokens_per_second", "sentences_per_second", "peak_working_set_mb" })
        {
            Assert.True(root.GetProperty(name).GetDouble() > 0, name);
        }

        File.Delete(path);
    }

    [Fact]
    public void BenchNlp_WithAHistoryFolder_KeepsEachRun_AndComparesWithTheLastOfTheSameVariant()
    {
        // Given a text and an empty history folder
        var path = Temp("bench.txt", "Gondor said on Monday that it would send troops to Arnor. Rohan did not agree.");
        var history = Path.Combine(Path.GetTempPath(), "dyad-bench-history-" + Guid.NewGuid().ToString("N"));

        // When it is benchmarked twice with the accurate profile, then once with --fast
        var first = Run("bench", "nlp", "--input", path, "--history", history);
        var second = Run("bench", "nlp", "--input", path, "--history", history);
        var fast = Run("bench", "nlp", "--input", path, "--history", history, "--fast");

        // Then every run is kept, the second is compared with the first, and --fast starts its own history
        Assert.True(first.Exit == ExitCodes.Ok && second.Exit == ExitCodes.Ok && fast.Exit == ExitCodes.Ok, first.Error + second.Error + fast.Error);
        Assert.Contains("the first run of this input and variant", first.Error, StringComparison.Ordinal);
        Assert.Contains("tokens_per_second", second.Error, StringComparison.Ordinal);
        Assert.Contains("at the last run of this input and variant", second.Error, StringComparison.Ordinal);
        Assert.Contains("the first run of this input and variant", fast.Error, StringComparison.Ordinal);
        var runs = File.ReadAllLines(Path.Combine(history, "nlp.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["accurate --threads 1", "accurate --threads 1", "--fast --threads 1"], runs.Select(r => r.GetProperty("variant").GetString()));
        Assert.All(runs, r => Assert.True(r.GetProperty("tokens_per_second").GetDouble() > 0));
        Directory.Delete(history, recursive: true);
        File.Delete(path);
    }

    [Fact]
    public void BenchDictionaries_PrintsEachLoadOfTheKnowledgeBase()
    {
        // Given Dyad's own knowledge base, and a missing folder
        var missing = Path.Combine(Path.GetTempPath(), "dyad-no-such-kb-" + Guid.NewGuid().ToString("N"));

        // When loading them is benchmarked twice
        var (exit, output, error) = Run("bench", "dictionaries", "--repeat", "2", "--json");
        var (missingExit, _, missingError) = Run("bench", "dictionaries", "--dictionaries", missing);

        // Then each load has its time, the knowledge base reads clean, and the missing folder is named in an error
        Assert.True(exit == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("load_milliseconds").GetArrayLength());
        Assert.All(root.GetProperty("load_milliseconds").EnumerateArray(), t => Assert.True(t.GetDouble() > 0));
        Assert.Equal(0, root.GetProperty("diagnostics").GetInt32());
        Assert.Equal(ExitCodes.Usage, missingExit);
        Assert.Contains(missing, missingError, StringComparison.Ordinal);
    }

    private const string GoldSample = """
        # newdoc id = gold
        # sent_id = g1
        # text = Gondor sent troops to Arnor.
        1	Gondor	Gondor	PROPN	NNP	Number=Sing	2	nsubj	_	_
        2	sent	send	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
        3	troops	troop	NOUN	NNS	Number=Plur	2	obj	_	_
        4	to	to	ADP	IN	_	5	case	_	_
        5	Arnor	Arnor	PROPN	NNP	Number=Sing	2	obl	_	SpaceAfter=No
        6	.	.	PUNCT	.	_	2	punct	_	_

        # sent_id = g2
        # text = They arrived today.
        1	They	they	PRON	PRP	Case=Nom|Number=Plur|Person=3|PronType=Prs	2	nsubj	_	_
        2	arrived	arrive	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
        3	today	today	NOUN	NN	Number=Sing	2	obl:tmod	_	SpaceAfter=No
        4	.	.	PUNCT	.	_	2	punct	_	_

        """;
}
