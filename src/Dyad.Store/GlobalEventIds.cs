using System.Text;
using Dyad.Events;

namespace Dyad.Store;

/// <summary>
/// The id of a one-a-day event (GDELT's GlobalEventID): a hash of its day, source, target and code, so the event table
/// and the mentions table agree, and ids do not change when more documents are stored or the store is rebuilt.
/// </summary>
public static class GlobalEventIds
{
    // 53 bits: exact in a double, so spreadsheets and JSON readers keep every digit.
    private const long Mask = (1L << 53) - 1;

    /// <summary>The id of the event counted on <paramref name="day"/> from <paramref name="source"/> to <paramref name="target"/> with <paramref name="cameo"/>.</summary>
    /// <param name="day">The counted day, or null.</param>
    /// <param name="source">Source actor code.</param>
    /// <param name="target">Target actor code.</param>
    /// <param name="cameo">CAMEO code.</param>
    /// <returns>A positive integer below 2^53 (FNV-1a 64 of the UTF-8 key, masked).</returns>
    public static long Of(DateOnly? day, ActorCode source, ActorCode target, CameoCode cameo)
    {
        var key = string.Join('\t', day?.DayNumber ?? -1, source.Value, target.Value, cameo.Value);
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        var id = (long)(hash & Mask);
        return id == 0 ? 1 : id;
    }
}
