using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Dyad.Coding.Dictionaries;

/// <summary>
/// An event code as written in a verb dictionary's brackets: <c>[042]</c>, <c>[---]</c> or the active/passive pair
/// <c>[042:043]</c>. The passive code applies when the verb is in the passive voice (PETRARCH swaps source and target).
/// </summary>
/// <param name="Active">Code for the active voice, such as <c>0332</c>; <c>---</c> is the null code (no event); empty when the brackets start with <c>:</c>.</param>
/// <param name="Passive">Code for the passive voice, or null when the brackets hold no <c>:</c>.</param>
public readonly record struct VerbCode(string Active, string? Passive)
{
    /// <summary>The null code <c>---</c>: the verb alone makes no event.</summary>
    public static VerbCode Null { get; } = new("---", null);

    /// <summary>True when the active code is <c>---</c> or empty, so that no event is made in the active voice.</summary>
    public bool IsNull => Active.Length == 0 || Active == "---";

    /// <summary>Formats the bracket content: <c>042</c> or <c>042:043</c>.</summary>
    public override string ToString() => Passive is null ? Active : Active + ":" + Passive;
}

/// <summary>What one element of a verb pattern is.</summary>
public enum PatternElementKind
{
    /// <summary>A word that must be present, such as <c>AID</c>; for noun phrases this is a head noun.</summary>
    Word,

    /// <summary>A reference to a synonym set, <c>&amp;NAME</c>; <see cref="PatternElement.Text"/> holds the name with <c>&amp;</c>.</summary>
    SynonymSet,

    /// <summary><c>$</c>: the event's source actor is found here.</summary>
    Source,

    /// <summary><c>+</c>: the event's target actor is found here.</summary>
    Target,

    /// <summary><c>^</c>: skip one actor or phrase here (it is neither source nor target).</summary>
    Skip,

    /// <summary><c>%</c>: compound marker; the actors here act jointly (PETRARCH's compound-actor patterns).</summary>
    Compound,

    /// <summary><c>{A B HEAD}</c>: a noun phrase; its last child is the head noun, the others modify it.</summary>
    NounPhrase,

    /// <summary><c>(PREP ...)</c>: a prepositional phrase; <see cref="PatternElement.Text"/> is the preposition, the children its object.</summary>
    PrepositionalPhrase,
}

/// <summary>One element of a verb pattern; noun and prepositional phrases hold child elements.</summary>
public sealed class PatternElement
{
    internal PatternElement(PatternElementKind kind, string text, ImmutableArray<PatternElement> children)
    {
        Kind = kind;
        Text = text;
        Children = children.IsDefault ? [] : children;
    }

    /// <summary>What this element is.</summary>
    public PatternElementKind Kind { get; }

    /// <summary>The word (upper case), the synonym set name with <c>&amp;</c>, the marker symbol, or the preposition; empty for a noun phrase.</summary>
    public string Text { get; }

    /// <summary>Words of a noun phrase (head last) or the object of a prepositional phrase; empty for other kinds.</summary>
    public ImmutableArray<PatternElement> Children { get; }

    /// <summary>Formats the element in dictionary syntax, such as <c>(TO {PEACE PLAN})</c>.</summary>
    public override string ToString()
    {
        return Kind switch
        {
            PatternElementKind.NounPhrase => "{" + string.Join(' ', Children) + "}",
            PatternElementKind.PrepositionalPhrase => Children.IsEmpty ? "(" + Text + ")" : "(" + Text + " " + string.Join(' ', Children) + ")",
            _ => Text,
        };
    }
}

