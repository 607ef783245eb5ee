using Dyad.Nlp;

namespace Dyad.Cli;

/// <summary>Loads the language pipeline for a command: models from <see cref="ModelLocator"/>, the rule tokenizer with the learned sentence splitter when the directory has one.</summary>
internal static class CliPipeline
{
    public static Pipeline Load(string? modelDirectory) => Pipeline.Load(ModelLocator.Find(modelDirectory));
}
