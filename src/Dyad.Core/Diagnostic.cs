namespace Dyad;

/// <summary>How serious a diagnostic is.</summary>
public enum Severity
{
    /// <summary>Something was repaired or guessed; the result is usable.</summary>
    Warning,

    /// <summary>Part of the input could not be used.</summary>
    Error,
}

/// <summary>A problem found while reading or processing input, with a stable code from <see cref="ErrorCodes"/>.</summary>
/// <param name="Code">Stable code such as <c>DY1001</c>.</param>
/// <param name="Severity">Warning or error.</param>
/// <param name="Message">What was expected, what was found and what to do.</param>
/// <param name="Source">The input it concerns: a file name, document id or <c>-</c> for standard input.</param>
/// <param name="Location">Where in that input: a line, an offset or an element, in words; empty when the whole input.</param>
public sealed record Diagnostic(string Code, Severity Severity, string Message, string Source, string Location)
{
    /// <summary>Formats as <c>source:location: severity CODE: message</c>, the way compilers print.</summary>
    public override string ToString()
    {
        var where = string.IsNullOrEmpty(Location) ? Source : Source + ":" + Location;
        var level = Severity == Severity.Error ? "error" : "warning";
        return $"{where}: {level} {Code}: {Message}";
    }
}
