using System.Text.Json;
using Dyad.Cli;

namespace Dyad.Cli.Tests;

/// <summary><c>dyad code</c> and <c>dyad bench code</c> end to end: Dyad's parser, invented PETRARCH-format dictionaries on disk.</summary>
public sealed class CodeCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dyad-code-" + Guid.NewGuid().ToString("N"));

    public CodeCommandTests()
    {
        Directory.CreateDirectory(_folder);
        Write("CAMEO.2.0.txt", "--- ACCUSE [112] ---\nACCUSE\n--- VISIT [042] ---\nVISIT\n--- SAY [---] ---\nSAY {SAID SAYS SAYING}\n");
        Write("Phoenix.Countries.actors.txt", "ARNOR_ [ARN]\n+ARNORIAN_\nGONDOR_ [GON]\nROHAN_ [ROH]\nTHEODEN_\n\t[ROHGOV 20100101-20121231]\n\t[ROHREB >20130101]\n");
        Write("Phoenix.agents.txt", "ARMY [~MIL]\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = DyadCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Code_PrintsOneJsonEventPerLineWithItsEvidence()
    {
        // Given two sentences, the second with a dated role that the date decides
        const string text = "The Arnorian army accused Gondor of lying.\nTheoden visited Gondor.";
        var input = Write("news.txt", text);

        // When they are coded on a day inside Theoden's government term
        var (exit, output, error) = Run("code", input, "--dictionaries", _folder, "--date", "2011-06-01");

        // Then each event is a JSON line with the code's facts and character offsets into the input
        Assert.True(exit == ExitCodes.Ok, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var accuse = JsonDocument.Parse(lines[0]);
        var e = accuse.RootElement;
        Assert.Equal("2011-06-01", e.GetProperty("date").GetString());
        Assert.Equal("ARNMIL", e.GetProperty("source").GetString());
        Assert.Equal("GON", e.GetProperty("target").GetString());
        Assert.Equal("112", e.GetProperty("cameo").GetString());
        Assert.Equal("11", e.GetProperty("root").GetString());
        Assert.Equal(3, e.GetProperty("quad_class").GetInt32());
        Assert.Equal(-2.0, e.GetProperty("goldstein").GetDouble());
        Assert.Equal("ACCUSE", e.GetProperty("plover").GetProperty("event").GetString());
        Assert.Equal(JsonValueKind.Null, e.GetProperty("plover").GetProperty("context").ValueKind);
        var evidence = e.GetProperty("evidence");
        Assert.Equal("news", evidence.GetProperty("doc").GetString());
        Assert.Equal(1, evidence.GetProperty("sentence").GetInt32());
        Assert.Equal("The Arnorian army accused Gondor of lying.", evidence.GetProperty("text").GetString());
        foreach (var (part, words) in new[] { ("source", "Arnorian army"), ("verb", "accused"), ("target", "Gondor") })
        {
            var span = evidence.GetProperty(part);
            Assert.Equal(words, text[span.GetProperty("start").GetInt32()..span.GetProperty("end").GetInt32()]);
        }

        Assert.Contains("CAMEO.2.0.txt:line 2", e.GetProperty("rule_source").GetString(), StringComparison.Ordinal);

        using var visit = JsonDocument.Parse(lines[1]);
        Assert.Equal("ROHGOV", visit.RootElement.GetProperty("source").GetString());
        Assert.Equal(2, visit.RootElement.GetProperty("evidence").GetProperty("sentence").GetInt32());
        Assert.Equal(text.IndexOf("Theoden", StringComparison.Ordinal), visit.RootElement.GetProperty("evidence").GetProperty("start").GetInt32());
    }

    [Theory]
    [InlineData("2013-02-01", "ROHREB")]
    [InlineData("2012-12-31", "ROHGOV")]
    public void Code_ResolvesDatedRolesByTheDate(string date, string source)
    {
        var input = Write("roles.txt", "Theoden visited Gondor.");
        var (exit, output, error) = Run("code", input, "--dictionaries", _folder, "--date", date, "--format", "table");
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains(source, output, StringComparison.Ordinal);
        Assert.Contains("042", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--date", "12/11/2015", ExitCodes.Usage)]
    [InlineData("--dictionaries", "/nonexistent/dyad-dictionaries", ExitCodes.InputProblem)]
    public void Code_RefusesBadOptionsClearly(string option, string value, int expected)
    {
        var input = Write("bad.txt", "Gondor visited Arnor.");
        string[] args = option == "--date" ? ["code", input, "--dictionaries", _folder, option, value] : ["code", input, option, value];
        var (exit, _, error) = Run(args);
        Assert.Equal(expected, exit);
        Assert.Contains(value, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_WithNoEventsExitsWithNothingFound()
    {
        var input = Write("quiet.txt", "The weather was fine.");
        var (exit, output, _) = Run("code", input, "--dictionaries", _folder);
        Assert.Equal(ExitCodes.NothingFound, exit);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void BenchCode_PrintsCodingAndEndToEndRates()
    {
        var input = Write("bench.txt", "Gondor accused Arnor of lying.\n\nRohan visited Gondor.\n\nThe weather was fine.");
        var (exit, output, error) = Run("bench", "code", "--input", input, "--dictionaries", _folder, "--repeat", "3", "--json");
        Assert.True(exit == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("sentences").GetInt64());
        Assert.Equal(2, root.GetProperty("events").GetInt64());
        Assert.True(root.GetProperty("sentences_per_second").GetDouble() > 0);
        Assert.True(root.GetProperty("end_to_end_sentences_per_second").GetDouble() > 0);
    }
}
