using Dyad.Nlp;
using Dyad.Nlp.Tokenization;

namespace Dyad.Cli;

/// <summary>Loads the language pipeline for a command: models from <see cref="ModelLocator"/>, the rule tokenizer.</summary>
internal static class CliPipeline
{
    public static Pipeline Load(string? modelDirectory) => Pipeline.Load(ModelLocator.Find(modelDirectory), new Tokenizer());
}
