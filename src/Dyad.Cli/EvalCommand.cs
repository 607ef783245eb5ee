using System.CommandLine;
using System.Globalization;
using Dyad.Nlp;
using Dyad.Nlp.Conllu;
using Dyad.Nlp.Evaluation;

namespace Dyad.Cli;

/// <summary><c>dyad eval parse --gold FILE [--from-raw] --json</c>: tags and parses a treebank and scores it as CoNLL 2018 does.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var gold = new Option<FileInfo>("--gold") { Description = "Gold treebank, CoNLL-U.", Required = true };
        var fromRaw = new Option<bool>("--from-raw") { Description = "Start from the gold file's raw text (tokenize and split too) instead of its gold tokens." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var models = CliPipeline.ModelsOption();
        var beam = CliPipeline.BeamOption();
        var fast = CliPipeline.FastOption();
        var parse = new Command("parse", "Score tagging, lemmas and parsing against a gold CoNLL-U file.") { gold, fromRaw, json, models, beam, fast };
        parse.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var pipeline = CliPipeline.Load(parsed, models, beam, fast);
            var path = parsed.GetValue(gold)!.FullName;
            ParseScores scores;
            if (parsed.GetValue(fromRaw))
            {
                var diagnostics = new List<Diagnostic>();
                var corpus = RawTextCorpus.Load(path, diagnostics);
                diagnostics.ForEach(parsed.InvocationConfiguration.Error.WriteLine);
                scores = ParseScores.FromRawText(corpus, pipeline.Process(new Document("system", corpus.Text)));
            }
            else
            {
                var goldDocument = Treebank.Load(path, parsed.InvocationConfiguration.Error);
                scores = ParseScores.SameTokens(goldDocument, pipeline.ProcessTokenized(goldDocument));
            }
            if (parsed.GetValue(json))
            {
                Json.Write(output, scores);
            }
            else
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sentences {scores.Sentences}, words {scores.Tokens}"));
                if (scores.TokensF1 is double tokens)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tokens F1 {tokens:F2}  words F1 {scores.WordsF1:F2}  sentences F1 {scores.SentencesF1:F2}"));
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"UPOS {scores.Upos:F2}  XPOS {scores.Xpos:F2}  feats {scores.Feats:F2}  lemma {scores.Lemma:F2}  UAS {scores.Uas:F2}  LAS {scores.Las:F2}"));
            }

            return ExitCodes.Ok;
        });
        return new Command("eval", "Measure accuracy against gold data.") { parse, EvalEventsCommand.Create(), EvalPlacesCommand.Create(), EvalEventLocationsCommand.Create() };
    }
}
