namespace Dyad.Geo;

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
        TextRange? nextSentence = null)
    {
        ArgumentNullException.ThrowIfNull(toponyms);
        return Best(toponyms, sentence, actorRanges)
            ?? (previousSentence is { } previous ? Best(toponyms, previous, actorRanges) : null)
            ?? (nextSentence is { } next ? Best(toponyms, next, actorRanges) : null);
    }

    private static Toponym? Best(IReadOnlyList<Toponym> toponyms, TextRange range, IReadOnlyList<TextRange>? actorRanges) =>
        toponyms
            .Where(t => t.Place is not null && t.Kind == ToponymKind.Place && range.Contains(t.Range)
                && (actorRanges is null || !actorRanges.Any(a => a.Start < t.End && t.Start < a.End)))
            .OrderByDescending(t => t.HasLocationCue)
            .ThenBy(t => t.Place!.Feature switch { FeatureType.City => 0, FeatureType.Adm2 => 1, FeatureType.Adm1 => 2, FeatureType.Country => 3, _ => 4 })
            .ThenBy(t => t.Start)
            .FirstOrDefault();
}
