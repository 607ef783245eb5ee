using System.Collections.Immutable;
using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Coding;

/// <summary>A half-open range <c>[Start, End)</c> of token indexes in a document; empty (0, 0) when there is none.</summary>
/// <param name="Start">Index of the first token.</param>
/// <param name="End">Index one past the last token.</param>
public readonly record struct TokenSpan(int Start, int End)
{
    /// <summary>No tokens: the side of an event that has no actor in the text (coded <c>---</c>).</summary>
    public static TokenSpan None => default;

    /// <summary>Number of tokens.</summary>
    public int Length => End - Start;
}

/// <summary>One coded event: who did what to whom, where in the text, and which dictionary lines said so.</summary>
/// <param name="SourceCode">Actor code of the source, such as <c>ARNGOV</c>; <c>---</c> when unknown.</param>
/// <param name="TargetCode">Actor code of the target; <c>---</c> when unknown.</param>
/// <param name="EventCode">CAMEO event code, such as <c>050</c>.</param>
/// <param name="Verb">Document index of the verb token.</param>
/// <param name="Source">Tokens of the source actor's mention (document indexes).</param>
/// <param name="Target">Tokens of the target actor's mention (document indexes).</param>
/// <param name="VerbRule">File and line of the verb entry that matched.</param>
/// <param name="PatternRule">File and line of the pattern that gave the code, or null when the verb's own or block code applied.</param>
/// <param name="Rule">The rule in dictionary syntax, such as <c>- * (WITH +) [030]</c> or <c>AGREE [050]</c>.</param>
public sealed record CodedEvent(string SourceCode, string TargetCode, string EventCode, int Verb, TokenSpan Source, TokenSpan Target, SourceLine VerbRule, SourceLine? PatternRule, string Rule)
{
    /// <summary>Formats as <c>050 ARN GON</c>, as the validation suite writes gold events.</summary>
    public override string ToString() => EventCode + " " + SourceCode + " " + TargetCode;
}

/// <summary>Why a verb or a sentence gave no event (negation, a discard phrase, a missing actor).</summary>
/// <param name="Token">Document index of the verb, or of the first token of the discard phrase; -1 when it concerns the whole sentence.</param>
/// <param name="Reason">In words, naming the dictionary line where there is one.</param>
public sealed record CodingNote(int Token, string Reason);

/// <summary>The events coded in a document and the notes on what was not coded.</summary>
/// <param name="Events">Events in text order of their verbs.</param>
/// <param name="Notes">Why verbs or sentences gave no event, in text order.</param>
public sealed record CodingResult(ImmutableArray<CodedEvent> Events, ImmutableArray<CodingNote> Notes)
{
    /// <summary>
    /// True when a story discard phrase dropped the whole document (<see cref="CodingOptions.StoryDiscards"/>): a caller
    /// that codes one story in several documents drops the others' events too.
    /// </summary>
    public bool StoryDiscarded { get; init; }
}

/// <summary>Settings of the coder; the validation suite sets some per record with <c>&lt;Config&gt;</c>.</summary>
public sealed record CodingOptions
{
    /// <summary>The defaults: an event needs both a source and a target actor.</summary>
    public static CodingOptions Default { get; } = new();

    /// <summary>
    /// True (the default, PETRARCH's <c>require_dyad</c>) when an event needs both a source and a target actor; false
    /// to code events with a missing side as <c>---</c>.
    /// </summary>
    public bool RequireDyad { get; init; } = true;

    /// <summary>
    /// True (the default) to code a stated future act as the intent to do it, as the CAMEO codebook asks ("Russia said it
    /// would cooperate with Iraq" is 030, not 060); false for PETRARCH's convention, which codes it as the act itself and
    /// which PETRARCH's validation suite expects.
    /// </summary>
    public bool FutureAsIntent { get; init; } = true;

    /// <summary>
    /// True (the default) for Dyad's intent rules: an act stated as intended ("ready to attack", "pledged to expel",
    /// "its readiness to meet") is coded as CAMEO's intent to do it (03x, or 13x for coercion), as the codebook pairs
    /// them; false for PETRARCH-2, which codes the act itself ("pledged to expel" is 174) and turns off
    /// <see cref="FutureAsIntent"/> with it.
    /// </summary>
    public bool IntentRules { get; init; } = true;

    /// <summary>
    /// False (the default) to treat a story discard phrase (a <c>+</c> line of the discard list) like a sentence
    /// discard, so only its sentence is left uncoded; true for PETRARCH-2, which drops the whole story: every sentence of
    /// the document, before and after the phrase.
    /// </summary>
    public bool StoryDiscards { get; init; }

    /// <summary>
    /// PETRARCH-2's conventions, for its Phoenix dictionaries and validation suites, so that a comparison with
    /// PETRARCH-2 or UniversalPetrarch is like for like: no intent rules (<see cref="IntentRules"/>), future acts coded
    /// as the acts themselves (<see cref="FutureAsIntent"/>), and a story discard drops the whole story
    /// (<see cref="StoryDiscards"/>).
    /// </summary>
    public static CodingOptions Petrarch { get; } = new() { FutureAsIntent = false, IntentRules = false, StoryDiscards = true };

    /// <summary>Reads the suite's per-record options (<c>require_dyad</c>); unknown options are ignored.</summary>
    /// <param name="options">Option names and values as written, names compared ignoring case.</param>
    /// <param name="start">The options the settings change; <see cref="Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static CodingOptions FromSettings(IReadOnlyDictionary<string, string> options, CodingOptions? start = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = start ?? Default;
        foreach (var (name, value) in options)
        {
            if (string.Equals(name, "require_dyad", StringComparison.OrdinalIgnoreCase))
            {
                result = result with { RequireDyad = !string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase) };
            }
        }

        return result;
    }
}
