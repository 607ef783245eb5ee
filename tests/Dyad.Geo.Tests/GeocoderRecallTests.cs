using Dyad.Geo;
using Dyad.Places;

namespace Dyad.Geo.Tests;

/// <summary>Names the geocoder once missed: kinds, regions, abbreviations, counties, case-poor text and document context.</summary>
public sealed class GeocoderRecallTests
{
    private static Geocoder Geocoder => TestGazetteer.Geocoder;

    private static Toponym Only(IReadOnlyList<Toponym> found, string text) =>
        Assert.Single(found, t => t.Text == text);

    [Theory]
    [InlineData("Russian warplanes bombed Syria on Friday.", "Russian", "RU")]
    [InlineData("Palestinian officials met in Cairo.", "Palestinian", "PS")]
    public void Demonym_IsReportedAsItsCountry(string text, string word, string country)
    {
        // Given / When
        var found = Geocoder.Geocode(text);

        // Then the demonym names its country with kind demonym
        var demonym = Only(found, word);
        Assert.Equal(ToponymKind.Demonym, demonym.Kind);
        Assert.Equal(country, demonym.Country);
        Assert.Equal("demonym", demonym.KindName);
    }

    [Theory]
    [InlineData("Samples were tested by the U.S. Centers for Disease Control and Prevention.", "U.S.", "US")]
    [InlineData("A spokesman for the California Department of Public Health spoke.", "California", "US")]
    public void PlaceBeforeAnInstitution_IsAModifier(string text, string word, string country)
    {
        // Given / When
        var found = Geocoder.Geocode(text);

        // Then the place is found as a modifier
        var modifier = Only(found, word);
        Assert.Equal(ToponymKind.Modifier, modifier.Kind);
        Assert.Equal(country, modifier.Country);
    }

    [Theory]
    [InlineData("Aid was sent to Africa and the Middle East last year.", "Africa", 6255146L)]
    [InlineData("Aid was sent to Africa and the Middle East last year.", "Middle East", null)]
    public void Regions_AreFound(string text, string word, long? geonamesId)
    {
        // Given / When
        var found = Geocoder.Geocode(text);

        // Then the continent or region is a place of feature region
        var region = Only(found, word);
        Assert.Equal("region", region.Feature);
        Assert.Equal(geonamesId, region.GeoNamesId);
    }

    [Theory]
    [InlineData("The plant near Charleston, W.Va., closed.", "W.Va.", "WV")]
    [InlineData("Fires burned across NSW on Sunday.", "NSW", "02")]
    [InlineData("Officials in D.C. said nothing.", "D.C.", "DC")]
    public void DivisionAbbreviations_AreFound(string text, string word, string adm1)
    {
        // Given / When
        var found = Geocoder.Geocode(text);

        // Then the abbreviation is its first-level division
        var division = Only(found, word);
        Assert.Equal("adm1", division.Feature);
        Assert.Equal(adm1, division.Adm1);
    }

    [Theory]
    [InlineData("Flooding closed roads in Laurel County on Monday.", "Laurel County", "KY")]
    [InlineData("Deputies in Rapides Parish arrested two men.", "Rapides Parish", "LA")]
    public void Counties_AreFound(string text, string word, string adm1)
    {
        // Given / When
        var found = Geocoder.Geocode(text);

        // Then the county or parish is a second-level division of its state
        var county = Only(found, word);
        Assert.Equal("adm2", county.Feature);
        Assert.Equal("US", county.Country);
        Assert.Equal(adm1, county.Adm1);
    }

    [Theory]
    [InlineData("Alexandria")]
    public void DocumentContext_PlacesALocalTownInItsState(string town)
    {
        // Given a local story that names a parish of Louisiana after the town
        var text = $"Police in {town} said the crash happened late on Friday. The driver was taken to a hospital in Rapides Parish.";

        // When it is geocoded
        var found = Geocoder.Geocode(text);

        // Then the town is the Louisiana one, not Egypt's, and the signals say why
        var place = Only(found, town);
        Assert.Equal("US", place.Country);
        Assert.Equal("LA", place.Adm1);
        Assert.Contains("document-division", place.Signals.Split('+'));
    }

    [Theory]
    [InlineData("the talks between russia and the united states ended on monday without a deal, officials said. " +
        "the delegations met in geneva and agreed to meet again in moscow next month, according to a statement " +
        "released by both sides after the meeting.")]
    public void LowerCaseText_StillFindsCountriesAndCities(string text)
    {
        // Given a text that has lost its case / When
        var found = Geocoder.Geocode(text).Where(t => t.Kind == ToponymKind.Place).ToList();

        // Then its countries and big cities are found, and its ordinary words are not
        Assert.Equal("RU", Only(found, "russia").Country);
        Assert.Equal("US", Only(found, "united states").Country);
        Assert.Equal("CH", Only(found, "geneva").Country);
        Assert.Equal("RU", Only(found, "moscow").Country);
        Assert.Equal(4, found.Count);
    }

