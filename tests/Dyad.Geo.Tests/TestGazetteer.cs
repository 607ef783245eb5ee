using Dyad.Geo;

namespace Dyad.Geo.Tests;

/// <summary>The committed gazetteer (models/geo/gazetteer.tsv.gz), loaded once for all tests.</summary>
internal static class TestGazetteer
{
    private static readonly Lazy<Gazetteer> Loaded = new(() =>
    {
        var path = Gazetteer.FindDefaultPath() ?? throw new FileNotFoundException($"{Gazetteer.DefaultRelativePath} not found above {AppContext.BaseDirectory}");
        return Gazetteer.Load(path);
    });

    public static Gazetteer Instance => Loaded.Value;

    public static Geocoder Geocoder { get; } = new(Instance);
}
