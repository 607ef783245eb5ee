using System.Collections.Immutable;
using System.Globalization;

namespace Dyad.Coding.Dictionaries;

/// <summary>
/// Reads TABARI/PETRARCH actor dictionaries. An entry is a primary phrase line with optional roles,
/// <c>AFGHANISTAN_ [AFG]</c>, followed by <c>+SYNONYM</c> lines and role lines <c>[CODE]</c>, <c>[CODE &gt;YYMMDD]</c>,
/// <c>[CODE &lt;YYMMDD]</c> or <c>[CODE YYMMDD-YYMMDD]</c> (usually indented with a tab; several roles may share a line,
/// dates may be YYYYMMDD, spaces around <c>&lt; &gt; -</c> are allowed). See <see cref="DateRange"/> for the range
/// convention and <see cref="PetrarchDate"/> for two-digit years. A <c>---STOP---</c> line ends reading.
/// </summary>
public static class ActorDictionaryReader
{
    private const int MaxRolesPerLine = 32;
    private static readonly char[] WordSeparators = [' ', '_', '\t'];

    /// <summary>Reads the actor dictionary at <paramref name="path"/>. A file that cannot be read gives an empty dictionary and a <see cref="ErrorCodes.InputUnreadable"/> diagnostic.</summary>
    /// <param name="path">Path of the file; diagnostics name its file name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static ReadResult<ActorDictionary> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag(Path.GetFileName(path));
        var text = DictionaryText.ReadFile(path, bag);
        if (text is null)
        {
            return new ReadResult<ActorDictionary>(ActorDictionary.Empty, bag.ToImmutable());
        }

