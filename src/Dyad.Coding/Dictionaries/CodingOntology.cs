using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Dyad.Coding.Dictionaries;

/// <summary>
/// One line of the PETRARCH Internal Coding Ontology (PICO): a CAMEO code and its internal value, such as
/// <c>0231:0x2045</c> or <c>1221:-0xFFFF+0x2045+0x300</c> (terms are added left to right).
/// </summary>
/// <param name="CameoCode">The CAMEO code, such as <c>0231</c>, or <c>---</c> (the null code).</param>
/// <param name="Value">The value of the expression (may be negative: <c>-0xFFFF</c> marks the "reject"/"not" codes).</param>
/// <param name="Expression">The hexadecimal expression as written.</param>
/// <param name="Comment">The text after <c>#</c> (a category name such as <c>Appeal</c>), empty when none.</param>
/// <param name="Source">File and line.</param>
public sealed record OntologyEntry(string CameoCode, long Value, string Expression, string Comment, SourceLine Source)
{
    /// <summary>Formats as the file writes it: <c>CODE:EXPRESSION</c>.</summary>
    public override string ToString() => CameoCode + ":" + Expression;
}

/// <summary>The PETRARCH Internal Coding Ontology: CAMEO codes mapped to internal values (UniversalPetrarch's PICO file).</summary>
/// <remarks>Immutable after reading and safe to share between threads.</remarks>
public sealed class CodingOntology
{
    /// <summary>What negation subtracts from an internal value: PICO writes "not X" as X's value less <c>0xFFFF</c>.</summary>
    public const long NegationOffset = 0xFFFF;

    private readonly Dictionary<string, OntologyEntry> _byCode;
    private readonly Dictionary<long, OntologyEntry> _byValue;

    internal CodingOntology(ImmutableArray<OntologyEntry> entries)
    {
        Entries = entries;
        _byCode = new Dictionary<string, OntologyEntry>(StringComparer.Ordinal);
        _byValue = [];
        foreach (var entry in entries)
        {
            _byCode.TryAdd(entry.CameoCode, entry);
            _byValue.TryAdd(entry.Value, entry);
        }
    }

    /// <summary>An empty ontology.</summary>
    public static CodingOntology Empty { get; } = new([]);

    /// <summary>The entries in file order.</summary>
    public ImmutableArray<OntologyEntry> Entries { get; }

    /// <summary>The entry for <paramref name="cameoCode"/> (the first when the file repeats it), or null.</summary>
    public OntologyEntry? Find(string cameoCode)
    {
        ArgumentNullException.ThrowIfNull(cameoCode);
        return _byCode.GetValueOrDefault(cameoCode);
    }

    /// <summary>
    /// The CAMEO code for "not <paramref name="cameoCode"/>": the first entry whose value is the code's value less
    /// <see cref="NegationOffset"/>, as UniversalPetrarch codes negated verbs (so "not 110", <c>0xFFFF+0x0080</c>, is
    /// 050, and "not 010" is 011). Null when the code is not in the ontology or its negation names no code.
    /// </summary>
    /// <param name="cameoCode">A CAMEO code such as <c>110</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="cameoCode"/> is null.</exception>
    public string? Negate(string cameoCode)
    {
        ArgumentNullException.ThrowIfNull(cameoCode);
        return _byCode.TryGetValue(cameoCode, out var entry) && _byValue.TryGetValue(entry.Value - NegationOffset, out var negated)
            ? negated.CameoCode
            : null;
    }
}

/// <summary>Reads PICO files: lines <c>CAMEO:EXPRESSION#comment</c>, where the expression is hexadecimal terms (with or without <c>0x</c>) joined by <c>+</c> and <c>-</c>.</summary>
public static partial class CodingOntologyReader
{
    private const int MaxTerms = 64;

    /// <summary>Reads the ontology at <paramref name="path"/>. A file that cannot be read gives an empty ontology and a <see cref="ErrorCodes.InputUnreadable"/> diagnostic.</summary>
    /// <param name="path">Path of the file; diagnostics name its file name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static ReadResult<CodingOntology> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag(Path.GetFileName(path));
        var text = DictionaryText.ReadFile(path, bag);
        if (text is null)
        {
            return new ReadResult<CodingOntology>(CodingOntology.Empty, bag.ToImmutable());
        }

        using var reader = new StringReader(text);
        return Parse(reader, bag);
    }

    /// <summary>Reads an ontology from <paramref name="reader"/>; never throws for any content.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="sourceName">Name used as <see cref="Diagnostic.Source"/> and in <see cref="SourceLine.File"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ReadResult<CodingOntology> Parse(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Parse(reader, new DiagnosticBag(sourceName));
    }

    private static ReadResult<CodingOntology> Parse(TextReader reader, DiagnosticBag bag)
    {
        var entries = ImmutableArray.CreateBuilder<OntologyEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in DictionaryText.Lines(reader, bag, new LineOptions(SemicolonComments: false)))
        {
            var colon = line.Text.IndexOf(':', StringComparison.Ordinal);
            var code = colon < 0 ? string.Empty : line.Text[..colon].Trim();
            var expression = colon < 0 ? string.Empty : line.Text[(colon + 1)..].Trim();
            if (code.Length == 0 || (code != "---" && code.AsSpan().ContainsAnyExceptInRange('0', '9')))
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected 'CAMEO:VALUE' with a numeric CAMEO code or '---', as in '0231:0x2045', but found '{DictionaryText.Shorten(line.Text)}'. The line was skipped.");
                continue;
            }

            if (!TryEvaluate(expression, out var value))
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected a value of hexadecimal terms joined by '+' or '-', as in '-0xFFFF+0x2045', but found '{DictionaryText.Shorten(expression)}'. The line was skipped.");
                continue;
            }

            if (code.Length is < 3 or > 4)
            {
                bag.Warn(ErrorCodes.UnusualCode, line.Number, $"Expected a CAMEO code of 3 or 4 digits, but found '{code}'. It was kept as written; check it.");
            }

            if (seen.TryGetValue(code, out var first))
            {
                bag.Warn(ErrorCodes.DictionaryDuplicate, line.Number, $"Expected each CAMEO code once, but {code} repeats line {first.ToString(CultureInfo.InvariantCulture)}. The first is used; delete one.");
            }
            else
            {
                seen[code] = line.Number;
            }

            entries.Add(new OntologyEntry(code, value, expression, line.Comment, new SourceLine(bag.Source, line.Number)));
        }

        return new ReadResult<CodingOntology>(new CodingOntology(entries.ToImmutable()), bag.ToImmutable());
    }

    /// <summary>Adds up signed hexadecimal terms, at most 12 hex digits each and <see cref="MaxTerms"/> terms, so the sum fits a long.</summary>
    private static bool TryEvaluate(string expression, out long value)
    {
        value = 0;
        var matches = Term().Matches(expression.Replace(" ", string.Empty, StringComparison.Ordinal));
        var consumed = 0;
        foreach (Match match in matches)
        {
            if (match.Index != consumed || matches.Count > MaxTerms || (match.Index > 0 && match.Groups[1].Length == 0))
            {
                return false;
            }

            var term = long.Parse(match.Groups[2].Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            value += match.Groups[1].Value == "-" ? -term : term;
            consumed += match.Length;
        }

        return consumed > 0 && consumed == expression.Replace(" ", string.Empty, StringComparison.Ordinal).Length;
    }

    [GeneratedRegex("([+-]?)(?:0[xX])?([0-9A-Fa-f]{1,12})", RegexOptions.CultureInvariant)]
    private static partial Regex Term();
}
