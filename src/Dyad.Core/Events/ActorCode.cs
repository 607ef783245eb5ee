using System.Text.Json.Serialization;

namespace Dyad.Events;

/// <summary>
/// A CAMEO actor code such as <c>IRQMIL</c>: 3-letter parts, a country (or region) first where there is one, then roles,
/// groups and religions. <c>---</c> is the unknown actor. The code's country and parts are properties of the code, so
/// every layer reads them the same way. In JSON it is the code as a string.
/// </summary>
[JsonConverter(typeof(ActorCodeJsonConverter))]
public readonly record struct ActorCode
{
    private readonly string? _value;

    /// <summary>Wraps a code.</summary>
    /// <param name="value">The code, as written (<c>---</c> for unknown).</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ActorCode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The unknown actor, <c>---</c>.</summary>
    public static ActorCode Unknown { get; } = new("---");

    /// <summary>The code as written; <c>---</c> for the default value.</summary>
    public string Value => _value ?? "---";

    /// <summary>Whether the code names an actor (three or more letters, not <c>---</c>).</summary>
    public bool IsKnown => Value.Length >= 3 && Value[0] != '-';

    /// <summary>The code's CAMEO country (<c>IRQMIL</c> gives <c>IRQ</c>), as GDELT's Actor1CountryCode; null for organisations and unknown actors.</summary>
    public string? Country => ActorParts.Of(Value).Country is { Length: > 0 } country ? country : null;

    /// <summary>The code's parts as GDELT gives columns of them.</summary>
    public ActorParts Parts => ActorParts.Of(Value);

    /// <summary>A code from its text.</summary>
    /// <param name="value">The code.</param>
    public static implicit operator ActorCode(string value) => new(value);

    /// <summary>A code from its text.</summary>
    /// <param name="value">The code.</param>
    /// <returns>The code.</returns>
    public static ActorCode FromString(string value) => new(value);

    /// <summary>Whether the code starts with <paramref name="prefix"/> (<c>RUS</c> matches <c>RUSMIL</c>).</summary>
    /// <param name="prefix">Leading letters.</param>
    /// <param name="comparison">How to compare; ordinal by default.</param>
    public bool StartsWith(string prefix, StringComparison comparison = StringComparison.Ordinal) => Value.StartsWith(prefix, comparison);

    /// <summary>The code as written.</summary>
    public override string ToString() => Value;
}

/// <summary>Writes an <see cref="ActorCode"/> as its string and reads it back.</summary>
public sealed class ActorCodeJsonConverter() : StringValueConverter<ActorCode>(ActorCode.FromString, code => code.Value, "An actor code");
