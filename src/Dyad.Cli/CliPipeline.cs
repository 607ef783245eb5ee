using System.CommandLine;
using Dyad.Nlp;

namespace Dyad.Cli;

/// <summary>Loads the language pipeline for a command: models from <see cref="ModelLocator"/>, the rule tokenizer with the learned sentence splitter when the directory has one.</summary>
internal static class CliPipeline
{
    public static Option<DirectoryInfo?> ModelsOption() => new("--models") { Description = "Model directory (default: models/en, or $DYAD_MODELS)." };

    public static Option<int?> BeamOption() => new("--beam") { Description = "Parser beam width (default: the width the parser was trained with; 1 is fastest)." };

    public static Option<bool> FastOption() => new("--fast") { Description = "Use the greedy parser: several times faster, a little less accurate." };

    public static Pipeline Load(ParseResult parsed, Option<DirectoryInfo?> models, Option<int?> beam, Option<bool> fast) =>
        Pipeline.Load(ModelLocator.Find(parsed.GetValue(models)?.FullName), parsed.GetValue(beam), parsed.GetValue(fast));
}
