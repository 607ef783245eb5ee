using System.Text.Json;
using Dyad.Cli;

namespace Dyad.Cli.Tests;

/// <summary><c>dyad validate</c> on an invented suite in both record layouts, with the suite's own parses.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private const string Suite = """
        <Validation>
        <Environment>
            <Verbfile>middle.verbs.txt</Verbfile>
            <Actorfile>middle.actors.txt</Actorfile>
            <Include>valid ARNOR</Include>
        </Environment>
        <Sentences>
        <Sentence category="ARNOR" date="30190401" id="ARN-01" evaluate="true"/>
        <EventCoding eventcode="174" sourcecode="ARN" targetcode="GON" />
        <Text>Arnor vowed to expel Gondor.</Text>
        <Parse>
        1	Arnor	Arnor	PROPN	NNP	_	2	nsubj	_	_
        2	vowed	vow	VERB	VBD	_	0	root	_	_
        3	to	to	PART	TO	_	4	mark	_	_
        4	expel	expel	VERB	VB	_	2	xcomp	_	_
        5	Gondor	Gondor	PROPN	NNP	_	4	obj	_	_
        </Parse>
        </Sentence>

        <Sentence category="ARNOR" date="30190402" id="ARN-02" evaluate="true">
        <EventCoding eventcode="111" sourcecode="GON" targetcode="ARN" />
        <Text>Gondor criticized Arnor.</Text>
        <Parse>
        1	Gondor	Gondor	PROPN	NNP	_	2	nsubj	_	_
        2	criticized	criticize	VERB	VBD	_	0	root	_	_
        3	Arnor	Arnor	PROPN	NNP	_	2	obj	_	_
        </Parse> </Sentence>
        </Sentences>
        </Validation>
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dyad-validate-" + Guid.NewGuid().ToString("N"));
    private readonly string _suite;

    public ValidateCommandTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllLines(Path.Combine(_folder, "middle.verbs.txt"), ["--- VOW [030] ---", "VOW", "--- EXPEL [174] ---", "EXPEL", "--- CRITICIZE [111] ---", "CRITICIZE"]);
        File.WriteAllLines(Path.Combine(_folder, "middle.actors.txt"), ["ARNOR_ [ARN]", "GONDOR_ [GON]"]);
        _suite = Path.Combine(_folder, "middle.records.xml");
        File.WriteAllText(_suite, Suite);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = DyadCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData(null, "petrarch", 2, 0)]
    [InlineData("petrarch", "petrarch", 2, 0)]
    [InlineData("dyad", "dyad", 1, 1)]
    public void Validate_ReadsBothLayoutsAndCodesByPetrarchConventionsUnlessTold(string? conventions, string used, int correct, int extra)
    {
        // Given a UniversalPetrarch-layout record whose gold codes "vowed to expel" as the act (174), and a PETRARCH-layout one
        string[] args = conventions is null ? ["validate", _suite, "--json"] : ["validate", _suite, "--json", "--conventions", conventions];

        // When
        var (exit, output, error) = Run(args);

        // Then both records are read; Dyad's conventions code the intent (137) instead
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.DoesNotContain("DY3008", error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(used, root.GetProperty("conventions").GetString());
        Assert.Equal((2, 2, correct, extra), (root.GetProperty("records").GetInt32(), root.GetProperty("gold_events").GetInt32(), root.GetProperty("correct").GetInt32(), root.GetProperty("extra").GetInt32()));
    }
}
