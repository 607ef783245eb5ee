using System.Collections.Immutable;
using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.KnowledgeBase;

// The knowledge base as written, line by line, before it becomes the coder's dictionaries. The reader fills it, the
// builder turns it into a DictionarySet and the lint checks it; every record keeps its file (relative to the knowledge
// base folder, with '/') and line.

/// <summary>A phrase as written and its words (upper case, a leading article dropped), the key the lint compares.</summary>
internal sealed record KbPhrase(string Text, ImmutableArray<string> Words, SourceLine Source)
{
    public string Key => string.Join(' ', Words);
}

/// <summary>
/// A line of countries.txt: <c>CODE | ISO2 | names | adjectives | capitals | seats | cities</c>. Phrases holds the names,
/// adjectives, capitals and cities in that order (they code as Code); Seats the seats of government (Code + GOV).
/// </summary>
internal sealed record KbCountry(SourceLine Source, string Code, string Iso2, ImmutableArray<KbPhrase> Phrases, ImmutableArray<KbPhrase> Seats)
{
    public const string SeatAgent = "GOV";

    public string SeatCode => Code + SeatAgent;

    /// <summary>How many of <see cref="Phrases"/>, from the start, are the country's names (the third field).</summary>
    public int NameCount { get; init; }
}

/// <summary>A <c>CODE | phrases</c> line of organisations.txt or agents.txt.</summary>
internal sealed record KbCodeLine(SourceLine Source, string Code, AgentPlacement Placement, ImmutableArray<KbPhrase> Phrases);

/// <summary>A role line of people.txt: <c>CODE | FROM..TO | what the role is</c>.</summary>
internal sealed record KbRole(SourceLine Source, string Code, DateRange Range, string Description);

/// <summary>A person of people.txt: the name line and the role lines under it.</summary>
internal sealed record KbPerson(SourceLine Source, ImmutableArray<KbPhrase> Names, ImmutableArray<KbRole> Roles);

/// <summary>A line of discards.txt.</summary>
internal sealed record KbDiscard(bool Story, KbPhrase Phrase);

/// <summary>One lemma of a <c>verb</c> line: its words, which of them is the verb, and irregular forms from braces.</summary>
internal sealed record KbLemma(string Text, ImmutableArray<string> Words, int HeadIndex, ImmutableArray<string> Irregular)
{
    public string Key => string.Join(' ', Words);

    public string Head => Words[HeadIndex];
}

/// <summary>An indented pattern line under a <c>verb</c> line; Problem says why it can never match (the reader reported it), or is null.</summary>
internal sealed record KbPattern(SourceLine Source, ImmutableArray<PatternElement> Before, ImmutableArray<PatternElement> After, VerbCode Code, string Comment, ImmutableArray<string> Sets, string? Problem)
{
    /// <summary>The agent the pattern implies for a source named by its country alone (<c>~MIL</c>), or null.</summary>
    public string? SourceAgent { get; init; }

    /// <summary>The elements without the code, such as <c>* (TO +)</c>: two patterns with this text match the same words.</summary>
    public string ElementText => string.Join(' ', [.. Before.Select(e => e.ToString()), "*", .. After.Select(e => e.ToString())]);
}

/// <summary>A <c>verb LEMMA, LEMMA = CODE</c> line and its patterns.</summary>
internal sealed class KbVerbBlock(SourceLine source, ImmutableArray<KbLemma> lemmas, VerbCode code)
{
    public SourceLine Source { get; } = source;

    public ImmutableArray<KbLemma> Lemmas { get; } = lemmas;

    public VerbCode Code { get; } = code;

    public List<KbPattern> Patterns { get; } = [];
}

/// <summary>
/// One member of a synonym set: a word, consecutive words, or pattern elements such as <c>{military equipment}</c>.
/// Words holds the consecutive words of a plain member and is empty when it holds braces or a set.
/// </summary>
internal sealed record KbSetMember(string Text, ImmutableArray<PatternElement> Elements, ImmutableArray<string> Words);

/// <summary>A <c>set &amp;NAME = members</c> line.</summary>
internal sealed record KbSet(SourceLine Source, string Name, ImmutableArray<KbSetMember> Members, ImmutableArray<string> UsedSets);

/// <summary>Everything read from one knowledge-base folder.</summary>
internal sealed class KbModel
{
    public List<KbCountry> Countries { get; } = [];

    public List<KbCodeLine> Agents { get; } = [];

    public List<KbCodeLine> Organisations { get; } = [];

    public List<KbPerson> People { get; } = [];

    public List<KbDiscard> Discards { get; } = [];

    public List<KbVerbBlock> Verbs { get; } = [];

    public List<KbSet> Sets { get; } = [];
}
