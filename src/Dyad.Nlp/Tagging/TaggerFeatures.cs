using Dyad.Hashing;

namespace Dyad.Nlp.Tagging;

/// <summary>
/// Per-sentence scratch for the tagger's features: every token's spelling is hashed once, then each position's
/// features are mixed from those hashes and the tags already chosen to its left. Two positions of padding on each side
/// stand for the sentence's edges.
/// </summary>
/// <remarks>One instance per thread; reused across sentences so tagging allocates nothing per token.</remarks>
internal sealed class TaggerFeatures
{
    public const int Padding = 2;
    public const int MaxFeatures = 40;
    private static readonly ulong StartHash = FeatureHash.OfText("<s>");
    private static readonly ulong EndHash = FeatureHash.OfText("</s>");

    public ulong[] Normal = new ulong[64];
    public ulong[] Cased = new ulong[64];
    public ulong[] Suffix1 = new ulong[64];
    public ulong[] Suffix2 = new ulong[64];
    public ulong[] Suffix3 = new ulong[64];
    public ulong[] Suffix4 = new ulong[64];
    public ulong[] Prefix1 = new ulong[64];
    public ulong[] Prefix2 = new ulong[64];
    public ulong[] Prefix3 = new ulong[64];
    public ulong[] Shape = new ulong[64];
    public ulong[] Ambiguity = new ulong[64];
    public int[] Tags = new int[64];

    /// <summary>First-pass tags (padded like <see cref="Tags"/>), used as right context by the second pass.</summary>
    public int[] RightTags = new int[64];

    /// <summary>True in the second pass: features then include the first pass's tags to the right.</summary>
    public bool UseRightTags;
    public int Length;

    public void Load(Document document, Sentence sentence, IReadOnlyDictionary<ulong, ulong> ambiguity)
    {
        Length = sentence.Length;
        var size = Length + (2 * Padding);
        if (Normal.Length < size)
        {
            var capacity = Math.Max(size, Normal.Length * 2);
            Normal = new ulong[capacity];
            Cased = new ulong[capacity];
            Suffix1 = new ulong[capacity];
            Suffix2 = new ulong[capacity];
            Suffix3 = new ulong[capacity];
            Suffix4 = new ulong[capacity];
            Prefix1 = new ulong[capacity];
            Prefix2 = new ulong[capacity];
            Prefix3 = new ulong[capacity];
            Shape = new ulong[capacity];
            Ambiguity = new ulong[capacity];
            Tags = new int[capacity];
            RightTags = new int[capacity];
        }

        UseRightTags = false;

        for (var p = 0; p < Padding; p++)
        {
            Pad(p, StartHash);
            Pad(Length + Padding + p, EndHash);
        }

        for (var i = 0; i < Length; i++)
        {
            var word = document.FormSpan(sentence.TokenStart + i);
            var at = i + Padding;
            var normal = WordShape.NormalHash(word);
            Normal[at] = normal;
            Cased[at] = FeatureHash.OfText(word);
            Suffix1[at] = FeatureHash.OfText(word[Math.Max(0, word.Length - 1)..], lowercase: true);
            Suffix2[at] = FeatureHash.OfText(word[Math.Max(0, word.Length - 2)..], lowercase: true);
            Suffix3[at] = FeatureHash.OfText(word[Math.Max(0, word.Length - 3)..], lowercase: true);
            Suffix4[at] = FeatureHash.OfText(word[Math.Max(0, word.Length - 4)..], lowercase: true);
            Prefix1[at] = FeatureHash.OfText(word[..Math.Min(1, word.Length)]);
            Prefix2[at] = FeatureHash.OfText(word[..Math.Min(2, word.Length)], lowercase: true);
            Prefix3[at] = FeatureHash.OfText(word[..Math.Min(3, word.Length)], lowercase: true);
            Shape[at] = WordShape.Hash(word) ^ (i == 0 ? 1UL : 0UL);
            Ambiguity[at] = ambiguity.TryGetValue(normal, out var classes) ? classes : 0UL;
        }
    }

