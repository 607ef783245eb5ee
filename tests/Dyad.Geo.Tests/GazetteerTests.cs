using System.IO.Compression;
using System.Text;
using Dyad.Geo;
using Dyad.Places;

namespace Dyad.Geo.Tests;

public sealed class GazetteerTests
{
    [Theory]
    [InlineData("Moscow", "RU", 55.75, 37.62)]
    [InlineData("Mosul", "IQ", 36.34, 43.13)]
    [InlineData("Aleppo", "SY", 36.20, 37.16)]
    [InlineData("Deir ez-Zor", "SY", 35.34, 40.14)]
    [InlineData("Kiev", "UA", 50.45, 30.52)]
    public void Gazetteer_HoldsNewsCitiesWithCoordinates(string name, string country, double latitude, double longitude)
    {
        // Given the committed gazetteer
        var gazetteer = TestGazetteer.Instance;

        // When the name is looked up
        var city = gazetteer.Find(name).Where(p => p.Feature == FeatureType.City && p.CountryCode == country).MaxBy(p => p.Population);

        // Then the most populous city of that name in the country lies where it should
        Assert.NotNull(city);
        Assert.InRange(city.Latitude, latitude - 0.05, latitude + 0.05);
        Assert.InRange(city.Longitude, longitude - 0.05, longitude + 0.05);
        Assert.NotNull(city.GeoNamesId);
    }

    [Theory]
    [InlineData("moscow")]
    [InlineData("MOSCOW")]
    [InlineData("Chisinau")]
    [InlineData("Chișinău")]
    [InlineData("Deir Ez Zor")]
    public void Find_IgnoresCaseAccentsAndHyphens(string name)
    {
        // Given / When
        var found = TestGazetteer.Instance.Find(name);

        // Then
        Assert.NotEmpty(found);
    }

    [Theory]
    [InlineData("IQ", "IRQ", "Iraq")]
    [InlineData("RUS", "RUS", "Russia")]
    [InlineData("XK", "XKX", "Kosovo")]
    public void Country_ByAlpha2OrAlpha3(string code, string alpha3, string name)
    {
        // Given / When
        var country = TestGazetteer.Instance.Country(code);

        // Then
        Assert.NotNull(country);
        Assert.Equal(alpha3, country.CountryAlpha3);
        Assert.Equal(name, country.Name);
        Assert.Equal(FeatureType.Country, country.Feature);
    }

    [Fact]
    public void Gazetteer_HoldsEveryCountryAndCityOver15000()
    {
        // Given
        var gazetteer = TestGazetteer.Instance;

        // Then: about 245 countries, thousands of divisions, and the ~24,000 places of 15,000 people or more
        Assert.InRange(gazetteer.Places.Count(p => p.Feature == FeatureType.Country), 240, 260);
        Assert.InRange(gazetteer.Places.Count(p => p.Feature == FeatureType.Adm1), 3000, 4000);
        Assert.True(gazetteer.Places.Count(p => p.Feature == FeatureType.City && p.Population >= 15_000) > 23_000);
        Assert.Equal("US.TX", gazetteer.Adm1("US", "TX") is { } texas ? texas.CountryCode + "." + texas.Adm1Code : null);
    }

    [Theory]
    [InlineData("Iraqi", "IQ")]
    [InlineData("Iraqis", "IQ")]
    [InlineData("Frenchmen", "FR")]
    [InlineData("Moscow", null)]
    public void DemonymCountry_KnowsPeopleNotPlaces(string word, string? country)
    {
        // Given / When / Then
        Assert.Equal(country, TestGazetteer.Instance.DemonymCountry(word));
    }

    [Theory]
    [InlineData("IRQGOV", "IQ")]
    [InlineData("usa", "US")]
    [InlineData("LB", "LB")]
    [InlineData("IGOUNO", null)]
    public void NormalizeCountryCode_ReadsIsoAndCameo(string code, string? alpha2)
    {
        Assert.Equal(alpha2, TestGazetteer.Instance.NormalizeCountryCode(code));
    }

    [Fact]
    public void Load_RejectsAFileWithoutTheHeader()
    {
        // Given a stream that is not a gazetteer
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("P\t1\tXX\n"));

        // When / Then
        Assert.Throws<InvalidDataException>(() => Gazetteer.Load(stream));
    }

    [Fact]
    public void Load_ReadsASmallHandMadeGazetteer()
    {
        // Given a two-place gazetteer written by hand
        var text = Gazetteer.FormatHeader + "\nC\tZZ\tZZZ\tZedland\t100\t1.5\t2.5\tZed\nP\t7\tZZ\t01\tPPLC\t50\t1\t2\tZed City\tZedtown\nD\tZZ\tZedlander\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        // When
        var gazetteer = Gazetteer.Load(stream);

        // Then
        Assert.Equal(2, gazetteer.Count);
        Assert.Equal("Zedland", Assert.Single(gazetteer.Find("zed")).Name);
        Assert.Equal(7, Assert.Single(gazetteer.Find("ZEDTOWN")).GeoNamesId);
        Assert.Equal("ZZZ", gazetteer.Find("Zed City")[0].CountryAlpha3);
        Assert.Equal("ZZ", gazetteer.DemonymCountry("Zedlanders"));
    }

    [Fact]
    public void CommittedFile_IsCompactAndGzipped()
    {
        // Given the committed file
        var path = Gazetteer.FindDefaultPath();
        Assert.NotNull(path);

        // Then it is under 10 MB and starts with the format header
        Assert.True(new FileInfo(path).Length < 10_000_000);
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        Assert.Equal(Gazetteer.FormatHeader, reader.ReadLine());
    }
}
