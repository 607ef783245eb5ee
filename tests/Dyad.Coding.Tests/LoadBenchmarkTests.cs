using System.Diagnostics;
using System.Globalization;
using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Tests;

/// <summary>Prints load times and counts of the real files; never asserts a time (machines differ).</summary>
public sealed class LoadBenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    public void Benchmark_PrintsLoadTimesAndCountsOfTheRealFiles()
    {
        // Given the shared data
        TestData.RequireSharedData();
        var phoenix = DictionaryFiles.Phoenix(TestData.PhoenixFolder);

        // When the whole Phoenix set is loaded three times (the first run includes JIT compilation)
        for (var run = 1; run <= 3; run++)
        {
            var watch = Stopwatch.StartNew();
            var set = DictionarySet.Load(phoenix);
            Print($"Phoenix DictionarySet.Load, run {run}: {watch.ElapsedMilliseconds} ms, {set.Diagnostics.Length} diagnostics");
        }

        // Then print what each file holds
        Time("CAMEO.2.0.txt", () => VerbDictionaryReader.Read(phoenix.Verbs!), r => $"{r.Value.Blocks.Length} blocks, {r.Value.Blocks.Sum(b => b.Verbs.Length)} verbs, {r.Value.FormCount} forms, {r.Value.PatternCount} patterns, {r.Value.SynonymSets.Length} synonym sets, {r.Value.Transformations.Length} transformations");
        foreach (var path in phoenix.Actors)
        {
            Time(Path.GetFileName(path), () => ActorDictionaryReader.Read(path), r => $"{r.Value.Entries.Length} actors, {r.Value.PhraseCount} phrases, {r.Value.RoleCount} roles");
        }

        Time("Phoenix.agents.txt", () => AgentDictionaryReader.Read(phoenix.Agents[0]), r => $"{r.Value.Phrases.Length} agent phrases (with plurals and substitutions)");
        Time("Phoenix.discards.txt", () => DiscardListReader.Read(phoenix.Discards!), r => $"{r.Value.SentenceDiscardCount} sentence and {r.Value.StoryDiscardCount} story discards");
        Time("Phoenix.IssueCoding.txt", () => IssueDictionaryReader.Read(phoenix.Issues!), r => $"{r.Value.Categories.Length} categories, {r.Value.Rules.Length} rules, {r.Value.FormCount} forms, {r.Value.Codes.Length} codes");
        Time("PETR.Internal.Coding.Ontology.txt", () => CodingOntologyReader.Read(phoenix.Ontology!), r => $"{r.Value.Entries.Length} codes");

    }

    private ReadResult<T> Time<T>(string name, Func<ReadResult<T>> read, Func<ReadResult<T>, string> describe)
    {
        var watch = Stopwatch.StartNew();
        var result = read();
        var elapsed = watch.ElapsedMilliseconds;
        var byCode = string.Join(", ", result.Diagnostics.GroupBy(d => d.Code).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + "×" + g.Count().ToString(CultureInfo.InvariantCulture)));
        Print($"{name}: {elapsed} ms; {describe(result)}; {result.Diagnostics.Length} diagnostics ({byCode})");
        return result;
    }

    private void Print(string line) => output.WriteLine(line);
}
