namespace Dyad.Nlp.Learning;

/// <summary>Counting helpers for learning lookup tables from a treebank.</summary>
internal static class Tally
{
    /// <summary>Adds one to the count of <paramref name="value"/> under <paramref name="key"/>.</summary>
    public static void Increment<TKey, TValue>(Dictionary<TKey, Dictionary<TValue, int>> table, TKey key, TValue value)
        where TKey : notnull
        where TValue : notnull
    {
        if (!table.TryGetValue(key, out var counts))
        {
            counts = [];
            table.Add(key, counts);
        }

        counts[value] = counts.GetValueOrDefault(value) + 1;
    }

    /// <summary>The most frequent value; ties go to the one whose <paramref name="order"/> key sorts first (ordinal), so results never depend on hashing.</summary>
    public static T MostFrequent<T>(Dictionary<T, int> counts, Func<T, string> order)
        where T : notnull =>
        counts.OrderByDescending(p => p.Value).ThenBy(p => order(p.Key), StringComparer.Ordinal).First().Key;
}
