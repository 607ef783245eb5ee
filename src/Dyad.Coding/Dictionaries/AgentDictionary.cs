using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Dyad.Coding.Dictionaries;

/// <summary>Where an agent's code goes relative to the actor's code.</summary>
public enum AgentPlacement
{
    /// <summary><c>[~MIL]</c>: the code is added after the actor code (USA + MIL gives USAMIL). The usual case.</summary>
    Suffix,

    /// <summary><c>[IGO~]</c>: the code is put before the actor code (IGO + UNO gives IGOUNO); used for organizations.</summary>
    Prefix,
}

/// <summary>
/// One phrase of the agent dictionary, such as <c>FOREIGN MINISTERS</c> for <c>FOREIGN_MINISTER [~GOVFRM]</c>: the
/// written singular, its plural (generated or written in braces) and every expansion of a substitution marker are
/// separate phrases of the same line.
/// </summary>
public sealed class AgentPhrase
{
    internal AgentPhrase(ImmutableArray<string> words, string code, AgentPlacement placement, bool isPlural, string text, SourceLine source)
    {
        Words = words;
        Code = code;
        Placement = placement;
        IsPlural = isPlural;
        Text = text;
        Source = source;
    }

    /// <summary>The words, upper case, such as <c>[FOREIGN, MINISTERS]</c>.</summary>
    public ImmutableArray<string> Words { get; }

    /// <summary>The agent code without <c>~</c>, such as <c>GOVFRM</c>.</summary>
    public string Code { get; }

    /// <summary>Whether the code goes after (<c>~X</c>) or before (<c>X~</c>) the actor code.</summary>
    public AgentPlacement Placement { get; }

    /// <summary>True for a plural form (generated or written in braces).</summary>
    public bool IsPlural { get; }

    /// <summary>The line's phrase as written, such as <c>FOREIGN_MINISTER</c> or <c>CONGRESS!PERSON!</c>.</summary>
    public string Text { get; }

    /// <summary>File and line of the agent line.</summary>
    public SourceLine Source { get; }

    /// <summary>Joins the code to an actor code as the placement says: <c>Apply("USA")</c> gives <c>USAMIL</c> for <c>~MIL</c>.</summary>
    /// <param name="actorCode">The actor's code; may be empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="actorCode"/> is null.</exception>
    public string Apply(string actorCode)
    {
        ArgumentNullException.ThrowIfNull(actorCode);
        return Placement == AgentPlacement.Prefix ? Code + actorCode : actorCode + Code;
    }

    /// <summary>The words joined by spaces and the code, such as <c>FOREIGN MINISTERS [~GOVFRM]</c>.</summary>
    public override string ToString() => string.Join(' ', Words) + (Placement == AgentPlacement.Prefix ? " [" + Code + "~]" : " [~" + Code + "]");
}

/// <summary>
/// A PETRARCH agent dictionary (Phoenix.agents.txt) with every phrase expanded (plurals, substitution markers) and an
/// index from each first word to the phrases that start with it, longest first.
/// </summary>
/// <remarks>Immutable after reading and safe to share between threads.</remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Named after the PETRARCH file format, the 'agent dictionary'.")]
public sealed class AgentDictionary
{
    private readonly Dictionary<string, ImmutableArray<AgentPhrase>> _byFirstWord;
    private readonly Dictionary<string, ImmutableArray<AgentPhrase>>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    internal AgentDictionary(ImmutableArray<AgentPhrase> phrases, ImmutableDictionary<string, ImmutableArray<string>> substitutions)
    {
        Phrases = phrases;
        Substitutions = substitutions;
        _byFirstWord = PhraseIndex.Build(phrases, p => p.Words);
        _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>An empty dictionary.</summary>
    public static AgentDictionary Empty { get; } = new([], ImmutableDictionary<string, ImmutableArray<string>>.Empty);

    /// <summary>All phrases in file order (for each line: singular, plural, then marker expansions in list order).</summary>
    public ImmutableArray<AgentPhrase> Phrases { get; }

    /// <summary>The substitution sets, keyed by marker name without <c>!</c> (such as <c>PERSON</c>), with their replacements.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Substitutions { get; }

    /// <summary>The phrases whose first word is <paramref name="firstWord"/> (case-insensitive), longest first; empty when none. Does not allocate.</summary>
    public ImmutableArray<AgentPhrase> FindPhrases(ReadOnlySpan<char> firstWord) => _lookup.TryGetValue(firstWord, out var phrases) ? phrases : [];

    /// <summary>One dictionary holding the phrases of all <paramref name="dictionaries"/>, in order (for several agent files).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="dictionaries"/> is null.</exception>
    public static AgentDictionary Combine(IEnumerable<AgentDictionary> dictionaries)
    {
        ArgumentNullException.ThrowIfNull(dictionaries);
        var list = dictionaries.ToList();
        var substitutions = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in list.SelectMany(d => d.Substitutions))
        {
            substitutions.TryAdd(name, values);
        }

        return new AgentDictionary([.. list.SelectMany(d => d.Phrases)], substitutions.ToImmutable());
    }
}
