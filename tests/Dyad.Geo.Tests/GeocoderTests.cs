using Dyad.Geo;
using Dyad.Places;

namespace Dyad.Geo.Tests;

public sealed class GeocoderTests
{
    private static Geocoder Geocoder => TestGazetteer.Geocoder;

    private static Toponym Only(IReadOnlyList<Toponym> found, string text) =>
        Assert.Single(found, t => t.Text == text);

    [Theory]
    [InlineData("Paris", "FR", null)]
    [InlineData("Tripoli", "LY", null)]
    [InlineData("Tripoli", "LB", "LBN")]
    [InlineData("Paris", "US", "USA")]
    public void Ambiguous_City_FollowsPopulationOrContext(string name, string country, string? context)
    {
        // Given a sentence naming an ambiguous city
        var text = $"Talks were held in {name} on Monday.";

        // When it is geocoded with or without the actors' country
        var found = Geocoder.Geocode(text, context is null ? null : [context]);

        // Then the city of the expected country is chosen
        var toponym = Only(found, name);
        Assert.Equal(country, toponym.Country);
        Assert.Equal("city", toponym.Feature);
    }

    [Fact]
    public void ParisTexas_ByTheCommaPattern()
    {
        // Given / When
        var found = Geocoder.Geocode("The storm hit Paris, Texas, on Friday.");

        // Then Paris is the Texan town and Texas is the state
        var paris = Only(found, "Paris");
        Assert.Equal("US", paris.Country);
        Assert.Equal("TX", paris.Adm1);
        var texas = Only(found, "Texas");
        Assert.Equal("adm1", texas.Feature);
    }

    [Fact]
    public void TripoliLebanon_ByTheCommaPattern()
    {
        var found = Geocoder.Geocode("Clashes broke out in Tripoli, Lebanon, overnight.");
        Assert.Equal("LB", Only(found, "Tripoli").Country);
        Assert.Equal("country", Only(found, "Lebanon").Feature);
    }

    [Theory]
    [InlineData("RUS", "GE", "country")]
    [InlineData(null, "GE", "country")]
    [InlineData("USA", "US", "adm1")]
    public void Georgia_CountryOrState(string? context, string country, string feature)
    {
        // Given
        var text = "Heavy rain fell across Georgia this week.";

        // When
        var georgia = Only(Geocoder.Geocode(text, context is null ? null : [context]), "Georgia");

        // Then
        Assert.Equal(country, georgia.Country);
        Assert.Equal(feature, georgia.Feature);
    }

    [Fact]
    public void Georgia_TheCountry_WhenTheArticleNamesTheCaucasus()
    {
        var found = Geocoder.Geocode("Armenia and Azerbaijan sent envoys. Talks in Georgia resumed.");
        Assert.Equal("country", Only(found, "Georgia").Feature);
        Assert.Equal("GE", Only(found, "Georgia").Country);
    }

    [Fact]
    public void InMoscow_HasTheRightOffsetsAndCoordinates()
    {
        // Given
        const string text = "Putin met the Iraqi prime minister in Moscow on Tuesday.";

        // When
        var found = Geocoder.Geocode(text);

        // Then Moscow is found where it stands, and "Iraqi" is not a place but a demonym of Iraq
        var moscow = Assert.Single(found, t => t.Kind == ToponymKind.Place);
        var iraqi = Assert.Single(found, t => t.Kind == ToponymKind.Demonym);
        Assert.Equal("IQ", iraqi.Country);
        Assert.Equal(text.IndexOf("Moscow", StringComparison.Ordinal), moscow.Start);
        Assert.Equal(moscow.Start + 6, moscow.End);
        Assert.Equal("Moscow", moscow.Name);
        Assert.Equal("RU", moscow.Country);
        Assert.Equal("RUS", moscow.CountryAlpha3);
        Assert.InRange(moscow.Latitude!.Value, 55.7, 55.8);
        Assert.InRange(moscow.Longitude!.Value, 37.57, 37.67);
        Assert.Equal(524901, moscow.GeoNamesId);
        Assert.True(moscow.HasLocationCue);
    }

