using Dyad.Coding.Codes;
using Dyad.Coding.Coding;
using Dyad.Coding.Dictionaries;
using Dyad.Hashing;

namespace Dyad.Coding.Learned;

/// <summary>
/// The features the event model reads from one sentence: its words and word pairs, the lemmas of its content words,
/// its verbs with their place in the tree (<c>attack|ccomp</c>, and the head of each verb's object), whether the main
/// verb is negated or a reporting verb, and what the rules proposed (each event's PLOVER type, CAMEO root and code, and
/// its verb with that type; or that they proposed nothing). Features are hashed (<see cref="FeatureHash"/>), so the
/// same sentence gives the same keys in every process.
/// </summary>
public static class EventFeatures
{
    private enum Template
    {
        Bias = 1,
        Word,
        Bigram,
        Lemma,
        RootLemma,
        VerbRelation,
        VerbObject,
        Negated,
        RuleType,
        RuleRoot,
        RuleCode,
        RuleVerbType,
        RuleNone,
        RuleCount,
        SubjectVerb,
        KbType,
        KbTypeRelation,
        MainLemma,
        MainArgument,
    }

    /// <summary>The features of the sentence <paramref name="sentence"/> of <paramref name="document"/>, given the events the rules coded in it.</summary>
    /// <param name="document">A tagged, lemmatised and parsed document.</param>
    /// <param name="sentence">One of its sentences.</param>
    /// <param name="ruleEvents">The rules' events whose verbs lie in the sentence.</param>
    /// <param name="table">The CAMEO table, for the PLOVER type of a rule's code.</param>
    /// <param name="verbs">The verb dictionary: each word it lists gives the type of its code (<c>kb:ACCUSE</c>) whether or not a pattern matched; null for none.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ulong[] Of(Document document, Sentence sentence, IReadOnlyList<CodedEvent> ruleEvents, CameoTable table, VerbDictionary? verbs)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(ruleEvents);
        ArgumentNullException.ThrowIfNull(table);
        var features = new List<ulong>(16 * sentence.Length) { FeatureHash.Of((int)Template.Bias, 0) };
        var previous = FeatureHash.OfText("<s>");
        for (var t = sentence.TokenStart; t < sentence.TokenEnd; t++)
        {
            var upos = document.Tags[t].Upos;
            if (upos == "PUNCT")
            {
                continue;
            }

            var word = FeatureHash.OfText(document.FormSpan(t), lowercase: true);
            features.Add(FeatureHash.Of((int)Template.Word, word));
            features.Add(FeatureHash.Of((int)Template.Bigram, previous, word));
            previous = word;
            var lemma = FeatureHash.OfText(document.Lemmas[t] ?? string.Empty, lowercase: true);
            if (upos is "VERB" or "NOUN" or "ADJ")
            {
                features.Add(FeatureHash.Of((int)Template.Lemma, lemma));
            }

            var dependency = document.Dependencies[t];
            if (verbs is not null && upos is "VERB" or "NOUN")
            {
                foreach (var kbType in KnownTypes(verbs, document.Form(t), document.Lemmas[t], table))
                {
                    var typeKey = FeatureHash.OfText(kbType);
                    features.Add(FeatureHash.Of((int)Template.KbType, typeKey));
                    features.Add(FeatureHash.Of((int)Template.KbTypeRelation, typeKey, FeatureHash.OfText(upos + "|" + BaseRelation(dependency.Relation))));
                }
            }

            if (upos == "VERB")
            {
                features.Add(FeatureHash.Of((int)Template.VerbRelation, lemma, FeatureHash.OfText(BaseRelation(dependency.Relation))));
                if (dependency.Head < 0)
                {
                    features.Add(FeatureHash.Of((int)Template.RootLemma, lemma));
                }
            }

            if (dependency.Head >= 0 && dependency.Head < sentence.Length)
            {
                var head = sentence.TokenStart + dependency.Head;
                var relation = BaseRelation(dependency.Relation);
                if (document.Tags[head].Upos == "VERB")
                {
                    var headLemma = FeatureHash.OfText(document.Lemmas[head] ?? string.Empty, lowercase: true);
                    if (relation == "obj")
                    {
                        features.Add(FeatureHash.Of((int)Template.VerbObject, headLemma, lemma));
                    }
                    else if (relation == "nsubj")
                    {
                        features.Add(FeatureHash.Of((int)Template.SubjectVerb, lemma, headLemma));
                    }
                    else if (relation == "advmod" && document.Lemmas[t] is "not" or "never" && document.Dependencies[head].Head < 0)
                    {
                        features.Add(FeatureHash.Of((int)Template.Negated, headLemma));
                    }
                }
            }
        }

