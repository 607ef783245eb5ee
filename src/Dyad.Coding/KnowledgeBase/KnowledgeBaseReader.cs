using System.Collections.Immutable;
using System.Globalization;
using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.KnowledgeBase;

/// <summary>
/// Reads a knowledge-base folder in the format of <c>data/kb/README.md</c> into a <see cref="KbModel"/>, one task per
/// file. Never throws for file content: each line that cannot be read gives a diagnostic naming its file and line and
/// is skipped. A missing file is an empty one (the knowledge base may be written a file at a time).
/// </summary>
internal static class KnowledgeBaseReader
{
    public const string CountriesFile = "countries.txt";
    public const string AgentsFile = "agents.txt";
    public const string OrganisationsFile = "organisations.txt";
    public const string PeopleFile = "people.txt";
    public const string DiscardsFile = "discards.txt";
    public const string VerbsFolder = "verbs";

    private const int MaxIrregularForms = 2;
    private static readonly char[] Separators = [' ', '\t', '_'];
    private static readonly System.Buffers.SearchValues<char> MemberMarkers = System.Buffers.SearchValues.Create("*$+^%|");
    private static readonly System.Buffers.SearchValues<char> Brackets = System.Buffers.SearchValues.Create("{}()&");
    private static readonly System.Buffers.SearchValues<char> Markers = System.Buffers.SearchValues.Create("{}[]()*&$^%+=|~");

    /// <summary>Reads every file of <paramref name="directory"/>; diagnostics come per file in a fixed order, then those that need all verb files.</summary>
    public static (KbModel Model, ImmutableArray<Diagnostic> Diagnostics) Read(string directory)
    {
        var model = new KbModel();
        if (!Directory.Exists(directory))
        {
            var message = $"Expected a knowledge-base folder at '{directory}', but there is none. Check the path, or set DYAD_KB.";
            return (model, [new Diagnostic(ErrorCodes.InputUnreadable, Severity.Error, message, directory, string.Empty)]);
        }

        var verbsFolder = Path.Combine(directory, VerbsFolder);
        var verbFiles = Directory.Exists(verbsFolder)
            ? Directory.EnumerateFiles(verbsFolder, "*.txt").Order(StringComparer.Ordinal).ToList()
            : [];
        var jobs = new List<(string Path, string Name, Action<KbLine, FileState> Read, Action<FileState>? Finish)>
        {
            (Path.Combine(directory, CountriesFile), CountriesFile, ReadCountry, null),
            (Path.Combine(directory, AgentsFile), AgentsFile, ReadAgent, null),
            (Path.Combine(directory, OrganisationsFile), OrganisationsFile, ReadOrganisation, null),
            (Path.Combine(directory, PeopleFile), PeopleFile, ReadPeopleLine, FinishPerson),
            (Path.Combine(directory, DiscardsFile), DiscardsFile, ReadDiscard, null),
        };
        jobs.AddRange(verbFiles.Select(p => (p, VerbsFolder + "/" + Path.GetFileName(p), (Action<KbLine, FileState>)ReadVerbLine, (Action<FileState>?)null)));

        var tasks = jobs.Select(job => Task.Run(() => ReadFile(job.Path, job.Name, job.Read, job.Finish))).ToArray();
        Task.WaitAll(tasks);

        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var part in tasks.Select(t => t.Result))
        {
            model.Countries.AddRange(part.Model.Countries);
            model.Agents.AddRange(part.Model.Agents);
            model.Organisations.AddRange(part.Model.Organisations);
            model.People.AddRange(part.Model.People);
            model.Discards.AddRange(part.Model.Discards);
            model.Verbs.AddRange(part.Model.Verbs);
            model.Sets.AddRange(part.Model.Sets);
            diagnostics.AddRange(part.Bag.ToImmutable());
        }

