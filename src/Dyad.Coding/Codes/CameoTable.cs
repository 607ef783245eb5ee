using System.Collections.Frozen;
using System.Globalization;

namespace Dyad.Coding.Codes;

/// <summary>GDELT's four classes of events, by CAMEO root.</summary>
public enum QuadClass
{
    /// <summary>Roots 01–05: statements, appeals, intents, consultations, diplomatic cooperation.</summary>
    VerbalCooperation = 1,

    /// <summary>Roots 06–09: material cooperation, aid, yielding, investigation.</summary>
    MaterialCooperation = 2,

    /// <summary>Roots 10–14: demands, disapproval, rejection, threats, protest.</summary>
    VerbalConflict = 3,

    /// <summary>Roots 15–20: force posture, reducing relations, coercion, assault, fighting, mass violence.</summary>
    MaterialConflict = 4,
}

/// <summary>What PLOVER calls a CAMEO event: its event type, mode and contexts (empty strings where PLOVER has none).</summary>
/// <param name="Event">PLOVER event type, such as <c>AGREE</c>; empty for CAMEO roots 01 and 02, which PLOVER does not map.</param>
/// <param name="Mode">PLOVER mode, such as <c>visit</c>; often empty.</param>
/// <param name="Context">PLOVER contexts, <c>;</c>-separated, such as <c>military</c> or <c>crime;corruption</c>.</param>
public sealed record PloverCoding(string Event, string Mode, string Context);

/// <summary>One CAMEO event code and the facts Dyad attaches to it.</summary>
/// <param name="Code">The code, such as <c>0332</c>.</param>
/// <param name="Root">Its two-digit root, such as <c>03</c>.</param>
/// <param name="Name">CAMEO's name for it.</param>
/// <param name="Goldstein">Its Goldstein value as GDELT publishes it, from -10 (most conflictual) to +10.</param>
/// <param name="QuadClass">Its GDELT QuadClass.</param>
/// <param name="Plover">Its PLOVER event, mode and context.</param>
public sealed record CameoEntry(string Code, string Root, string Name, double Goldstein, QuadClass QuadClass, PloverCoding Plover);

/// <summary>
/// Dyad's CAMEO code table (<c>data/codes/cameo.tsv</c>, built into the assembly): names, Goldstein values, QuadClass
/// and the PLOVER mapping of each of the 312 codes. Immutable and safe to share.
/// </summary>
public sealed class CameoTable
{
    private static readonly Lazy<CameoTable> DefaultTable = new(LoadDefault);
    private readonly FrozenDictionary<string, CameoEntry> _codes;

    private CameoTable(IEnumerable<CameoEntry> codes) => _codes = codes.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    /// <summary>The table shipped with Dyad.</summary>
    public static CameoTable Default => DefaultTable.Value;

    /// <summary>Every code, in table order.</summary>
    public IEnumerable<CameoEntry> Codes => _codes.Values.OrderBy(c => c.Code, StringComparer.Ordinal);

    /// <summary>Number of codes.</summary>
    public int Count => _codes.Count;

    /// <summary>True when <paramref name="code"/> is in the table as written.</summary>
    /// <param name="code">A CAMEO code such as <c>042</c>.</param>
    public bool Contains(string code) => _codes.ContainsKey(code);

    /// <summary>
    /// The entry for <paramref name="code"/>, or for its nearest listed parent when the code itself is not listed (dictionaries
    /// carry a few codes finer than CAMEO's, such as <c>0874</c>, which takes <c>087</c>); null when not even its root is known.
    /// </summary>
    /// <param name="code">A CAMEO code; leading and trailing blanks are ignored.</param>
    public CameoEntry? Find(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var trimmed = code.Trim();
        for (var length = trimmed.Length; length >= 2; length--)
        {
            if (_codes.TryGetValue(trimmed[..length], out var entry))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>Reads a table in the layout of <c>data/codes/cameo.tsv</c>: <c>#</c> comments, a header row, then tab-separated rows.</summary>
    /// <param name="reader">The text.</param>
    /// <exception cref="FormatException">A row does not have eight fields or a number does not parse; the message names the line.</exception>
    public static CameoTable Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var codes = new List<CameoEntry>();
        var lineNumber = 0;
        var sawHeader = false;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (!sawHeader)
            {
                sawHeader = true;
                continue;
            }

            var f = line.Split('\t');
            if (f.Length != 8
                || !double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var goldstein)
                || !int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var quad) || quad is < 1 or > 4)
            {
                throw new FormatException($"CAMEO table line {lineNumber}: expected code, root, quad_class (1-4), goldstein, plover_event, plover_mode, plover_context, name");
            }

            codes.Add(new CameoEntry(f[0], f[1], f[7], goldstein, (QuadClass)quad, new PloverCoding(f[4], f[5], f[6])));
        }

        return new CameoTable(codes);
    }

    private static CameoTable LoadDefault()
    {
        using var stream = typeof(CameoTable).Assembly.GetManifestResourceStream("Dyad.Coding.cameo.tsv")
            ?? throw new InvalidOperationException("The CAMEO table is missing from the Dyad.Coding assembly.");
        using var reader = new StreamReader(stream);
        return Read(reader);
    }
}
