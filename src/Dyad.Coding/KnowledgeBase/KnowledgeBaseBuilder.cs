using System.Collections.Immutable;
using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.KnowledgeBase;

/// <summary>
/// Turns a <see cref="KbModel"/> into the coder's dictionaries, the same structures the PETRARCH readers make, so
/// that <see cref="Coding.EventCoder"/> codes with either unchanged.
/// </summary>
internal static class KnowledgeBaseBuilder
{
    public static DictionarySet Build(KbModel model, ImmutableArray<Diagnostic> diagnostics, InflectionStyle style) =>
        new(BuildVerbs(model, style), BuildActors(model), BuildAgents(model), BuildDiscards(model), IssueDictionary.Empty, CodingOntology.Empty, diagnostics);

    /// <summary>Countries (their names, then their seats as CODE+GOV), organisations, then people, in file order.</summary>
    private static ActorDictionary BuildActors(KbModel model)
    {
        var entries = ImmutableArray.CreateBuilder<ActorEntry>();
        foreach (var country in model.Countries)
        {
            Add(entries, country.Phrases, [new ActorRole(country.Code, DateRange.Always, country.Source)]);
            Add(entries, country.Seats, [new ActorRole(country.SeatCode, DateRange.Always, country.Source)]);
        }

        foreach (var organisation in model.Organisations)
        {
            Add(entries, organisation.Phrases, [new ActorRole(organisation.Code, DateRange.Always, organisation.Source)]);
        }

        foreach (var person in model.People)
        {
            Add(entries, person.Names, [.. person.Roles.Select(r => new ActorRole(r.Code, r.Range, r.Source))]);
        }

        return new ActorDictionary(entries.ToImmutable());
    }

    private static void Add(ImmutableArray<ActorEntry>.Builder entries, ImmutableArray<KbPhrase> phrases, ImmutableArray<ActorRole> roles)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = ImmutableArray.CreateBuilder<ActorPhrase>();
        foreach (var phrase in phrases)
        {
            // A name that is also the capital (Singapore, Djibouti) is one phrase of the entry.
            if (seen.Add(phrase.Key))
            {
                kept.Add(new ActorPhrase(phrase.Words, phrase.Text, isSynonym: kept.Count > 0, phrase.Source, endsOpen: false));
            }
        }

