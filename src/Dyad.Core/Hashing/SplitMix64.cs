using System.Runtime.CompilerServices;

namespace Dyad.Hashing;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014): a 64-bit finaliser that spreads every input bit, and the sequence generator
/// built on it. Fixed and portable, so feature keys, shuffles and signatures are the same on every machine and runtime;
/// committed models depend on its exact values.
/// </summary>
public static class SplitMix64
{
    /// <summary>The generator's increment, 2^64 divided by the golden ratio.</summary>
    public const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    /// <summary>The finaliser: a bijective mix with good avalanche.</summary>
    /// <param name="value">Any 64-bit value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong value)
    {
        unchecked
        {
            value ^= value >> 30;
            value *= 0xBF58476D1CE4E5B9UL;
            value ^= value >> 27;
            value *= 0x94D049BB133111EBUL;
            value ^= value >> 31;
            return value;
        }
    }

    /// <summary>The next value of the sequence whose state is <paramref name="state"/>, which it advances.</summary>
    /// <param name="state">The generator's state; any seed.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Next(ref ulong state)
    {
        state = unchecked(state + GoldenGamma);
        return Mix(state);
    }
}
