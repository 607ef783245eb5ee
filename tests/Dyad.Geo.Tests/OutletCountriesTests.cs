namespace Dyad.Geo.Tests;

/// <summary>The country a news outlet reports from: by Dyad's outlet list, else by the country-code domain of its URL.</summary>
public sealed class OutletCountriesTests
{
    private static readonly OutletCountries Outlets = new(TestGazetteer.Instance);

    [Theory]
    [InlineData(null, "https://www.bbc.com/news/uk-politics-1", "GBR")]
    [InlineData(null, "http://news.bbc.co.uk/2/hi/uk_news/politics/1.stm", "GBR")]
    [InlineData(null, "https://www.dawn.com/news/1", "PAK")]
    [InlineData(null, "https://tribune.com.pk/story/1", "PAK")]
    [InlineData(null, "https://www.example.co.uk/a", "GBR")]
    [InlineData(null, "https://www.smh.com.au/world/a", "AUS")]
    [InlineData("BBC News", null, "GBR")]
    [InlineData("The Times of India", null, "IND")]
    [InlineData("the times", null, "GBR")]
    public void Of_AKnownOutletOrACountryDomain_GivesItsCountry(string? source, string? url, string country)
    {
        // Given an outlet named by its URL or its source
        // When its country is looked up
        // Then it is the country it reports from
        Assert.Equal(country, Outlets.Of(source, url));
    }

    [Theory]
    [InlineData("Reuters", "https://www.reuters.com/world/a")]
    [InlineData("Associated Press", "https://apnews.com/a")]
    [InlineData(null, "https://www.example.com/a")]
    [InlineData(null, "https://channel.tv/a")]
    [InlineData("Timesheet Weekly", "not a url")]
    [InlineData(null, null)]
    public void Of_AWorldOutletOrAnUnknownOne_GivesNoCountry(string? source, string? url)
    {
        // Given outlets that cover the whole world, a generic domain, a name that only begins like a listed one, or nothing
        // When their country is looked up
        // Then there is none
        Assert.Null(Outlets.Of(source, url));
    }
}
