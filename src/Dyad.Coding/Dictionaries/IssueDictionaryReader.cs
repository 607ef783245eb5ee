using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Dyad.Coding.Dictionaries;

/// <summary>
/// Reads PETRARCH issues files: <c>&lt;ISSUE CATEGORY="..." TYPE="..."&gt;</c> sections holding lines
/// <c>phrase [CODE]</c>, <c>~phrase</c> (sentence exclusion) and <c>~~phrase</c> (story exclusion); see
/// <see cref="IssueRule"/> for the <c>n:</c>, <c>v:</c> and <c>+</c> expansions. Matching is case-insensitive, so all
/// words are upper-cased. Lines without a code are skipped, as PETRARCH does.
/// </summary>
public static partial class IssueDictionaryReader
{
    private const int MaxForms = 4096;
    private const int MaxWords = 64;

    /// <summary>Reads the issues file at <paramref name="path"/>. A file that cannot be read gives an empty dictionary and a <see cref="ErrorCodes.InputUnreadable"/> diagnostic.</summary>
    /// <param name="path">Path of the file; diagnostics name its file name.</param>
    /// <param name="style">Rules for the <c>n:</c> and <c>v:</c> expansions.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static ReadResult<IssueDictionary> Read(string path, InflectionStyle style = InflectionStyle.English)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag(Path.GetFileName(path));
        var text = DictionaryText.ReadFile(path, bag);
        if (text is null)
        {
            return new ReadResult<IssueDictionary>(IssueDictionary.Empty, bag.ToImmutable());
        }

