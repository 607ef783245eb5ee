namespace Dyad.Events;

/// <summary>
/// The parts of a CAMEO actor code that GDELT gives columns of, read in 3-letter parts: a leading part that is not a
/// role, group or religion code is the country (ISO 3166 alpha-3 or a CAMEO region); role codes fill the type columns
/// in order; the part after an organisation type (<c>IGO</c>, <c>NGO</c>, <c>IMG</c>, <c>MNC</c>, <c>NGM</c>) is its
/// known group (<c>IGOUNO</c>: type IGO, group UNO); a religion code and the part after it are Religion1 and Religion2.
/// </summary>
/// <param name="Country">The country part, or empty.</param>
/// <param name="KnownGroup">The known group, or empty.</param>
/// <param name="Religion1">The religion, or empty.</param>
/// <param name="Religion2">The religious subgroup, or empty.</param>
/// <param name="Type1">The first role code, or empty.</param>
/// <param name="Type2">The second, or empty.</param>
/// <param name="Type3">The third, or empty.</param>
public sealed record ActorParts(string Country, string KnownGroup, string Religion1, string Religion2, string Type1, string Type2, string Type3)
{
    // CAMEO's role (type) codes: government and state roles, then social and economic sectors.
    private static readonly HashSet<string> Roles = new(StringComparer.Ordinal)
    {
        "COP", "GOV", "INS", "JUD", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF", "LEG", "ELI", "MOD", "RAD",
        "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ENV", "HLH", "HRI", "LAB", "MED", "REF", "SET", "UIS", "REL", "IGO",
        "IMG", "INT", "MNC", "NGM", "NGO",
    };

    // Organisation types whose next part names a known group.
    private static readonly HashSet<string> Organisations = new(StringComparer.Ordinal) { "IGO", "IMG", "MNC", "NGM", "NGO" };

    // CAMEO's religion codes (first level).
    private static readonly HashSet<string> Religions = new(StringComparer.Ordinal)
    {
        "ADR", "ATH", "BAH", "BUD", "CHR", "CON", "DRZ", "HIN", "JAN", "JEW", "MOS", "PAG", "SHN", "SIK", "TAO", "ZRO",
    };

    /// <summary>The CAMEO country of an actor code (<c>IRQMIL</c> gives <c>IRQ</c>), as GDELT's Actor1CountryCode; null for organisations and unknown actors.</summary>
    /// <param name="code">A CAMEO actor code.</param>
    public static string? CountryOf(string code) => Of(code).Country is { Length: > 0 } country ? country : null;

    /// <summary>The parts of <paramref name="code"/>.</summary>
    /// <param name="code">A CAMEO actor code such as <c>RUSGOV</c>; <c>---</c> or empty gives empty parts.</param>
    /// <returns>The parts; empty strings where the code has none.</returns>
    public static ActorParts Of(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        string country = string.Empty, group = string.Empty, religion1 = string.Empty, religion2 = string.Empty;
        var types = new List<string>(3);
        var parts = new List<string>();
        for (var i = 0; i + 3 <= code.Length; i += 3)
        {
            parts.Add(code.Substring(i, 3));
        }

        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (part == "---")
            {
                continue;
            }

            if (Religions.Contains(part) && religion1.Length == 0)
            {
                religion1 = part;
                if (i + 1 < parts.Count && !Roles.Contains(parts[i + 1]))
                {
                    religion2 = parts[++i];
                }
            }
            else if (Roles.Contains(part))
            {
                if (types.Count < 3)
                {
                    types.Add(part);
                }

                if (Organisations.Contains(part) && i + 1 < parts.Count && !Roles.Contains(parts[i + 1]) && group.Length == 0)
                {
                    group = parts[++i];
                }
            }
            else if (i == 0)
            {
                country = part;
            }
        }

        while (types.Count < 3)
        {
            types.Add(string.Empty);
        }

        return new ActorParts(country, group, religion1, religion2, types[0], types[1], types[2]);
    }
}
