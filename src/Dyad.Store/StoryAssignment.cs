using Dyad.Documents;

namespace Dyad.Store;

/// <summary>A document of a batch that is not stored yet, with its MinHash signature, its band keys and the story it joins.</summary>
internal sealed class PendingDocument
{
    /// <summary>Computes the document's signature and band keys.</summary>
    /// <param name="key">Its document key.</param>
    /// <param name="item">The document and its events.</param>
    public PendingDocument(string key, IngestDocument item)
    {
        Key = key;
        Item = item;
        Story = key;
        Signature = StorySignature.Compute(item.Document.Text);
        Bands = Signature is null ? null : StorySignature.BandKeys(Signature);
    }

    /// <summary>The document key.</summary>
    public string Key { get; }

    /// <summary>The document and its events.</summary>
    public IngestDocument Item { get; }

    /// <summary>Its MinHash signature, or null for a text too short to have one.</summary>
    public ulong[]? Signature { get; }

    /// <summary>The LSH band keys of <see cref="Signature"/>, or null.</summary>
    public long[]? Bands { get; }

    /// <summary>The story it joins: a similar document's story, else its own key (set by <see cref="StoryAssignment.Assign"/>).</summary>
    public string Story { get; set; }
}

/// <summary>A stored document that shares an LSH band key with a new one: a candidate for the same story.</summary>
/// <param name="Band">The shared band key.</param>
/// <param name="Story">The stored document's story.</param>
/// <param name="Signature">Its signature's bytes (<see cref="StorySignature.ToBytes"/>).</param>
/// <param name="Seq">Its storing order.</param>
internal sealed record BandMatch(long Band, string Story, byte[] Signature, long Seq);

/// <summary>
/// Near-duplicate grouping: each new document joins the story of its most similar stored (or earlier in the batch)
/// document at or above <see cref="StorySignature.SameStoryThreshold"/>, ties to the earliest stored; else it starts its own.
/// </summary>
internal static class StoryAssignment
{
    /// <summary>Sets <see cref="PendingDocument.Story"/> of each of <paramref name="fresh"/>, in batch order.</summary>
    /// <param name="fresh">The batch's new documents, in order.</param>
    /// <param name="stored">The stored documents that share a band key with one of them.</param>
    public static void Assign(IReadOnlyList<PendingDocument> fresh, IEnumerable<BandMatch> stored)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        ArgumentNullException.ThrowIfNull(stored);
        var candidates = new Dictionary<long, List<Candidate>>();
        foreach (var match in stored)
        {
            Add(candidates, match.Band, new Candidate(match.Story, StorySignature.FromBytes(match.Signature), match.Seq));
        }

        // Documents of this batch come after every stored one, in batch order.
        var order = long.MaxValue - fresh.Count;
        foreach (var document in fresh)
        {
            document.Story = document.Key;
            if (document.Bands is null)
            {
                continue;
            }

            Candidate? best = null;
            var bestSimilarity = 0.0;
            foreach (var candidate in document.Bands.SelectMany(b => candidates.TryGetValue(b, out var list) ? list : []).Distinct().OrderBy(c => c.Order))
            {
                var similarity = StorySignature.Similarity(document.Signature, candidate.Signature);
                if (similarity >= StorySignature.SameStoryThreshold && similarity > bestSimilarity)
                {
                    best = candidate;
                    bestSimilarity = similarity;
                }
            }

            if (best is not null)
            {
                document.Story = best.Story;
            }

            var self = new Candidate(document.Story, document.Signature!, order++);
            foreach (var band in document.Bands)
            {
                Add(candidates, band, self);
            }
        }
    }

    private static void Add(Dictionary<long, List<Candidate>> candidates, long band, Candidate candidate)
    {
        if (!candidates.TryGetValue(band, out var list))
        {
            candidates[band] = list = [];
        }

        list.Add(candidate);
    }

    private sealed record Candidate(string Story, ulong[] Signature, long Order);
}
