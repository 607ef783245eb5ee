using System.Text.Json;
using Dyad.Cli;

namespace Dyad.Cli.Tests;

/// <summary><c>dyad code --dictionaries</c> with Phoenix-named files codes by PETRARCH-2's conventions unless told otherwise.</summary>
public sealed partial class CodeCommandTests
{
    private string[] Codes(string input, params string[] options)
    {
        var (exit, output, error) = Run(["code", input, "--dictionaries", _folder, "--date", "2011-06-01", .. options]);
        Assert.True(exit is ExitCodes.Ok or ExitCodes.NothingFound, error);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var e = json.RootElement;
            return $"{e.GetProperty("cameo").GetString()} {e.GetProperty("source").GetString()} {e.GetProperty("target").GetString()}";
        })];
    }

    [Theory]
    [InlineData(new string[0], "042 ARN GON")]
    [InlineData(new[] { "--conventions", "petrarch" }, "042 ARN GON")]
    [InlineData(new[] { "--conventions", "dyad" }, "036 ARN GON")]
    public void Code_PhoenixDictionaries_CodeTheIntendedActUnlessDyadConventionsAreAsked(string[] options, string expected)
    {
        // Given "Arnor pledged to visit Gondor": Dyad codes the intent to meet (036), PETRARCH-2 the visit (042)
        var input = Write("pledge.txt", "Arnor pledged to visit Gondor.");

        // When / Then
        Assert.Equal([expected], Codes(input, options));
    }

    [Theory]
    [InlineData(new string[0], new string[0])]
    [InlineData(new[] { "--conventions", "dyad" }, new[] { "112 ARN GON" })]
    public void Code_PhoenixDictionaries_StoryDiscardDropsTheWholeArticle(string[] options, string[] expected)
    {
        // Given the story discard "+BALROG" in the second sentence of an article
        Write("Phoenix.discards.txt", "+BALROG\n");
        var input = Write("balrog.txt", "Arnor accused Gondor.\nA balrog visited Rohan.");

        // When / Then PETRARCH-2's conventions drop the first sentence's event too; Dyad's keep it
        Assert.Equal(expected, Codes(input, options));
    }
}
