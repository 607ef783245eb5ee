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
