namespace Dyad.Ingest.Tests;

public sealed class ArticleReaderGoldenTests
{
    [Theory]
    [InlineData("plain-border-talks.txt")]
    [InlineData("page-harbour-strike.html")]
    [InlineData("feed-lakeside.rss")]
    [InlineData("feed-valley.atom")]
    [InlineData("lines-mixed.jsonl")]
    public void ArticleReader_MatchesGoldenFile(string fixture)
    {
        // Given an article file written for these tests
        var reader = new ArticleReader();

        // When it is read
        var results = reader.Read(Golden.Fixture(fixture), TestContext.Current.CancellationToken).ToList();

        // Then the results match the reviewed expected file
        Golden.Check(fixture, results);
    }
}