    private void Pad(int at, ulong hash)
    {
        Normal[at] = hash;
        Cased[at] = hash;
        Suffix1[at] = hash;
        Suffix2[at] = hash;
        Suffix3[at] = hash;
        Suffix4[at] = hash;
        Prefix1[at] = hash;
        Prefix2[at] = hash;
        Prefix3[at] = hash;
        Shape[at] = hash;
        Ambiguity[at] = hash;
        Tags[at] = -1;
        RightTags[at] = -1;
    }

    /// <summary>Makes the tags chosen so far the right context of a second pass, and clears them for it.</summary>
    public void StartSecondPass()
    {
        Array.Copy(Tags, RightTags, Length + (2 * Padding));
        for (var i = 0; i < Length; i++)
        {
            Tags[i + Padding] = -1;
        }

        UseRightTags = true;
    }

    /// <summary>Writes the features of token <paramref name="i"/> (0-based in the sentence) and returns how many.</summary>
    public int Extract(int i, Span<ulong> features)
    {
        var at = i + Padding;
        var t1 = (ulong)(Tags[at - 1] + 2);
        var t2 = (ulong)(Tags[at - 2] + 2);
        var n = 0;
        features[n++] = FeatureHash.Of(0, 0);
        features[n++] = FeatureHash.Of(1, Normal[at]);
        features[n++] = FeatureHash.Of(2, Suffix1[at]);
        features[n++] = FeatureHash.Of(3, Suffix2[at]);
        features[n++] = FeatureHash.Of(4, Suffix3[at]);
        features[n++] = FeatureHash.Of(5, Suffix4[at]);
        features[n++] = FeatureHash.Of(6, Prefix1[at]);
        features[n++] = FeatureHash.Of(7, Prefix2[at]);
        features[n++] = FeatureHash.Of(8, Prefix3[at]);
        features[n++] = FeatureHash.Of(9, Shape[at]);
        features[n++] = FeatureHash.Of(10, t1);
        features[n++] = FeatureHash.Of(11, t2);
        features[n++] = FeatureHash.Of(12, t1, t2);
        features[n++] = FeatureHash.Of(13, t1, Normal[at]);
        features[n++] = FeatureHash.Of(14, Normal[at - 1]);
        features[n++] = FeatureHash.Of(15, Suffix3[at - 1]);
        features[n++] = FeatureHash.Of(16, Normal[at - 2]);
        features[n++] = FeatureHash.Of(17, Normal[at + 1]);
        features[n++] = FeatureHash.Of(18, Suffix3[at + 1]);
        features[n++] = FeatureHash.Of(19, Normal[at + 2]);
        features[n++] = FeatureHash.Of(20, Ambiguity[at + 1]);
        features[n++] = FeatureHash.Of(21, Ambiguity[at + 2]);
        features[n++] = FeatureHash.Of(22, Ambiguity[at]);
        features[n++] = FeatureHash.Of(23, Normal[at - 1], Normal[at]);
        features[n++] = FeatureHash.Of(24, Normal[at], Normal[at + 1]);
        features[n++] = FeatureHash.Of(25, t1, Ambiguity[at + 1]);
        features[n++] = FeatureHash.Of(26, Cased[at]);
        features[n++] = FeatureHash.Of(27, Shape[at + 1]);
        features[n++] = FeatureHash.Of(28, Shape[at - 1], Shape[at]);
        features[n++] = FeatureHash.Of(29, Suffix2[at + 1]);
        features[n++] = FeatureHash.Of(30, t1, Suffix3[at]);
        features[n++] = FeatureHash.Of(31, Ambiguity[at], Ambiguity[at + 1]);
        if (UseRightTags)
        {
            var r0 = (ulong)(RightTags[at] + 2);
            var r1 = (ulong)(RightTags[at + 1] + 2);
            var r2 = (ulong)(RightTags[at + 2] + 2);
            features[n++] = FeatureHash.Of(32, r1);
            features[n++] = FeatureHash.Of(33, r2);
            features[n++] = FeatureHash.Of(34, r1, r2);
            features[n++] = FeatureHash.Of(35, t1, r1);
            features[n++] = FeatureHash.Of(36, Normal[at], r1);
            features[n++] = FeatureHash.Of(37, r0);
            features[n++] = FeatureHash.Of(38, r0, Normal[at]);
            features[n++] = FeatureHash.Of(39, t1, r0, r1);
        }

        return n;
    }
}
