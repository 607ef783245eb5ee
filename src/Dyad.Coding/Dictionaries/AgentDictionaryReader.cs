using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Dyad.Coding.Dictionaries;

/// <summary>
/// Reads PETRARCH agent dictionaries. Lines are <c>PHRASE {PLURAL} [~CODE]</c> or <c>[CODE~]</c>:
/// <list type="bullet">
/// <item>Without braces the regular plural of the last word is generated (see <see cref="InflectionStyle"/>);
/// <c>{}</c> means no plural; <c>{FORM}</c> gives the plural.</item>
/// <item><c>!NAME! = A, B, C</c> defines a substitution set; a phrase holding <c>!NAME!</c> stands for one phrase per
/// replacement, with no plural. A marker glued inside a word on both sides (<c>AD!MINIST!RATIVE</c>, a search-and-replace
/// accident) is read as its plain name with a warning.</item>
/// </list>
/// </summary>
public static partial class AgentDictionaryReader
{
    private const int MaxExpansions = 4096;

    /// <summary>Reads the agent dictionary at <paramref name="path"/>. A file that cannot be read gives an empty dictionary and a <see cref="ErrorCodes.InputUnreadable"/> diagnostic.</summary>
    /// <param name="path">Path of the file; diagnostics name its file name.</param>
    /// <param name="style">Rules for generated plurals.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static ReadResult<AgentDictionary> Read(string path, InflectionStyle style = InflectionStyle.English)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag(Path.GetFileName(path));
        var text = DictionaryText.ReadFile(path, bag);
        if (text is null)
        {
            return new ReadResult<AgentDictionary>(AgentDictionary.Empty, bag.ToImmutable());
        }

