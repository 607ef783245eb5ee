using System.Diagnostics;
using Dyad.Geo;

namespace Dyad.Geo.Tests;

public sealed class GazetteerLoadTests
{
    /// <summary>A guard against slow loading (about 1.5 s today against a goal of 0.5 s); the limit allows for a shared, busy Debug run.</summary>
    [Theory]
    [InlineData(5.0)]
    public void Load_IsFast(double limitSeconds)
    {
        // Given the committed gazetteer
        var path = Gazetteer.FindDefaultPath() ?? throw new FileNotFoundException(Gazetteer.DefaultRelativePath);
        Gazetteer.Load(path);

        // When it is loaded again, warm
        var clock = Stopwatch.StartNew();
        var gazetteer = Gazetteer.Load(path);
        clock.Stop();

        // Then it loads within the limit and holds every kind of entry
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, limitSeconds);
        Assert.Contains(gazetteer.Places, p => p.Feature == FeatureType.Adm2);
        Assert.Contains(gazetteer.Places, p => p.Feature == FeatureType.Region);
    }
}