/// <summary>
/// A verb pattern line, <c>- BEFORE * AFTER [CODE] # comment</c>: when the block's verb (the <c>*</c>) has the words
/// and phrases of <see cref="Before"/> before it and those of <see cref="After"/> after it, the event gets <see cref="Code"/>.
/// </summary>
public sealed class VerbPattern
{
    internal VerbPattern(VerbBlock block, ImmutableArray<PatternElement> before, ImmutableArray<PatternElement> after, VerbCode code, string comment, SourceLine source, ImmutableArray<string> synonymSets)
    {
        Block = block;
        Before = before;
        After = after;
        Code = code;
        Comment = comment;
        Source = source;
        SynonymSets = synonymSets;
        var required = new List<string>();
        CollectRequiredWords(before, required);
        CollectRequiredWords(after, required);
        RequiredWords = [.. required.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The verb block the pattern belongs to; its verbs are the <c>*</c>.</summary>
    public VerbBlock Block { get; }

    /// <summary>Elements before the verb, in text order.</summary>
    public ImmutableArray<PatternElement> Before { get; }

    /// <summary>Elements after the verb, in text order.</summary>
    public ImmutableArray<PatternElement> After { get; }

    /// <summary>The event code(s) the pattern gives.</summary>
    public VerbCode Code { get; }

    /// <summary>The text after <c>#</c> (in CAMEO files usually the verb the pattern was first written for); empty when none.</summary>
    public string Comment { get; }

    /// <summary>File and line of the pattern: cite this as the rule that fired.</summary>
    public SourceLine Source { get; }

    /// <summary>Names (with <c>&amp;</c>) of the synonym sets the pattern refers to, in order, without repeats.</summary>
    public ImmutableArray<string> SynonymSets { get; }

    /// <summary>False when a referenced synonym set is not defined in the file, so the pattern can never match.</summary>
    public bool IsUsable { get; internal set; } = true;

    /// <summary>
    /// The agent a pattern implies for a source named only by its country, such as <c>MIL</c> for "Russia launched
    /// airstrikes" (only armed forces do that): Dyad's knowledge base writes it <c>= 195 ~MIL</c>; null when none.
    /// </summary>
    public string? SourceAgent { get; internal set; }

    /// <summary>
    /// The literal words (upper case) the pattern cannot match without, its prepositions included and synonym sets left
    /// out: a coder skips the pattern at once when a sentence lacks one of them.
    /// </summary>
    internal ImmutableArray<string> RequiredWords { get; }

    private static void CollectRequiredWords(ImmutableArray<PatternElement> elements, List<string> words)
    {
        foreach (var element in elements)
        {
            switch (element.Kind)
            {
                case PatternElementKind.Word:
                    words.Add(element.Text);
                    break;
                case PatternElementKind.PrepositionalPhrase:
                    words.Add(element.Text);
                    CollectRequiredWords(element.Children, words);
                    break;
                case PatternElementKind.NounPhrase:
                    CollectRequiredWords(element.Children, words);
                    break;
            }
        }
    }

    /// <summary>Formats the pattern in dictionary syntax without its comment: <c>- * (TO BORDER) [154]</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("- ");
        foreach (var element in Before)
        {
            text.Append(element).Append(' ');
        }

        text.Append('*');
        foreach (var element in After)
        {
            text.Append(' ').Append(element);
        }

        return text.Append(" [").Append(Code.ToString()).Append(']').ToString();
    }
}

/// <summary>
/// One surface form of a verb, possibly with particles: <c>ASKED</c> of <c>+ASK_FOR</c> has <see cref="Word"/> <c>ASKED</c>
/// and <see cref="After"/> <c>[FOR]</c>; <c>WIRE_+TAPPED</c> has <see cref="Before"/> <c>[WIRE]</c>.
/// </summary>
public sealed class VerbForm
{
    internal VerbForm(string word, ImmutableArray<string> before, ImmutableArray<string> after, bool isGenerated, VerbEntry entry)
    {
        Word = word;
        Before = before;
        After = after;
        IsGenerated = isGenerated;
        Entry = entry;
    }

    /// <summary>The word the parser tags as the verb, upper case, such as <c>ASKED</c>.</summary>
    public string Word { get; }

    /// <summary>Words that must come right before the verb word, in text order (usually empty).</summary>
    public ImmutableArray<string> Before { get; }

    /// <summary>Words that must come right after the verb word (particles such as <c>FOR</c>, <c>UP</c>), in text order.</summary>
    public ImmutableArray<string> After { get; }

    /// <summary>Number of words including the verb word.</summary>
    public int Length => Before.Length + 1 + After.Length;

