using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Dyad.Coding.Dictionaries;

/// <summary>
/// The days on which an actor role holds. Both ends are inclusive, as PETRARCH's reader documents for all three
/// forms: <c>[CODE &gt;D]</c> holds on D and after, <c>[CODE &lt;D]</c> on D and before, <c>[CODE D1-D2]</c> from D1
/// through D2, and <c>[CODE]</c> always. Where ranges share an end day, both hold on it and the narrower wins.
/// </summary>
/// <param name="From">First day the role holds, or null when it has no start.</param>
/// <param name="To">Last day the role holds, or null when it has no end.</param>
public readonly record struct DateRange(DateOnly? From, DateOnly? To)
{
    /// <summary>The range of an undated role: every day.</summary>
    public static DateRange Always => default;

    /// <summary>True when the range has neither start nor end (an undated default role).</summary>
    public bool IsUndated => From is null && To is null;

    /// <summary>True when the range has both a start and an end.</summary>
    public bool IsBounded => From is not null && To is not null;

    /// <summary>2 for a bounded range, 1 for a half-open one, 0 for an undated one: how specific the role is.</summary>
    public int Specificity => (From is null ? 0 : 1) + (To is null ? 0 : 1);

    /// <summary>True when <paramref name="date"/> lies in the range, ends included.</summary>
    public bool Contains(DateOnly date) => (From is null || date >= From.Value) && (To is null || date <= To.Value);

    /// <summary>Formats as the dictionary writes it with four-digit years: empty, <c>&gt;20130119</c>, <c>&lt;20080120</c> or <c>20080120-20121109</c>.</summary>
    public override string ToString() => (From, To) switch
    {
        (null, null) => string.Empty,
        (not null, null) => ">" + Format(From.Value),
        (null, not null) => "<" + Format(To.Value),
        _ => Format(From!.Value) + "-" + Format(To!.Value),
    };

    private static string Format(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}

/// <summary>One code an actor has, possibly only on some days: <c>[USAGOV 20010120-20090120]</c>.</summary>
/// <param name="Code">The code as written, such as <c>USAGOV</c>; a coded compound such as <c>FRO/BIL/SAM</c> stays one string.</param>
/// <param name="Range">The days on which the role holds.</param>
/// <param name="Source">File and line of the role.</param>
public sealed record ActorRole(string Code, DateRange Range, SourceLine Source)
{
    /// <summary>The parts of a compound code split at <c>/</c> (one part for an ordinary code).</summary>
    public ImmutableArray<string> Codes => [.. Code.Split('/')];

    /// <summary>True for the null code <c>---</c> (the actor is known but codes nothing).</summary>
    public bool IsNull => Code == "---";

    /// <summary>Formats as the dictionary writes it, such as <c>[USAGOV 20010120-20090120]</c>.</summary>
    public override string ToString() => Range.IsUndated ? "[" + Code + "]" : "[" + Code + " " + Range + "]";
}

/// <summary>One way an actor is named: the primary phrase or a <c>+</c> synonym.</summary>
public sealed class ActorPhrase
{
    internal ActorPhrase(ImmutableArray<string> words, string text, bool isSynonym, SourceLine source, bool? endsOpen = null)
    {
        Words = words;
        Text = text;
        IsSynonym = isSynonym;
        Source = source;
        EndsOpen = endsOpen ?? !text.EndsWith('_');
    }

    /// <summary>The words, upper case; underscores and spaces both separate words (PETRARCH2 matches them as consecutive).</summary>
    public ImmutableArray<string> Words { get; }

    /// <summary>The phrase as written, such as <c>IVORY_COAST_</c>.</summary>
    public string Text { get; }

    /// <summary>
    /// True when the last word may match as a stem: in PETRARCH dictionaries a phrase that does not end with <c>_</c>
    /// (TABARI matched ARGENTIN to ARGENTINA; PETRARCH2 ignores the difference, so it is kept for a matcher to choose).
    /// Always false for Dyad's knowledge base, whose phrases match whole tokens.
    /// </summary>
    public bool EndsOpen { get; }

    /// <summary>True for a <c>+</c> synonym line, false for the primary phrase.</summary>
    public bool IsSynonym { get; }

    /// <summary>File and line of the phrase.</summary>
    public SourceLine Source { get; }

    /// <summary>The actor the phrase names.</summary>
    public ActorEntry Entry { get; internal set; } = null!;

    /// <summary>The words joined by spaces.</summary>
    public override string ToString() => string.Join(' ', Words);
}

/// <summary>An actor: a primary phrase, its synonyms and its roles (codes, possibly dated).</summary>
public sealed class ActorEntry
{
    internal ActorEntry(ImmutableArray<ActorPhrase> phrases, ImmutableArray<ActorRole> roles)
    {
        Phrases = phrases;
        Roles = roles;
        foreach (var phrase in phrases)
        {
            phrase.Entry = this;
        }
    }

    /// <summary>The primary phrase first, then the synonyms in file order.</summary>
    public ImmutableArray<ActorPhrase> Phrases { get; }

    /// <summary>The primary phrase.</summary>
    public ActorPhrase Primary => Phrases[0];

    /// <summary>The roles in file order; empty when the actor has no code at all.</summary>
    public ImmutableArray<ActorRole> Roles { get; }

    /// <summary>File and line of the primary phrase.</summary>
    public SourceLine Source => Primary.Source;

    /// <summary>The code of the last undated role (later undated roles replace earlier ones, as in PETRARCH), or null.</summary>
    public string? DefaultCode => Roles.LastOrDefault(r => r.Range.IsUndated)?.Code;

    /// <summary>
    /// The role that holds on <paramref name="date"/>, or null when none does. The most specific role whose range holds
    /// wins: a bounded range beats a half-open one, which beats an undated default. Among bounded ranges the shorter
    /// wins; among half-open ones the one whose end lies nearer the date; a remaining tie goes to the role listed last.
    /// </summary>
    /// <param name="date">The day of the story (ends of ranges count as inside).</param>
    public ActorRole? RoleOn(DateOnly date)
    {
        ActorRole? best = null;
        var bestWidth = 0;
        foreach (var role in Roles)
        {
            if (!role.Range.Contains(date))
            {
                continue;
            }

            var width = Width(role.Range, date);
            if (best is null
                || role.Range.Specificity > best.Range.Specificity
                || (role.Range.Specificity == best.Range.Specificity && width <= bestWidth))
            {
                best = role;
                bestWidth = width;
            }
        }

        return best;
    }

    /// <summary>The code that holds on <paramref name="date"/> (see <see cref="RoleOn"/>), or null when no role holds.</summary>
    /// <param name="date">The day of the story.</param>
    public string? CodeOn(DateOnly date) => RoleOn(date)?.Code;

    /// <summary>The primary phrase.</summary>
    public override string ToString() => Primary.ToString();

    private static int Width(DateRange range, DateOnly date) => (range.From, range.To) switch
    {
        (not null, not null) => range.To.Value.DayNumber - range.From.Value.DayNumber,
        (not null, null) => date.DayNumber - range.From.Value.DayNumber,
        (null, not null) => range.To.Value.DayNumber - date.DayNumber,
        _ => 0,
    };
}

/// <summary>
/// One or more PETRARCH actor dictionaries (Phoenix.Countries.actors.txt and the like) with an index from each first
/// word to the phrases that start with it, longest first.
/// </summary>
/// <remarks>Immutable after reading and safe to share between threads.</remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Named after the PETRARCH file format, the 'actor dictionary'.")]
public sealed class ActorDictionary
{
    private readonly Dictionary<string, ImmutableArray<ActorPhrase>> _byFirstWord;
    private readonly Dictionary<string, ImmutableArray<ActorPhrase>>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    internal ActorDictionary(ImmutableArray<ActorEntry> entries)
    {
        Entries = entries;
        _byFirstWord = PhraseIndex.Build(entries.SelectMany(e => e.Phrases), p => p.Words);
        _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        PhraseCount = entries.Sum(e => e.Phrases.Length);
        RoleCount = entries.Sum(e => e.Roles.Length);
    }

    /// <summary>An empty dictionary.</summary>
    public static ActorDictionary Empty { get; } = new([]);

    /// <summary>The actors in file order (files in the order combined).</summary>
    public ImmutableArray<ActorEntry> Entries { get; }

    /// <summary>Number of phrases (primary and synonyms).</summary>
    public int PhraseCount { get; }

    /// <summary>Number of roles.</summary>
    public int RoleCount { get; }

    /// <summary>
    /// The phrases whose first word is <paramref name="firstWord"/> (case-insensitive), longest first and otherwise in file
    /// order; empty when none. A matcher takes the first whose remaining words follow in the sentence. Does not allocate.
    /// </summary>
    public ImmutableArray<ActorPhrase> FindPhrases(ReadOnlySpan<char> firstWord) => _lookup.TryGetValue(firstWord, out var phrases) ? phrases : [];

    /// <summary>One dictionary holding the entries of all <paramref name="dictionaries"/>, in order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="dictionaries"/> is null.</exception>
    public static ActorDictionary Combine(IEnumerable<ActorDictionary> dictionaries)
    {
        ArgumentNullException.ThrowIfNull(dictionaries);
        return new ActorDictionary([.. dictionaries.SelectMany(d => d.Entries)]);
    }
}

/// <summary>Builds first-word indexes of phrases, longest first and otherwise in the given order.</summary>
internal static class PhraseIndex
{
    public static Dictionary<string, ImmutableArray<T>> Build<T>(IEnumerable<T> phrases, Func<T, ImmutableArray<string>> words)
    {
        var lists = new Dictionary<string, List<T>>(StringComparer.OrdinalIgnoreCase);
        foreach (var phrase in phrases)
        {
            var w = words(phrase);
            if (w.IsDefaultOrEmpty)
            {
                continue;
            }

            if (!lists.TryGetValue(w[0], out var list))
            {
                lists[w[0]] = list = [];
            }

            list.Add(phrase);
        }

        var index = new Dictionary<string, ImmutableArray<T>>(lists.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, list) in lists)
        {
            index[key] = list.Count == 1 ? [list[0]] : [.. list.OrderByDescending(p => words(p).Length)];
        }

        return index;
    }
}
