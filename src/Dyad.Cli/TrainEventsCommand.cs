using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dyad.Analysis;
using Dyad.Analysis.Evaluation;
using Dyad.Coding.Coding;
using Dyad.Coding.Learned;

namespace Dyad.Cli;

/// <summary>
/// <c>dyad train events --train FILE.jsonl... --out DIR [--seed N]</c>: trains the learned event layer
/// (<see cref="EventModel"/>) on real-news gold sentences, coded first by the rules of Dyad's knowledge base.
/// </summary>
internal static class TrainEventsCommand
{
    public static Command Create()
    {
        var train = new Option<FileInfo[]>("--train") { Description = "Gold JSON Lines (events-dev format); repeat for several.", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory to write events.model into.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var dictionaries = CliDictionaries.Option();
        var models = CliPipeline.ModelsOption();
        var beam = CliPipeline.BeamOption();
        var fast = CliPipeline.FastOption();
        var command = new Command("events", "Train the learned event layer (QuadClass and PLOVER type over words, parse and the rules' proposals) on gold JSON Lines; deterministic for a seed.")
        {
            train, output, seed, dictionaries, models, beam, fast,
        };
        command.SetAction(parsed =>
        {
            var log = parsed.InvocationConfiguration.Error;
            var clock = Stopwatch.StartNew();
            if (CliEventGold.Load(parsed, parsed.GetValue(train) ?? [], dictionaries, models, beam, fast, log) is not { } loaded)
            {
                return ExitCodes.InputProblem;
            }

            var (coder, sets) = loaded;

            var examples = EventEvaluation.Examples(sets, coder);
            if (!examples.Any(e => e.Example.Type is not null) || !examples.Any(e => e.Example.QuadClass is not null))
            {
                log.WriteLine($"dyad: {ErrorCodes.NoTrainingData}: the training files need sentences with a PLOVER type and sentences with a QuadClass.");
                return ExitCodes.InputProblem;
            }

            var described = string.Join(", ", sets.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} ({s.Gold.Count} sentences)")));
            var model = EventModel.Train([.. examples.Select(e => e.Example)], described, parsed.GetValue(seed));
            var directory = parsed.GetValue(output)!.FullName;
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, EventModel.FileName);
            model.Save(path);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"events: {examples.Count} distinct sentences ({described}); {model.Types.Length} types; written to {path}; {clock.Elapsed.TotalSeconds:F1} s"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
