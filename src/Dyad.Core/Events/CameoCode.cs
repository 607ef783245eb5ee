using System.Text.Json.Serialization;

namespace Dyad.Events;

/// <summary>
/// A CAMEO event code such as <c>0332</c>: its first two digits are its root (<c>03</c>, "express intent to
/// cooperate"). QuadClass, Goldstein and PLOVER come from the CAMEO table, not from the code. In JSON it is the code as a
/// string.
/// </summary>
[JsonConverter(typeof(CameoCodeJsonConverter))]
public readonly record struct CameoCode
{
    private readonly string? _value;

    /// <summary>Wraps a code.</summary>
    /// <param name="value">The code, as written.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public CameoCode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The code as written; empty for the default value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The two-digit root (the whole code when it is shorter).</summary>
    public string Root => Value.Length >= 2 ? Value[..2] : Value;

    /// <summary>
    /// The code's class in Schrodt's pentaclass, the five-way grouping that event datasets labelled "none / QuadClass"
    /// (ConfliBERT's, Phoenix's) follow: 0 neutral (roots 01 make a statement, 02 appeal), 1 verbal cooperation
    /// (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13 and 16 reduce relations), 4 material conflict
    /// (14 protest, 15 exhibit force posture, 17-20). It differs from GDELT's QuadClass on roots 01-02 (GDELT: 1),
    /// 09 (2), 14 (3) and 16 (4); 0 for a code without a CAMEO root.
    /// </summary>
    public int PentaClass => int.TryParse(Root, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var root) && Root.Length == 2
        ? root switch
        {
            1 or 2 => 0,
            >= 3 and <= 5 => 1,
            >= 6 and <= 8 => 2,
            (>= 9 and <= 13) or 16 => 3,
            14 or 15 or (>= 17 and <= 20) => 4,
            _ => 0,
        }
        : 0;

    /// <summary>A code from its text.</summary>
    /// <param name="value">The code.</param>
    public static implicit operator CameoCode(string value) => new(value);

    /// <summary>A code from its text.</summary>
    /// <param name="value">The code.</param>
    /// <returns>The code.</returns>
    public static CameoCode FromString(string value) => new(value);

    /// <summary>Whether the code starts with <paramref name="prefix"/> (<c>04</c> matches <c>042</c>).</summary>
    /// <param name="prefix">Leading digits.</param>
    /// <param name="comparison">How to compare; ordinal by default.</param>
    public bool StartsWith(string prefix, StringComparison comparison = StringComparison.Ordinal) => Value.StartsWith(prefix, comparison);

    /// <summary>The code as written.</summary>
    public override string ToString() => Value;
}

/// <summary>Writes a <see cref="CameoCode"/> as its string and reads it back.</summary>
public sealed class CameoCodeJsonConverter() : StringValueConverter<CameoCode>(CameoCode.FromString, code => code.Value, "A CAMEO code");
