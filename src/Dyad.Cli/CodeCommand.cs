using System.CommandLine;
using System.Globalization;
using Dyad.Coding.Coding;
using Dyad.Nlp.Text;

namespace Dyad.Cli;

/// <summary><c>dyad code [FILE...|-] --dictionaries DIR --date YYYY-MM-DD [--format jsonl|table]</c>: parses text and codes its events.</summary>
internal static class CodeCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Text files to code; '-' or none reads standard input.", Arity = ArgumentArity.ZeroOrMore };
        var dictionaries = CliDictionaries.Option();
        var date = new Option<string?>("--date") { Description = "The date of the text (YYYY-MM-DD): the events' date and the day dated actor roles are resolved for." };
        var format = new Option<string>("--format") { Description = "jsonl (one event per line) or table.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "table");
        var models = CliPipeline.ModelsOption();
        var beam = CliPipeline.BeamOption();
        var fast = CliPipeline.FastOption();
        var command = new Command("code", "Parse text and code its events (who did what to whom), printed as JSON Lines or a table.") { files, dictionaries, date, format, models, beam, fast };
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            DateOnly? day = null;
            if (parsed.GetValue(date) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    error.WriteLine($"dyad: --date '{text}' is not a date of the form YYYY-MM-DD.");
                    return ExitCodes.Usage;
                }

                day = d;
            }

            var coder = new EventCoder(CliDictionaries.Load(parsed.GetValue(dictionaries), error));
            var pipeline = CliPipeline.Load(parsed, models, beam, fast);
            var table = parsed.GetValue(format) == "table";
            var exit = ExitCodes.Ok;
            var count = 0;
            if (table)
            {
                output.WriteLine("date        source      target      cameo  goldstein  words (source | verb | target)   rule");
            }

            foreach (var input in InputFiles.Read(parsed.GetValue(files) ?? [], Console.OpenStandardInput()))
            {
                foreach (var diagnostic in input.Diagnostics)
                {
                    error.WriteLine(diagnostic);
                    exit = diagnostic.Severity == Severity.Error ? ExitCodes.InputProblem : exit;
                }

                var id = input.Name == "stdin" ? "stdin" : Path.GetFileNameWithoutExtension(input.Name);
                var sentenceBase = 0;
                foreach (var chunk in TextChunks.Split(input.Text, TextChunks.DefaultMaxLength))
                {
                    var document = pipeline.Process(new Document(id, input.Text[chunk.Start..chunk.End]));
                    foreach (var coded in coder.Code(document, day).Events)
                    {
                        var record = EventRecord.Create(document, coded, day);
                        record = Shift(record, chunk.Start, sentenceBase);
                        count++;
                        if (table)
                        {
                            WriteRow(output, record);
                        }
                        else
                        {
                            Json.WriteRecord(output, record);
                        }
                    }

                    sentenceBase += document.Sentences.Length;
                }
            }

            return exit == ExitCodes.Ok && count == 0 ? ExitCodes.NothingFound : exit;
        });
        return command;
    }

    /// <summary>Moves offsets and sentence numbers of a record coded in a chunk to the whole input's.</summary>
    private static EventRecord Shift(EventRecord record, int offset, int sentenceBase)
    {
        if (offset == 0 && sentenceBase == 0)
        {
            return record;
        }

        static TextSpan? Move(TextSpan? span, int by) => span is null ? null : span with { Start = span.Start + by, End = span.End + by };
        var e = record.Evidence;
        return record with
        {
            Evidence = e with
            {
                Sentence = e.Sentence + sentenceBase,
                Start = e.Start + offset,
                End = e.End + offset,
                Source = Move(e.Source, offset),
                Verb = Move(e.Verb, offset)!,
                Target = Move(e.Target, offset),
            },
        };
    }

    private static void WriteRow(TextWriter output, EventRecord r)
    {
        var words = $"{r.Evidence.Source?.Text ?? "-"} | {r.Evidence.Verb.Text} | {r.Evidence.Target?.Text ?? "-"}";
        var goldstein = r.Goldstein?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Date ?? "-",-10}  {r.Source,-10}  {r.Target,-10}  {r.Cameo,-5}  {goldstein,9}  {words,-32}  {r.Rule} ({r.RuleSource})"));
    }
}
