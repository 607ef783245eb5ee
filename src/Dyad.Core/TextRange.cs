namespace Dyad;

/// <summary>A half-open range of UTF-16 code units in a document's text: <c>[Start, End)</c>.</summary>
/// <param name="Start">Offset of the first character, 0-based.</param>
/// <param name="End">Offset one past the last character; never less than <paramref name="Start"/>.</param>
public readonly record struct TextRange(int Start, int End)
{
    /// <summary>Number of characters covered.</summary>
    public int Length => End - Start;

    /// <summary>True when <paramref name="other"/> lies wholly inside this range.</summary>
    public bool Contains(TextRange other) => other.Start >= Start && other.End <= End;

    /// <summary>Formats the range as <c>[start,end)</c>.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{Start},{End})");
}