        ResolveSets(model, diagnostics);
        return (model, diagnostics.ToImmutable());
    }

    private static FileState ReadFile(string path, string name, Action<KbLine, FileState> read, Action<FileState>? finish)
    {
        var state = new FileState(name);
        if (!File.Exists(path))
        {
            return state;
        }

        var text = DictionaryText.ReadFile(path, state.Bag);
        if (text is null)
        {
            return state;
        }

        foreach (var line in Lines(text, state.Bag))
        {
            read(line, state);
        }

        finish?.Invoke(state);
        return state;
    }

    /// <summary>The lines with content: <c>#</c> comments cut off, blank lines left out, indentation noted.</summary>
    private static IEnumerable<KbLine> Lines(string text, DiagnosticBag bag)
    {
        using var reader = new StringReader(text);
        var number = 0;
        while (reader.ReadLine() is { } raw)
        {
            number++;
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var content = hash < 0 ? raw : raw[..hash];
            var trimmed = content.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            DictionaryText.CheckCharacters(trimmed, number, bag);
            yield return new KbLine(number, trimmed, char.IsWhiteSpace(content[0]), hash < 0 ? string.Empty : raw[(hash + 1)..].Trim());
        }
    }

    // ---- countries, agents, organisations, discards ----

    private static void ReadCountry(KbLine line, FileState state)
    {
        var fields = Fields(line);
        if (fields.Length != 7)
        {
            state.Skip(line, $"Expected 7 fields 'CODE | ISO2 | names | adjectives | capitals | seats | cities', but found {Count(fields.Length)} in '{DictionaryText.Shorten(line.Text)}'");
            return;
        }

        if (fields[0].Length == 0 || fields[2].Length == 0)
        {
            state.Skip(line, $"Expected a code and at least one name, but '{DictionaryText.Shorten(line.Text)}' has {(fields[0].Length == 0 ? "no code" : "no name")}");
            return;
        }

        if (fields[1].Length > 0 && !(fields[1].Length == 2 && fields[1].All(char.IsAsciiLetterUpper)))
        {
            state.Bag.Error(ErrorCodes.KnowledgeBaseLineSkipped, line.Number, $"Expected the ISO 3166 code to be two capital letters or empty, but found '{fields[1]}'. The line was read without it; correct the code.");
            fields[1] = string.Empty;
        }

        var source = state.At(line);
        var names = Phrases(fields[2], line, state);
        ImmutableArray<KbPhrase> phrases = [.. names, .. Phrases(fields[3], line, state), .. Phrases(fields[4], line, state), .. Phrases(fields[6], line, state)];
        state.Model.Countries.Add(new KbCountry(source, fields[0], fields[1], phrases, Phrases(fields[5], line, state)) { NameCount = names.Length });
    }

    private static void ReadAgent(KbLine line, FileState state)
    {
        if (ReadCodeLine(line, state, "agent") is not { } read)
        {
            return;
        }

        var (code, phrases) = read;
        var placement = AgentPlacement.Suffix;
        if (code.EndsWith('~'))
        {
            placement = AgentPlacement.Prefix;
            code = code[..^1];
        }
        else if (code.StartsWith('~'))
        {
            code = code[1..];
        }

        state.Model.Agents.Add(new KbCodeLine(state.At(line), code, placement, phrases));
    }

    private static void ReadOrganisation(KbLine line, FileState state)
    {
        if (ReadCodeLine(line, state, "organisation") is { } read)
        {
            state.Model.Organisations.Add(new KbCodeLine(state.At(line), read.Code, AgentPlacement.Suffix, read.Phrases));
        }
    }

    private static (string Code, ImmutableArray<KbPhrase> Phrases)? ReadCodeLine(KbLine line, FileState state, string what)
    {
        var fields = Fields(line);
        if (fields.Length != 2)
        {
            state.Skip(line, $"Expected 2 fields 'CODE | phrases' for an {what}, but found {Count(fields.Length)} in '{DictionaryText.Shorten(line.Text)}'");
            return null;
        }

        var phrases = Phrases(fields[1], line, state);
        if (fields[0].Length == 0 || phrases.IsEmpty)
        {
            state.Skip(line, $"Expected a code and at least one phrase, but '{DictionaryText.Shorten(line.Text)}' has {(fields[0].Length == 0 ? "no code" : "no phrase")}");
            return null;
        }

        return (fields[0], phrases);
    }

    private static void ReadDiscard(KbLine line, FileState state)
    {
        var fields = Fields(line);
        var story = fields.Length == 2 && fields[0].Equals("story", StringComparison.OrdinalIgnoreCase);
        if (fields.Length != 2 || !(story || fields[0].Equals("sentence", StringComparison.OrdinalIgnoreCase)))
        {
            state.Skip(line, $"Expected 'sentence | PHRASE' or 'story | PHRASE', but found '{DictionaryText.Shorten(line.Text)}'");
            return;
        }

        var words = Words(fields[1]);
        if (words.IsEmpty)
        {
            state.Skip(line, $"Expected a phrase after '{fields[0]} |', but the line has none");
            return;
        }

        state.Model.Discards.Add(new KbDiscard(story, new KbPhrase(fields[1], words, state.At(line))));
    }

    // ---- people ----

    private static void ReadPeopleLine(KbLine line, FileState state)
    {
        if (!line.Indented)
        {
            if (line.Text.Contains('|', StringComparison.Ordinal))
            {
                // Most likely a role line that lost its indentation: the person stays open for the roles after it.
                state.Skip(line, $"Expected a line of names, or an indented role line 'CODE | FROM..TO | role' under one, but '{DictionaryText.Shorten(line.Text)}' holds '|' and is not indented");
                return;
            }

            FinishPerson(state);

            var names = Phrases(line.Text, line, state);
            if (names.IsEmpty)
            {
                state.Skip(line, "Expected at least one name");
                return;
            }

            state.Person = (state.At(line), names, []);
            return;
        }

        if (state.Person is not { } person)
        {
            state.Skip(line, $"Expected a role line under a line of names, but '{DictionaryText.Shorten(line.Text)}' has no person above it");
            return;
        }

        var fields = Fields(line);
        if (fields.Length is < 2 or > 3 || fields[0].Length == 0)
        {
            state.Skip(line, $"Expected a role line 'CODE | FROM..TO | role', but found '{DictionaryText.Shorten(line.Text)}'");
            return;
        }

        if (!TryParseRange(fields[1], out var range, out var error))
        {
            state.Bag.Error(ErrorCodes.DateRangeInvalid, line.Number, $"Expected a date range 'YYYY-MM-DD..YYYY-MM-DD' (either end may be left open), but in '{fields[1]}' {error}. The role was skipped; correct the dates.");
            return;
        }

        person.Roles.Add(new KbRole(state.At(line), fields[0], range, fields.Length > 2 ? fields[2] : string.Empty));
    }

    private static void FinishPerson(FileState state)
    {
        if (state.Person is { } person)
        {
            state.Model.People.Add(new KbPerson(person.Source, person.Names, [.. person.Roles]));
            state.Person = null;
        }
    }

    /// <summary>Parses <c>FROM..TO</c>, either end empty; an empty text or <c>..</c> alone is every day.</summary>
    internal static bool TryParseRange(string text, out DateRange range, out string error)
    {
        range = DateRange.Always;
        text = text.Trim();
        if (text.Length == 0)
        {
            error = string.Empty;
            return true;
        }

        var dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            error = "there is no '..' between the first and the last day";
            return false;
        }

        DateOnly? from = null;
        DateOnly? to = null;
        foreach (var (part, isFrom) in (ReadOnlySpan<(string, bool)>)[(text[..dots].Trim(), true), (text[(dots + 2)..].Trim(), false)])
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (!DateOnly.TryParseExact(part, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                error = $"'{part}' is not a calendar date written YYYY-MM-DD";
                return false;
            }

            if (isFrom)
            {
                from = date;
            }
            else
            {
                to = date;
            }
        }

        if (from > to)
        {
            error = "the first day comes after the last";
            return false;
        }

        range = new DateRange(from, to);
        error = string.Empty;
        return true;
    }

    // ---- verbs ----

    private static void ReadVerbLine(KbLine line, FileState state)
    {
        if (line.Indented)
        {
            ReadPattern(line, state);
        }
        else if (StartsWithKeyword(line.Text, "verb"))
        {
            ReadVerbHeader(line, state);
        }
        else if (StartsWithKeyword(line.Text, "set"))
        {
            state.Block = null;
            ReadSet(line, state);
        }
        else
        {
            state.Skip(line, $"Expected 'verb LEMMA, ... = CODE', 'set &NAME = ...' or an indented pattern under a verb line, but found '{DictionaryText.Shorten(line.Text)}'");
        }
    }

    private static bool StartsWithKeyword(string text, string keyword) =>
        text.StartsWith(keyword, StringComparison.OrdinalIgnoreCase) && text.Length > keyword.Length && char.IsWhiteSpace(text[keyword.Length]);

    private static void ReadVerbHeader(KbLine line, FileState state)
    {
        state.Block = null;
        var rest = line.Text[4..].Trim();
        var equals = rest.LastIndexOf('=');
        var code = VerbCode.Null;
        var problem = false;
        if (equals < 0)
        {
            state.Bag.Error(ErrorCodes.KnowledgeBaseLineSkipped, line.Number, $"Expected 'verb LEMMA, ... = CODE', but '{DictionaryText.Shorten(line.Text)}' has no '= CODE'. The verb was read with the code '---'; add the code.");
            problem = true;
        }
        else if (!TryParseCode(rest[(equals + 1)..], out code, out var codeError))
        {
            state.Bag.Error(ErrorCodes.KnowledgeBaseLineSkipped, line.Number, $"Expected an event code such as '042' or '---' after '=', but {codeError}. The verb was read with the code '---'; correct the code.");
            code = VerbCode.Null;
            problem = true;
        }

        var lemmas = ImmutableArray.CreateBuilder<KbLemma>();
        var items = SplitOutside(equals < 0 ? rest : rest[..equals]);
        foreach (var item in items)
        {
            if (item.Length == 0)
            {
                if (items.Count == 1)
                {
                    break;
                }


                state.Bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, "Expected a lemma between every two commas, but found an empty one. It was ignored; delete the extra comma.");
                continue;
            }

            if (TryParseLemma(item, out var lemma, out var error))
            {
                lemmas.Add(lemma);
            }
            else
            {
                state.Bag.Error(ErrorCodes.KnowledgeBaseLineSkipped, line.Number, $"Expected a lemma such as 'pay {{paid paid}}' or 'call for', but in '{DictionaryText.Shorten(item)}' {error}. That lemma was skipped.");
                problem = true;
            }
        }

        if (lemmas.Count == 0)
        {
            if (!problem)
            {
                state.Skip(line, "Expected at least one lemma after 'verb'");
            }

            return;
        }

        state.Block = new KbVerbBlock(state.At(line), lemmas.ToImmutable(), code);
        state.Model.Verbs.Add(state.Block);
    }

    private static bool TryParseLemma(string item, out KbLemma lemma, out string error)
    {
        lemma = null!;
        var irregular = ImmutableArray<string>.Empty;
        var wordsText = item;
        var open = item.IndexOf('{', StringComparison.Ordinal);
        if (open >= 0)
        {
            var close = item.IndexOf('}', open);
            if (close < 0)
            {
                error = "'{' is never closed with '}'";
                return false;
            }

            if (item[(close + 1)..].Trim().Length > 0)
            {
                error = $"'{item[(close + 1)..].Trim()}' follows the forms in braces";
                return false;
            }

            irregular = [.. item[(open + 1)..close].ToUpperInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries)];
            if (irregular.IsEmpty || irregular.Length > MaxIrregularForms)
            {
                error = $"the braces hold {Count(irregular.Length)} forms; write the past and the participle, as in '{{paid paid}}'";
                return false;
            }

            if (irregular.FirstOrDefault(f => f.AsSpan().IndexOfAny(Markers) >= 0) is { } bad)
            {
                error = $"the form '{bad}' holds a bracket or marker";
                return false;
            }

            wordsText = item[..open];
        }

        var parts = wordsText.ToUpperInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var head = -1;
        var words = ImmutableArray.CreateBuilder<string>(parts.Length);
        foreach (var part in parts)
        {
            var word = part;
            if (word.StartsWith('+') && word.Length > 1 && head < 0)
            {
                head = words.Count;
                word = word[1..];
            }

            if (word.AsSpan().IndexOfAny(Markers) >= 0)
            {
                error = $"the word '{word}' holds a bracket or marker";
                return false;
            }

            words.Add(word);
        }

        if (words.Count == 0)
        {
            error = "there is no word";
            return false;
        }

        error = string.Empty;
        lemma = new KbLemma(item.Trim(), words.ToImmutable(), Math.Max(head, 0), irregular);
        return true;
    }

    private static void ReadPattern(KbLine line, FileState state)
    {
        if (state.Block is null)
        {
            state.Skip(line, $"Expected the pattern '{DictionaryText.Shorten(line.Text)}' under a 'verb ... = CODE' line, but none comes before it");
            return;
        }

        var equals = line.Text.LastIndexOf('=');
        if (equals < 0)
        {
            state.Skip(line, $"Expected a pattern 'ELEMENTS = CODE[:PASSIVE]', but '{DictionaryText.Shorten(line.Text)}' has no '= CODE'");
            return;
        }

        var codeText = line.Text[(equals + 1)..].Trim();
        string? sourceAgent = null;
        var tilde = codeText.IndexOf('~', StringComparison.Ordinal);
        if (tilde >= 0)
        {
            sourceAgent = codeText[(tilde + 1)..].Trim();
            codeText = codeText[..tilde];
            if (sourceAgent.Length < 3 || !sourceAgent.All(char.IsAsciiLetterUpper))
            {
                state.Skip(line, $"Expected an agent code such as '~MIL' after the event code, but found '~{DictionaryText.Shorten(sourceAgent)}'");
                return;
            }
        }

        if (!TryParseCode(codeText, out var code, out var codeError))
        {
            state.Skip(line, $"Expected an event code such as '042' or '042:043' after '=', but {codeError}");
            return;
        }

        var body = line.Text[..equals];
        var star = body.IndexOf('*', StringComparison.Ordinal);
        var stars = body.Count(c => c == '*');
        if (stars != 1)
        {
            state.Bag.Error(ErrorCodes.PatternUnmatchable, line.Number, $"Expected exactly one '*' (the verb) in the pattern '{DictionaryText.Shorten(body)}', but found {Count(stars)}. The pattern can never match and was skipped; mark the verb's place with one '*'.");
            return;
        }

        if (!PatternSyntax.TryParse(body[..star], out var before, out var error) || !PatternSyntax.TryParse(body[(star + 1)..], out var after, out error))
        {
            state.Skip(line, $"Expected words, '+', '$', '{{noun phrase}}', '(prep ...)' and '&SET's in the pattern '{DictionaryText.Shorten(body)}', but {error}");
            return;
        }

        string? problem = null;
        var targets = CountTargets([.. before, .. after], insideNoun: false, out var targetInNoun);
        if (targets > 1)
        {
            problem = $"it has {Count(targets)} targets '+'; a pattern binds one target";
        }
        else if (targetInNoun)
        {
            problem = "it has a '+' inside a noun phrase '{...}', where no actor can stand";
        }

        if (problem is not null)
        {
            state.Bag.Error(ErrorCodes.PatternUnmatchable, line.Number, $"Expected a pattern that can match, but in '{DictionaryText.Shorten(body)}' {problem}. It was kept but never matches; fix it.");
        }

        var sets = new List<string>();
        PatternSyntax.CollectSets(before, sets);
        PatternSyntax.CollectSets(after, sets);
        state.Block.Patterns.Add(new KbPattern(state.At(line), before, after, code, line.Comment, [.. sets], problem) { SourceAgent = sourceAgent });
    }

    private static int CountTargets(IEnumerable<PatternElement> elements, bool insideNoun, out bool targetInNoun)
    {
        targetInNoun = false;
        var count = 0;
        foreach (var element in elements)
        {
            if (element.Kind == PatternElementKind.Target)
            {
                count++;
                targetInNoun |= insideNoun;
            }

            count += CountTargets(element.Children, insideNoun || element.Kind == PatternElementKind.NounPhrase, out var inner);
            targetInNoun |= inner;
        }

        return count;
    }

    private static void ReadSet(KbLine line, FileState state)
    {
        var rest = line.Text[3..].Trim();
        var equals = rest.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? rest : rest[..equals].Trim();
        if (equals < 0 || name.Length < 2 || name[0] != '&' || !char.IsAsciiLetter(name[1]) || !name.Skip(1).All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            state.Skip(line, $"Expected 'set &NAME = member, member, ...' with a name of letters, digits and '_', but found '{DictionaryText.Shorten(line.Text)}'");
            return;
        }

        var members = ImmutableArray.CreateBuilder<KbSetMember>();
        var used = new List<string>();
        foreach (var item in SplitOutside(rest[(equals + 1)..]))
        {
            if (item.Length == 0)
            {
                state.Bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, "Expected a member between every two commas, but found an empty one. It was ignored; delete the extra comma.");
                continue;
            }

            if (item.AsSpan().IndexOfAny(MemberMarkers) >= 0 || !PatternSyntax.TryParse(item, out var elements, out var error))
            {
                error = item.AsSpan().IndexOfAny(MemberMarkers) >= 0 ? "a set member cannot hold '*', '$', '+', '^', '%' or '|'" : "its brackets do not balance";
                state.Bag.Error(ErrorCodes.KnowledgeBaseLineSkipped, line.Number, $"Expected a set member of words, '{{noun phrase}}' or '&SET', but in '{DictionaryText.Shorten(item)}' {error}. That member was skipped.");
                continue;
            }

            PatternSyntax.CollectSets(elements, used);
            var plain = item.AsSpan().IndexOfAny(Brackets) < 0;
            members.Add(new KbSetMember(item, elements, plain ? Words(item) : []));
        }

        if (members.Count == 0)
        {
            state.Skip(line, $"Expected at least one member in the set {name}");
            return;
        }

        state.Model.Sets.Add(new KbSet(state.At(line), VerbDictionaryReader.NormalizeSetName(name), members.ToImmutable(), [.. used]));
    }

    /// <summary>Merges sets declared twice and marks the patterns and members that name an undeclared set.</summary>
    private static void ResolveSets(KbModel model, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var merged = new List<KbSet>();
        foreach (var set in model.Sets)
        {
            if (byName.TryGetValue(set.Name, out var index))
            {
                var first = merged[index];
                diagnostics.Add(Diagnose(ErrorCodes.DictionaryDuplicate, Severity.Warning, set.Source, $"Expected each synonym set to be declared once, but {set.Name} was already declared at {At(first.Source)}. Its members were added to the first declaration; merge the two lines."));
                merged[index] = first with
                {
                    Members = [.. first.Members, .. set.Members.Where(m => !first.Members.Any(f => string.Equals(f.Text, m.Text, StringComparison.OrdinalIgnoreCase)))],
                    UsedSets = [.. first.UsedSets.Union(set.UsedSets, StringComparer.Ordinal)],
                };
                continue;
            }

            byName[set.Name] = merged.Count;
            merged.Add(set);
        }

        model.Sets.Clear();
        model.Sets.AddRange(merged);
        foreach (var set in merged)
        {
            var missing = set.UsedSets.Where(n => !byName.ContainsKey(n)).ToList();
            if (missing.Count > 0)
            {
                diagnostics.Add(Diagnose(ErrorCodes.SynonymSetUndefined, Severity.Error, set.Source, $"Expected every set that {set.Name} uses to be declared, but {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not. Those members never match; declare the set with 'set &NAME = ...' or correct the name."));
            }
        }

        foreach (var block in model.Verbs)
        {
            for (var i = 0; i < block.Patterns.Count; i++)
            {
                var pattern = block.Patterns[i];
                var missing = pattern.Sets.Where(n => !byName.ContainsKey(n)).ToList();
                if (missing.Count > 0 && pattern.Problem is null)
                {
                    diagnostics.Add(Diagnose(ErrorCodes.SynonymSetUndefined, Severity.Error, pattern.Source, $"Expected every set the pattern '{DictionaryText.Shorten(pattern.ElementText)}' uses to be declared, but {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not. The pattern was kept but never matches; declare the set with 'set &NAME = ...' or correct the name."));
                    block.Patterns[i] = pattern with { Problem = "it uses the undeclared set " + string.Join(", ", missing) };
                }
            }
        }
    }

    // ---- shared pieces ----

    /// <summary>Cites a line as <c>file:line</c>, the way findings print.</summary>
    internal static string At(SourceLine source) => source.File + ":" + source.Line.ToString(CultureInfo.InvariantCulture);

    private static Diagnostic Diagnose(string code, Severity severity, SourceLine source, string message) =>
        new(code, severity, message, source.File, source.Location);

    /// <summary>The <c>|</c>-separated fields of a line, trimmed.</summary>
    private static string[] Fields(KbLine line) => [.. line.Text.Split('|').Select(f => f.Trim())];

    /// <summary>The phrases of a <c>,</c>-separated list; an empty item between commas is reported and left out.</summary>
    private static ImmutableArray<KbPhrase> Phrases(string field, KbLine line, FileState state)
    {
        if (field.Trim().Length == 0)
        {
            return [];
        }

        var phrases = ImmutableArray.CreateBuilder<KbPhrase>();
        foreach (var item in field.Split(','))
        {
            var text = item.Trim();
            var words = Words(text);
            if (words.IsEmpty)
            {
                state.Bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected a phrase between every two commas in '{DictionaryText.Shorten(field)}', but found an empty one. It was ignored; delete the extra comma.");
                continue;
            }

            phrases.Add(new KbPhrase(text, words, state.At(line)));
        }

        return phrases.ToImmutable();
    }

    /// <summary>Upper-case words split at white space; a leading "the" is dropped, since text matching skips articles anyway.</summary>
    internal static ImmutableArray<string> Words(string text)
    {
        var words = text.ToUpperInvariant().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 1 && words[0] == "THE" ? [.. words[1..]] : [.. words];
    }

    /// <summary>Splits at commas outside braces and parentheses; items are trimmed.</summary>
    private static List<string> SplitOutside(string text)
    {
        var items = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '{' or '(':
                    depth++;
                    break;
                case '}' or ')':
                    depth = Math.Max(0, depth - 1);
                    break;
                case ',' when depth == 0:
                    items.Add(text[start..i].Trim());
                    start = i + 1;
                    break;
            }
        }

        items.Add(text[start..].Trim());
        return items;
    }

    /// <summary>Parses <c>CODE</c> or <c>ACTIVE:PASSIVE</c>, each 2 to 4 digits or <c>---</c>.</summary>
    private static bool TryParseCode(string text, out VerbCode code, out string error)
    {
        code = VerbCode.Null;
        var parts = text.Trim().Split(':');
        if (parts.Length > 2 || parts.Any(p => !IsEventCodeShape(p.Trim())))
        {
            error = $"'{DictionaryText.Shorten(text)}' is not 2 to 4 digits or '---' (with ':PASSIVE' after it, if any)";
            return false;
        }

        error = string.Empty;
        code = new VerbCode(parts[0].Trim(), parts.Length > 1 ? parts[1].Trim() : null);
        return true;
    }

    private static bool IsEventCodeShape(string code) => code == "---" || (code.Length is >= 2 and <= 4 && code.All(char.IsAsciiDigit));

    private static string Count(int n) => n == 0 ? "none" : n.ToString(CultureInfo.InvariantCulture);

    private readonly record struct KbLine(int Number, string Text, bool Indented, string Comment);

    /// <summary>What one file's task builds: its part of the model, its diagnostics, and the block or person it is in.</summary>
    private sealed class FileState(string name)
    {
        public KbModel Model { get; } = new();

        public DiagnosticBag Bag { get; } = new(name);

        public KbVerbBlock? Block { get; set; }

        public (SourceLine Source, ImmutableArray<KbPhrase> Names, List<KbRole> Roles)? Person { get; set; }

        public SourceLine At(KbLine line) => new(Bag.Source, line.Number);

        public void Skip(KbLine line, string expectedButFound) =>
            Bag.Error(ErrorCodes.KnowledgeBaseLineSkipped, line.Number, expectedButFound + ". The line was skipped; see data/kb/README.md for the format.");
    }
}
