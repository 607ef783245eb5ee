using Dyad.Places;
namespace Dyad.Geo;

/// <summary>The parse an event's place is chosen against: the parsed document and the event's verb in it.</summary>
/// <param name="Document">The parsed document (tokens, sentences, tags and dependencies); the toponyms' offsets are in its text.</param>
/// <param name="Sentence">The index of the event's sentence in <see cref="Document.Sentences"/>.</param>
/// <param name="Verb">The document-wide index of the event's verb token.</param>
public sealed record EventSyntax(Document Document, int Sentence, int Verb);

/// <summary>Chooses where an event took place from the toponyms around its sentence.</summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class ActionLocation
{
    /// <summary>
    /// The toponym that best places an event reported in <paramref name="sentence"/>: one in the sentence if any, else
    /// in <paramref name="previousSentence"/>, else in <paramref name="nextSentence"/>. Only toponyms of kind
    /// <see cref="ToponymKind.Place"/> count (a demonym or a modifier names no place of the event). Toponyms that overlap an actor's
    /// words (<paramref name="actorRanges"/>: "Russia" in "Russia offered...") are not locations. Among the rest, a name
    /// marked by a locative word ("in Mosul") comes first, then cities before divisions before countries, then the
    /// earliest.
    /// </summary>
    /// <returns>The chosen toponym, or <c>null</c> when none is resolved in those sentences.</returns>
    public static Toponym? Choose(
        IReadOnlyList<Toponym> toponyms,
        TextRange sentence,
        IReadOnlyList<TextRange>? actorRanges = null,
        TextRange? previousSentence = null,
        TextRange? nextSentence = null) =>
        Choose(toponyms, sentence, null, actorRanges, previousSentence, nextSentence);

    /// <summary>
    /// As <see cref="Choose(IReadOnlyList{Toponym}, TextRange, IReadOnlyList{TextRange}?, TextRange?, TextRange?)"/>,
    /// and, with <paramref name="syntax"/>, the event's own sentence is read through its parse first: a place in the
    /// verb's own clause (attached to the verb, or to a clause above it: "hit a bus in Donetsk, killing 8") comes before
    /// one inside another clause ("... reports reaching Mogadishu", "which prompted Paris"), which only places the event
    /// when the sentence has no other; and a name that is the "of" complement of a proper name ("Islamic State of Iraq")
    /// is part of that name, and a possessor ("Serbia's premier", "Mogadishu's Yaqshid district") says whose, not where:
    /// neither places the event. Then as without the parse: a locative word first, then the most specific, then the earliest.
    /// </summary>
    /// <param name="toponyms">The toponyms found in the document.</param>
    /// <param name="sentence">The event's sentence.</param>
    /// <param name="syntax">The event's verb in the parsed document, or null to rank without the parse.</param>
    /// <param name="actorRanges">The actors' words, or null.</param>
    /// <param name="previousSentence">The sentence before, or null.</param>
    /// <param name="nextSentence">The sentence after, or null.</param>
    /// <returns>The chosen toponym, or <c>null</c> when none is resolved in those sentences.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="toponyms"/> is null.</exception>
    public static Toponym? Choose(
        IReadOnlyList<Toponym> toponyms,
        TextRange sentence,
        EventSyntax? syntax,
        IReadOnlyList<TextRange>? actorRanges = null,
        TextRange? previousSentence = null,
        TextRange? nextSentence = null)
    {
        ArgumentNullException.ThrowIfNull(toponyms);
        return Best(toponyms, sentence, actorRanges, syntax)
            ?? (previousSentence is { } previous ? Best(toponyms, previous, actorRanges, null) : null)
            ?? (nextSentence is { } next ? Best(toponyms, next, actorRanges, null) : null);
    }

    private static Toponym? Best(IReadOnlyList<Toponym> toponyms, TextRange range, IReadOnlyList<TextRange>? actorRanges, EventSyntax? syntax)
    {
        var candidates = toponyms
            .Where(t => t.Place is not null && t.Kind == ToponymKind.Place && range.Contains(t.Range)
                && (actorRanges is null || !actorRanges.Any(a => a.Start < t.End && t.Start < a.End))
                && (syntax is null || (!PartOfName(syntax, t) && !IsPossessor(syntax, t))))
            .ToList();

        // Measured on the first half of ahalterman/event_location (dyad eval event-locations --half first): ranking the
        // verb's own clause first took right places from 848 to 868 of 1,954 located events; dropping the places of
        // other clauses altogether raised precision (0.434 -> 0.476) but lost as much recall (0.522 -> 0.494).
        return candidates
            .Select(t => (Toponym: t, OtherClause: syntax is not null && ClausesCrossed(syntax, t) > 0))
            .OrderBy(r => r.OtherClause)
            .ThenByDescending(r => r.Toponym.HasLocationCue)
            .ThenBy(r => Specificity(r.Toponym))
            .ThenBy(r => r.Toponym.Start)
            .Select(r => r.Toponym)
            .FirstOrDefault();
    }

    /// <summary>
    /// Whether the toponym is the "of" complement of a proper name before it ("Islamic State of Iraq", "University of
    /// Texas"): part of an organisation's name, not a place where anything happened. "the city of Mosul" is not: its
    /// head is a common noun.
    /// </summary>
    private static bool PartOfName(EventSyntax syntax, Toponym toponym)
    {
        var document = syntax.Document;
        if (syntax.Sentence < 0 || syntax.Sentence >= document.Sentences.Length || document.Dependencies.IsDefaultOrEmpty || document.Tags.IsDefaultOrEmpty)
        {
            return false;
        }

        var sentence = document.Sentences[syntax.Sentence];
        var head = HeadToken(document, sentence, toponym);
        if (head <= sentence.TokenStart || document.Dependencies[head].Head < 0)
        {
            return false;
        }

        var up = sentence.TokenStart + document.Dependencies[head].Head;
        return up < head
            && document.Dependencies[head].Relation.StartsWith("nmod", StringComparison.Ordinal)
            && document.Tags[up].Upos == "PROPN"
            && string.Equals(document.Form(head - 1), "of", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether the toponym is a possessor ("Mogadishu's Yaqshid district", "Serbia's premier"): it says whose the
    /// thing is. On the first half of ahalterman/event_location, 3 of the 27 events placed at a possessor were placed
    /// right; leaving possessors out raised precision from 0.445 to 0.450 for recall 0.546 -> 0.544.
    /// </summary>
    private static bool IsPossessor(EventSyntax syntax, Toponym toponym)
    {
        var document = syntax.Document;
        if (syntax.Sentence < 0 || syntax.Sentence >= document.Sentences.Length || document.Dependencies.IsDefaultOrEmpty)
        {
            return false;
        }

        var head = HeadToken(document, document.Sentences[syntax.Sentence], toponym);
        return head >= 0 && document.Dependencies[head].Relation == "nmod:poss";
    }

    private static int Specificity(Toponym toponym) =>
        toponym.Place!.Feature switch { FeatureType.City => 0, FeatureType.Adm2 => 1, FeatureType.Adm1 => 2, FeatureType.Country => 3, _ => 4 };

    /// <summary>
    /// How many clauses the tree path from the toponym's head word leaves on its way up to the verb's path (a relative,
    /// adverbial, complement or coordinated clause with its own predicate). The verb's own side is not counted: an event
    /// in a participle or a coordinated verb happened where its governing clause did ("shelling hit a bus in Donetsk,
    /// killing 8"; "arrived in Moscow and met ...").
    /// </summary>
    private static int ClausesCrossed(EventSyntax syntax, Toponym toponym)
    {
        var document = syntax.Document;
        if (syntax.Sentence < 0 || syntax.Sentence >= document.Sentences.Length || document.Dependencies.IsDefaultOrEmpty)
        {
            return 0;
        }

        var sentence = document.Sentences[syntax.Sentence];
        var first = sentence.TokenStart;
        int Head(int token) => document.Dependencies[token].Head < 0 ? -1 : first + document.Dependencies[token].Head;
        var head = HeadToken(document, sentence, toponym);
        if (head < 0 || syntax.Verb < first || syntax.Verb >= sentence.TokenEnd)
        {
            // Not aligned with the parse's words: another clause's, as far as the ranking goes.
            return 1;
        }

        var verbSide = new HashSet<int>();
        for (int v = syntax.Verb, steps = 0; v >= 0 && steps <= sentence.Length; v = Head(v), steps++)
        {
            verbSide.Add(v);
        }

        var crossed = 0;
        for (int t = head, steps = 0; t >= 0 && steps <= sentence.Length; t = Head(t), steps++)
        {
            if (verbSide.Contains(t))
            {
                return crossed;
            }

            crossed += OpensClause(document, t) ? 1 : 0;
        }

        // A broken tree (a cycle) or two roots: count it as another clause.
        return Math.Max(crossed, 1);
    }

    /// <summary>The token of <paramref name="toponym"/> whose head lies outside it (the first such), or -1 when none of its tokens is in the sentence.</summary>
    private static int HeadToken(Document document, Sentence sentence, Toponym toponym)
    {
        for (var i = sentence.TokenStart; i < sentence.TokenEnd; i++)
        {
            var t = document.Tokens[i];
            if (t.Start < toponym.End && toponym.Start < t.End)
            {
                var d = document.Dependencies[i];
                if (d.Head < 0)
                {
                    return i;
                }

                var up = document.Tokens[sentence.TokenStart + d.Head];
                if (up.Start >= toponym.End || up.End <= toponym.Start)
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>Whether the arc from <paramref name="token"/> to its head enters another clause.</summary>
    private static bool OpensClause(Document document, int token)
    {
        var relation = document.Dependencies[token].Relation;
        var colon = relation.IndexOf(':', StringComparison.Ordinal);
        var basic = colon < 0 ? relation : relation[..colon];
        return basic switch
        {
            "acl" or "advcl" or "ccomp" or "csubj" or "parataxis" => true,
            "conj" => !document.Tags.IsDefaultOrEmpty && document.Tags[token].Upos is "VERB",
            _ => false,
        };
    }
}