    [Theory]
    [InlineData("Iraqi forces said the attack was repelled.")]
    [InlineData("The Iraqis and the Syrians met.")]
    [InlineData("Talks are planned for May and March.")]
    [InlineData("Nice weather helped the rescue teams.")]
    [InlineData("Michael Jordan scored 30 points.")]
    [InlineData("The Washington Post reported the story.")]
    [InlineData("US officials told us nothing.")]
    public void NotPlaces_AreLeftOut(string text)
    {
        // Given sentences whose capitalised words are demonyms, months, ordinary words or parts of other names
        var found = Geocoder.Geocode(text);

        // Then none is a place (demonyms are reported as such), except a correctly written US in the last sentence
        Assert.All(found.Where(t => t.Kind != ToponymKind.Demonym), t => Assert.Equal("US", t.Text));
    }

    [Fact]
    public void MultiwordNames_TakeTheLongestMatch()
    {
        // Given
        const string text = "Fighters moved from Deir ez-Zor to Abu Dhabi and then to New York.";

        // When
        var found = Geocoder.Geocode(text);

        // Then
        Assert.Equal(["Deir ez-Zor", "Abu Dhabi", "New York"], found.Select(t => t.Text));
        Assert.Equal(["SY", "AE", "US"], found.Select(t => t.Country));
    }

    [Fact]
    public void CaptureOfMosul_PlacesTheEventAtMosul()
    {
        // Given a report of two events
        const string text = "The Russian foreign minister visited Moscow on Monday. Iraqi forces captured Mosul from the militants.";
        var found = Geocoder.Geocode(text);
        var second = new TextRange(text.IndexOf("Iraqi", StringComparison.Ordinal), text.Length);

        // When the capture's location is chosen
        var location = ActionLocation.Choose(found, second);

        // Then it is Mosul
        Assert.NotNull(location);
        Assert.Equal("Mosul", location.Name);
        Assert.InRange(location.Latitude!.Value, 36.29, 36.39);
        Assert.InRange(location.Longitude!.Value, 43.07, 43.18);
    }

    [Fact]
    public void Turkey_And_Chad_AreCountriesInContext()
    {
        var found = Geocoder.Geocode("Troops from Chad arrived in Turkey.");
        Assert.Equal(["TD", "TR"], found.Select(t => t.Country));
        Assert.All(found, t => Assert.Equal("country", t.Feature));
    }

    [Fact]
    public void Dateline_InCapitals_IsAPlace()
    {
        var found = Geocoder.Geocode("ALEPPO, Syria (Dyad Wire) - Shelling resumed.");
        Assert.Equal("Aleppo", found[0].Name);
        Assert.Equal("SY", found[0].Country);
    }

    [Fact]
    public void SameName_KeepsItsEarlierResolution()
    {
        // Given a document that first fixes Tripoli in Lebanon
        const string text = "Fighting spread to Tripoli, Lebanon. Later, Tripoli was quiet.";

        // When
        var tripolis = Geocoder.Geocode(text).Where(t => t.Text == "Tripoli").ToList();

        // Then both mentions are the Lebanese city
        Assert.Equal(2, tripolis.Count);
        Assert.All(tripolis, t => Assert.Equal("LB", t.Country));
    }

    [Fact]
    public void Adjective_Tag_IsNotAPlace()
    {
        // Given tokens tagged by a tagger: "Nice" as an adjective
        const string text = "Nice people live in Nice.";
        GeoToken[] tokens = [new(0, 4, "ADJ"), new(5, 11, "NOUN"), new(12, 16, "VERB"), new(17, 19, "ADP"), new(20, 24, "PROPN"), new(24, 25, "PUNCT")];

        // When
        var found = Geocoder.Geocode(text, tokens);

        // Then only the second Nice is a place
        var nice = Assert.Single(found);
        Assert.Equal(20, nice.Start);
        Assert.Equal("FR", nice.Country);
    }

    [Fact]
    public void Document_Overload_UsesTheDocumentTokens()
    {
        // Given a document tokenized by hand
        var document = new Document("d1", "Rockets hit Aleppo.") { Tokens = [new Token(0, 7), new Token(8, 11), new Token(12, 18), new Token(18, 19)] };

        // When
        var found = Geocoder.Geocode(document);

        // Then
        Assert.Equal("Aleppo", Assert.Single(found).Name);
    }
}