    /// <summary>True when the reader generated the form by regular inflection; false when it was written in the file.</summary>
    public bool IsGenerated { get; }

    /// <summary>The verb line the form belongs to.</summary>
    public VerbEntry Entry { get; }

    /// <summary>The words joined by spaces, such as <c>ASKED FOR</c>.</summary>
    public override string ToString() => string.Join(' ', [.. Before, Word, .. After]);
}

/// <summary>A verb line of a block, such as <c>QUERY {QUERYING QUERIES QUERIED} [020]</c>, with all its forms.</summary>
public sealed class VerbEntry
{
    private ImmutableArray<VerbForm> _forms = [];

    internal VerbEntry(VerbBlock block, string text, string head, VerbCode? ownCode, bool hasIrregularForms, SourceLine source)
    {
        Block = block;
        Text = text;
        Head = head;
        OwnCode = ownCode;
        HasIrregularForms = hasIrregularForms;
        Source = source;
    }

    /// <summary>The block the verb belongs to; its patterns apply to this verb.</summary>
    public VerbBlock Block { get; }

    /// <summary>The main form as written, such as <c>+ASK_FOR</c> or <c>QUERY</c>.</summary>
    public string Text { get; }

    /// <summary>The verb word of the main form without particles or markers, such as <c>ASK</c>.</summary>
    public string Head { get; }

    /// <summary>The code written on the verb line, or null when the line has none and the block's code applies.</summary>
    public VerbCode? OwnCode { get; }

    /// <summary>The code of the verb alone: <see cref="OwnCode"/> or else the block's code.</summary>
    public VerbCode Code => OwnCode ?? Block.Code;

    /// <summary>True when the line lists its forms in braces (then no regular forms are generated).</summary>
    public bool HasIrregularForms { get; }

    /// <summary>File and line of the verb line.</summary>
    public SourceLine Source { get; }

    /// <summary>The main form first, then the listed or generated forms, without repeats.</summary>
    public ImmutableArray<VerbForm> Forms { get => _forms; internal set => _forms = value; }

    /// <summary>Returns <see cref="Text"/>.</summary>
    public override string ToString() => Text;
}

/// <summary>
/// A verb block, <c>--- NAME [CODE] ---</c>: synonymous verbs that share a default code and a list of patterns.
/// Blocks with the same name in one file are merged into the first (as PETRARCH2 does).
/// </summary>
public sealed class VerbBlock
{
    private readonly List<VerbEntry> _verbs = [];
    private readonly List<VerbPattern> _patterns = [];

    internal VerbBlock(string name, VerbCode code, SourceLine source)
    {
        Name = name;
        Code = code;
        Source = source;
    }

    /// <summary>The block's name, such as <c>ACCELERATE</c>.</summary>
    public string Name { get; }

    /// <summary>The block's default code, <c>---</c> when the header gives none.</summary>
    public VerbCode Code { get; }

    /// <summary>File and line of the block header.</summary>
    public SourceLine Source { get; }

    /// <summary>The verb lines, in file order.</summary>
    public ImmutableArray<VerbEntry> Verbs { get; private set; } = [];

    /// <summary>The patterns, in file order (PETRARCH tries more specific patterns first; order is kept for citing).</summary>
    public ImmutableArray<VerbPattern> Patterns { get; private set; } = [];

    /// <summary>Returns <see cref="Name"/>.</summary>
    public override string ToString() => Name;

    internal void Add(VerbEntry entry) => _verbs.Add(entry);

    internal void Add(VerbPattern pattern) => _patterns.Add(pattern);

    internal void Freeze()
    {
        Verbs = [.. _verbs];
        Patterns = [.. _patterns];
    }
}

/// <summary>One member of a synonym set: a word, a phrase, or (rarely) a prepositional phrase or another set.</summary>
public sealed class SynonymMember
{
    internal SynonymMember(string text, ImmutableArray<PatternElement> elements, ImmutableArray<string> words, ImmutableArray<string> pluralWords, SourceLine source)
    {
        Text = text;
        Elements = elements;
        Words = words;
        PluralWords = pluralWords;
        Source = source;
    }