        features.Add(FeatureHash.Of((int)Template.Bigram, previous, FeatureHash.OfText("</s>")));
        if (MainPredicate(document, sentence) is var main and >= 0)
        {
            var mainLemma = FeatureHash.OfText(document.Lemmas[main] ?? string.Empty, lowercase: true);
            features.Add(FeatureHash.Of((int)Template.MainLemma, mainLemma));
            for (var t = sentence.TokenStart; t < sentence.TokenEnd; t++)
            {
                if (document.Dependencies[t].Head == main - sentence.TokenStart && BaseRelation(document.Dependencies[t].Relation) is "nsubj" or "obj" or "obl" or "xcomp" or "ccomp" && document.Tags[t].Upos != "PUNCT")
                {
                    features.Add(FeatureHash.Of((int)Template.MainArgument, mainLemma, FeatureHash.OfText(BaseRelation(document.Dependencies[t].Relation)), FeatureHash.OfText(document.Lemmas[t] ?? string.Empty, lowercase: true)));
                }
            }
        }
        features.Add(FeatureHash.Of((int)Template.RuleCount, (ulong)Math.Min(ruleEvents.Count, 3)));
        if (ruleEvents.Count == 0)
        {
            features.Add(FeatureHash.Of((int)Template.RuleNone, 0));
        }

        foreach (var e in ruleEvents)
        {
            var type = FeatureHash.OfText(EventTypes.Of(e.EventCode, table) ?? "-");
            features.Add(FeatureHash.Of((int)Template.RuleType, type));
            features.Add(FeatureHash.Of((int)Template.RuleRoot, FeatureHash.OfText(e.EventCode.Length >= 2 ? e.EventCode[..2] : e.EventCode)));
            features.Add(FeatureHash.Of((int)Template.RuleCode, FeatureHash.OfText(e.EventCode)));
            var verbLemma = e.Verb >= 0 && e.Verb < document.Lemmas.Length ? document.Lemmas[e.Verb] ?? string.Empty : string.Empty;
            features.Add(FeatureHash.Of((int)Template.RuleVerbType, FeatureHash.OfText(verbLemma, lowercase: true), type));
        }

        return [.. features];
    }

    /// <summary>The sentence's main predicate (a document index): its root, or what a reporting root ("said") reports; -1 when there is no root.</summary>
    /// <param name="document">A parsed document.</param>
    /// <param name="sentence">One of its sentences.</param>
    public static int MainPredicate(Document document, Sentence sentence)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = -1;
        for (var t = sentence.TokenStart; t < sentence.TokenEnd && root < 0; t++)
        {
            root = document.Dependencies[t].Head < 0 ? t : -1;
        }

        if (root < 0 || document.Lemmas[root] is not ("say" or "tell" or "announce" or "report" or "state" or "add" or "claim"))
        {
            return root;
        }

        for (var t = sentence.TokenStart; t < sentence.TokenEnd; t++)
        {
            if (document.Dependencies[t].Head == root - sentence.TokenStart && BaseRelation(document.Dependencies[t].Relation) is "ccomp" or "parataxis")
            {
                return t;
            }
        }

        return root;
    }

    /// <summary>The types of the codes the verb dictionary gives a word (as written, else its lemma) as a one-word verb.</summary>
    private static IEnumerable<string> KnownTypes(VerbDictionary verbs, string form, string? lemma, CameoTable table)
    {
        var forms = verbs.FindForms(form.ToUpperInvariant());
        if (forms.IsEmpty && !string.IsNullOrEmpty(lemma))
        {
            forms = verbs.FindForms(lemma.ToUpperInvariant());
        }

        return forms.Where(f => f.Before.IsEmpty && f.After.IsEmpty)
            .Select(f => EventTypes.Of(f.Entry.Code.Active, table))
            .Where(t => t is not null)
            .Select(t => t!)
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>A dependency relation without its subtype (<c>obl</c> for <c>obl:tmod</c>); empty for none.</summary>
    internal static string BaseRelation(string? relation)
    {
        if (string.IsNullOrEmpty(relation))
        {
            return string.Empty;
        }

        var colon = relation.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? relation : relation[..colon];
    }
}
