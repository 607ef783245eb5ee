using System.Collections.Immutable;
using System.Globalization;
using Dyad.Coding.Codes;
using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.KnowledgeBase;

/// <summary>
/// Checks a knowledge-base folder (the format of <c>data/kb/README.md</c>) beyond what reading it needs. Errors: every
/// line the reader skipped; event codes not in the CAMEO table; actor codes that are not upper-case letters in groups
/// of three, or whose country or agent part countries.txt or agents.txt does not define (person roles, seats); a phrase
/// that codes as two different actors or agents (two people may share a name only when their roles never overlap);
/// overlapping roles of one person with different codes where neither range contains the other; bad or reversed date
/// ranges; patterns that can never match; verbs with the code <c>---</c> and no pattern; repeated patterns in a verb
/// block; one lemma with two different codes or the same pattern with two codes. Warnings: a phrase or discard
/// repeated with the same code, a person with no role, a set never used, and the reader's repairs.
/// </summary>
/// <remarks>
/// Ranges that only share their end day (one role ends the day the next begins) do not count as overlapping:
/// <c>data/kb/README.md</c> says both hold on that day, and the shorter one wins. Thread-safe: each call works alone.
/// </remarks>
public static class KnowledgeBaseLint
{
    /// <summary>Reads and checks the knowledge base in <paramref name="directory"/>. Never throws for file content.</summary>
    /// <param name="directory">The knowledge-base folder; a missing folder gives one <see cref="ErrorCodes.InputUnreadable"/> finding.</param>
    /// <param name="codes">The event code table; <see cref="CameoTable.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    public static KnowledgeBaseReport Check(string directory, CameoTable? codes = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        codes ??= CameoTable.Default;
        var (model, diagnostics) = KnowledgeBaseReader.Read(directory);
        var findings = new List<KnowledgeBaseFinding>(diagnostics.Select(ToFinding));
        var checker = new Checker(model, codes, findings);
        checker.CheckActorCodes();
        checker.CheckActorPhrases();
        checker.CheckAgentPhrases();
        checker.CheckPeople();
        checker.CheckVerbs();
        checker.CheckDiscards();
        var ordered = findings
            .Select((f, i) => (f, i))
            .OrderBy(x => x.f.File, StringComparer.Ordinal)
            .ThenBy(x => x.f.Line)
            .ThenBy(x => x.i)
            .Select(x => x.f);
        return new KnowledgeBaseReport(directory, [.. ordered], Count(model, codes));
    }

    private static KnowledgeBaseStats Count(KbModel model, CameoTable codes)
    {
        var patterns = model.Verbs.SelectMany(b => b.Patterns).ToList();
        var covered = patterns
            .SelectMany(p => new[] { p.Code.Active, p.Code.Passive })
            .Where(c => c is not null && codes.Contains(c))
            .Distinct(StringComparer.Ordinal)
            .Count();
        return new KnowledgeBaseStats(
            model.Countries.Count,
            model.Agents.Count,
            model.Organisations.Count,
            model.People.Count,
            model.People.Sum(p => p.Roles.Length),
            model.Verbs.SelectMany(b => b.Lemmas).Select(l => l.Key).Distinct(StringComparer.Ordinal).Count(),
            patterns.Count,
            model.Sets.Count,
            model.Discards.Count,
            covered);
    }

    private static KnowledgeBaseFinding ToFinding(Diagnostic diagnostic)
    {
        var line = diagnostic.Location.StartsWith("line ", StringComparison.Ordinal)
            && int.TryParse(diagnostic.Location.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
        return new KnowledgeBaseFinding(diagnostic.Severity, diagnostic.Code, diagnostic.Source, line, diagnostic.Message);
    }

    private sealed class Checker(KbModel model, CameoTable codes, List<KnowledgeBaseFinding> findings)
    {
        private readonly HashSet<string> _countries = new(StringComparer.Ordinal);
        private readonly HashSet<string> _agentParts = new(StringComparer.Ordinal);
        private readonly List<string> _organisations = [];

        public void CheckActorCodes()
        {
            var firstLine = new Dictionary<string, SourceLine>(StringComparer.Ordinal);
            foreach (var country in model.Countries)
            {
                if (!(country.Code.Length == 3 && country.Code.All(char.IsAsciiLetterUpper)))
                {
                    Error(ErrorCodes.ActorCodeUnknown, country.Source, $"Expected a country code of three capital letters, such as 'IRQ', but found '{country.Code}'. Correct the code.");
                }
                else if (firstLine.TryGetValue(country.Code, out var first))
                {
                    Error(ErrorCodes.DictionaryDuplicate, country.Source, $"Expected each country code once, but {country.Code} was already defined at {At(first)}. Merge the two lines.");
                }
                else
                {
                    firstLine[country.Code] = country.Source;
                    _countries.Add(country.Code);
                }
            }

            foreach (var agent in model.Agents)
            {
                if (CheckShape(agent.Code, agent.Source, "agent code", "'MIL' or 'GOVMIL' (or 'IGO~' for a prefix)"))
                {
                    foreach (var part in Parts(agent.Code))
                    {
                        _agentParts.Add(part);
                    }
                }
            }

            foreach (var organisation in model.Organisations)
            {
                if (CheckShape(organisation.Code, organisation.Source, "organisation code", "'IGOUNO' or 'NGOHRW'"))
                {
                    _organisations.Add(organisation.Code);
                }
            }

            foreach (var country in model.Countries.Where(c => !c.Seats.IsEmpty && !_agentParts.Contains(KbCountry.SeatAgent)))
            {
                Error(ErrorCodes.ActorCodeUnknown, country.Source, $"Expected agents.txt to define {KbCountry.SeatAgent}, since the seats of government of {country.Code} code as {country.SeatCode}, but it does not. Add the {KbCountry.SeatAgent} line to agents.txt.");
            }

            foreach (var role in model.People.SelectMany(p => p.Roles))
            {
                if (UnknownActorCode(role.Code) is { } problem)
                {
                    Error(ErrorCodes.ActorCodeUnknown, role.Source, $"Expected a role code made of a country or organisation code and agent codes, such as 'RUSGOV', but '{role.Code}' {problem}.");
                }
            }
        }

        /// <summary>Same phrase, different actors: countries' names and seats, organisations and people, across all three files.</summary>
        public void CheckActorPhrases()
        {
            var owners = new Dictionary<string, List<(KbPhrase Phrase, string? Code, KbPerson? Person)>>(StringComparer.Ordinal);
            void Add(KbPhrase phrase, string? code, KbPerson? person)
            {
                if (!owners.TryGetValue(phrase.Key, out var list))
                {
                    owners[phrase.Key] = list = [];
                }

                // A name that is also the capital, or a name a person lists twice, is one phrase of one actor.
                if (!list.Exists(o => o.Phrase.Source == phrase.Source && o.Code == code && o.Person == person))
                {
                    list.Add((phrase, code, person));
                }
            }

            foreach (var country in model.Countries)
            {
                foreach (var phrase in country.Phrases)
                {
                    Add(phrase, country.Code, null);
                }

                foreach (var phrase in country.Seats)
                {
                    Add(phrase, country.SeatCode, null);
                }
            }

            foreach (var organisation in model.Organisations)
            {
                foreach (var phrase in organisation.Phrases)
                {
                    Add(phrase, organisation.Code, null);
                }
            }

            foreach (var person in model.People)
            {
                foreach (var name in person.Names)
                {
                    Add(name, null, person);
                }
            }

            foreach (var list in owners.Values.Where(l => l.Count > 1))
            {
                for (var i = 1; i < list.Count; i++)
                {
                    var (phrase, code, person) = list[i];
                    for (var j = 0; j < i; j++)
                    {
                        var earlier = list[j];
                        if (person is not null && earlier.Person is not null)
                        {
                            if (SharedDay(person, earlier.Person) is { } day)
                            {
                                Error(ErrorCodes.PhraseConflict, phrase.Source, $"Expected a name shared by two people to belong to roles that never overlap, but '{phrase.Text}' names both {person.Names[0].Text} and {earlier.Person.Names[0].Text} ({At(earlier.Phrase.Source)}), who both hold roles on {Format(day)}. Drop the shared name from one of them.");
                                break;
                            }

                            continue;
                        }

                        var what = person is not null ? "the person " + person.Names[0].Text : code;
                        var earlierWhat = earlier.Person is not null ? "the person " + earlier.Person.Names[0].Text : earlier.Code;
                        if (person is null && earlier.Person is null && code == earlier.Code)
                        {
                            Warn(ErrorCodes.DictionaryDuplicate, phrase.Source, $"Expected each phrase once, but '{phrase.Text}' for {code} repeats {At(earlier.Phrase.Source)}. Delete the repeat.");
                        }
                        else
                        {
                            Error(ErrorCodes.PhraseConflict, phrase.Source, $"Expected each phrase to code as one actor, but '{phrase.Text}' codes as {what} here and as {earlierWhat} at {At(earlier.Phrase.Source)}. Keep it on one line only.");
                        }

                        break;
                    }
                }
            }
        }

        public void CheckAgentPhrases()
        {
            var first = new Dictionary<string, (KbPhrase Phrase, KbCodeLine Line)>(StringComparer.Ordinal);
            foreach (var line in model.Agents)
            {
                foreach (var phrase in line.Phrases)
                {
                    if (!first.TryGetValue(phrase.Key, out var earlier))
                    {
                        first[phrase.Key] = (phrase, line);
                    }
                    else if (earlier.Line.Source == line.Source)
                    {
                        Warn(ErrorCodes.DictionaryDuplicate, phrase.Source, $"Expected each phrase once, but '{phrase.Text}' is listed twice on this line. Delete the repeat.");
                    }
                    else if (earlier.Line.Code == line.Code && earlier.Line.Placement == line.Placement)
                    {
                        Warn(ErrorCodes.DictionaryDuplicate, phrase.Source, $"Expected each phrase on one line only, but '{phrase.Text}' for {line.Code} repeats {At(earlier.Phrase.Source)}. Delete the repeat.");
                    }
                    else
                    {
                        Error(ErrorCodes.PhraseConflict, phrase.Source, $"Expected each phrase on one line only, but '{phrase.Text}' codes as {line.Code} here and as {earlier.Line.Code} at {At(earlier.Phrase.Source)}. Keep it on one line.");
                    }
                }
            }
        }

        public void CheckPeople()
        {
            foreach (var person in model.People)
            {
                if (person.Roles.IsEmpty)
                {
                    Warn(ErrorCodes.ActorCodeMissing, person.Source, $"Expected at least one indented role line 'CODE | FROM..TO | role' under {person.Names[0].Text}, but there is none, so the person codes nothing. Add the roles or delete the person.");
                }

                for (var i = 0; i < person.Roles.Length; i++)
                {
                    for (var j = 0; j < i; j++)
                    {
                        var (a, b) = (person.Roles[j], person.Roles[i]);
                        if (a.Code != b.Code && Overlap(a.Range, b.Range) is { } day && !Contains(a.Range, b.Range) && !Contains(b.Range, a.Range))
                        {
                            // Two offices held at once (a general who became president) are real; the coder takes the role with the shorter range on such days.
                            Warn(ErrorCodes.RoleOverlap, b.Source, $"Expected the roles of {person.Names[0].Text} with different codes to follow one another or nest, but {b.Code} ({Format(b.Range)}) and {a.Code} ({Format(a.Range)}, {At(a.Source)}) overlap from {Format(day)} and neither contains the other; on those days the shorter role codes. Check the dates.");
                            break;
                        }
                    }
                }
            }
        }

        public void CheckVerbs()
        {
            var used = new HashSet<string>(model.Sets.SelectMany(s => s.UsedSets), StringComparer.Ordinal);
            var lemmaCode = new Dictionary<string, (VerbCode Code, SourceLine Source)>(StringComparer.Ordinal);
            var lemmaPatterns = new Dictionary<string, Dictionary<string, KbPattern>>(StringComparer.Ordinal);
            foreach (var block in model.Verbs)
            {
                CheckEventCode(block.Code, block.Source, "verb");
                if (block.Code.IsNull && block.Patterns.Count == 0)
                {
                    Error(ErrorCodes.VerbCodesNothing, block.Source, $"Expected a verb with the code '---' to have patterns, but {block.Lemmas[0].Text} has none, so it never gives an event. Add patterns or a code.");
                }

                var seenLemmas = new HashSet<string>(StringComparer.Ordinal);
                foreach (var lemma in block.Lemmas)
                {
                    if (!seenLemmas.Add(lemma.Key))
                    {
                        Warn(ErrorCodes.DictionaryDuplicate, block.Source, $"Expected each lemma once per verb line, but '{lemma.Text}' is listed twice. Delete the repeat.");
                        continue;
                    }

                    if (!block.Code.IsNull)
                    {
                        if (lemmaCode.TryGetValue(lemma.Key, out var other) && other.Code != block.Code)
                        {
                            Error(ErrorCodes.DictionaryDuplicate, block.Source, $"Expected one code for the verb '{lemma.Text}', but it has {block.Code} here and {other.Code} at {At(other.Source)}; the first is used. Give it one code and express the other with a pattern.");
                        }
                        else
                        {
                            lemmaCode.TryAdd(lemma.Key, (block.Code, block.Source));
                        }
                    }
                }

                var inBlock = new Dictionary<string, KbPattern>(StringComparer.Ordinal);
                foreach (var pattern in block.Patterns)
                {
                    CheckEventCode(pattern.Code, pattern.Source, "pattern");
                    used.UnionWith(pattern.Sets);
                    var text = pattern.ElementText;
                    if (inBlock.TryGetValue(text, out var repeated))
                    {
                        var codeNote = repeated.Code == pattern.Code ? string.Empty : $" with another code ({pattern.Code}, not {repeated.Code}); the coder would pick one by file order";
                        Error(ErrorCodes.DictionaryDuplicate, pattern.Source, $"Expected each pattern once per verb, but '{text}' repeats {At(repeated.Source)}{codeNote}. Delete one.");
                        continue;
                    }

                    inBlock[text] = pattern;
                    foreach (var lemma in block.Lemmas)
                    {
                        if (!lemmaPatterns.TryGetValue(lemma.Key, out var all))
                        {
                            lemmaPatterns[lemma.Key] = all = new Dictionary<string, KbPattern>(StringComparer.Ordinal);
                        }

                        if (all.TryGetValue(text, out var elsewhere) && elsewhere.Code != pattern.Code)
                        {
                            Error(ErrorCodes.DictionaryDuplicate, pattern.Source, $"Expected one code for the pattern '{text}' of the verb '{lemma.Text}', but it gives {pattern.Code} here and {elsewhere.Code} at {At(elsewhere.Source)}. Keep one.");
                        }
                        else
                        {
                            all.TryAdd(text, pattern);
                        }
                    }
                }
            }

            foreach (var set in model.Sets.Where(s => !used.Contains(s.Name)))
            {
                Warn(ErrorCodes.SynonymSetUnused, set.Source, $"Expected the set {set.Name} to be used by a pattern or another set, but none uses it. Use it or delete it.");
            }
        }

        public void CheckDiscards()
        {
            var first = new Dictionary<string, KbDiscard>(StringComparer.Ordinal);
            foreach (var discard in model.Discards)
            {
                if (first.TryGetValue(discard.Phrase.Key, out var earlier))
                {
                    Warn(ErrorCodes.DictionaryDuplicate, discard.Phrase.Source, $"Expected each discard phrase once, but '{discard.Phrase.Text}' repeats {At(earlier.Phrase.Source)}{(earlier.Story == discard.Story ? string.Empty : " (once for the story, once for the sentence; the story discard covers both)")}. Delete the repeat.");
                }
                else
                {
                    first[discard.Phrase.Key] = discard;
                }
            }
        }

        private void CheckEventCode(VerbCode code, SourceLine source, string what)
        {
            foreach (var part in new[] { code.Active, code.Passive })
            {
                if (part is not null && part != "---" && !codes.Contains(part))
                {
                    Error(ErrorCodes.EventCodeUnknown, source, $"Expected a CAMEO event code of data/codes/cameo.tsv in the {what} code {code}, but {part} is not one. Correct the code.");
                }
            }
        }

        private bool CheckShape(string code, SourceLine source, string what, string example)
        {
            if (IsCodeShape(code))
            {
                return true;
            }

            Error(ErrorCodes.ActorCodeUnknown, source, $"Expected an {what} of capital letters, such as {example}, but found '{code}'. Correct the code.");
            return false;
        }

        /// <summary>Why <paramref name="code"/> is not a known country or organisation code followed by known agent codes; null when it is.</summary>
        private string? UnknownActorCode(string code)
        {
            if (!IsCodeShape(code))
            {
                return "is not made of capital letters";
            }

            // The longest organisation code that starts the code wins over its country prefix (PSEMILHAM is Hamas, not PSE + MIL + HAM).
            var actor = _organisations.Where(o => code.StartsWith(o, StringComparison.Ordinal)).MaxBy(o => o.Length)
                ?? (_countries.Contains(code[..3]) ? code[..3] : null);
            if (actor is null)
            {
                return $"starts with neither a country code of countries.txt nor an organisation code of organisations.txt ('{code[..3]}' is no country)";
            }

            var unknown = Parts(code[actor.Length..]).Where(p => !_agentParts.Contains(p)).ToList();
            return unknown.Count == 0 ? null : $"holds {string.Join(", ", unknown)} after {actor}, which agents.txt does not define";
        }

        /// <summary>Capital letters, at least three: CAMEO's codes are built of three-letter parts, but some organisation codes (IGOOPEC) are not.</summary>
        private static bool IsCodeShape(string code) => code.Length >= 3 && code.All(char.IsAsciiLetterUpper);

        private static IEnumerable<string> Parts(string code)
        {
            for (var i = 0; i + 3 <= code.Length; i += 3)
            {
                yield return code.Substring(i, 3);
            }
        }

        /// <summary>A day on which roles of both people hold (beyond a day where one's range ends and the other's begins), or null.</summary>
        private static DateOnly? SharedDay(KbPerson a, KbPerson b)
        {
            foreach (var x in a.Roles)
            {
                foreach (var y in b.Roles)
                {
                    if (Overlap(x.Range, y.Range) is { } day)
                    {
                        return day;
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The first day of the overlap of two ranges, or null when they do not overlap or share only a day on which one
        /// ends and the other begins. Open ends are as far as dates go.
        /// </summary>
        private static DateOnly? Overlap(DateRange a, DateRange b)
        {
            var start = Max(a.From ?? DateOnly.MinValue, b.From ?? DateOnly.MinValue);
            var end = Min(a.To ?? DateOnly.MaxValue, b.To ?? DateOnly.MaxValue);
            if (start > end)
            {
                return null;
            }

            var handover = start == end && ((a.To == start && b.From == start) || (b.To == start && a.From == start));
            return handover ? null : start;
        }

        private static bool Contains(DateRange outer, DateRange inner) =>
            (outer.From is null || (inner.From is not null && inner.From >= outer.From))
            && (outer.To is null || (inner.To is not null && inner.To <= outer.To));

        private static string At(SourceLine source) => KnowledgeBaseReader.At(source);

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        private static string Format(DateRange range) =>
            (range.From is { } from ? Format(from) : string.Empty) + ".." + (range.To is { } to ? Format(to) : string.Empty);

        private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private void Error(string code, SourceLine source, string message) => findings.Add(new KnowledgeBaseFinding(Severity.Error, code, source.File, source.Line, message));

        private void Warn(string code, SourceLine source, string message) => findings.Add(new KnowledgeBaseFinding(Severity.Warning, code, source.File, source.Line, message));
    }
}
