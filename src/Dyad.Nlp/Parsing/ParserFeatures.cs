using System.Runtime.CompilerServices;
using Dyad.Hashing;

namespace Dyad.Nlp.Parsing;

/// <summary>
/// The parser's feature templates, after Zhang and Nivre (2011, table 1): words (w), tags (t) and labels (l) of the
/// stack and buffer fronts and of their heads and outermost children, with distance, valency and label-set features,
/// plus arc-eager specifics (whether s0 already has a head) and a second stack word.
/// </summary>
internal static class ParserFeatures
{
    public const int MaxFeatures = 96;
    public static readonly ulong RootWord = FeatureHash.OfText("<root>");
    public static readonly ulong RootTag = FeatureHash.OfText("<ROOT>");
    private static readonly ulong NoneWord = FeatureHash.OfText("<none>");
    private static readonly ulong NoneTag = FeatureHash.OfText("<NONE>");

    public static ulong TagHash(MorphTag tag) => FeatureHash.Of(7, FeatureHash.OfText(tag.Upos), FeatureHash.OfText(tag.Xpos));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong W(int x, ulong[] words) => x < 0 ? NoneWord : words[x];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong T(int x, ulong[] tags) => x < 0 ? NoneTag : tags[x];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong L(int x, ParseState state) => x < 0 ? 0UL : (ulong)(state.Labels[x] + 2);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Get(int[] array, int x) => x < 0 ? ParseState.None : array[x];

