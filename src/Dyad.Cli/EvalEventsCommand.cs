using System.CommandLine;
using System.Globalization;
using Dyad.Analysis;
using Dyad.Analysis.Evaluation;
using Dyad.Coding.Coding;
using Dyad.Coding.Learned;

namespace Dyad.Cli;

/// <summary>
/// <c>dyad eval events --gold FILE.jsonl... [--cv K] [--rules-only] [--json]</c>: codes real-news gold sentences and
/// prints the figures ../shared/data/README.md defines (type recall, precision, both actors; QuadClass macro F1 and
/// its confusion matrix; per type). With <c>--cv K</c> the learned layer is trained K times, each time on the other
/// folds of all the gold files given, and scored on its own fold only.
/// </summary>
internal static class EvalEventsCommand
{
    public static Command Create()
    {
        var gold = new Option<FileInfo[]>("--gold") { Description = "Gold JSON Lines (events-dev format: id, text, plover, penta, source_text, target_text); repeat for several.", Required = true, AllowMultipleArgumentsPerToken = true };
        var cv = new Option<int>("--cv") { Description = "Cross-validate the learned layer with this many folds over all the gold files (0: use the shipped model as it is)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the folds and of training.", DefaultValueFactory = _ => 1 };
        var veto = new Option<double?>("--veto") { Description = "With --cv: the model's 'no event' probability that drops the rules' events (default: the model's)." };
        var keep = new Option<double?>("--keep") { Description = "With --cv: the probability of its type that keeps a rule event of another type than the model's best." };
        var retype = new Option<double?>("--retype") { Description = "With --cv: the probability of the best type that re-types the main rule event." };
        var add = new Option<double?>("--add") { Description = "With --cv: the probability of the best type that adds an event where the rules found none." };
        var target = new Option<double?>("--target") { Description = "With --cv: the ranker's probability that gives a target to an event without one." };
        var retarget = new Option<double?>("--retarget") { Description = "With --cv: the margin by which the ranker must prefer another phrase to replace an event's target (above 1: never)." };
        var retypeSameClass = new Option<bool>("--retype-same-class") { Description = "With --cv: re-type a plausible rule event even when it is of the QuadClass the model chose." };
        var noSources = new Option<bool>("--no-source-ranking") { Description = "With --cv: the actor ranker fills and replaces targets only, not sources." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var rulesOnly = CliArticles.RulesOnlyOption();
        var dictionaries = CliDictionaries.Option();
        var models = CliPipeline.ModelsOption();
        var beam = CliPipeline.BeamOption();
        var fast = CliPipeline.FastOption();
        var command = new Command("events", "Score coded events against real-news gold sentences (type recall and precision, both actors, QuadClass macro F1).")
        {
            gold, cv, seed, veto, keep, retype, add, target, retarget, retypeSameClass, noSources, json, rulesOnly, dictionaries, models, beam, fast,
        };
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            var folds = parsed.GetValue(cv);
            if (folds is 1 or < 0)
            {
                error.WriteLine("dyad: --cv takes 0 (no cross-validation) or 2 folds or more.");
                return ExitCodes.Usage;
            }

            if (CliEventGold.Load(parsed, parsed.GetValue(gold) ?? [], dictionaries, models, beam, fast, error) is not { } loaded)
            {
                return ExitCodes.InputProblem;
            }

            var (coder, sets) = loaded;
            if (sets.Sum(s => s.Gold.Count) == 0)
            {
                error.WriteLine($"dyad: {ErrorCodes.NoTrainingData}: the gold files hold no usable record.");
                return ExitCodes.InputProblem;
            }

            var rules = sets.Select(s => EventEvaluation.Score(s, EventEvaluation.Predict(s, null, coder))).ToList();
            List<EventScores>? learned = null;
            string? model = null;
            ClassifierScores? classifier = null;
            if (folds >= 2)
            {
                var defaults = EventModelOptions.Default;
                var options = new EventModelOptions
                {
                    Veto = parsed.GetValue(veto) ?? defaults.Veto,
                    Keep = parsed.GetValue(keep) ?? defaults.Keep,
                    Retype = parsed.GetValue(retype) ?? defaults.Retype,
                    Add = parsed.GetValue(add) ?? defaults.Add,
                    Target = parsed.GetValue(target) ?? defaults.Target,
                    Retarget = parsed.GetValue(retarget) ?? defaults.Retarget,
                    KeepSameClass = !parsed.GetValue(retypeSameClass),
                    RankSources = !parsed.GetValue(noSources),
                };
                var predictions = EventEvaluation.CrossValidate(sets, coder, folds, parsed.GetValue(seed), options, out var alone);
                classifier = alone;
                learned = [.. sets.Select((s, i) => EventEvaluation.Score(s, predictions[i]))];
                model = string.Create(CultureInfo.InvariantCulture, $"{EventModel.Name}, {folds}-fold cross-validation (seed {parsed.GetValue(seed)}; veto {options.Veto}, keep {options.Keep}, retype {options.Retype}, add {options.Add}, target {options.Target}, retarget {options.Retarget})");
            }
            else if (!parsed.GetValue(rulesOnly) && !CliDictionaries.IsPhoenix(parsed.GetValue(dictionaries)) && CliArticles.LoadEventModel(parsed, models) is { } shipped)
            {
                learned = [.. sets.Select(s => EventEvaluation.Score(s, EventEvaluation.Predict(s, shipped, coder)))];
                model = $"{EventModel.Name} as shipped (trained on {shipped.TrainedOn}: figures on its own training data are not a measure)";
            }

            if (parsed.GetValue(json))
            {
                Json.Write(output, new { rules, model, learned, classifier });
                return ExitCodes.Ok;
            }

            Print(output, "rules alone", rules);
            if (learned is not null)
            {
                Print(output, "rules + " + model, learned);
            }

            if (classifier is not null)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"classifier alone, held-out sentences of all files: type accuracy {classifier.TypeAccuracy:F3} ({classifier.TypedSentences} typed), QuadClass macro F1 {classifier.QuadMacroF1:F3}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(TextWriter output, string title, IReadOnlyList<EventScores> scores)
    {
        output.WriteLine($"== {title}");
        foreach (var s in scores)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Name}: {s.Records} records"));
            if (s.TypedRecords > 0)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  type: recall {s.Recall:F3}  precision {s.Precision:F3}  both actors {s.BothActors:F3}  ({s.TypedRecords} typed sentences, {s.Events} events)"));
                output.WriteLine("  per type          gold  recall  produced  precision");
                foreach (var t in s.Types)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {t.Type,-14} {t.Gold,5}  {Figure(t.Recall),6}  {t.Produced,8}  {Figure(t.Precision),9}"));
                }
            }

            if (s.QuadRecords > 0)
            {
                var f1 = string.Join("  ", s.QuadF1.Select((v, c) => string.Create(CultureInfo.InvariantCulture, $"{c}:{Figure(v)}")));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  QuadClass of the first event: macro F1 {s.QuadMacroF1:F3}  ({s.QuadRecords} sentences; per class {f1})"));
                output.WriteLine("  confusion (rows gold 0-4, columns predicted 0-4):");
                foreach (var row in s.Confusion)
                {
                    output.WriteLine("    " + string.Join(" ", row.Select(n => n.ToString(CultureInfo.InvariantCulture).PadLeft(5))));
                }
            }
        }
    }

    private static string Figure(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "-";
}
