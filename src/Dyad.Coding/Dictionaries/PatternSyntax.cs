using System.Collections.Immutable;

namespace Dyad.Coding.Dictionaries;

/// <summary>
/// Parses the element syntax of verb patterns and synonym-set members: words, <c>&amp;SET</c> references, the markers
/// <c>$ + ^ %</c>, noun phrases in braces and prepositional phrases in parentheses. A word joined with underscores
/// (<c>AIR_STRIKE</c>) is a noun phrase of consecutive words; a trailing underscore (the TABARI "stop" mark) is dropped.
/// </summary>
internal static class PatternSyntax
{
    /// <summary>Parses <paramref name="text"/>; on failure returns false and says why in <paramref name="error"/>.</summary>
    public static bool TryParse(string text, out ImmutableArray<PatternElement> elements, out string error)
    {
        var tokens = Tokenize(text);
        var builder = ImmutableArray.CreateBuilder<PatternElement>();
        var i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            switch (token)
            {
                case "(":
                    if (!TryParsePreposition(tokens, ref i, out var prep, out error))
                    {
                        elements = [];
                        return false;
                    }

                    builder.Add(prep);
                    break;
                case "{":
                    if (!TryParseNounPhrase(tokens, ref i, out var noun, out error))
                    {
                        elements = [];
                        return false;
                    }

                    builder.Add(noun);
                    break;
                case ")" or "}":
                    elements = [];
                    error = $"'{token}' has no matching '{(token == ")" ? "(" : "{")}'";
                    return false;
                default:
                    if (!TryWord(token, out var element, out error))
                    {
                        elements = [];
                        return false;
                    }

                    builder.Add(element);
                    i++;
                    break;
            }
        }

        elements = builder.ToImmutable();
        error = string.Empty;
        return true;
    }

    /// <summary>Adds the names of all synonym sets referred to in <paramref name="elements"/> (recursively) to <paramref name="names"/>.</summary>
    public static void CollectSets(IEnumerable<PatternElement> elements, List<string> names)
    {
        foreach (var element in elements)
        {
            if (element.Kind == PatternElementKind.SynonymSet)
            {
                if (!names.Contains(element.Text, StringComparer.OrdinalIgnoreCase))
                {
                    names.Add(element.Text);
                }
            }
            else
            {
                CollectSets(element.Children, names);
            }
        }
    }

    /// <summary>Splits on white space; each bracket character is a token of its own.</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var isBracket = c is '(' or ')' or '{' or '}';
            if (char.IsWhiteSpace(c) || isBracket)
            {
                if (start >= 0)
                {
                    tokens.Add(text[start..i]);
                    start = -1;
                }

                if (isBracket)
                {
                    tokens.Add(c.ToString());
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        return tokens;
    }

    private static bool TryParsePreposition(List<string> tokens, ref int i, out PatternElement element, out string error)
    {
        element = null!;
        i++; // '('
        if (i >= tokens.Count || tokens[i] == ")")
        {
            error = "'(' must be followed by a preposition, as in '(TO BORDER)'";
            return false;
        }

        if (tokens[i] is "(" or "{" or "}")
        {
            error = $"expected a preposition after '(', but found '{tokens[i]}'";
            return false;
        }

        var preposition = Words(tokens[i]);
        if (preposition.Length == 0)
        {
            error = $"expected a preposition after '(', but found '{tokens[i]}'";
            return false;
        }

        i++;
        var children = ImmutableArray.CreateBuilder<PatternElement>();
        while (i < tokens.Count && tokens[i] != ")")
        {
            switch (tokens[i])
            {
                case "(":
                    error = "a prepositional phrase cannot hold another '('";
                    return false;
                case "}":
                    error = "'}' has no matching '{'";
                    return false;
                case "{":
                    if (!TryParseNounPhrase(tokens, ref i, out var noun, out error))
                    {
                        return false;
                    }

                    children.Add(noun);
                    break;
                default:
                    if (!TryWord(tokens[i], out var word, out error))
                    {
                        return false;
                    }

                    children.Add(word);
                    i++;
                    break;
            }
        }

        if (i >= tokens.Count)
        {
            error = "'(' is never closed with ')'";
            return false;
        }

        i++; // ')'
        element = new PatternElement(PatternElementKind.PrepositionalPhrase, string.Join(' ', preposition), children.ToImmutable());
        error = string.Empty;
        return true;
    }

    private static bool TryParseNounPhrase(List<string> tokens, ref int i, out PatternElement element, out string error)
    {
        element = null!;
        i++; // '{'
        var children = ImmutableArray.CreateBuilder<PatternElement>();
        while (i < tokens.Count && tokens[i] != "}")
        {
            if (tokens[i] is "(" or ")" or "{")
            {
                error = $"a noun phrase in braces cannot hold '{tokens[i]}'";
                return false;
            }

            if (!TryWord(tokens[i], out var word, out error))
            {
                return false;
            }

            if (word.Kind == PatternElementKind.NounPhrase)
            {
                children.AddRange(word.Children);
            }
            else
            {
                children.Add(word);
            }

            i++;
        }

        if (i >= tokens.Count)
        {
            error = "'{' is never closed with '}'";
            return false;
        }

        i++; // '}'
        if (children.Count == 0)
        {
            error = "'{}' is empty; a noun phrase needs at least its head noun";
            return false;
        }

        element = new PatternElement(PatternElementKind.NounPhrase, string.Empty, children.ToImmutable());
        error = string.Empty;
        return true;
    }

    private static bool TryWord(string token, out PatternElement element, out string error)
    {
        error = string.Empty;
        switch (token)
        {
            case "$":
                element = new PatternElement(PatternElementKind.Source, "$", []);
                return true;
            case "+":
                element = new PatternElement(PatternElementKind.Target, "+", []);
                return true;
            case "^":
                element = new PatternElement(PatternElementKind.Skip, "^", []);
                return true;
            case "%":
                element = new PatternElement(PatternElementKind.Compound, "%", []);
                return true;
            case "*":
                element = null!;
                error = "'*' (the verb) can appear only once and not inside a phrase";
                return false;
        }

        if (token.StartsWith('&'))
        {
            var name = VerbDictionaryReader.NormalizeSetName(token);
            if (name.Length < 2)
            {
                element = null!;
                error = $"'{token}' is not a synonym set name; write '&' and the name, as in '&CURRENCY'";
                return false;
            }

            element = new PatternElement(PatternElementKind.SynonymSet, name, []);
            return true;
        }

        var words = Words(token);
        if (words.Length == 0)
        {
            element = null!;
            error = $"'{token}' holds no word";
            return false;
        }

        element = words.Length == 1
            ? new PatternElement(PatternElementKind.Word, words[0], [])
            : new PatternElement(PatternElementKind.NounPhrase, string.Empty, [.. words.Select(w => new PatternElement(PatternElementKind.Word, w, []))]);
        return true;
    }

    /// <summary>Upper-case words of a token, split on underscores, without empty parts.</summary>
    private static string[] Words(string token) =>
        token.ToUpperInvariant().Split('_', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