    public static int Extract(ParseState state, ulong[] words, ulong[] tags, Span<ulong> f)
    {
        var s0 = state.S0;
        var s1 = state.S1;
        var s2 = state.S2;
        var b0 = state.B(0);
        var b1 = state.B(1);
        var b2 = state.B(2);
        var s0h = Get(state.Heads, s0);
        var s0h2 = Get(state.Heads, s0h);
        var s0l = Get(state.Leftmost, s0);
        var s0l2 = Get(state.Leftmost2, s0);
        var s0r = Get(state.Rightmost, s0);
        var s0r2 = Get(state.Rightmost2, s0);
        var b0l = Get(state.Leftmost, b0);
        var b0l2 = Get(state.Leftmost2, b0);

        ulong s0w = W(s0, words), s0t = T(s0, tags), b0w = W(b0, words), b0t = T(b0, tags);
        ulong b1w = W(b1, words), b1t = T(b1, tags), b2w = W(b2, words), b2t = T(b2, tags);
        ulong s1w = W(s1, words), s1t = T(s1, tags), s2t = T(s2, tags);
        ulong s0ht = T(s0h, tags), s0lt = T(s0l, tags), s0rt = T(s0r, tags), b0lt = T(b0l, tags);
        ulong s0wt = FeatureHash.Mix(s0w ^ (s0t * 31)), b0wt = FeatureHash.Mix(b0w ^ (b0t * 31));
        ulong distance = s0 < 0 || b0 < 0 ? 0UL : (ulong)Math.Min(b0 - s0, 6);
        if (s0 == 0)
        {
            distance = 7;
        }

        ulong s0vr = s0 < 0 ? 0UL : (ulong)state.RightCount[s0], s0vl = s0 < 0 ? 0UL : (ulong)state.LeftCount[s0];
        ulong b0vl = b0 < 0 ? 0UL : (ulong)state.LeftCount[b0];
        ulong s0sr = s0 < 0 ? 0UL : state.RightLabels[s0], s0sl = s0 < 0 ? 0UL : state.LeftLabels[s0];
        ulong b0sl = b0 < 0 ? 0UL : state.LeftLabels[b0];
        ulong s0HasHead = s0 > 0 && state.Heads[s0] >= 0 ? 1UL : 0UL;
        ulong rootTaken = state.RootChildren > 0 ? 1UL : 0UL;

        var n = 0;
        f[n++] = FeatureHash.Of(1, s0w);
        f[n++] = FeatureHash.Of(2, s0t);
        f[n++] = FeatureHash.Of(3, s0wt);
        f[n++] = FeatureHash.Of(4, b0w);
        f[n++] = FeatureHash.Of(5, b0t);
        f[n++] = FeatureHash.Of(6, b0wt);
        f[n++] = FeatureHash.Of(7, b1w);
        f[n++] = FeatureHash.Of(8, b1t);
        f[n++] = FeatureHash.Of(9, b1w, b1t);
        f[n++] = FeatureHash.Of(10, b2w);
        f[n++] = FeatureHash.Of(11, b2t);
        f[n++] = FeatureHash.Of(12, b2w, b2t);

        f[n++] = FeatureHash.Of(13, s0wt, b0wt);
        f[n++] = FeatureHash.Of(14, s0wt, b0w);
        f[n++] = FeatureHash.Of(15, s0w, b0wt);
        f[n++] = FeatureHash.Of(16, s0wt, b0t);
        f[n++] = FeatureHash.Of(17, s0t, b0wt);
        f[n++] = FeatureHash.Of(18, s0w, b0w);
        f[n++] = FeatureHash.Of(19, s0t, b0t);
        f[n++] = FeatureHash.Of(20, b0t, b1t);

        f[n++] = FeatureHash.Of(21, b0t, b1t, b2t);
        f[n++] = FeatureHash.Of(22, s0t, b0t, b1t);
        f[n++] = FeatureHash.Of(23, s0ht, s0t, b0t);
        f[n++] = FeatureHash.Of(24, s0t, s0lt, b0t);
        f[n++] = FeatureHash.Of(25, s0t, s0rt, b0t);
        f[n++] = FeatureHash.Of(26, s0t, b0t, b0lt);

        f[n++] = FeatureHash.Of(27, s0w, distance);
        f[n++] = FeatureHash.Of(28, s0t, distance);
        f[n++] = FeatureHash.Of(29, b0w, distance);
        f[n++] = FeatureHash.Of(30, b0t, distance);
        f[n++] = FeatureHash.Of(31, s0w, b0w, distance);
        f[n++] = FeatureHash.Of(32, s0t, b0t, distance);

        f[n++] = FeatureHash.Of(33, s0w, s0vr);
        f[n++] = FeatureHash.Of(34, s0t, s0vr);
        f[n++] = FeatureHash.Of(35, s0w, s0vl);
        f[n++] = FeatureHash.Of(36, s0t, s0vl);
        f[n++] = FeatureHash.Of(37, b0w, b0vl);
        f[n++] = FeatureHash.Of(38, b0t, b0vl);

        f[n++] = FeatureHash.Of(39, W(s0h, words));
        f[n++] = FeatureHash.Of(40, s0ht);
        f[n++] = FeatureHash.Of(41, L(s0, state));
        f[n++] = FeatureHash.Of(42, W(s0l, words));
        f[n++] = FeatureHash.Of(43, s0lt);
        f[n++] = FeatureHash.Of(44, L(s0l, state));
        f[n++] = FeatureHash.Of(45, W(s0r, words));
        f[n++] = FeatureHash.Of(46, s0rt);
        f[n++] = FeatureHash.Of(47, L(s0r, state));
        f[n++] = FeatureHash.Of(48, W(b0l, words));
        f[n++] = FeatureHash.Of(49, b0lt);
        f[n++] = FeatureHash.Of(50, L(b0l, state));

        f[n++] = FeatureHash.Of(51, W(s0h2, words));
        f[n++] = FeatureHash.Of(52, T(s0h2, tags));
        f[n++] = FeatureHash.Of(53, L(s0h, state));
        f[n++] = FeatureHash.Of(54, W(s0l2, words));
        f[n++] = FeatureHash.Of(55, T(s0l2, tags));
        f[n++] = FeatureHash.Of(56, L(s0l2, state));
        f[n++] = FeatureHash.Of(57, W(s0r2, words));
        f[n++] = FeatureHash.Of(58, T(s0r2, tags));
        f[n++] = FeatureHash.Of(59, L(s0r2, state));
        f[n++] = FeatureHash.Of(60, W(b0l2, words));
        f[n++] = FeatureHash.Of(61, T(b0l2, tags));
        f[n++] = FeatureHash.Of(62, L(b0l2, state));
        f[n++] = FeatureHash.Of(63, s0t, s0lt, T(s0l2, tags));
        f[n++] = FeatureHash.Of(64, s0t, s0rt, T(s0r2, tags));
        f[n++] = FeatureHash.Of(65, s0t, s0ht, T(s0h2, tags));
        f[n++] = FeatureHash.Of(66, b0t, b0lt, T(b0l2, tags));

        f[n++] = FeatureHash.Of(67, s0w, s0sr);
        f[n++] = FeatureHash.Of(68, s0t, s0sr);
        f[n++] = FeatureHash.Of(69, s0w, s0sl);
        f[n++] = FeatureHash.Of(70, s0t, s0sl);
        f[n++] = FeatureHash.Of(71, b0w, b0sl);
        f[n++] = FeatureHash.Of(72, b0t, b0sl);

        f[n++] = FeatureHash.Of(73, s1w);
        f[n++] = FeatureHash.Of(74, s1t);
        f[n++] = FeatureHash.Of(75, s1t, s0t, b0t);
        f[n++] = FeatureHash.Of(76, s1w, s0w);
        f[n++] = FeatureHash.Of(77, s0HasHead, s0t, b0t);
        f[n++] = FeatureHash.Of(78, s0HasHead, s0wt);
        f[n++] = FeatureHash.Of(79, s0HasHead, rootTaken, b0t);
        f[n++] = FeatureHash.Of(80, s2t, s1t, s0t);
        f[n++] = FeatureHash.Of(81, s0HasHead, L(s0, state), b0t);
        f[n++] = FeatureHash.Of(82, s1t, b0t);
        f[n++] = FeatureHash.Of(83, s0t, b0t, b1w);
        f[n++] = FeatureHash.Of(84, b1t, b2t);
        f[n++] = FeatureHash.Of(85, b0wt, b1t);
        f[n++] = FeatureHash.Of(86, s0t, b0w, b1t);
        f[n++] = FeatureHash.Of(87, (ulong)Math.Min(state.StackSize, 8), b0t);
        f[n++] = FeatureHash.Of(88, b0 < 0 ? 99UL : (ulong)Math.Min(state.Length - b0, 8), s0t);
        return n;
    }
}