    [Theory]
    [InlineData("CHARLESTON -- The state's governor signed the bill on Tuesday.", "CHARLESTON")]
    public void AllCapsDateline_WithDoubleDash_IsFound(string text, string word)
    {
        // Given / When
        var found = Geocoder.Geocode(text);

        // Then the dateline is a place
        Assert.Equal("US", Only(found, word).Country);
    }

    [Theory]
    [InlineData("United States", 39.76, -98.5)]
    [InlineData("Germany", 51.5, 10.5)]
    [InlineData("France", 46.0, 2.0)]
    public void CountryPoints_LieNearGeoNamesPoints(string country, double latitude, double longitude)
    {
        // Given a country / When it is looked up
        var place = TestGazetteer.Instance.Find(country).Single(p => p.Feature == FeatureType.Country);

        // Then its point (the centroid of its main land) lies within 161 km of GeoNames' point for it
        Assert.InRange(PlaceScores.DistanceKm(place.Latitude, place.Longitude, latitude, longitude), 0, PlaceScores.RightWithinKm);
    }

    [Theory]
    [InlineData("Russian troops entered the town.")]
    public void ActionLocation_IgnoresDemonymsAndModifiers(string text)
    {
        // Given a sentence whose only place word is a demonym
        var found = Geocoder.Geocode(text);

        // When an event location is chosen / Then there is none
        Assert.Null(ActionLocation.Choose(found, new TextRange(0, text.Length)));
    }

    [Theory]
    [InlineData("The Philippines reported its first case on Monday.", "Philippines", "PH")]
    public void CountryNameThatLooksLikeAPluralDemonym_IsAPlace(string text, string word, string country)
    {
        // Given a country whose name is also the plural of its demonym ("Philippine") / When
        var found = Geocoder.Geocode(text);

        // Then the name is the country, a place
        var place = Only(found, word);
        Assert.Equal(ToponymKind.Place, place.Kind);
        Assert.Equal(country, place.Country);
    }

    [Theory]
    [InlineData("A man in Pakistan-administered Kashmir was cut off.", "Pakistan", "PK")]
    [InlineData("Two Sydney-based jockeys were banned.", "Sydney", "AU")]
    public void PlaceJoinedToAWordByAHyphen_IsAModifier(string text, string word, string country)
    {
        // Given a place name joined to a lower-case word by a hyphen / When
        var found = Geocoder.Geocode(text);

        // Then the name alone, up to the hyphen, is found as a modifier
        var place = Only(found, word);
        Assert.Equal(ToponymKind.Modifier, place.Kind);
        Assert.Equal(country, place.Country);
        Assert.Equal(text.IndexOf(word, StringComparison.Ordinal) + word.Length, place.End);
    }

    [Theory]
    [InlineData("The Mansfield Mayor spoke to reporters in Louisiana.", "Mansfield")]
    [InlineData("The Washington Post reported the story.", null)]
    public void PlaceBeforeAnOffice_IsAModifier_ButNotBeforeAPaper(string text, string? word)
    {
        // Given / When
        var found = Geocoder.Geocode(text);

        // Then a place before an office is a modifier; before a newspaper's name it is nothing
        if (word is null)
        {
            Assert.DoesNotContain(found, t => t.Text.StartsWith("Washington", StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal(ToponymKind.Modifier, Only(found, word).Kind);
        }
    }

    [Theory]
    [InlineData("Georgia", "adm1", "US")]
    [InlineData("Mexico", "country", "MX")]
    public void DominantCountry_PrefersItsDivisionOverAForeignCountry(string name, string feature, string country)
    {
        // Given a story whose other places are in the United States (for Georgia) or Mexico (for Mexico)
        var text = country == "US"
            ? $"Health officials in Wichita, Kansas, and Atlanta said the outbreak had spread to {name} and Alabama."
            : $"Health officials in Guadalajara, Jalisco, and Monterrey said the outbreak had spread across {name} and Sonora.";

        // When it is geocoded
        var found = Geocoder.Geocode(text);

        // Then the name is the dominant country's division, but a country keeps its own name
        var place = Only(found, name);
        Assert.Equal(feature, place.Feature);
        Assert.Equal(country, place.Country);
    }

    [Theory]
    [InlineData("THE MINISTER TOLD US ON MONDAY THAT TALKS WITH RUSSIA WOULD GO ON IN GENEVA NEXT WEEK, AND THAT THE FREE " +
        "TRADE DEAL WITH THE US WOULD BE SIGNED IN WASHINGTON BEFORE THE END OF THE YEAR, OFFICIALS SAID.")]
    public void AllCapsText_FindsPlacesButNotThePronounUs(string text)
    {
        // Given a text in capitals / When
        var found = Geocoder.Geocode(text).Where(t => t.Kind == ToponymKind.Place).ToList();

        // Then "US" after "the" is the country, "us" after "told" and "free" are no places
        Assert.Equal("RU", Only(found, "RUSSIA").Country);
        Assert.Equal("CH", Only(found, "GENEVA").Country);
        Assert.Equal("US", Only(found, "US").Country);
        Assert.Equal(text.LastIndexOf(" US ", StringComparison.Ordinal) + 1, Only(found, "US").Start);
        Assert.DoesNotContain(found, t => t.Text == "FREE");
    }
}
