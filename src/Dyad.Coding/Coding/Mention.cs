using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Coding;

/// <summary>
/// A phrase of a sentence that the dictionaries name: an actor (with its code) or, when <paramref name="Agent"/> is
/// set, an agent that qualifies one.
/// </summary>
/// <param name="Start">The sentence index of its first token.</param>
/// <param name="End">The sentence index just past its last token.</param>
/// <param name="Code">The actor's code; empty for an agent.</param>
/// <param name="Agent">The agent phrase, or null for an actor.</param>
/// <param name="Source">The dictionary line that named it.</param>
internal sealed record Mention(int Start, int End, string Code, AgentPhrase? Agent, SourceLine Source);
