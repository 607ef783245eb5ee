using System.Diagnostics;
using System.Globalization;
using Dyad.Analysis.Validation;
using Dyad.Coding.Dictionaries;

namespace Dyad.Analysis.Tests;

/// <summary>Prints load times and counts of the validation suite and the dictionaries it names; never asserts a time (machines differ).</summary>
public sealed class ValidationSuiteLoadBenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    public void Benchmark_PrintsLoadTimesAndCountsOfTheSuite()
    {
        // Given the shared data
        TestData.RequireSharedData();

        // When / Then the suite and each dictionary it names are read, and what each holds is printed
        var suitePath = Path.Combine(TestData.SuiteFolder, "PETR_Validate_records_2_02.xml");
        var suite = Time("PETR_Validate_records_2_02.xml", () => ValidationSuiteReader.Read(suitePath), r => $"{r.Value.Records.Length} records, {r.Value.Records.Sum(x => x.Events.Count())} gold events");
        var validate = suite.Value.DictionaryFiles;
        Time(Path.GetFileName(validate.Verbs!), () => VerbDictionaryReader.Read(validate.Verbs!), r => $"{r.Value.Blocks.Length} blocks, {r.Value.Blocks.Sum(b => b.Verbs.Length)} verbs, {r.Value.PatternCount} patterns, {r.Value.SynonymSets.Length} synonym sets");
        Time(Path.GetFileName(validate.Actors[0]), () => ActorDictionaryReader.Read(validate.Actors[0]), r => $"{r.Value.Entries.Length} actors, {r.Value.PhraseCount} phrases, {r.Value.RoleCount} roles");
        Time(Path.GetFileName(validate.Agents[0]), () => AgentDictionaryReader.Read(validate.Agents[0]), r => $"{r.Value.Phrases.Length} agent phrases");
        Time(Path.GetFileName(validate.Discards!), () => DiscardListReader.Read(validate.Discards!), r => $"{r.Value.Phrases.Length} discards");
        Time(Path.GetFileName(validate.Ontology!), () => CodingOntologyReader.Read(validate.Ontology!), r => $"{r.Value.Entries.Length} codes");
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
