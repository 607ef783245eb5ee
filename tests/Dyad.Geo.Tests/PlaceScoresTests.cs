using Dyad.Geo;

namespace Dyad.Geo.Tests;

public sealed class PlaceScoresTests
{
    [Theory]
    [InlineData(161.0)]
    public void Add_CountsFoundRightAndPrecision(double limit)
    {
        // Given two gold toponyms (one placed at Paris, one at Moscow) and three predictions: Paris right, Moscow
        // 500 km off, and one span that overlaps no gold toponym
        Assert.Equal(PlaceScores.RightWithinKm, limit);
        var scores = new PlaceScores();
        GoldToponym[] gold = [new(0, 5, 48.85, 2.35), new(10, 16, 55.75, 37.62)];

        // When they are added
        var outcomes = scores.Add(gold, [(0, 5, 48.86, 2.34), (11, 16, 55.75, 45.6), (20, 25, 0.0, 0.0)]);

        // Then precision is 2/3, found 2/2, acc161 1/2 and end to end 1/2
        Assert.Equal([2, 1], outcomes);
        Assert.Equal(2.0 / 3, scores.Precision, 6);
        Assert.Equal(1.0, scores.FoundShare, 6);
        Assert.Equal(0.5, scores.Acc161, 6);
        Assert.Equal(0.5, scores.EndToEnd, 6);
    }

    [Theory]
    [InlineData(48.8566, 2.3522, 51.5074, -0.1278, 344)]
    [InlineData(0, 0, 0, 1, 111)]
    public void DistanceKm_IsTheGreatCircleDistance(double lat1, double lon1, double lat2, double lon2, double expected)
    {
        // Given two points / When / Then the haversine distance is within a kilometre of the known one
        Assert.Equal(expected, PlaceScores.DistanceKm(lat1, lon1, lat2, lon2), 0.9);
    }
}
