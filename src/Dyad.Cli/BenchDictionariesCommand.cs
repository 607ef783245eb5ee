using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dyad.Analysis.Validation;
using Dyad.Coding.Dictionaries;

namespace Dyad.Cli;

/// <summary>
/// <c>dyad bench dictionaries [--dictionaries DIR | --suite FILE] [--repeat N] [--json]</c>: times loading a dictionary set
/// (Dyad's knowledge base, PETRARCH's Phoenix files, or the files a validation suite names) and, for PETRARCH-format
/// files, reading each file alone, with what it holds and its diagnostics by code.
/// </summary>
internal static class BenchDictionariesCommand
{
    public static Command Create()
    {
        var dictionaries = CliDictionaries.Option();
        var suite = new Option<FileInfo?>("--suite") { Description = "A PETRARCH validation suite (XML): time reading it and the dictionaries it names instead." };
        var repeat = new Option<int>("--repeat") { Description = "Loads of the whole set (the first includes JIT compilation).", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("dictionaries", "Time loading the dictionaries: the whole set, then each file on its own.") { dictionaries, suite, repeat, json };
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            var files = new List<FileTiming>();
            DictionaryFiles? petrarch = null;
            string name;
            if (parsed.GetValue(suite) is { } suiteFile)
            {
                if (!suiteFile.Exists)
                {
                    error.WriteLine($"dyad: {ErrorCodes.InputUnreadable}: {suiteFile.FullName}: no such file");
                    return ExitCodes.Usage;
                }

                var read = Time(suiteFile.Name, () => ValidationSuiteReader.Read(suiteFile.FullName), r => $"{r.Value.Records.Length} records, {r.Value.Records.Sum(x => x.Events.Count())} gold events");
                files.Add(read.Timing);
                petrarch = read.Result.Value.DictionaryFiles;
                name = suiteFile.FullName;
            }
            else
            {
                name = CliDictionaries.Folder(parsed.GetValue(dictionaries));
                if (!Directory.Exists(name))
                {
                    error.WriteLine($"dyad: {ErrorCodes.InputUnreadable}: the dictionary folder {name} does not exist");
                    return ExitCodes.Usage;
                }

                if (CliDictionaries.IsPhoenix(new DirectoryInfo(name)))
                {
                    petrarch = DictionaryFiles.Phoenix(name);
                }
            }

            var runs = new List<double>();
            var diagnostics = 0;
            for (var run = 0; run < Math.Max(1, parsed.GetValue(repeat)); run++)
            {
                var clock = Stopwatch.StartNew();
                var set = petrarch is not null ? DictionarySet.Load(petrarch) : DictionarySet.LoadKnowledgeBase(name);
                runs.Add(Math.Round(clock.Elapsed.TotalMilliseconds, 1));
                diagnostics = set.Diagnostics.Length;
            }

            if (petrarch is { } f)
            {
                if (f.Verbs is { } verbs)
                {
                    files.Add(Time(Path.GetFileName(verbs), () => VerbDictionaryReader.Read(verbs), r => $"{r.Value.Blocks.Length} blocks, {r.Value.Blocks.Sum(b => b.Verbs.Length)} verbs, {r.Value.FormCount} forms, {r.Value.PatternCount} patterns, {r.Value.SynonymSets.Length} synonym sets").Timing);
                }

                foreach (var actors in f.Actors)
                {
                    files.Add(Time(Path.GetFileName(actors), () => ActorDictionaryReader.Read(actors), r => $"{r.Value.Entries.Length} actors, {r.Value.PhraseCount} phrases, {r.Value.RoleCount} roles").Timing);
                }

                foreach (var agents in f.Agents)
                {
                    files.Add(Time(Path.GetFileName(agents), () => AgentDictionaryReader.Read(agents), r => $"{r.Value.Phrases.Length} agent phrases").Timing);
                }

                if (f.Discards is { } discards)
                {
                    files.Add(Time(Path.GetFileName(discards), () => DiscardListReader.Read(discards), r => $"{r.Value.SentenceDiscardCount} sentence and {r.Value.StoryDiscardCount} story discards").Timing);
                }

                if (f.Issues is { } issues)
                {
                    files.Add(Time(Path.GetFileName(issues), () => IssueDictionaryReader.Read(issues), r => $"{r.Value.Categories.Length} categories, {r.Value.Rules.Length} rules").Timing);
                }

                if (f.Ontology is { } ontology)
                {
                    files.Add(Time(Path.GetFileName(ontology), () => CodingOntologyReader.Read(ontology), r => $"{r.Value.Entries.Length} codes").Timing);
                }
            }

            var result = new DictionaryBenchmark(name, runs, diagnostics, files);
            if (parsed.GetValue(json))
            {
                Json.Write(output, result);
                return ExitCodes.Ok;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: whole set loaded in {string.Join(", ", runs.Select(r => r + " ms"))}; {diagnostics} diagnostics"));
            foreach (var file in files)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {file.File}: {file.Milliseconds} ms; {file.Holds}; {file.Diagnostics} diagnostics{(file.ByCode.Length > 0 ? " (" + file.ByCode + ")" : string.Empty)}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static (ReadResult<T> Result, FileTiming Timing) Time<T>(string file, Func<ReadResult<T>> read, Func<ReadResult<T>, string> describe)
    {
        var clock = Stopwatch.StartNew();
        var result = read();
        var elapsed = Math.Round(clock.Elapsed.TotalMilliseconds, 1);
        var byCode = string.Join(", ", result.Diagnostics.GroupBy(d => d.Code).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + "×" + g.Count().ToString(CultureInfo.InvariantCulture)));
        return (result, new FileTiming(file, elapsed, describe(result), result.Diagnostics.Length, byCode));
    }

    private sealed record FileTiming(string File, double Milliseconds, string Holds, int Diagnostics, string ByCode);

    private sealed record DictionaryBenchmark(string Dictionaries, IReadOnlyList<double> LoadMilliseconds, int Diagnostics, IReadOnlyList<FileTiming> Files);
}
