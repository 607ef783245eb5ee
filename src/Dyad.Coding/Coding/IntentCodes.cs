using System.Collections.Frozen;

namespace Dyad.Coding.Coding;

/// <summary>
/// CAMEO's pairing of actions with the intent to do them: its 03 (express intent) codes with the cooperative roots
/// 04–08, its 13 (threaten) codes with the coercive roots 16–20.
/// </summary>
internal static class IntentCodes
{
    /// <summary>CAMEO code prefixes of actions and the intent code each maps to; the longest prefix wins.</summary>
    private static readonly FrozenDictionary<string, string> ByPrefix = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["04"] = "036", // consult, meet, visit, negotiate -> intent to meet or negotiate
        ["045"] = "036",
        ["046"] = "036",
        ["05"] = "032", // diplomatic cooperation -> intent to engage in diplomatic cooperation
        ["057"] = "030", // sign an agreement -> intent to cooperate
        ["06"] = "031", // material cooperation
        ["061"] = "0311",
        ["062"] = "0312",
        ["063"] = "0313",
        ["064"] = "0314",
        ["07"] = "033", // provide aid
        ["071"] = "0331",
        ["072"] = "0332",
        ["073"] = "0333",
        ["074"] = "0334",
        ["075"] = "033",
        ["08"] = "035", // yield
        ["081"] = "0351",
        ["082"] = "0352",
        ["083"] = "034",
        ["084"] = "0353",
        ["085"] = "0354",
        ["086"] = "0355",
        ["087"] = "0356",
        ["16"] = "131", // reduce relations -> threaten non-force
        ["163"] = "1312",
        ["17"] = "137", // coerce, repress -> threaten repression
        ["172"] = "132",
        ["18"] = "138", // assault -> threaten military force
        ["19"] = "1384", // fight -> threaten conventional attack
        ["191"] = "1381",
        ["192"] = "1382",
        ["20"] = "1383", // mass violence -> threaten unconventional violence
        ["204"] = "1385",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The intent code for an action code, or null when CAMEO pairs none with it (statements, appeals, intents themselves).</summary>
    public static string? Of(string action)
    {
        for (var length = action.Length; length >= 2; length--)
        {
            if (ByPrefix.TryGetValue(action[..length], out var intent))
            {
                return intent;
            }
        }

        return null;
    }
}
