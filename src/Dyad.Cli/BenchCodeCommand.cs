using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dyad.Coding.Coding;
using Dyad.Nlp.Conllu;
using Dyad.Nlp.Text;

namespace Dyad.Cli;

/// <summary>
/// <c>dyad bench code --input FILE [--dictionaries DIR] [--repeat N] [--json]</c>: times event coding alone (over parses made
/// beforehand, or given in a CoNLL-U file) and end to end (parse and code), on one thread.
/// </summary>
internal static class BenchCodeCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "Text to code, or a CoNLL-U file whose parses are used as given.", Required = true };
        var repeat = new Option<int>("--repeat") { Description = "Passes of the coder over the parsed text.", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var dictionaries = CliDictionaries.Option();
        var date = new Option<string?>("--date") { Description = "The date dated roles are resolved for (YYYY-MM-DD); none by default." };
        var models = CliPipeline.ModelsOption();
        var beam = CliPipeline.BeamOption();
        var fast = CliPipeline.FastOption();
        var history = BenchHistory.Option();
        var command = new Command("code", "Time the event coder alone and end to end (parse + code) on one thread.") { input, repeat, json, dictionaries, date, models, beam, fast, history };
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            var path = parsed.GetValue(input)!.FullName;
            if (!CliArticles.TryReadDate(parsed, date, error, out var day))
            {
                return ExitCodes.Usage;
            }


            var loadClock = Stopwatch.StartNew();
            var coder = new EventCoder(CliDictionaries.Load(parsed.GetValue(dictionaries), error), CliDictionaries.CodingOptionsFor(null, CliDictionaries.IsPhoenix(parsed.GetValue(dictionaries))));
            var dictionarySeconds = loadClock.Elapsed.TotalSeconds;

            List<Document> documents;
            double parseSeconds;
            var given = path.EndsWith(".conllu", StringComparison.OrdinalIgnoreCase);
            if (given)
            {
                var diagnostics = new List<Diagnostic>();
                documents = [ConlluDocuments.ToDocument("bench", ConlluReader.ReadFile(path, diagnostics))];
                parseSeconds = double.NaN;
            }
            else
            {
                var pipeline = CliPipeline.Load(parsed, models, beam, fast);
                var text = TextDecoder.Decode(File.ReadAllBytes(path), path).Text;
                var chunks = TextChunks.Split(text, TextChunks.DefaultMaxLength).Select(r => text[r.Start..r.End]).ToList();
                pipeline.Process(new Document("warmup", text[..Math.Min(text.Length, 20_000)]));
                var parseClock = Stopwatch.StartNew();
                documents = [.. chunks.Select(c => pipeline.Process(new Document("bench", c)))];
                parseSeconds = parseClock.Elapsed.TotalSeconds;
            }

            var sentences = documents.Sum(x => x.Sentences.Length);
            foreach (var document in documents)
            {
                coder.Code(document, day); // warm-up
            }

            var passes = Math.Max(1, parsed.GetValue(repeat));
            long events = 0;
            var codeClock = Stopwatch.StartNew();
            for (var pass = 0; pass < passes; pass++)
            {
                foreach (var document in documents)
                {
                    events += coder.Code(document, day).Events.Length;
                }
            }

            var codeSeconds = codeClock.Elapsed.TotalSeconds / passes;
            using var self = Process.GetCurrentProcess();
            var result = new CodeBenchmark(
                sentences,
                events / passes,
                Math.Round(codeSeconds, 4),
                Math.Round(sentences / codeSeconds),
                given ? null : Math.Round(parseSeconds + codeSeconds, 3),
                given ? null : Math.Round(sentences / (parseSeconds + codeSeconds)),
                Math.Round(dictionarySeconds, 3),
                Math.Round(self.PeakWorkingSet64 / (1024.0 * 1024.0), 1));
            if (parsed.GetValue(json))
            {
                Json.Write(output, result);
            }
            else
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Sentences} sentences, {result.Events} events; coding alone {result.SentencesPerSecond} sentences/s; end to end {(result.EndToEndSentencesPerSecond is { } e ? e.ToString(CultureInfo.InvariantCulture) : "-")} sentences/s; dictionaries loaded in {result.DictionaryLoadSeconds} s; peak {result.PeakWorkingSetMb} MB"));
            }

            var variant = BenchCommand.Variant(parsed.GetValue(fast), parsed.GetValue(beam), threads: 1) + (parsed.GetValue(dictionaries) is { } d ? " --dictionaries " + d.FullName : string.Empty);
            BenchHistory.Record("code", path, variant, "sentences_per_second", result, parsed.GetValue(history), error);
            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed record CodeBenchmark(
        long Sentences,
        long Events,
        double CodeSeconds,
        double SentencesPerSecond,
        double? EndToEndSeconds,
        double? EndToEndSentencesPerSecond,
        double DictionaryLoadSeconds,
        double PeakWorkingSetMb);
}
