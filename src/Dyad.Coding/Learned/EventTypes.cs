using System.Collections.Frozen;
using Dyad.Coding.Codes;

namespace Dyad.Coding.Learned;

/// <summary>
/// Event types as the learned layer and the evaluation count them: PLOVER's event names, with CONCEDE and RETREAT
/// counted as YIELD (the name they had before PLOVER split them, and the one the real-news training data uses).
/// </summary>
public static class EventTypes
{
    /// <summary>The type that stands for "no event".</summary>
    public const string None = "NONE";

    // The general CAMEO code of each type: a re-typed or added event is given this code (its CAMEO root's "0" code).
    private static readonly FrozenDictionary<string, string> DefaultCodes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AGREE"] = "030",
        ["CONSULT"] = "040",
        ["SUPPORT"] = "050",
        ["COOPERATE"] = "060",
        ["AID"] = "070",
        ["YIELD"] = "080",
        ["REQUEST"] = "100",
        ["ACCUSE"] = "110",
        ["REJECT"] = "120",
        ["THREATEN"] = "130",
        ["PROTEST"] = "140",
        ["MOBILIZE"] = "150",
        ["SANCTION"] = "160",
        ["COERCE"] = "170",
        ["ASSAULT"] = "190",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The type of the CAMEO code <paramref name="code"/>, or null when PLOVER maps nothing from it (statements, appeals).</summary>
    /// <param name="code">A CAMEO code such as <c>0332</c>.</param>
    /// <param name="table">The CAMEO table.</param>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    public static string? Of(string? code, CameoTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Normalise(table.Find(code)?.Plover.Event);
    }

    /// <summary>A PLOVER event name as a type: upper case, CONCEDE and RETREAT as YIELD; null for null or empty.</summary>
    /// <param name="plover">A PLOVER event name.</param>
    public static string? Normalise(string? plover)
    {
        if (string.IsNullOrWhiteSpace(plover))
        {
            return null;
        }

        var name = plover.Trim().ToUpperInvariant();
        return name is "CONCEDE" or "RETREAT" ? "YIELD" : name;
    }

    /// <summary>The general CAMEO code of <paramref name="type"/> (<c>110</c> for ACCUSE), or null for a type PLOVER does not have.</summary>
    /// <param name="type">A type.</param>
    public static string? DefaultCode(string type) => DefaultCodes.GetValueOrDefault(type);
}
