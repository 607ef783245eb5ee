using System.Globalization;

namespace Dyad.Coding.Dictionaries;

/// <summary>Where a dictionary entry was written: a file name and a 1-based line number.</summary>
/// <param name="File">File name as given to the reader (usually without folder), or the source name passed to <c>Parse</c>.</param>
/// <param name="Line">1-based line number in that file; 0 when the entry was not read from a line (for example when generated).</param>
public readonly record struct SourceLine(string File, int Line)
{
    /// <summary>The line in the form used by <see cref="Diagnostic.Location"/>: <c>line N</c>.</summary>
    public string Location => Line > 0 ? "line " + Line.ToString(CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>Formats as <c>file:line N</c>, the way a matcher cites the rule that fired.</summary>
    public override string ToString() => Line > 0 ? File + ":" + Location : File;
}
