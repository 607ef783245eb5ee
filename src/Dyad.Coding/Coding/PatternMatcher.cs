using System.Collections.Immutable;
using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Coding;

/// <summary>
/// Matches a verb against the verb dictionary over one sentence's tree: the verb form whose particles the sentence has
/// ("carry out", "set up"), and the best of its block's patterns, matched word by word (with backtracking) against the
/// tokens of the verb's clause before and after it.
/// </summary>
internal sealed class PatternMatcher
{
    private const int NoToken = SentenceView.NoToken;

    /// <summary>A gap for the words of a braced noun phrase: only modifiers may stand between them (see <see cref="Limit"/>).</summary>
    private const int ModifiersOnly = -1;

    /// <summary>The most tokens a pattern's actor slot (<c>$ + ^</c>) may skip to reach its noun.</summary>
    private const int MaxActorGap = 4;

    private readonly SentenceView _sentence;
    private readonly VerbDictionary _verbs;
    private readonly ActorResolver _actors;

    /// <summary>A matcher for <paramref name="sentence"/>, binding actor slots only to phrases <paramref name="actors"/> resolves.</summary>
    public PatternMatcher(SentenceView sentence, VerbDictionary verbs, ActorResolver actors)
    {
        _sentence = sentence;
        _verbs = verbs;
        _actors = actors;
    }