        using var reader = new StringReader(text);
        return Parse(reader, bag, style);
    }

    /// <summary>Reads an issues file from <paramref name="reader"/>; never throws for any content.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="sourceName">Name used as <see cref="Diagnostic.Source"/> and in <see cref="SourceLine.File"/>.</param>
    /// <param name="style">Rules for the <c>n:</c> and <c>v:</c> expansions.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ReadResult<IssueDictionary> Parse(TextReader reader, string sourceName, InflectionStyle style = InflectionStyle.English)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Parse(reader, new DiagnosticBag(sourceName), style);
    }

    private static ReadResult<IssueDictionary> Parse(TextReader reader, DiagnosticBag bag, InflectionStyle style)
    {
        var categories = ImmutableArray.CreateBuilder<IssueCategory>();
        var rules = ImmutableArray.CreateBuilder<IssueRule>();
        IssueCategory? category = null;
        foreach (var line in DictionaryText.Lines(reader, bag, new LineOptions(SemicolonComments: false)))
        {
            var text = line.Text;
            if (text.StartsWith("</", StringComparison.Ordinal))
            {
                if (category is null)
                {
                    bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected '{DictionaryText.Shorten(text)}' to close an '<ISSUE ...>' section, but none is open. It was ignored; delete it or add the opening tag.");
                }

                category = null;
                continue;
            }

            if (text.StartsWith('<'))
            {
                if (category is not null)
                {
                    bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected section {category.Name} (line {category.Source.Line}) to be closed with '</ISSUE>' before a new one opens. It was closed here; add the closing tag.");
                }

                category = ReadCategory(line, bag);
                if (category is not null)
                {
                    categories.Add(category);
                }

                continue;
            }

            foreach (var rule in ReadRules(line, category, bag))
            {
                rule.Forms = Expand(rule, line, bag, style);
                if (rule.Forms.IsEmpty)
                {
                    continue;
                }

                rules.Add(rule);
                category?.Add(rule);
            }
        }

        if (category is not null)
        {
            bag.Warn(ErrorCodes.DictionaryLineRepaired, category.Source.Line, $"Expected section {category.Name} to be closed with '</ISSUE>', but the file ended first. Its rules were read; add the closing tag.");
        }

        foreach (var c in categories)
        {
            c.Freeze();
        }

        return new ReadResult<IssueDictionary>(new IssueDictionary(categories.ToImmutable(), rules.ToImmutable()), bag.ToImmutable());
    }

    private static IssueCategory? ReadCategory(DictionaryLine line, DiagnosticBag bag)
    {
        var attributes = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (Match match in Attribute().Matches(line.Text))
        {
            attributes[match.Groups[1].Value.ToUpperInvariant()] = match.Groups[2].Value;
        }

        if (!line.Text.StartsWith("<ISSUE", StringComparison.OrdinalIgnoreCase) || !attributes.TryGetValue("CATEGORY", out var name) || name.Length == 0)
        {
            bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected a section tag '<ISSUE CATEGORY=\"NAME\" TYPE=\"ALL\">', but found '{DictionaryText.Shorten(line.Text)}'. The tag was skipped and the rules after it belong to no section; fix the tag.");
            return null;
        }

        return new IssueCategory(name, attributes.GetValueOrDefault("TYPE", string.Empty), attributes.ToImmutable(), new SourceLine(bag.Source, line.Number));
    }

    private static List<IssueRule> ReadRules(DictionaryLine line, IssueCategory? category, DiagnosticBag bag)
    {
        var text = line.Text;
        var source = new SourceLine(bag.Source, line.Number);
        if (text.StartsWith('~'))
        {
            var story = text.StartsWith("~~", StringComparison.Ordinal);
            var phrase = text[(story ? 2 : 1)..].Trim();
            if (phrase.Length == 0 || phrase.Contains('[', StringComparison.Ordinal))
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected an exclusion '~phrase' or '~~phrase' without a code, but found '{DictionaryText.Shorten(text)}'. The line was skipped.");
                return [];
            }

            return [new IssueRule(story ? IssueRuleKind.StoryExclusion : IssueRuleKind.SentenceExclusion, string.Empty, phrase, category, source)];
        }

        var open = text.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            bag.Warn(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected an issue line 'phrase [CODE]', but '{DictionaryText.Shorten(text)}' has no code. It was skipped, as PETRARCH does; add the code.");
            return [];
        }

        var rules = new List<IssueRule>();
        var position = 0;
        while (open >= 0)
        {
            var phrase = text[position..open].Trim();
            var next = text.IndexOf('[', open + 1);
            var close = text.IndexOf(']', open, (next >= 0 ? next : text.Length) - open);
            var resume = close + 1;
            if (close < 0)
            {
                bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected the code of '{DictionaryText.Shorten(text)}' to end with ']', but it does not. It was read up to the next '[' or the end of the line; add the ']'.");
                close = resume = next >= 0 ? next : text.Length;
            }

            var code = text[(open + 1)..close].Trim();
            if (code.Length == 0)
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected a code in the brackets of '{DictionaryText.Shorten(text)}', but they are empty. The rest of the line was skipped.");
                return rules;
            }
            else if (phrase.Length > 0)
            {
                if (rules.Count > 0)
                {
                    bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected one rule per line, but '{DictionaryText.Shorten(text)}' holds several (a line break is missing). Each was read as a rule of its own; put them on separate lines.");
                }

                rules.Add(new IssueRule(IssueRuleKind.Phrase, code, phrase, category, source));
            }
            else if (rules.Count > 0)
            {
                var first = rules[^1].Code;
                bag.Warn(code == first ? ErrorCodes.DictionaryDuplicate : ErrorCodes.DictionaryLineRepaired, line.Number, code == first
                    ? $"Expected one code per rule, but '{DictionaryText.Shorten(text)}' repeats [{code}]. The repeat was ignored; delete it."
                    : $"Expected one code per rule, but '{DictionaryText.Shorten(text)}' has [{first}] and [{code}]. The first was used; delete the other.");
            }
            else
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected a phrase before the code in '{DictionaryText.Shorten(text)}', but there is none. The line was skipped.");
                return rules;
            }

            position = resume;
            open = next >= position ? next : text.IndexOf('[', position);
        }

        var rest = text[position..].Trim();
        if (rest.Length > 0)
        {
            bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected nothing but a '#' comment after the code, but '{DictionaryText.Shorten(text)}' ends with '{DictionaryText.Shorten(rest)}'. It was ignored; delete it or start it with '#'.");
        }

        return rules;
    }

    private static ImmutableArray<IssueForm> Expand(IssueRule rule, DictionaryLine line, DiagnosticBag bag, InflectionStyle style)
    {
        var forms = new List<List<string>> { new() };
        var tokens = rule.Text.ToUpperInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length > MaxWords)
        {
            bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected an issue phrase of a few words, but '{DictionaryText.Shorten(rule.Text)}' has {tokens.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)} (at most {MaxWords} are read). The rule was skipped; shorten it.");
            return [];
        }

        foreach (var token in tokens)
        {
            var alternatives = TokenAlternatives(token, rule, line, bag, style);
            if (alternatives.Count == 1)
            {
                foreach (var form in forms)
                {
                    form.AddRange(alternatives[0]);
                }

                continue;
            }

            if (forms.Count * alternatives.Count > MaxForms)
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected an issue phrase with a few expansions, but '{DictionaryText.Shorten(rule.Text)}' would make more than {MaxForms} forms. The rule was skipped; use fewer 'n:', 'v:' and '+'.");
                return [];
            }

            forms = [.. forms.SelectMany(form => alternatives.Select(alternative => (List<string>)[.. form, .. alternative]))];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<IssueForm>(forms.Count);
        foreach (var words in forms.Where(w => w.Count > 0))
        {
            if (seen.Add(string.Join(' ', words)))
            {
                result.Add(new IssueForm([.. words], rule));
            }
        }

        if (result.Count == 0)
        {
            bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected words in the issue phrase '{DictionaryText.Shorten(rule.Text)}', but it has none once markers are removed. The rule was skipped.");
        }

        return result.ToImmutable();
    }

    /// <summary>The word sequences one written token stands for (a '+' joins with a space or a hyphen).</summary>
    private static List<List<string>> TokenAlternatives(string token, IssueRule rule, DictionaryLine line, DiagnosticBag bag, InflectionStyle style)
    {
        List<List<string>> sequences = [[]];
        var first = true;
        foreach (var part in token.Split('+'))
        {
            var next = new List<List<string>>();
            foreach (var variant in PartVariants(part, rule, line, bag, style))
            {
                foreach (var sequence in sequences)
                {
                    if (variant.Length == 0)
                    {
                        next.Add(sequence);
                        continue;
                    }

                    // The first part, or '+' read as a space: the part is a word of its own.
                    next.Add([.. sequence, variant]);

                    // '+' read as a hyphen: the part is glued to the previous word.
                    if (!first && sequence.Count > 0)
                    {
                        next.Add([.. sequence.Take(sequence.Count - 1), sequence[^1] + "-" + variant]);
                    }
                }
            }

            if (next.Count > MaxForms)
            {
                return next;
            }

            sequences = next;
            first = false;
        }

        return sequences;
    }

    /// <summary>The forms of one part of a token: 'N:WORD' gives singular and plural, 'V:WORD' the verb forms.</summary>
    private static List<string> PartVariants(string part, IssueRule rule, DictionaryLine line, DiagnosticBag bag, InflectionStyle style)
    {
        if (part.Length > 2 && part[1] == ':' && char.IsAsciiLetter(part[0]))
        {
            var word = part[2..];
            switch (part[0])
            {
                case 'N':
                    return [word, Inflection.Plural(word, style)];
                case 'V':
                    var forms = Inflection.RegularVerbForms(word, style);
                    return [word, forms.ThirdPerson, forms.Past, forms.Gerund];
                default:
                    bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected the expansion prefix 'n:' (noun plural) or 'v:' (verb forms), but '{rule.Text}' has '{char.ToLowerInvariant(part[0])}:'. It was read as '{word}' without expansion; correct the prefix.");
                    return [word];
            }
        }

        return [part];
    }

    [GeneratedRegex("([A-Za-z_]+)\\s*=\\s*\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();
}