    /// <summary>The member as written after <c>+</c>, such as <c>PRIME_MINISTER</c> or <c>CASH_</c>.</summary>
    public string Text { get; }

    /// <summary>The member parsed as pattern elements (words, phrases, set references).</summary>
    public ImmutableArray<PatternElement> Elements { get; }

    /// <summary>The consecutive words when the member is plain words (underscores and spaces both separate); empty otherwise.</summary>
    public ImmutableArray<string> Words { get; }

    /// <summary>The generated plural (last word inflected), or empty when the member or its set ends with <c>_</c> or is not plain words.</summary>
    public ImmutableArray<string> PluralWords { get; }

    /// <summary>File and line of the member.</summary>
    public SourceLine Source { get; }

    /// <summary>Returns <see cref="Text"/>.</summary>
    public override string ToString() => Text;
}

/// <summary>A synonym set, <c>&amp;NAME</c> followed by <c>+member</c> lines.</summary>
public sealed class SynonymSet
{
    private readonly List<SynonymMember> _members = [];

    internal SynonymSet(string name, bool noPlurals, SourceLine source)
    {
        Name = name;
        NoPlurals = noPlurals;
        Source = source;
    }

    /// <summary>The name with <c>&amp;</c> and without a trailing <c>_</c>, such as <c>&amp;CURRENCY</c>.</summary>
    public string Name { get; }

    /// <summary>True when the label ended with <c>_</c>: no plurals are generated for any member.</summary>
    public bool NoPlurals { get; }

    /// <summary>File and line of the label.</summary>
    public SourceLine Source { get; }

    /// <summary>The members in file order.</summary>
    public ImmutableArray<SynonymMember> Members { get; private set; } = [];

    /// <summary>Returns <see cref="Name"/>.</summary>
    public override string ToString() => Name;

    internal void Add(SynonymMember member) => _members.Add(member);

    internal bool Contains(string text) => _members.Exists(m => string.Equals(m.Text, text, StringComparison.OrdinalIgnoreCase));

    internal void Freeze() => Members = [.. _members];
}

/// <summary>
/// The event part of a verb transformation: <c>SOURCE TARGET VERB</c>, where the target may itself be an event in
/// parentheses. Letters are variables; <c>.</c> and <c>_</c> are placeholders (PETRARCH: "any" and "none").
/// </summary>
/// <param name="Source">The source variable or placeholder, such as <c>a</c>.</param>
/// <param name="Target">The target variable or placeholder; null when the target is <see cref="Nested"/>.</param>
/// <param name="Nested">The event that is the target (the embedded clause), or null.</param>
/// <param name="Verb">The verb: a block name such as <c>SAY</c>, a compound such as <c>WILL_ATTACK</c>, or <c>Q</c> for any code.</param>
public sealed record TransformationEvent(string Source, string? Target, TransformationEvent? Nested, string Verb)
{
    /// <summary>Formats the event in dictionary syntax, such as <c>a (a b ATTACK) SAY</c>.</summary>
    public override string ToString() => Source + " " + (Nested is null ? Target : "(" + Nested + ")") + " " + Verb;
}

/// <summary>
/// A line of the TRANSFORMATIONS section, <c>~ a (a b ATTACK) SAY = a b 015</c>: an event whose target is another event
/// is rewritten as one event with the result's source, target and code (<c>Q</c> keeps the embedded event's code).
/// </summary>
/// <param name="Pattern">The left side.</param>
/// <param name="ResultSource">Source variable of the result.</param>
/// <param name="ResultTarget">Target variable of the result.</param>
/// <param name="ResultCode">Event code of the result, or <c>Q</c>.</param>
/// <param name="Source">File and line of the transformation.</param>
public sealed record VerbTransformation(TransformationEvent Pattern, string ResultSource, string ResultTarget, string ResultCode, SourceLine Source)
{
    /// <summary>Formats the transformation in dictionary syntax.</summary>
    public override string ToString() => "~ " + Pattern + " = " + ResultSource + " " + ResultTarget + " " + ResultCode;
}

/// <summary>
/// A PETRARCH verb dictionary (such as CAMEO.2.0.txt): synonym sets, verb blocks with their verbs and patterns, and
/// transformations, with an index from every verb word to the forms that have it as their verb.
/// </summary>
/// <remarks>Immutable after reading and safe to share between threads.</remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Named after the PETRARCH file format, the 'verb dictionary'.")]
public sealed class VerbDictionary
{
    private readonly Dictionary<string, ImmutableArray<VerbForm>> _forms;
    private readonly Dictionary<string, ImmutableArray<VerbForm>>.AlternateLookup<ReadOnlySpan<char>> _formLookup;
    private readonly Dictionary<string, VerbBlock> _blocks;
    private readonly Dictionary<string, SynonymSet> _sets;

