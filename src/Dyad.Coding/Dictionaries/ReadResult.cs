using System.Collections.Immutable;

namespace Dyad.Coding.Dictionaries;

/// <summary>What a reader produced from one input: the model and every problem found on the way.</summary>
/// <typeparam name="T">The model type, such as <see cref="VerbDictionary"/>.</typeparam>
/// <param name="Value">The model. Never null: a file that could not be read at all gives an empty model.</param>
/// <param name="Diagnostics">Problems in the order found; each names the file and line.</param>
public sealed record ReadResult<T>(T Value, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>True when at least one diagnostic is an error (part of the input was skipped).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
