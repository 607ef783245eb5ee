using System.Text.Json.Nodes;
using Dyad.Cli;

namespace Dyad.Cli.Tests;

/// <summary>
/// The golden test of the README's sample: <c>dyad code samples/wire-2015-11-12.txt</c> must print exactly the committed
/// JSON Lines and table under <c>Golden/</c>, and the README's sample output must be cut from them. A change that moves
/// an event, a date, a place or an offset fails here first; when the change is meant, regenerate the two files with
/// <c>./dyad code samples/wire-2015-11-12.txt [--format table]</c> and say why in the commit.
/// </summary>
public sealed class ReadmeSampleTests
{
    private static string RepositoryRoot => TestAnalyzer.RepositoryRoot;

    private static string Sample => Path.Combine(RepositoryRoot, "samples", "wire-2015-11-12.txt");

    private static string Golden(string name) => File.ReadAllText(Path.Combine(RepositoryRoot, "tests", "Dyad.Cli.Tests", "Golden", name)).ReplaceLineEndings("\n");

    private static string Code(params string[] options)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = DyadCommand.Run(["code", Sample, .. options], output, error);
        Assert.True(exit == ExitCodes.Ok, error.ToString());
        return output.ToString().ReplaceLineEndings("\n");
    }

    [Fact]
    public void Code_TheSample_PrintsTheGoldenJsonLines()
    {
        var expected = Golden("wire-2015-11-12.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var actual = Code().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }

    [Fact]
    public void Code_TheSample_PrintsTheGoldenTable()
    {
        Assert.Equal(Golden("wire-2015-11-12.table.txt"), Code("--format", "table"));
    }

    [Fact]
    public void Readme_SampleJson_IsOneRecordOfTheGoldenFile()
    {
        // The README's pretty-printed record is the first ```json block after "## Sample output".
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        var section = readme.IndexOf("## Sample output", StringComparison.Ordinal);
        Assert.True(section >= 0, "README has no '## Sample output' section");
        var open = readme.IndexOf("```json\n", section, StringComparison.Ordinal);
        Assert.True(open >= 0, "README's sample has no ```json block");
        var close = readme.IndexOf("\n```", open + 8, StringComparison.Ordinal);
        var shown = JsonNode.Parse(readme[(open + 8)..close]);

        var golden = Golden("wire-2015-11-12.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l));
        Assert.Contains(golden, g => JsonNode.DeepEquals(g, shown));
    }

    [Fact]
    public void Readme_SampleTable_IsTheGoldenTableCutShort()
    {
        // The README's table rows are the golden rows, cut short at the right (the rule column).
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        var command = readme.IndexOf("$ ./dyad code samples/wire-2015-11-12.txt --format table\n", StringComparison.Ordinal);
        Assert.True(command >= 0, "README's sample shows no table command");
        var start = readme.IndexOf('\n', command) + 1;
        var end = readme.IndexOf("\n```", start, StringComparison.Ordinal);
        var shown = readme[start..end].Split('\n');
        var golden = Golden("wire-2015-11-12.table.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(golden.Length, shown.Length);
        for (var i = 0; i < shown.Length; i++)
        {
            Assert.StartsWith(shown[i].TrimEnd(), golden[i], StringComparison.Ordinal);
        }
    }
}
