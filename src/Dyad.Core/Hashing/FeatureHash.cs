using System.Runtime.CompilerServices;

namespace Dyad.Hashing;

/// <summary>
/// Stable 64-bit feature hashing. Features are never strings at run time: a template number and one to three values
/// are mixed into one key. The mix is fixed (not <see cref="string.GetHashCode()"/>, which is randomised per process),
/// so a model trained in one process scores the same in another.
/// </summary>
public static class FeatureHash
{
    private const ulong Seed = SplitMix64.GoldenGamma;

    /// <summary>SplitMix64's finaliser (see <see cref="SplitMix64.Mix"/>).</summary>
    /// <param name="value">Any 64-bit value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong value) => SplitMix64.Mix(value);

    /// <summary>Key of a feature made of a template and one value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(int template, ulong a) => unchecked(Mix(((ulong)template * Seed) ^ Mix(a)));

    /// <summary>Key of a feature made of a template and two values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(int template, ulong a, ulong b) => unchecked(Mix(Of(template, a) + Mix(b ^ 0x632BE59BD9B4E019UL)));

    /// <summary>Key of a feature made of a template and three values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(int template, ulong a, ulong b, ulong c) => unchecked(Mix(Of(template, a, b) + Mix(c ^ 0x8CB92BA72F3D8DD7UL)));

    /// <summary>Hash of a run of characters; with <paramref name="lowercase"/> the characters are lower-cased first (invariant).</summary>
    public static ulong OfText(ReadOnlySpan<char> text, bool lowercase = false)
    {
        unchecked
        {
            var hash = 0xCBF29CE484222325UL;
            foreach (var raw in text)
            {
                var c = lowercase ? char.ToLowerInvariant(raw) : raw;
                hash = (hash ^ c) * 0x100000001B3UL;
            }

            return Mix(hash ^ (ulong)text.Length);
        }
    }
}
