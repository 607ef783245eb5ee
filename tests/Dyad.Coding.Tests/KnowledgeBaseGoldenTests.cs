using System.Globalization;
using System.Text.RegularExpressions;
using Dyad.Coding.Coding;
using Dyad.Coding.Dictionaries;
using Dyad.Nlp;

namespace Dyad.Coding.Tests;

/// <summary>
/// Dyad's shipped knowledge base and parser on short news-style sentences written by Dyad's developers
/// (Golden/kb-sentences.tsv): at least one per CAMEO root, each with the events it must give and nothing else.
/// </summary>
public sealed class KnowledgeBaseGoldenTests
{
    private static readonly Lazy<(Pipeline Pipeline, EventCoder Coder)> Shipped = new(() => (
        Pipeline.Load(Path.Combine(TestData.RepositoryRoot, "models", "en")),
        new EventCoder(DictionarySet.LoadKnowledgeBase(Path.Combine(TestData.RepositoryRoot, "data", "kb")))));

    public static TheoryData<string, string, string> Sentences()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(TestData.RepositoryRoot, "tests", "Dyad.Coding.Tests", "Golden", "kb-sentences.tsv")))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            data.Add(f[0], f[1], f.Length > 2 ? f[2] : string.Empty);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void ShippedKnowledgeBase_CodesTheSentence(string sentence, string date, string expected)
    {
        // Given the shipped models and knowledge base
        var (pipeline, coder) = Shipped.Value;

        // When the sentence is parsed and coded on its date
        var document = pipeline.Process(new Document("golden", sentence), TestContext.Current.CancellationToken);
        var result = coder.Code(document, DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        var got = result.Events.Select(e => $"{e.SourceCode} {e.TargetCode} {e.EventCode}").ToList();

        // Then every expected event is there (a '*' matches any characters) and nothing else
        var wanted = expected.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var report = $"'{sentence}': expected [{expected}], got [{string.Join("; ", got)}] by [{string.Join("; ", result.Events.Select(e => e.Rule + " @ " + (e.PatternRule ?? e.VerbRule)))}]; notes: {string.Join(" | ", result.Notes.Select(n => n.Reason))}";
        var unmatched = got.ToList();
        foreach (var pattern in wanted)
        {
            var regex = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
            var index = unmatched.FindIndex(g => regex.IsMatch(g));
            Assert.True(index >= 0, report);
            unmatched.RemoveAt(index);
        }

        Assert.True(unmatched.Count == 0, report);
    }
}
