using System.CommandLine;
using System.Globalization;
using Dyad.Analysis;
using Dyad.Events;
using Dyad.Ingest;

namespace Dyad.Cli;

/// <summary>
/// <c>dyad code [FILE...|-] [--dictionaries DIR] [--date YYYY-MM-DD] [--format jsonl|table] [--conventions dyad|petrarch]</c>:
/// reads articles (text, HTML, RSS/Atom, JSON Lines), parses them and codes their events, dated and placed.
/// </summary>
internal static class CodeCommand
{
    /// <summary>Articles analysed at once (then printed in order before the next batch is read).</summary>
    private const int BatchSize = 32;

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Articles to code: text, HTML, RSS/Atom or JSON Lines files, or folders of them; '-' or none reads standard input.", Arity = ArgumentArity.ZeroOrMore };
        var dictionaries = CliDictionaries.Option();
        var date = CliArticles.DateOption();
        var format = new Option<string>("--format") { Description = "jsonl (one event per line) or table.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "table");
        var models = CliPipeline.ModelsOption();
        var beam = CliPipeline.BeamOption();
        var fast = CliPipeline.FastOption();
        var rulesOnly = CliArticles.RulesOnlyOption();
        var conventions = CliDictionaries.ConventionsOption("Default: petrarch when --dictionaries holds PETRARCH's Phoenix files, dyad otherwise.");
        var command = new Command("code", "Code the events of news articles (who did what to whom, when and where), as JSON Lines or a table.") { files, dictionaries, date, format, models, beam, fast, rulesOnly, conventions };
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            if (!CliArticles.TryReadDate(parsed, date, error, out var day))
            {
                return ExitCodes.Usage;
            }

            var analyzer = CliArticles.LoadAnalyzer(parsed, dictionaries, models, beam, fast, error, rulesOnly, conventions);
            var table = parsed.GetValue(format) == "table";
            var exit = ExitCodes.Ok;
            var count = 0;
            var inferred = false;
            if (table)
            {
                output.WriteLine("date        source      target      cameo  goldstein  place            words (source | verb | target)   rule");
            }

            // Articles are analysed a batch at a time on every core, through the ingest service's analysis, and printed in
            // input order; an article a stage fails on is reported (naming the stage) and the others go on.
            foreach (var batch in CliArticles.Accepted(CliArticles.Read(parsed.GetValue(files) ?? [], day), error, () => exit = ExitCodes.InputProblem).Chunk(BatchSize))
            {
                var outcomes = DocumentIngest.AnalyzeAll(analyzer, batch, Environment.ProcessorCount, CancellationToken.None);
                for (var i = 0; i < batch.Length; i++)
                {
                    if (outcomes[i].Failure is { } failure)
                    {
                        CliArticles.ReportFailure(batch[i], failure, "the article was skipped", error);
                        exit = ExitCodes.InputProblem;
                        continue;
                    }

                    foreach (var e in outcomes[i].Analyzed!.Events)
                    {
                        count++;
                        if (table)
                        {
                            WriteRow(output, e);
                            inferred |= e.SourceCountryFrom is not null || e.TargetCountryFrom is not null;
                        }
                        else
                        {
                            Json.WriteRecord(output, e);
                        }
                    }
                }
            }

            if (inferred)
            {
                output.WriteLine("* the actor's country is the article's (its words named none): source_country_from / target_country_from in JSON Lines");
            }

            return exit == ExitCodes.Ok && count == 0 ? ExitCodes.NothingFound : exit;
        });
        return command;
    }

    private static void WriteRow(TextWriter output, EventRecord e)
    {
        var words = $"{e.Evidence.Source?.Text ?? "-"} | {e.Evidence.Verb.Text} | {e.Evidence.Target?.Text ?? "-"}";
        var goldstein = e.Goldstein?.ToString("0.0", CultureInfo.InvariantCulture) ?? string.Empty;
        var place = e.Location?.Name ?? "-";
        var source = e.Source.Value + (e.SourceCountryFrom is null ? string.Empty : "*");
        var target = e.Target.Value + (e.TargetCountryFrom is null ? string.Empty : "*");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",-10}  {source,-10}  {target,-10}  {e.Cameo,-5}  {goldstein,9}  {place,-15}  {words,-32}  {e.Rule} ({e.RuleSource})"));
    }
}
