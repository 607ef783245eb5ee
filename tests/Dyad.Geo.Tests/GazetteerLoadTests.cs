using Dyad.Geo;
using Dyad.Places;

namespace Dyad.Geo.Tests;

/// <summary>The committed gazetteer holds every kind of entry the geocoder relies on (its load time is a benchmark's, not a test's).</summary>
public sealed class GazetteerLoadTests
{
    [Fact]
    public void Load_HoldsSecondLevelDivisionsAndRegions()
    {
        // Given the committed gazetteer
        var path = Gazetteer.FindDefaultPath() ?? throw new FileNotFoundException(Gazetteer.DefaultRelativePath);

        // When it is loaded
        var gazetteer = Gazetteer.Load(path);

        // Then it holds second-level divisions (counties, parishes) and regions as well as countries and cities
        Assert.Contains(gazetteer.Places, p => p.Feature == FeatureType.Adm2);
        Assert.Contains(gazetteer.Places, p => p.Feature == FeatureType.Region);
    }
}
