using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Dyad.Coding.Dictionaries;

/// <summary>What an issue rule does when its phrase is found.</summary>
public enum IssueRuleKind
{
    /// <summary><c>phrase [CODE]</c>: the sentence's events get the issue <see cref="IssueRule.Code"/>.</summary>
    Phrase,

    /// <summary><c>~phrase</c>: if found in the sentence, no issue of the rule's category is coded for it.</summary>
    SentenceExclusion,

    /// <summary><c>~~phrase</c>: if found anywhere in the story, no issue of the rule's category is coded for it.</summary>
    StoryExclusion,
}

/// <summary>One phrase form of an issue rule, as a matcher looks it up.</summary>
/// <param name="Words">The words of this form, upper case.</param>
/// <param name="Rule">The rule it comes from.</param>
public sealed record IssueForm(ImmutableArray<string> Words, IssueRule Rule)
{
    /// <summary>The words joined by spaces.</summary>
    public override string ToString() => string.Join(' ', Words);
}

/// <summary>
/// A line of the issues file, such as <c>ethnic v:purge [ID_ATROCITY]</c>, with all the forms its expansions make:
/// <c>n:</c> adds the plural of the next word, <c>v:</c> its regular verb forms, and <c>+</c> between words stands for
/// both a space and a hyphen (<c>pre+k</c> gives <c>PRE K</c> and <c>PRE-K</c>).
/// </summary>
public sealed class IssueRule
{
    internal IssueRule(IssueRuleKind kind, string code, string text, IssueCategory? category, SourceLine source)
    {
        Kind = kind;
        Code = code;
        Text = text;
        Category = category;
        Source = source;
    }

    /// <summary>Whether the rule codes an issue or excludes its category.</summary>
    public IssueRuleKind Kind { get; }

    /// <summary>The issue code, such as <c>ID_ATROCITY</c>; empty for exclusions.</summary>
    public string Code { get; }

    /// <summary>The phrase as written, without <c>~</c> and code.</summary>
    public string Text { get; }

    /// <summary>The <c>&lt;ISSUE CATEGORY=...&gt;</c> section the rule is in, or null when outside any.</summary>
    public IssueCategory? Category { get; }

    /// <summary>File and line of the rule.</summary>
    public SourceLine Source { get; }

    /// <summary>Every expanded form, upper case, the written one first.</summary>
    public ImmutableArray<IssueForm> Forms { get; internal set; } = [];

    /// <summary>The rule as written, such as <c>~~ARMENIAN GENOCIDE</c> or <c>N:ATROCITY [ID_ATROCITY]</c>.</summary>
    public override string ToString() => Kind switch
    {
        IssueRuleKind.SentenceExclusion => "~" + Text,
        IssueRuleKind.StoryExclusion => "~~" + Text,
        _ => Text + " [" + Code + "]",
    };
}

/// <summary>A section <c>&lt;ISSUE CATEGORY="NAME" TYPE="ALL"&gt; ... &lt;/ISSUE&gt;</c> of the issues file.</summary>
public sealed class IssueCategory
{
    private readonly List<IssueRule> _rules = [];

    internal IssueCategory(string name, string type, ImmutableDictionary<string, string> attributes, SourceLine source)
    {
        Name = name;
        Type = type;
        Attributes = attributes;
        Source = source;
    }

    /// <summary>The CATEGORY attribute, such as <c>EDUCATION</c>.</summary>
    public string Name { get; }

    /// <summary>The TYPE attribute (<c>ALL</c> or <c>COUNTEVENT</c> in Phoenix), empty when absent.</summary>
    public string Type { get; }

    /// <summary>All attributes of the tag, names upper case.</summary>
    public ImmutableDictionary<string, string> Attributes { get; }

    /// <summary>File and line of the opening tag.</summary>
    public SourceLine Source { get; }

    /// <summary>The rules of the section in file order.</summary>
    public ImmutableArray<IssueRule> Rules { get; private set; } = [];

    /// <summary>Returns <see cref="Name"/>.</summary>
    public override string ToString() => Name;

    internal void Add(IssueRule rule) => _rules.Add(rule);

    internal void Freeze() => Rules = [.. _rules];
}

/// <summary>A PETRARCH issues file (Phoenix.IssueCoding.txt) with an index from each first word to its forms, longest first.</summary>
/// <remarks>Immutable after reading and safe to share between threads.</remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Named after the PETRARCH dictionary files it sits beside.")]
public sealed class IssueDictionary
{
    private readonly Dictionary<string, ImmutableArray<IssueForm>>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    internal IssueDictionary(ImmutableArray<IssueCategory> categories, ImmutableArray<IssueRule> rules)
    {
        Categories = categories;
        Rules = rules;
        Codes = [.. rules.Where(r => r.Kind == IssueRuleKind.Phrase).Select(r => r.Code).Distinct(StringComparer.Ordinal)];
        FormCount = rules.Sum(r => r.Forms.Length);
        _lookup = PhraseIndex.Build(rules.SelectMany(r => r.Forms), f => f.Words).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>An empty dictionary.</summary>
    public static IssueDictionary Empty { get; } = new([], []);

    /// <summary>The sections in file order.</summary>
    public ImmutableArray<IssueCategory> Categories { get; }

    /// <summary>All rules in file order, inside and outside sections.</summary>
    public ImmutableArray<IssueRule> Rules { get; }

    /// <summary>The distinct issue codes in order of first use.</summary>
    public ImmutableArray<string> Codes { get; }

    /// <summary>Number of expanded forms of all rules.</summary>
    public int FormCount { get; }

    /// <summary>The forms whose first word is <paramref name="firstWord"/> (case-insensitive), longest first; empty when none. Does not allocate.</summary>
    public ImmutableArray<IssueForm> FindForms(ReadOnlySpan<char> firstWord) => _lookup.TryGetValue(firstWord, out var forms) ? forms : [];
}
