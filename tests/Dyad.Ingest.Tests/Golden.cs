using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dyad.Ingest.Tests;

/// <summary>
/// Golden files: <c>Fixtures/x.ext</c> is read and its results compared, as canonical JSON one result a line, with
/// <c>Fixtures/x.expected.jsonl</c>. <c>UPDATE_GOLDEN=1</c> rewrites the expected file in the source tree; on a
/// mismatch the actual output is written beside it as <c>x.received.jsonl</c>.
/// </summary>
internal static class Golden
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static string FixturesSource
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dyad.slnx")))
            {
                directory = directory.Parent;
            }

            Assert.NotNull(directory);
            return Path.Combine(directory.FullName, "tests", "Dyad.Ingest.Tests", "Fixtures");
        }
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Render(IEnumerable<IngestResult> results)
    {
        var builder = new StringBuilder();
        foreach (var result in results)
        {
            builder.Append(ToJson(result).ToJsonString(Options)).Append('\n');
        }

        return builder.ToString();
    }

    public static void Check(string fixture, IEnumerable<IngestResult> results)
    {
        var actual = Render(results);
        var expectedPath = Path.Combine(FixturesSource, Path.GetFileNameWithoutExtension(fixture) + ".expected.jsonl");
        var receivedPath = Path.Combine(FixturesSource, Path.GetFileNameWithoutExtension(fixture) + ".received.jsonl");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, actual);
            return;
        }

        Assert.True(File.Exists(expectedPath), $"{expectedPath} is missing; run with UPDATE_GOLDEN=1 and review it");
        var expected = File.ReadAllText(expectedPath);
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            File.WriteAllText(receivedPath, actual);
        }
        else if (File.Exists(receivedPath))
        {
            File.Delete(receivedPath);
        }

        Assert.Equal(expected, actual);
    }

    public static JsonObject ToJson(IngestResult result) => result switch
    {
        ArticleAccepted { Article: var a } => new JsonObject
        {
            ["result"] = "article",
            ["id"] = a.Id,
            ["location"] = a.Location,
            ["format"] = a.Format.ToString(),
            ["title"] = a.Title,
            ["byline"] = a.Byline,
            ["source"] = a.Source,
            ["url"] = a.Url,
            ["dateline"] = a.Dateline is null ? null : new JsonObject
            {
                ["place"] = a.Dateline.Place,
                ["agency"] = a.Dateline.Agency,
                ["range"] = a.Dateline.Range.ToString(),
                ["words"] = a.Text[a.Dateline.Range.Start..a.Dateline.Range.End],
            },
            ["published"] = a.Published?.ToString(),
            ["publishedFrom"] = a.PublishedFrom,
            ["text"] = a.Text,
            ["diagnostics"] = new JsonArray([.. a.Diagnostics.Select(d => (JsonNode)JsonValue.Create(d.Code + " " + d.Severity + " " + d.Location)!)]),
        },
        ArticleRejected r => new JsonObject
        {
            ["result"] = "rejected",
            ["location"] = r.Location,
            ["code"] = r.Problem.Code,
            ["severity"] = r.Problem.Severity.ToString(),
            ["message"] = r.Problem.Message,
            ["raw"] = r.Raw,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };
}