        using var reader = new StringReader(text);
        return Parse(reader, bag);
    }

    /// <summary>Reads an actor dictionary from <paramref name="reader"/>; never throws for any content.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="sourceName">Name used as <see cref="Diagnostic.Source"/> and in <see cref="SourceLine.File"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ReadResult<ActorDictionary> Parse(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Parse(reader, new DiagnosticBag(sourceName));
    }

    /// <summary>Reads the roles in brackets on <paramref name="text"/> (used for actor role lines).</summary>
    internal static List<ActorRole> ReadRoles(string text, int line, DiagnosticBag bag, out string before)
    {
        var roles = new List<ActorRole>();
        var open = text.IndexOf('[', StringComparison.Ordinal);
        before = open < 0 ? text : text[..open];
        var count = 0;
        while (open >= 0)
        {
            if (++count > MaxRolesPerLine)
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line, $"Expected a few roles on one line, but '{DictionaryText.Shorten(text)}' has more than {MaxRolesPerLine}. The rest of the line was skipped; put roles on lines of their own.");
                break;
            }

            var next = text.IndexOf('[', open + 1);
            var close = text.IndexOf(']', open, (next >= 0 ? next : text.Length) - open);
            if (close < 0)
            {
                close = next >= 0 ? next : text.Length;
                bag.Warn(ErrorCodes.DictionaryLineRepaired, line, $"Expected the role '{DictionaryText.Shorten(text[open..close])}' to end with ']', but it does not. It was read up to {(next >= 0 ? "the next '['" : "the end of the line")}; add the ']'.");
                ReadRole(text[(open + 1)..close], line, bag, roles);
                open = next;
                continue;
            }

            ReadRole(text[(open + 1)..close], line, bag, roles);
            var between = (next >= 0 ? text[(close + 1)..next] : text[(close + 1)..]).Trim();
            if (between.Length > 0)
            {
                bag.Warn(ErrorCodes.DictionaryLineRepaired, line, $"Expected only roles in brackets after the actor phrase, but found '{DictionaryText.Shorten(between)}'. It was ignored; start comments with '#'.");
            }

            open = next;
        }

        return roles;
    }

    private static ReadResult<ActorDictionary> Parse(TextReader reader, DiagnosticBag bag)
    {
        var entries = ImmutableArray.CreateBuilder<ActorEntry>();
        var phrases = new List<ActorPhrase>();
        var roles = new List<ActorRole>();
        var seen = new Dictionary<string, (ActorPhrase Phrase, ActorRole[] Roles, int Entry)>(StringComparer.Ordinal);
        var file = bag.Source;

        void Finish()
        {
            if (phrases.Count == 0)
            {
                return;
            }

            if (roles.Count == 0)
            {
                bag.Warn(ErrorCodes.ActorCodeMissing, phrases[0].Source.Line, $"Expected actor '{phrases[0].Text}' to have a code, on its line or on '[CODE]' lines after it, but it has none. It was kept and will match but code nothing; add a code, or make it a '+' synonym of the entry it belongs to.");
            }

            // A phrase listed before: a repeat inside the entry, or of an earlier entry with the same roles, is dropped;
            // one whose earlier entry has other roles is kept after it (so the first listed wins) and reported.
            var kept = new List<ActorPhrase>(phrases.Count);
            var entryRoles = roles.ToArray();
            foreach (var phrase in phrases)
            {
                var key = string.Join(' ', phrase.Words);
                if (!seen.TryGetValue(key, out var earlier))
                {
                    seen.Add(key, (phrase, entryRoles, entries.Count));
                    kept.Add(phrase);
                    continue;
                }

                var at = earlier.Phrase.Source.Line.ToString(CultureInfo.InvariantCulture);
                if (earlier.Entry == entries.Count)
                {
                    bag.Warn(ErrorCodes.DictionaryDuplicate, phrase.Source.Line, $"Expected each phrase of an actor once, but '{key}' repeats line {at} of the same actor. The repeat was dropped; delete it.");
                }
                else if (earlier.Roles.Select(r => (r.Code, r.Range)).SequenceEqual(roles.Select(r => (r.Code, r.Range))))
                {
                    bag.Warn(ErrorCodes.DictionaryDuplicate, phrase.Source.Line, $"Expected each actor phrase once, but '{key}' repeats line {at} with the same codes. The repeat was dropped; delete it.");
                }
                else
                {
                    bag.Warn(ErrorCodes.DictionaryDuplicate, phrase.Source.Line, $"Expected each actor phrase once, but '{key}' was already listed at line {at} with other codes ({string.Join(' ', earlier.Roles.AsEnumerable())}, here {string.Join(' ', roles)}). Both were kept and the first listed comes first, as in PETRARCH-1; remove one.");
                    kept.Add(phrase);
                }
            }

            if (kept.Count > 0)
            {
                entries.Add(new ActorEntry([.. kept], ImmutableArray.Create(entryRoles)));
            }

            phrases.Clear();
            roles.Clear();
        }

        foreach (var line in DictionaryText.Lines(reader, bag, new LineOptions(SemicolonComments: true)))
        {
            var text = line.Text;
            if (text.Contains("---STOP---", StringComparison.Ordinal))
            {
                bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, "Reading stopped at '---STOP---', as TABARI and PETRARCH do; the lines after it were ignored. Delete the marker to read them.");
                break;
            }

            if (text[0] == '[')
            {
                if (phrases.Count == 0)
                {
                    bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected the role '{DictionaryText.Shorten(text)}' to follow an actor phrase, but no actor precedes it. It was skipped; put it under its actor.");
                    continue;
                }

                roles.AddRange(ReadRoles(text, line.Number, bag, out _));
                continue;
            }

            var isSynonym = text[0] == '+';
            if (isSynonym && phrases.Count == 0)
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected the synonym '{DictionaryText.Shorten(text)}' to follow an actor phrase, but no actor precedes it. It was skipped; put it under its actor.");
                continue;
            }

            // TABARI and PETRARCH-1 group consecutive primary lines: a primary line without codes shares the codes of the
            // lines that follow it (CountryInfo lists a leader's name variants this way), so a new actor starts only
            // when the current one already has a role.
            var joinsGroup = !isSynonym && phrases.Count > 0 && roles.Count == 0;
            if (!isSynonym && !joinsGroup)
            {
                Finish();
            }

            var lineRoles = ReadRoles(isSynonym ? text[1..] : text, line.Number, bag, out var phraseText);
            var phrase = ReadPhrase(phraseText.Trim(), isSynonym, line.Number, file, bag);
            if (phrase is null)
            {
                continue;
            }

            if (joinsGroup && lineRoles.Count > 0)
            {
                bag.Warn(ErrorCodes.DictionaryLineRepaired, phrases[^1].Source.Line, $"Expected actor '{phrases[^1].Text}' to have a code, but it has none, so (as in TABARI) it shares the codes of the next actor '{phrase.Text}' {string.Join(' ', lineRoles)}. If it is an actor of its own, give it a code; if it is a comment, start it with '#'.");
            }

            if (isSynonym && lineRoles.Count > 0)
            {
                bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected a synonym line to hold only a phrase, but '{DictionaryText.Shorten(text)}' also has a role. The role was given to the whole entry '{phrases[0].Text}'; move it to its own line.");
            }

            phrases.Add(phrase);
            roles.AddRange(lineRoles);
        }

        Finish();
        return new ReadResult<ActorDictionary>(new ActorDictionary(entries.ToImmutable()), bag.ToImmutable());
    }

    private static ActorPhrase? ReadPhrase(string text, bool isSynonym, int line, string file, DiagnosticBag bag)
    {
        if (text.IndexOfAny(['{', '}', ']']) >= 0)
        {
            var cleaned = new string([.. text.Where(c => c is not ('{' or '}' or ']'))]);
            bag.Warn(ErrorCodes.DictionaryLineRepaired, line, $"Expected an actor phrase of words joined by '_' or spaces, but '{text}' holds a stray bracket. It was read as '{cleaned}'; remove the bracket.");
            text = cleaned;
        }

        var words = Words(text);
        if (words.IsEmpty)
        {
            bag.Error(ErrorCodes.DictionaryLineSkipped, line, $"Expected an actor phrase{(isSynonym ? " after '+'" : string.Empty)}, but the line holds none. It was skipped{(isSynonym ? string.Empty : " and so were its synonyms and roles")}; write the phrase.");
            return null;
        }

        return new ActorPhrase(words, text, isSynonym, new SourceLine(file, line));
    }

    private static void ReadRole(string inner, int line, DiagnosticBag bag, List<ActorRole> roles)
    {
        var parts = inner.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            bag.Error(ErrorCodes.DictionaryLineSkipped, line, "Expected a code in the brackets, as in '[USA]', but they are empty. The role was skipped; write the code.");
            return;
        }

        var code = parts[0];
        if (!IsUsualCode(code))
        {
            bag.Warn(ErrorCodes.UnusualCode, line, $"Expected an actor code of upper-case letters and digits (or '---'), but found '{code}'. It was kept as written; check it.");
        }

        var range = DateRange.Always;
        if (parts.Length == 2 && !TryReadRange(parts[1], out range, out var error))
        {
            bag.Error(ErrorCodes.DateRestrictionInvalid, line, $"Expected a date restriction '>YYMMDD', '<YYMMDD' or 'YYMMDD-YYMMDD' (or with YYYYMMDD) in [{inner.Trim()}], but {error}. The role was skipped; correct the date.");
            return;
        }

        roles.Add(new ActorRole(code, range, new SourceLine(bag.Source, line)));
    }

    private static bool TryReadRange(string text, out DateRange range, out string error)
    {
        range = DateRange.Always;
        text = text.Trim();
        if (text[0] is '<' or '>')
        {
            var digits = text[1..].Trim();
            if (!TryDate(digits, out var date, out error))
            {
                return false;
            }

            range = text[0] == '>' ? new DateRange(date, null) : new DateRange(null, date);
            return true;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            error = $"'{text}' has neither '<', '>' nor '-' to say which days it means";
            return false;
        }

        if (!TryDate(text[..dash].Trim(), out var from, out error) || !TryDate(text[(dash + 1)..].Trim(), out var to, out error))
        {
            return false;
        }

        if (to < from)
        {
            error = $"the range ends ({to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}) before it starts ({from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})";
            return false;
        }

        range = new DateRange(from, to);
        return true;
    }

    private static bool TryDate(string digits, out DateOnly date, out string error)
    {
        if (PetrarchDate.TryParse(digits, out date))
        {
            error = string.Empty;
            return true;
        }

        error = digits.Length is 6 or 8 && !digits.AsSpan().ContainsAnyExceptInRange('0', '9')
            ? $"'{digits}' is not a calendar date"
            : $"'{digits}' is not 6 (YYMMDD) or 8 (YYYYMMDD) digits";
        return false;
    }

    private static ImmutableArray<string> Words(string text) =>
        [.. text.ToUpperInvariant().Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>Upper-case letters and digits, parts joined by '/', or the null codes '---' and '+++'.</summary>
    private static bool IsUsualCode(string code)
    {
        if (code is "---" or "+++")
        {
            return true;
        }

        var previous = '/';
        foreach (var c in code)
        {
            if (c == '/' ? previous == '/' : !char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }

            previous = c;
        }

        return previous != '/';
    }
}
