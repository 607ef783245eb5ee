using System.CommandLine;
using System.Globalization;
using Dyad.Analysis.Validation;
using Dyad.Coding.Coding;
using Dyad.Coding.Dictionaries;

namespace Dyad.Cli;

/// <summary>
/// <c>dyad validate SUITE.xml [--parses given|dyad] [--dictionaries DIR] [--conventions petrarch|dyad] [--json]</c>: codes a
/// PETRARCH or UniversalPetrarch validation suite (either record layout) and scores it, by PETRARCH-2's conventions unless
/// told otherwise.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var suiteArgument = new Argument<FileInfo>("suite") { Description = "The validation suite file (PETR_Validate_records_*.xml)." };
        var parses = new Option<string>("--parses") { Description = "Which parses to code: 'given' (the suite's CoNLL-U) or 'dyad' (the records' text parsed by Dyad's own pipeline).", DefaultValueFactory = _ => "given" };
        parses.AcceptOnlyFromAmong("given", "dyad");
        var dictionaries = new Option<DirectoryInfo>("--dictionaries") { Description = "Folder the <Environment> file names are relative to; the suite's folder by default." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object with the counts overall and by category." };
        var models = CliPipeline.ModelsOption();
        var beam = CliPipeline.BeamOption();
        var fast = CliPipeline.FastOption();
        var conventions = CliDictionaries.ConventionsOption("Default: petrarch, as the suite's dictionaries are PETRARCH's.");
        var command = new Command("validate", "Code a PETRARCH or UniversalPetrarch validation suite and compare with its gold events.") { suiteArgument, parses, dictionaries, json, models, beam, fast, conventions };
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            var path = parsed.GetValue(suiteArgument)!.FullName;
            if (!File.Exists(path))
            {
                error.WriteLine($"dyad: {ErrorCodes.InputUnreadable}: the suite file {path} does not exist.");
                return ExitCodes.InputProblem;
            }

            var read = ValidationSuiteReader.Read(path);
            var suite = read.Value;
            var folder = parsed.GetValue(dictionaries)?.FullName ?? Path.GetDirectoryName(path) ?? ".";
            var set = DictionarySet.Load(suite.Environment.ToDictionaryFiles(folder));
            var diagnostics = new List<Diagnostic>(read.Diagnostics);
            diagnostics.AddRange(set.Diagnostics.Where(d => d.Severity == Severity.Error || d.Code == ErrorCodes.InputUnreadable));
            Func<ValidationRecord, Document>? parse = null;
            if (parsed.GetValue(parses) == "dyad")
            {
                var pipeline = CliPipeline.Load(parsed, models, beam, fast);
                parse = record => pipeline.Process(new Document(record.Id, record.Text));
            }

            var report = ValidationRunner.Run(suite, new EventCoder(set, CliDictionaries.CodingOptionsFor(parsed.GetValue(conventions), petrarchDictionaries: true)), diagnostics, parse);
            foreach (var diagnostic in diagnostics.Where(d => d.Severity == Severity.Error))
            {
                error.WriteLine(diagnostic);
            }

            if (parsed.GetValue(json))
            {
                Json.Write(output, new
                {
                    Suite = path,
                    Parses = parsed.GetValue(parses),
                    Conventions = parsed.GetValue(conventions) ?? CliDictionaries.PetrarchConventions,
                    Records = report.Total.Records,
                    GoldEvents = report.Total.GoldEvents,
                    Correct = report.Total.Correct,
                    Uncoded = report.Total.Uncoded,
                    Extra = report.Total.Extra,
                    PassedRecords = report.Total.Passed,
                    CorrectPercent = Math.Round(report.Total.CorrectPercent, 1),
                    ByCategory = report.ByCategory.ToDictionary(
                        c => c.Key,
                        c => new { c.Value.Records, c.Value.GoldEvents, c.Value.Correct, c.Value.Uncoded, c.Value.Extra, PassedRecords = c.Value.Passed },
                        StringComparer.Ordinal),
                    Failing = report.Outcomes.Where(o => !o.Passed).Select(o => o.Record.Id).ToList(),
                });
                return ExitCodes.Ok;
            }

            foreach (var outcome in report.Outcomes.Where(o => !o.Passed))
            {
                var record = outcome.Record;
                output.WriteLine($"{record.Id} ({record.Category}, {record.Source}): {record.Text}");
                output.WriteLine("  gold: " + (record.Events.Any() ? string.Join("; ", record.Events) : "no events"));
                output.WriteLine("  got:  " + (outcome.Coding.Events.IsEmpty ? "no events" : string.Join("; ", outcome.Coding.Events)));
                foreach (var coded in outcome.Coding.Events)
                {
                    output.WriteLine($"    {coded}: {coded.Rule} at {coded.PatternRule ?? coded.VerbRule}");
                }

                foreach (var note in outcome.Coding.Notes)
                {
                    output.WriteLine("    note: " + note.Reason);
                }
            }

            var t = report.Total;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"records {t.Records}, gold events {t.GoldEvents}, correct {t.Correct} ({t.CorrectPercent:F1}%), uncoded {t.Uncoded}, extra {t.Extra}, records passed {t.Passed}"));
            foreach (var (category, c) in report.ByCategory)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {category,-10} records {c.Records,3}  gold {c.GoldEvents,3}  correct {c.Correct,3}  uncoded {c.Uncoded,3}  extra {c.Extra,3}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
