using System.Text.Json;
using Dyad.Cli;

namespace Dyad.Cli.Tests;

/// <summary><c>dyad code</c> and <c>dyad bench code</c> end to end: Dyad's parser, invented PETRARCH-format dictionaries on disk.</summary>
public sealed partial class CodeCommandTests : IDisposable
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
    public void CodeTable_MarksAnActorWhoseCountryIsTheArticles()
    {
        // Given a report datelined KABUL whose government has no country in its words (Dyad's own knowledge base)
        var input = Write("kabul.txt", "Published: 2024-03-05\n\nKABUL (Reuters) - The government criticised the Taliban on Monday. Afghan officials said the attack in Kandahar killed ten people.\n");

        // When it is coded as a table
        var (exit, output, error) = Run("code", input, "--format", "table");

        // Then the government's code carries a mark, and a last line says what the mark means
        Assert.True(exit == ExitCodes.Ok, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("AFGGOV*", StringComparison.Ordinal) && l.Contains("criticised", StringComparison.Ordinal));
        Assert.StartsWith("* the actor's country is the article's", lines[^1], StringComparison.Ordinal);
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
        Assert.Equal("news.txt", evidence.GetProperty("doc").GetString());
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

    [Fact]
    public void Code_JsonLinesArticle_WithTheShippedKnowledgeBase_IsDatedAndPlaced()
    {
        // Given a JSON Lines article with its id and publication date, and no dictionaries named (the shipped ones)
        var input = Write("feed.jsonl", "{\"id\": \"a1\", \"title\": \"Talks in Moscow\", \"url\": \"https://example.org/a1\", \"published\": \"2015-11-12\", \"text\": \"The Iraqi delegation arrived in Moscow on Wednesday.\"}\n{not json}\n");

        // When it is coded
        var (exit, output, error) = Run("code", input);

        // Then the visit is dated to the Wednesday before publication, placed at Moscow, and carries its document;
        // the bad line is reported with its place, and the run says an input had a problem
        Assert.Equal(ExitCodes.InputProblem, exit);
        Assert.Contains("line 2", error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single());
        var e = json.RootElement;
        Assert.Equal(("IRQGOV", "RUS", "042"), (e.GetProperty("source").GetString(), e.GetProperty("target").GetString(), e.GetProperty("cameo").GetString()));
        Assert.Equal(("IRQ", "RUS"), (e.GetProperty("source_country").GetString(), e.GetProperty("target_country").GetString()));
        Assert.Equal("2015-11-11", e.GetProperty("date").GetString());
        Assert.Equal("day", e.GetProperty("date_precision").GetString());
        Assert.Equal("on Wednesday", e.GetProperty("date_evidence").GetString());
        var location = e.GetProperty("location");
        Assert.Equal("Moscow", location.GetProperty("name").GetString());
        Assert.Equal("RU", location.GetProperty("country").GetString());
        Assert.InRange(location.GetProperty("lat").GetDouble(), 55.6, 55.9);
        Assert.InRange(location.GetProperty("lon").GetDouble(), 37.4, 37.8);
        Assert.Equal("city", location.GetProperty("feature").GetString());
        var document = e.GetProperty("document");
        Assert.Equal("a1", document.GetProperty("id").GetString());
        Assert.Equal("https://example.org/a1", document.GetProperty("url").GetString());
        Assert.Equal("2015-11-12", document.GetProperty("published").GetString());
        Assert.Equal("json", document.GetProperty("published_from").GetString());
        Assert.Equal("a1", e.GetProperty("evidence").GetProperty("doc").GetString());
    }

    [Fact]
    public void Places_ListsEachPlaceNameWithItsOffsetsAndCoordinates()
    {
        // Given an article naming two places
        const string text = "Officials from Iraq met in Moscow. Fighting continued near Mosul.";
        var input = Write("places.jsonl", "{\"id\": \"p1\", \"text\": \"" + text + "\"}\n");

        // When its places are listed
        var (exit, output, error) = Run("places", input, "--format", "jsonl");

        // Then each is a JSON line with the document id, the words' offsets and the resolved place
        Assert.True(exit == ExitCodes.Ok, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var moscow = Assert.Single(lines, l => l.GetProperty("text").GetString() == "Moscow");
        Assert.Equal("p1", moscow.GetProperty("doc").GetString());
        Assert.Equal("Moscow", text[moscow.GetProperty("start").GetInt32()..moscow.GetProperty("end").GetInt32()]);
        Assert.Equal("RU", moscow.GetProperty("country").GetString());
        var mosul = Assert.Single(lines, l => l.GetProperty("text").GetString() == "Mosul");
        Assert.InRange(mosul.GetProperty("lat").GetDouble(), 36.2, 36.5);
        Assert.Equal("IQ", mosul.GetProperty("country").GetString());
        Assert.All(lines, l => Assert.True(l.TryGetProperty("geonames_id", out _)));
    }
}
