using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dyad.Nlp;
using Dyad.Nlp.Conllu;
using Dyad.Nlp.Evaluation;
using Dyad.Nlp.Parsing;
using Dyad.Nlp.Tagging;
using Dyad.Nlp.Tokenization;

namespace Dyad.Cli;

/// <summary><c>dyad train tagger|parser|sentences --train FILE --dev FILE --out DIR</c>: trains a model deterministically.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train the tagger (with the lemmatizer), the parser or the sentence splitter on CoNLL-U data; deterministic for a seed.");
        command.Subcommands.Add(Create("tagger", "Train the part-of-speech tagger and the lemmatizer.", TrainTagger));
        command.Subcommands.Add(Create("parser", "Train the dependency parser on tags predicted by jack-knifed taggers: with --beam above 1 the accurate model (parser.model), else the fast greedy one (parser-fast.model).", TrainParser));
        command.Subcommands.Add(TrainEventsCommand.Create());
        command.Subcommands.Add(Create("sentences", "Train the sentence splitter on the treebank laid out as raw text (paragraphs by blank lines, sentences by spaces).", TrainSentences));
        return command;
    }

    private sealed record Arguments(string Train, string? Dev, string Out, TrainingOptions Options, int Folds, TextWriter Log);

    private static Command Create(string name, string description, Func<Arguments, int> run)
    {
        var train = new Option<FileInfo>("--train") { Description = "Training data, CoNLL-U.", Required = true };
        var dev = new Option<FileInfo?>("--dev") { Description = "Development data, CoNLL-U, for progress reports (the sentence splitter's dev sentence F1)." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory to write the model into.", Required = true };
        var epochs = new Option<int?>("--epochs") { Description = "Passes over the training data." };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var folds = new Option<int>("--folds") { Description = "Parser only: jack-knife folds for predicted training tags (0 = gold tags).", DefaultValueFactory = _ => 10 };
        var beam = new Option<int>("--beam") { Description = "Parser only: beam width (1 = greedy with the dynamic oracle).", DefaultValueFactory = _ => 1 };
        var everyEpoch = new Option<bool>("--report-every-epoch") { Description = "Score the dev data after every epoch, not only the last." };
        var twoPass = new Option<bool>("--two-pass") { Description = "Tagger only: add a second pass that sees the first pass's tags to the right." };
        var prune = new Option<float>("--prune") { Description = "Parser only: drop weights below this fraction of the largest (keeps the model file small)." };
        var command = new Command(name, description) { train, dev, output, epochs, seed, folds, beam, everyEpoch, twoPass, prune };
        command.SetAction(parsed =>
        {
            var options = new TrainingOptions { Seed = parsed.GetValue(seed), Beam = parsed.GetValue(beam), EvaluateEveryEpoch = parsed.GetValue(everyEpoch), TwoPassTagger = parsed.GetValue(twoPass), Prune = parsed.GetValue(prune) };
            if (parsed.GetValue(epochs) is int e)
            {
                options = options with { Epochs = e };
            }

            return run(new Arguments(parsed.GetValue(train)!.FullName, parsed.GetValue(dev)?.FullName, parsed.GetValue(output)!.FullName, options, parsed.GetValue(folds), parsed.InvocationConfiguration.Error));
        });
        return command;
    }

    private static int TrainTagger(Arguments arguments)
    {
        var clock = Stopwatch.StartNew();
        var train = Treebank.Load(arguments.Train, arguments.Log);
        var dev = arguments.Dev is null ? null : Treebank.Load(arguments.Dev, arguments.Log);
        var options = arguments.Options with { Epochs = arguments.Options.Epochs };
        var tagger = PosTagger.Train([train], options, arguments.Log, dev is null ? null : [dev]);
        Directory.CreateDirectory(arguments.Out);
        tagger.Save(Path.Combine(arguments.Out, ModelDirectory.TaggerFile));
        var lemmatizer = Lemmatizer.Train([train]);
        lemmatizer.Save(Path.Combine(arguments.Out, ModelDirectory.LemmatizerFile));
        arguments.Log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tagger: {tagger.Classes.Count} classes, {tagger.FeatureCount} features; lemmatizer: {lemmatizer.EntryCount} words, {lemmatizer.RuleCount} rules; {clock.Elapsed.TotalSeconds:F1} s"));
        return ExitCodes.Ok;
    }

    private static int TrainParser(Arguments arguments)
    {
        var clock = Stopwatch.StartNew();
        var train = Treebank.Load(arguments.Train, arguments.Log);
        var dev = arguments.Dev is null ? null : Treebank.Load(arguments.Dev, arguments.Log);
        var options = arguments.Options with { Epochs = arguments.Options.Epochs };
        var taggerPath = Path.Combine(arguments.Out, ModelDirectory.TaggerFile);
        var devTagger = File.Exists(taggerPath) ? PosTagger.Load(taggerPath) : null;
        Directory.CreateDirectory(arguments.Out);
        // A beam parser is the accurate model, a greedy one the fast model; each has its own file so both can ship.
        var modelPath = Path.Combine(arguments.Out, options.Beam > 1 ? ModelDirectory.ParserFile : ModelDirectory.FastParserFile);

        // Each epoch's model is saved as it is made, so a long run can be stopped and still leave a usable parser.
        var parser = DependencyParser.Train(train, options, arguments.Folds, arguments.Log, dev, devTagger, (model, _) => model.Save(modelPath));
        parser.Save(modelPath);
        arguments.Log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parser: {parser.Labels.Count} labels, {parser.FeatureCount} features, beam {parser.BeamWidth}, written to {modelPath}; {clock.Elapsed.TotalSeconds:F1} s"));
        return ExitCodes.Ok;
    }

    private static int TrainSentences(Arguments arguments)
    {
        var clock = Stopwatch.StartNew();
        var train = LoadRawText(arguments.Train, arguments.Log);
        var dev = arguments.Dev is null ? null : LoadRawText(arguments.Dev, arguments.Log);
        var options = arguments.Options with { Epochs = arguments.Options.Epochs };
        var splitter = SentenceSplitter.Train([train], options, arguments.Log, dev);
        Directory.CreateDirectory(arguments.Out);
        splitter.Save(Path.Combine(arguments.Out, ModelDirectory.SentencesFile));
        arguments.Log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sentences: {splitter.FeatureCount} features; {clock.Elapsed.TotalSeconds:F1} s"));
        return ExitCodes.Ok;
    }

    private static RawTextCorpus LoadRawText(string path, TextWriter log)
    {
        var diagnostics = new List<Diagnostic>();
        var corpus = RawTextCorpus.Load(path, diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            log.WriteLine(diagnostic);
        }

        if (corpus.Sentences.Count == 0)
        {
            throw new InvalidDataException($"{ErrorCodes.NoTrainingData}: {path} holds no readable CoNLL-U sentence.");
        }

        return corpus;
    }
}
