using System.Text.Json;
using Dyad.Cli;

namespace Dyad.Cli.Tests;

/// <summary><c>dyad dict check</c>, run in-process on the shipped knowledge base and on small ones written here.</summary>
public sealed class DictCheckTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dyad-cli-kb-" + Guid.NewGuid().ToString("N"));

    public DictCheckTests() => Directory.CreateDirectory(Path.Combine(_folder, "verbs"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = DyadCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private void Write(string relative, params string[] lines) => File.WriteAllText(Path.Combine(_folder, relative), string.Join('\n', lines) + "\n");

    private static string RepositoryKnowledgeBase()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dyad.slnx")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine(directory.FullName, "data", "kb");
    }

    [Fact]
    public void DictCheck_TheShippedKnowledgeBase_HasNoErrors()
    {
        // Given the repository's data/kb (whatever content it holds)
        var kb = RepositoryKnowledgeBase();
        Assert.True(File.Exists(Path.Combine(kb, "README.md")), "data/kb/README.md is missing");

        // When
        var (exit, output, error) = Run("dict", "check", kb, "--stats");

        // Then
        Assert.True(exit == ExitCodes.Ok, output + error);
        Assert.Contains(" 0 error(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void DictCheck_ABadKnowledgeBase_PrintsEachFindingAtItsLineAndExitsOne()
    {
        // Given an unknown event code and a reversed date range
        Write("countries.txt", "IRQ | IQ | Iraq | Iraqi | Baghdad | |");
        Write("people.txt", "Ann Example", "  IRQ | 2005-01-01..2000-01-01 | reversed");
        Write("verbs/04-consult.txt", "verb visit = 042", "  * + = 0999");

        // When
        var (exit, output, _) = Run("dict", "check", _folder);

        // Then
        Assert.Equal(1, exit);
        // (the person, left without a role, is a warning at line 1)
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith(Path.Join(_folder, "people.txt") + ":1: warning: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(Path.Join(_folder, "people.txt") + ":2: error: ", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("[DY3018]", lines[1], StringComparison.Ordinal);
        Assert.StartsWith(Path.Join(_folder, "verbs/04-consult.txt") + ":2: error: ", lines[2], StringComparison.Ordinal);
        Assert.Contains("0999", lines[2], StringComparison.Ordinal);
        Assert.Equal($"{_folder}: 2 error(s), 1 warning(s)", lines[^1]);
    }

    [Fact]
    public void DictCheck_WarningsOnly_ExitsZero()
    {
        // Given a set nobody uses
        Write("verbs/04-consult.txt", "set &UNUSED = thing", "verb visit = 042");

        // When
        var (exit, output, _) = Run("dict", "check", _folder);

        // Then
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains(":1: warning: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void DictCheck_JsonWithStats_HoldsFindingsAndCounts()
    {
        // Given
        Write("countries.txt", "IRQ | IQ | Iraq | Iraqi | Baghdad | |", "USA | US | United States | American | Washington | | Iraq");
        Write("agents.txt", "MIL | army");
        Write("verbs/04-consult.txt", "verb visit, tour = 042", "  * + = 042", "  * (to +) = 043");

        // When
        var (exit, output, _) = Run("dict", "check", _folder, "--stats", "--json");

        // Then
        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("errors").GetInt32());
        var finding = root.GetProperty("findings")[0];
        Assert.Equal(("error", "DY3013", 2), (finding.GetProperty("severity").GetString(), finding.GetProperty("code").GetString(), finding.GetProperty("line").GetInt32()));
        var stats = root.GetProperty("stats");
        Assert.Equal((2, 1, 2, 2, 2), (stats.GetProperty("countries").GetInt32(), stats.GetProperty("agents").GetInt32(), stats.GetProperty("verbs").GetInt32(), stats.GetProperty("verb_patterns").GetInt32(), stats.GetProperty("cameo_codes_covered").GetInt32()));
    }

    [Fact]
    public void DictCheck_Stats_PrintsTheCountsTable()
    {
        // Given
        Write("discards.txt", "sentence | football match", "story | horoscope");

        // When
        var (exit, output, _) = Run("dict", "check", _folder, "--stats");

        // Then
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Matches(@"(?m)^  discards +2$", output);
        Assert.Matches(@"(?m)^  countries +0$", output);
    }

    [Fact]
    public void DictCheck_MissingFolder_IsAnInputProblem()
    {
        // When
        var (exit, _, error) = Run("dict", "check", Path.Combine(_folder, "none"));

        // Then
        Assert.Equal(ExitCodes.InputProblem, exit);
        Assert.Contains(ErrorCodes.InputUnreadable, error, StringComparison.Ordinal);
    }
}