        using var reader = new StringReader(text);
        return Parse(reader, bag, style);
    }

    /// <summary>Reads an agent dictionary from <paramref name="reader"/>; never throws for any content.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="sourceName">Name used as <see cref="Diagnostic.Source"/> and in <see cref="SourceLine.File"/>.</param>
    /// <param name="style">Rules for generated plurals.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ReadResult<AgentDictionary> Parse(TextReader reader, string sourceName, InflectionStyle style = InflectionStyle.English)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Parse(reader, new DiagnosticBag(sourceName), style);
    }

    private static ReadResult<AgentDictionary> Parse(TextReader reader, DiagnosticBag bag, InflectionStyle style)
    {
        var phrases = ImmutableArray.CreateBuilder<AgentPhrase>();
        var substitutions = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var line in DictionaryText.Lines(reader, bag, new LineOptions(SemicolonComments: true)))
        {
            var text = line.Text;
            var bracket = text.IndexOf('[', StringComparison.Ordinal);
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (text.StartsWith('!') && equals > 0 && (bracket < 0 || equals < bracket))
            {
                DefineMarker(line, substitutions, bag);
                continue;
            }

            if (bracket < 0)
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected an agent line 'PHRASE [~CODE]' or a substitution set '!NAME! = A, B', but '{DictionaryText.Shorten(text)}' has no code. The line was skipped; agents need a code, as in '[~MIL]'.");
                continue;
            }

            var close = text.IndexOf(']', bracket);
            if (close < 0)
            {
                var brace = text.IndexOf('}', bracket);
                close = brace >= 0 ? brace : text.Length;
                bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected the agent code of '{DictionaryText.Shorten(text)}' to end with ']', but found {(brace >= 0 ? "'}'" : "the end of the line")}. It was read as if ']' stood there; fix the bracket.");
            }
            else if (text[(close + 1)..].Trim().Length > 0)
            {
                bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected nothing but a '#' comment after the agent code, but found '{DictionaryText.Shorten(text[(close + 1)..])}'. It was ignored; start comments with ' #'.");
            }

            if (!TryReadCode(text[(bracket + 1)..close], line, bag, out var code, out var placement))
            {
                continue;
            }

            var phraseText = text[..bracket].Trim();
            string? plural = null;
            var hasBraces = false;
            var braceOpen = phraseText.IndexOf('{', StringComparison.Ordinal);
            if (braceOpen >= 0)
            {
                hasBraces = true;
                var braceClose = phraseText.IndexOf('}', braceOpen);
                if (braceClose < 0)
                {
                    bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected the plural of '{DictionaryText.Shorten(text)}' to end with '}}', but it does not. The line was skipped, as PETRARCH does; add the '}}'.");
                    continue;
                }

                plural = phraseText[(braceOpen + 1)..braceClose].Trim();
                if (phraseText[(braceClose + 1)..].Trim().Length > 0)
                {
                    bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected the plural in braces to come last before the code, but '{DictionaryText.Shorten(phraseText[(braceClose + 1)..])}' follows it. It was ignored; move it into the phrase.");
                }

                phraseText = phraseText[..braceOpen].Trim();
            }

            if (phraseText.Length == 0)
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected an agent phrase before the code, but '{DictionaryText.Shorten(text)}' has none. The line was skipped; write the phrase.");
                continue;
            }

            var source = new SourceLine(bag.Source, line.Number);
            if (phraseText.Contains('!', StringComparison.Ordinal))
            {
                if (hasBraces && plural!.Length > 0)
                {
                    bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected no plural with a substitution marker (the replacements give the forms), but '{DictionaryText.Shorten(text)}' has '{{{plural}}}'. The plural was ignored.");
                }

                foreach (var expansion in Expand(phraseText, line, substitutions, bag))
                {
                    AddPhrase(phrases, expansion, code, placement, isPlural: false, phraseText, source);
                }

                continue;
            }

            var words = Words(phraseText);
            if (words.IsEmpty)
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected an agent phrase before the code, but '{DictionaryText.Shorten(text)}' has only separators. The line was skipped.");
                continue;
            }

            AddPhrase(phrases, phraseText, code, placement, isPlural: false, phraseText, source);
            if (!hasBraces)
            {
                AddPhrase(phrases, string.Join(' ', words.SetItem(words.Length - 1, Inflection.Plural(words[^1], style))), code, placement, isPlural: true, phraseText, source);
            }
            else if (plural!.Length > 0)
            {
                AddPhrase(phrases, plural, code, placement, isPlural: true, phraseText, source);
            }
        }

        return new ReadResult<AgentDictionary>(new AgentDictionary(phrases.ToImmutable(), substitutions.ToImmutable()), bag.ToImmutable());
    }

    private static void AddPhrase(ImmutableArray<AgentPhrase>.Builder phrases, string text, string code, AgentPlacement placement, bool isPlural, string written, SourceLine source)
    {
        var words = Words(text);
        if (!words.IsEmpty)
        {
            phrases.Add(new AgentPhrase(words, code, placement, isPlural, written, source));
        }
    }

    private static void DefineMarker(DictionaryLine line, ImmutableDictionary<string, ImmutableArray<string>>.Builder substitutions, DiagnosticBag bag)
    {
        var text = line.Text;
        var second = text.IndexOf('!', 1);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (second < 0 || second > equals || text[1..second].Trim().Length == 0)
        {
            bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected a substitution set of the form '!NAME! = A, B, C', but found '{DictionaryText.Shorten(text)}'. The line was skipped.");
            return;
        }

        var name = text[1..second].Trim();
        var values = text[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (values.Length == 0)
        {
            bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected replacements after '=' in '{DictionaryText.Shorten(text)}', but there are none. The set was skipped; list the words, separated by commas.");
            return;
        }

        if (substitutions.ContainsKey(name))
        {
            bag.Warn(ErrorCodes.DictionaryDuplicate, line.Number, $"Expected the substitution set !{name}! to be defined once, but it is defined again. The new list replaces the old one for the lines after it; remove one definition.");
        }

        substitutions[name] = [.. values];
    }

    /// <summary>Every phrase <paramref name="text"/> stands for once its markers are replaced.</summary>
    private static List<string> Expand(string text, DictionaryLine line, ImmutableDictionary<string, ImmutableArray<string>>.Builder substitutions, DiagnosticBag bag)
    {
        var results = new List<string> { string.Empty };
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf('!', position);
            if (open < 0)
            {
                Append(results, text[position..]);
                break;
            }

            var close = text.IndexOf('!', open + 1);
            if (close < 0)
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected substitution markers in pairs, as in '!PERSON!', but '{DictionaryText.Shorten(text)}' has a single '!'. The line was skipped.");
                return [];
            }

            Append(results, text[position..open]);
            var name = text[(open + 1)..close];
            var glued = open > 0 && char.IsLetter(text[open - 1]) && close + 1 < text.Length && char.IsLetter(text[close + 1]);
            if (glued)
            {
                bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected a substitution marker to stand at a word's start or end, but '!{name}!' sits inside a word in '{DictionaryText.Shorten(text)}', which looks like a search-and-replace accident. It was read as the plain text '{name}'; remove the '!'.");
                Append(results, name);
            }
            else if (!substitutions.TryGetValue(name, out var values))
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected the substitution marker !{name}! to be defined earlier with '!{name}! = A, B', but it is not. The line was skipped, as PETRARCH does; define the set above it.");
                return [];
            }
            else
            {
                if (results.Count * values.Length > MaxExpansions)
                {
                    bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected a few substitutions, but '{DictionaryText.Shorten(text)}' would make more than {MaxExpansions} phrases. The line was skipped; use fewer markers.");
                    return [];
                }

                results = [.. results.SelectMany(prefix => values.Select(value => prefix + value))];
            }

            position = close + 1;
        }

        return results;
    }

    private static void Append(List<string> results, string text)
    {
        for (var i = 0; i < results.Count; i++)
        {
            results[i] += text;
        }
    }

    private static bool TryReadCode(string inner, DictionaryLine line, DiagnosticBag bag, out string code, out AgentPlacement placement)
    {
        var trimmed = string.Concat(inner.Where(c => !char.IsWhiteSpace(c)));
        placement = AgentPlacement.Suffix;
        var leading = trimmed.StartsWith('~');
        var trailing = trimmed.EndsWith('~');
        code = trimmed.Trim('~');
        if (code.Length == 0 || (leading && trailing) || code.Contains('~', StringComparison.Ordinal))
        {
            bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected an agent code with one '~' before (suffix) or after (prefix) it, as in '[~MIL]' or '[IGO~]', but found '[{inner}]'. The line was skipped.");
            return false;
        }

        if (!leading && !trailing)
        {
            bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected an agent code with '~' before or after it, as in '[~MIL]', but found '[{inner}]'. It was read as '[~{code}]' (added after the actor code); add the '~'.");
        }
        else if (trailing)
        {
            placement = AgentPlacement.Prefix;
        }

        if (!UsualCode().IsMatch(code))
        {
            bag.Warn(ErrorCodes.UnusualCode, line.Number, $"Expected an agent code of upper-case letters and digits, but found '{code}'. It was kept as written; check it.");
        }

        return true;
    }

    private static ImmutableArray<string> Words(string text) =>
        [.. text.ToUpperInvariant().Split([' ', '_', '\t'], StringSplitOptions.RemoveEmptyEntries)];

    [GeneratedRegex("^[A-Z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex UsualCode();
}