    internal VerbDictionary(ImmutableArray<VerbBlock> blocks, IEnumerable<SynonymSet> sets, ImmutableArray<VerbTransformation> transformations)
    {
        Blocks = blocks;
        Transformations = transformations;
        _blocks = new Dictionary<string, VerbBlock>(StringComparer.OrdinalIgnoreCase);
        foreach (var block in blocks)
        {
            _blocks.TryAdd(block.Name, block);
        }

        _sets = new Dictionary<string, SynonymSet>(StringComparer.OrdinalIgnoreCase);
        var ordered = ImmutableArray.CreateBuilder<SynonymSet>();
        foreach (var set in sets)
        {
            if (_sets.TryAdd(set.Name, set))
            {
                ordered.Add(set);
            }
        }

        SynonymSets = ordered.ToImmutable();
        var byWord = new Dictionary<string, List<VerbForm>>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in blocks.SelectMany(b => b.Verbs))
        {
            foreach (var form in entry.Forms)
            {
                if (!byWord.TryGetValue(form.Word, out var list))
                {
                    byWord[form.Word] = list = [];
                }

                list.Add(form);
            }
        }

        _forms = new Dictionary<string, ImmutableArray<VerbForm>>(byWord.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (word, list) in byWord)
        {
            // Longer forms first, so a matcher can take the first whose particles are present (PETRARCH checks multi-word verbs first).
            _forms[word] = [.. list.OrderByDescending(f => f.Length)];
        }

        _formLookup = _forms.GetAlternateLookup<ReadOnlySpan<char>>();
        PatternCount = blocks.Sum(b => b.Patterns.Length);
        FormCount = _forms.Values.Sum(f => f.Length);
    }

    /// <summary>An empty dictionary.</summary>
    public static VerbDictionary Empty { get; } = new([], [], []);

    /// <summary>The verb blocks in file order.</summary>
    public ImmutableArray<VerbBlock> Blocks { get; }

    /// <summary>The synonym sets in file order.</summary>
    public ImmutableArray<SynonymSet> SynonymSets { get; }

    /// <summary>The transformations in file order.</summary>
    public ImmutableArray<VerbTransformation> Transformations { get; }

    /// <summary>Number of patterns in all blocks.</summary>
    public int PatternCount { get; }

    /// <summary>Number of verb forms (written and generated) in the index.</summary>
    public int FormCount { get; }

    /// <summary>Number of distinct verb words in the index.</summary>
    public int WordCount => _forms.Count;

    /// <summary>
    /// The forms whose verb word is <paramref name="word"/> (case-insensitive), longest first; empty when none.
    /// A matcher checks each form's <see cref="VerbForm.Before"/> and <see cref="VerbForm.After"/> words against the
    /// sentence and takes the first that fits. Does not allocate.
    /// </summary>
    public ImmutableArray<VerbForm> FindForms(ReadOnlySpan<char> word) => _formLookup.TryGetValue(word, out var forms) ? forms : [];

    /// <summary>The block named <paramref name="name"/> (case-insensitive), or null.</summary>
    public VerbBlock? FindBlock(string name) => _blocks.GetValueOrDefault(name);

    /// <summary>The synonym set named <paramref name="name"/> (with or without <c>&amp;</c> and a trailing <c>_</c>; case-insensitive), or null.</summary>
    public SynonymSet? FindSynonymSet(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _sets.GetValueOrDefault(VerbDictionaryReader.NormalizeSetName(name));
    }
}
