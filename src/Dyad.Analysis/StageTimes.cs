using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Dyad.Analysis;

/// <summary>
/// Seconds spent in each stage, summed over every document and thread that ran it: what <c>dyad bench ingest</c>
/// prints so that the next bottleneck is visible. Besides the analyzer's stages (by their versioned names) it counts
/// <c>read</c> and <c>store</c> when the ingest service is given it, and <c>dateline</c> and <c>article-country</c>
/// (the article-level steps of <see cref="ArticleAnalyzer"/>).
/// </summary>
/// <remarks>Thread-safe; adding a time costs two timestamp reads and one interlocked add.</remarks>
public sealed class StageTimes
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _ticks = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>Adds the time since <paramref name="startedAt"/> (a <see cref="Stopwatch.GetTimestamp"/>) to <paramref name="stage"/>.</summary>
    /// <param name="stage">The stage's name.</param>
    /// <param name="startedAt">When it started.</param>
    public void AddSince(string stage, long startedAt)
    {
        if (!_ticks.TryGetValue(stage, out var box))
        {
            box = new StrongBox<long>();
            if (_ticks.TryAdd(stage, box))
            {
                _order.Enqueue(stage);
            }
            else
            {
                box = _ticks[stage];
            }
        }

        Interlocked.Add(ref box.Value, Stopwatch.GetTimestamp() - startedAt);
    }

    /// <summary>The seconds of each stage so far, in the order the stages were first timed.</summary>
    public IReadOnlyList<(string Stage, double Seconds)> Snapshot() =>
        [.. _order.Select(stage => (stage, Interlocked.Read(ref _ticks[stage].Value) / (double)Stopwatch.Frequency))];
}