    /// <summary>
    /// The first form of <paramref name="verb"/> (by its word, then its lemma) whose particles the sentence has, or null;
    /// the particle tokens it used are added to <paramref name="used"/>.
    /// </summary>
    public VerbForm? FindVerbForm(int verb, List<int> used)
    {
        foreach (var word in (string[])[_sentence.Word(verb), _sentence.Lemma(verb)])
        {
            foreach (var form in _verbs.FindForms(word))
            {
                used.Clear();
                if (FitsParticles(verb, form, used))
                {
                    return form;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The best-scoring usable pattern of <paramref name="block"/> that matches the tokens of <paramref name="verb"/>'s
    /// clause before and after it, with its match; the first of equal scores wins. Nulls when none matches.
    /// </summary>
    public (PatternMatch? Match, VerbPattern? Pattern) BestMatch(VerbBlock block, int verb)
    {
        var after = AfterSequence(verb);
        var before = BeforeSequence(verb);
        PatternMatch? best = null;
        VerbPattern? bestPattern = null;
        foreach (var pattern in block.Patterns)
        {
            if (!pattern.IsUsable || !_sentence.HasAllWords(pattern.RequiredWords))
            {
                continue;
            }

            var match = TryMatch(pattern, before, after);
            if (match is not null && (best is null || match.Score > best.Score))
            {
                best = match;
                bestPattern = pattern;
            }
        }

        return (best, bestPattern);
    }

    /// <summary>
    /// Tokens of the verb's own clause before the verb, in text order: its subject's noun phrase and fronted phrases,
    /// but not the auxiliaries, adverbs, negation and coordinators attached to the verb itself, nor words of a governing clause
    /// ("indicated it deplored", "recently allowed", "will be hosting" match no pre-verb pattern word).
    /// </summary>
    private int[] BeforeSequence(int verb)
    {
        var inTree = _sentence.SubtreeWithout(verb, relation => relation is "aux" or "auxpass" or "aux:pass" or "cop" or "advmod" or "neg" or "mark" or "cc");
        return [.. Enumerable.Range(0, verb).Where(i => inTree[i] && _sentence.Upos(i) != "PUNCT")];
    }

    /// <summary>Tokens of the verb's subtree after the verb, subjects left out, in text order.</summary>
    private int[] AfterSequence(int verb)
    {
        // An aside hung on the verb (", South Korea's military said") is another clause: its words are not the verb's.
        var inTree = _sentence.SubtreeWithout(verb, relation => relation is "nsubj" or "nsubjpass" or "nsubj:pass" or "parataxis");
        return [.. Enumerable.Range(verb + 1, Math.Max(0, _sentence.Count - verb - 1)).Where(i => inTree[i] && _sentence.Upos(i) != "PUNCT")];
    }

    private bool FitsParticles(int verb, VerbForm form, List<int> used)
    {
        for (var k = 0; k < form.After.Length; k++)
        {
            var wanted = form.After[k];
            var next = verb + 1 + k;
            if (next < _sentence.Count && _sentence.Word(next) == wanted)
            {
                used.Add(next);
                continue;
            }

            var particle = ParticleCandidates(verb).FirstOrDefault(t => _sentence.Word(t) == wanted, NoToken);
            if (particle == NoToken)
            {
                return false;
            }

            used.Add(particle);
        }

        for (var k = 0; k < form.Before.Length; k++)
        {
            var wanted = form.Before[form.Before.Length - 1 - k];
            var previous = verb - 1 - k;
            if (previous >= 0 && _sentence.Word(previous) == wanted)
            {
                used.Add(previous);
                continue;
            }

            var child = _sentence.Children(verb).FirstOrDefault(t => _sentence.Word(t) == wanted, NoToken);
            if (child == NoToken)
            {
                return false;
            }

            used.Add(child);
        }

        return true;
    }

    private IEnumerable<int> ParticleCandidates(int verb)
    {
        foreach (var child in _sentence.Children(verb))
        {
            if (_sentence.Relation(child).StartsWith("compound", StringComparison.Ordinal) || _sentence.Relation(child) == "advmod")
            {
                yield return child;
            }

            if (_sentence.Relation(child).StartsWith("nmod", StringComparison.Ordinal) || _sentence.Relation(child).StartsWith("obl", StringComparison.Ordinal) || _sentence.Relation(child) is "dobj" or "obj")
            {
                foreach (var grandchild in _sentence.Children(child).Where(g => _sentence.Relation(g) == "case"))
                {
                    yield return grandchild;
                }
            }
        }
    }

    private PatternMatch? TryMatch(VerbPattern pattern, int[] before, int[] after)
    {
        var state = new PatternMatch();
        var beforeOk = MatchSequence(pattern.Before, 0, before, 0, int.MaxValue, state, _ => true);
        if (!beforeOk)
        {
            return null;
        }

        return MatchSequence(pattern.After, 0, after, 0, int.MaxValue, state, _ => true) ? state : null;
    }

    private bool MatchSequence(ImmutableArray<PatternElement> elements, int index, int[] seq, int pos, int gap, PatternMatch state, Func<int, bool> next)
    {
        if (index == elements.Length)
        {
            return next(pos);
        }

        return MatchElement(elements[index], seq, pos, gap, state, p => MatchSequence(elements, index + 1, seq, p, gap, state, next));
    }

    private bool MatchElement(PatternElement element, int[] seq, int pos, int gap, PatternMatch state, Func<int, bool> next)
    {
        var limit = Limit(seq, pos, gap);
        switch (element.Kind)
        {
            case PatternElementKind.Compound:
                return next(pos);
            case PatternElementKind.Word:
                for (var p = pos; p < limit; p++)
                {
                    if (_sentence.WordMatches(seq[p], element.Text) && state.Try(() => state.AddWord(seq[p]), () => next(p + 1)))
                    {
                        return true;
                    }
                }

                return false;
            case PatternElementKind.Source:
            case PatternElementKind.Target:
            case PatternElementKind.Skip:
                for (var p = pos; p < Math.Min(Limit(seq, pos, gap), pos + MaxActorGap + 1); p++)
                {
                    var t = seq[p];
                    if (_sentence.Upos(t) is not ("NOUN" or "PROPN" or "PRON" or "NUM" or "X"))
                    {
                        continue;
                    }

                    if (element.Kind != PatternElementKind.Skip && _actors.ActorsOf(t).Count == 0)
                    {
                        continue;
                    }

                    var end = p + 1;
                    var kind = element.Kind;
                    var bound = kind == PatternElementKind.Skip ? t : _actors.PhraseHead(t);
                    if (state.Try(() => state.Bind(kind, bound), () => next(end)))
                    {
                        return true;
                    }
                }

                return false;
            case PatternElementKind.NounPhrase:
                return element.Children.IsEmpty
                    ? next(pos)
                    : MatchElement(element.Children[0], seq, pos, gap, state, p => MatchSequence(element.Children, 1, seq, p, ModifiersOnly, state, next));
            case PatternElementKind.PrepositionalPhrase:
                for (var p = pos; p < limit; p++)
                {
                    var t = seq[p];
                    if (_sentence.Word(t) != element.Text)
                    {
                        continue;
                    }

                    if (state.Try(() => state.AddPreposition(t), () => MatchSequence(element.Children, 0, seq, p + 1, 3, state, next)))
                    {
                        return true;
                    }
                }

                return false;
            case PatternElementKind.SynonymSet:
                var set = _verbs.FindSynonymSet(element.Text);
                if (set is null)
                {
                    return false;
                }

                foreach (var member in set.Members)
                {
                    if (MatchMember(member, seq, pos, gap, state, next))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// The end (exclusive) of the positions of <paramref name="seq"/> where the next pattern element may start:
    /// anywhere for <see cref="int.MaxValue"/>, within <paramref name="gap"/> skipped tokens otherwise, and for
    /// <see cref="ModifiersOnly"/> only past modifiers that leave the noun's meaning alone: adjectives ("new global
    /// economic relations" is still a kind of "new economic relations") and coordinated modifiers ("death and injury
    /// toll" is a death toll), but not a noun ("trade relations" are not "relations").
    /// </summary>
    private int Limit(int[] seq, int pos, int gap)
    {
        if (gap == int.MaxValue)
        {
            return seq.Length;
        }

        if (gap != ModifiersOnly)
        {
            return Math.Min(seq.Length, pos + gap + 1);
        }

        var end = pos;
        while (end < seq.Length && (end == pos || seq[end] == seq[end - 1] + 1) && IsSkippableModifier(seq[end]))
        {
            end++;
        }

        return Math.Min(seq.Length, end + 1);
    }

    private bool IsSkippableModifier(int token) =>
        _sentence.Relation(token) is "amod" or "cc" || _sentence.Upos(token) == "ADJ"
        || (_sentence.Relation(token) == "conj" && _sentence.Head(token) != NoToken && _sentence.Relation(_sentence.Head(token)) is "amod" or "compound");

    private bool MatchMember(SynonymMember member, int[] seq, int pos, int gap, PatternMatch state, Func<int, bool> next)
    {
        if (member.Words.IsEmpty)
        {
            return MatchSequence(member.Elements, 0, seq, pos, gap, state, next);
        }

        foreach (var words in (ImmutableArray<string>[])[member.Words, member.PluralWords])
        {
            if (words.IsDefaultOrEmpty || !_sentence.HasAllWords(words))
            {
                continue;
            }

            var limit = Limit(seq, pos, gap);
            for (var p = pos; p < limit && p + words.Length <= seq.Length; p++)
            {
                var fits = true;
                for (var k = 0; k < words.Length && fits; k++)
                {
                    fits = seq[p + k] == seq[p] + k && _sentence.WordMatches(seq[p + k], words[k]);
                }

                if (!fits)
                {
                    continue;
                }

                var start = p;
                var count = words.Length;
                if (state.Try(() => { for (var k = 0; k < count; k++) { state.AddWord(seq[start + k]); } }, () => next(start + count)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
