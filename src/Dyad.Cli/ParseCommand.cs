using System.CommandLine;
using Dyad.Nlp;
using Dyad.Nlp.Conllu;
using Dyad.Nlp.Text;

namespace Dyad.Cli;

/// <summary><c>dyad parse [FILE...|-]</c>: tokenizes, tags and parses text and prints CoNLL-U.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Text files to parse; '-' or none reads standard input.", Arity = ArgumentArity.ZeroOrMore };
        var models = CliPipeline.ModelsOption();
        var beam = CliPipeline.BeamOption();
        var fast = CliPipeline.FastOption();
        var command = new Command("parse", "Parse English text into labelled dependency trees, printed as CoNLL-U.") { files, models, beam, fast };
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            var pipeline = CliPipeline.Load(parsed, models, beam, fast);
            var exit = ExitCodes.Ok;
            foreach (var input in InputFiles.Read(parsed.GetValue(files) ?? [], Console.OpenStandardInput()))
            {
                foreach (var diagnostic in input.Diagnostics)
                {
                    error.WriteLine(diagnostic);
                    exit = diagnostic.Severity == Severity.Error ? ExitCodes.InputProblem : exit;
                }

                var id = Path.GetFileNameWithoutExtension(input.Name);
                var sentenceNumber = 1;

                // Long texts are parsed a chunk at a time (chunks end at paragraph or line breaks where there are any),
                // so memory stays bounded whatever the input's size.
                foreach (var chunk in TextChunks.Split(input.Text, TextChunks.DefaultMaxLength))
                {
                    var document = pipeline.Process(new Document(id, input.Text[chunk.Start..chunk.End]));
                    ConlluDocuments.Write(document, output, sentenceNumber);
                    sentenceNumber += document.Sentences.Length;
                }
            }

            return exit;
        });
        return command;
    }
}
