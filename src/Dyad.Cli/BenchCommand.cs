using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dyad.Nlp;
using Dyad.Nlp.Text;

namespace Dyad.Cli;

/// <summary><c>dyad bench nlp --input FILE [--repeat N] --json</c>: times tokenize+tag+parse on one thread and prints the figures.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "A text file (or a CoNLL-U file, whose '# text' lines are used).", Required = true };
        var repeat = new Option<int>("--repeat") { Description = "Passes over the text.", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var models = CliPipeline.ModelsOption();
        var beam = CliPipeline.BeamOption();
        var fast = CliPipeline.FastOption();
        var history = BenchHistory.Option();
        var nlp = new Command("nlp", "Time the language pipeline (tokenizer, tagger, lemmatizer, parser) on one thread.") { input, repeat, json, models, beam, fast, history };
        nlp.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var pipeline = CliPipeline.Load(parsed, models, beam, fast);
            var path = parsed.GetValue(input)!.FullName;
            var text = ReadText(path);
            var chunks = TextChunks.Split(text, TextChunks.DefaultMaxLength).Select(r => text[r.Start..r.End]).ToList();

            // Warm up the JIT on a little of the text so the timing measures steady-state work.
            pipeline.Process(new Document("warmup", text[..Math.Min(text.Length, 20_000)]));
            var stageSeconds = new double[pipeline.Stages.Count];
            long tokens = 0, sentences = 0;
            using var self = Process.GetCurrentProcess();
            var cpuBefore = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (var pass = 0; pass < Math.Max(1, parsed.GetValue(repeat)); pass++)
            {
                foreach (var chunk in chunks)
                {
                    var document = new Document("bench", chunk);
                    for (var s = 0; s < pipeline.Stages.Count; s++)
                    {
                        var start = Stopwatch.GetTimestamp();
                        document = pipeline.Stages[s].Process(document, CancellationToken.None);
                        stageSeconds[s] += Stopwatch.GetElapsedTime(start).TotalSeconds;
                    }

                    tokens += document.Tokens.Length;
                    sentences += document.Sentences.Length;
                }
            }

            var seconds = clock.Elapsed.TotalSeconds;
            self.Refresh();
            var cpuSeconds = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
            var result = new NlpBenchmark(
                tokens,
                sentences,
                Math.Round(seconds, 3),
                Math.Round(tokens / seconds),
                Math.Round(sentences / seconds),
                Math.Round(self.PeakWorkingSet64 / (1024.0 * 1024.0), 1),
                Math.Round(cpuSeconds, 3),
                Math.Round(tokens / Math.Max(cpuSeconds, 1e-9)),
                Math.Round(pipeline.LoadTime.TotalSeconds, 3),
                pipeline.Stages.Select((stage, s) => (stage.Name, Seconds: Math.Round(stageSeconds[s], 3))).ToDictionary(p => p.Name, p => p.Seconds));
            if (parsed.GetValue(json))
            {
                Json.Write(output, result);
            }
            else
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Tokens} tokens, {result.Sentences} sentences in {result.Seconds} s: {result.TokensPerSecond} tokens/s, {result.SentencesPerSecond} sentences/s ({result.TokensPerCpuSecond} tokens per CPU second); peak {result.PeakWorkingSetMb} MB; models loaded in {result.LoadSeconds} s"));
                foreach (var (stage, stageTime) in result.StageSeconds)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stage}: {stageTime} s"));
                }
            }

            BenchHistory.Record("nlp", path, Variant(parsed.GetValue(fast), parsed.GetValue(beam), threads: 1), "tokens_per_second", result, parsed.GetValue(history), parsed.InvocationConfiguration.Error);
            return ExitCodes.Ok;
        });
        return new Command("bench", "Benchmarks that print figures.") { nlp, BenchCodeCommand.Create(), BenchDictionariesCommand.Create(), BenchIngestCommand.Create(), BenchServeCommand.Create(), BenchLoadCommand.Create() };
    }

    /// <summary>A CoNLL-U file contributes its '# text' lines, one paragraph each; any other file is read as text.</summary>
    private static string ReadText(string path)
    {
        if (path.EndsWith(".conllu", StringComparison.OrdinalIgnoreCase))
        {
            return string.Join("\n\n", File.ReadLines(path).Where(l => l.StartsWith("# text = ", StringComparison.Ordinal)).Select(l => l[9..]));
        }

        return TextDecoder.Decode(File.ReadAllBytes(path), path).Text;
    }

    private sealed record NlpBenchmark(
        long Tokens,
        long Sentences,
        double Seconds,
        double TokensPerSecond,
        double SentencesPerSecond,
        double PeakWorkingSetMb,
        double CpuSeconds,
        double TokensPerCpuSecond,
        double LoadSeconds,
        Dictionary<string, double> StageSeconds);

    /// <summary>The options that change a benchmark's figures, as words for its history.</summary>
    internal static string Variant(bool fast, int? beam, int threads) =>
        string.Join(' ', new[] { fast ? "--fast" : "accurate", beam is { } b ? "--beam " + b.ToString(CultureInfo.InvariantCulture) : null, "--threads " + threads.ToString(CultureInfo.InvariantCulture) }.Where(w => w is not null));
}