        if (kept.Count > 0)
        {
            entries.Add(new ActorEntry(kept.ToImmutable(), roles));
        }
    }

    private static AgentDictionary BuildAgents(KbModel model)
    {
        var phrases = ImmutableArray.CreateBuilder<AgentPhrase>();
        foreach (var line in model.Agents)
        {
            foreach (var phrase in line.Phrases)
            {
                phrases.Add(new AgentPhrase(phrase.Words, line.Code, line.Placement, isPlural: false, phrase.Text, phrase.Source));
            }
        }

        return new AgentDictionary(phrases.ToImmutable(), ImmutableDictionary<string, ImmutableArray<string>>.Empty);
    }

    private static DiscardList BuildDiscards(KbModel model) =>
        new([.. model.Discards.Select(d => new DiscardPhrase(d.Phrase.Words, d.Story, d.Phrase.Text, d.Phrase.Source, lastWordWhole: true))]);

    /// <summary>
    /// Verb blocks as the coder wants them: a lemma may be written in several files (one per CAMEO root), and the
    /// patterns that apply to it are those of every <c>verb</c> line that lists it. Lemmas listed by the same lines
    /// share one block whose patterns are those lines' patterns (an exact repeat kept once) and whose code is the first
    /// that is not <c>---</c>.
    /// </summary>
    private static VerbDictionary BuildVerbs(KbModel model, InflectionStyle style)
    {
        var sets = new Dictionary<string, SynonymSet>(StringComparer.Ordinal);
        foreach (var declared in model.Sets)
        {
            var set = new SynonymSet(declared.Name, noPlurals: true, declared.Source);
            foreach (var member in declared.Members)
            {
                set.Add(new SynonymMember(member.Text, member.Elements, member.Words, [], declared.Source));
            }

            set.Freeze();
            sets[declared.Name] = set;
        }

        var lemmaBlocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var lemmaOrder = new List<string>();
        for (var b = 0; b < model.Verbs.Count; b++)
        {
            foreach (var lemma in model.Verbs[b].Lemmas)
            {
                if (!lemmaBlocks.TryGetValue(lemma.Key, out var list))
                {
                    lemmaBlocks[lemma.Key] = list = [];
                    lemmaOrder.Add(lemma.Key);
                }

                if (!list.Contains(b))
                {
                    list.Add(b);
                }
            }
        }

        var groups = new Dictionary<string, (List<int> Sources, List<string> Lemmas)>(StringComparer.Ordinal);
        var groupOrder = new List<string>();
        foreach (var key in lemmaOrder)
        {
            var sources = lemmaBlocks[key];
            var signature = string.Join(',', sources);
            if (!groups.TryGetValue(signature, out var group))
            {
                groups[signature] = group = (sources, []);
                groupOrder.Add(signature);
            }

            group.Lemmas.Add(key);
        }

        var blocks = ImmutableArray.CreateBuilder<VerbBlock>();
        foreach (var signature in groupOrder)
        {
            var (sources, lemmas) = groups[signature];
            var first = model.Verbs[sources[0]];
            var code = sources.Select(s => model.Verbs[s].Code).FirstOrDefault(c => !c.IsNull, VerbCode.Null);
            var block = new VerbBlock(lemmas[0], code, first.Source);
            var patternTexts = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pattern in sources.SelectMany(s => model.Verbs[s].Patterns))
            {
                var built = new VerbPattern(block, pattern.Before, pattern.After, pattern.Code, pattern.Comment, pattern.Source, pattern.Sets) { SourceAgent = pattern.SourceAgent };
                if (!patternTexts.Add(built.ToString()))
                {
                    continue;
                }

                built.IsUsable = pattern.Problem is null && pattern.Sets.All(sets.ContainsKey);
                block.Add(built);
            }

            foreach (var key in lemmas)
            {
                block.Add(BuildEntry(block, key, sources.Select(s => model.Verbs[s]), style));
            }

            block.Freeze();
            blocks.Add(block);
        }

        return new VerbDictionary(blocks.ToImmutable(), sets.Values.OrderBy(s => s.Source.File, StringComparer.Ordinal).ThenBy(s => s.Source.Line), []);
    }

    /// <summary>The verb entry of one lemma: its base form, -s and -ing, and the written past forms or else the generated -ed.</summary>
    private static VerbEntry BuildEntry(VerbBlock block, string key, IEnumerable<KbVerbBlock> sources, InflectionStyle style)
    {
        var occurrences = sources.SelectMany(s => s.Lemmas.Where(l => l.Key == key).Select(l => (Lemma: l, s.Source))).ToList();
        var (lemma, source) = occurrences[0];
        var irregular = occurrences.SelectMany(o => o.Lemma.Irregular).Distinct(StringComparer.Ordinal).ToList();
        var entry = new VerbEntry(block, lemma.Text, lemma.Head, ownCode: null, hasIrregularForms: irregular.Count > 0, source);
        var before = lemma.Words[..lemma.HeadIndex];
        var after = lemma.Words[(lemma.HeadIndex + 1)..];
        var inflected = Inflection.RegularVerbForms(lemma.Head, style);
        var forms = new List<(string Word, bool Generated)> { (lemma.Head, false), (inflected.ThirdPerson, true), (inflected.Gerund, true) };
        forms.AddRange(irregular.Count > 0 ? irregular.Select(f => (f, false)) : [(inflected.Past, true)]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        entry.Forms = [.. forms.Where(f => seen.Add(f.Word)).Select(f => new VerbForm(f.Word, before, after, f.Generated, entry))];
        return entry;
    }
}
