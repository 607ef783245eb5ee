namespace Dyad.Geo;

/// <summary>A gold toponym: a character range of a text and the point it names.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset one past the last character.</param>
/// <param name="Latitude">Degrees north.</param>
/// <param name="Longitude">Degrees east.</param>
public readonly record struct GoldToponym(int Start, int End, double Latitude, double Longitude);

/// <summary>
/// Scores found places against gold toponyms as Dyad is judged on places: for each gold toponym, found = a predicted
/// place span overlaps it; right = found and a predicted point within <see cref="RightWithinKm"/> km of the gold point.
/// Precision = predicted spans that overlap any gold toponym / predicted spans; found = found / gold; acc161 = right /
/// found; end to end = right / gold.
/// </summary>
/// <remarks>Accumulates over documents with <see cref="Add"/>; not thread-safe.</remarks>
public sealed class PlaceScores
{
    /// <summary>The greatest distance, in kilometres, at which a predicted point still counts as right (100 miles).</summary>
    public const double RightWithinKm = 161;

    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Documents scored.</summary>
    public int Documents { get; private set; }

    /// <summary>Gold toponyms.</summary>
    public int Gold { get; private set; }

    /// <summary>Predicted place spans.</summary>
    public int Predicted { get; private set; }

    /// <summary>Predicted spans that overlap a gold toponym.</summary>
    public int PredictedMatching { get; private set; }

    /// <summary>Gold toponyms that a predicted span overlaps.</summary>
    public int Found { get; private set; }

    /// <summary>Found gold toponyms with a predicted point within <see cref="RightWithinKm"/> km.</summary>
    public int Right { get; private set; }

    /// <summary>Predicted spans that overlap a gold toponym / predicted spans; 0 when nothing was predicted.</summary>
    public double Precision => Ratio(PredictedMatching, Predicted);

    /// <summary>Found / gold: recognition recall.</summary>
    public double FoundShare => Ratio(Found, Gold);

    /// <summary>Right / found: resolution accuracy at 161 km on the names found.</summary>
    public double Acc161 => Ratio(Right, Found);

    /// <summary>Right / gold: end-to-end accuracy.</summary>
    public double EndToEnd => Ratio(Right, Gold);

    /// <summary>Adds one document's gold toponyms and predictions.</summary>
    /// <param name="gold">The gold toponyms of the document.</param>
    /// <param name="predicted">The predicted place spans with their points (<c>null</c> latitude when unresolved).</param>
    /// <returns>For each gold toponym, in the order given: 0 missed, 1 found but placed wrong, 2 right.</returns>
    public IReadOnlyList<int> Add(IReadOnlyList<GoldToponym> gold, IReadOnlyList<(int Start, int End, double? Latitude, double? Longitude)> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        Documents++;
        Gold += gold.Count;
        Predicted += predicted.Count;
        foreach (var p in predicted)
        {
            if (gold.Any(g => Overlaps(g.Start, g.End, p.Start, p.End)))
            {
                PredictedMatching++;
            }
        }

        var outcomes = new int[gold.Count];
        for (var i = 0; i < gold.Count; i++)
        {
            var g = gold[i];
            var overlapping = predicted.Where(p => Overlaps(g.Start, g.End, p.Start, p.End)).ToList();
            if (overlapping.Count == 0)
            {
                continue;
            }

            Found++;
            outcomes[i] = 1;
            if (overlapping.Any(p => p.Latitude is { } lat && p.Longitude is { } lon && DistanceKm(lat, lon, g.Latitude, g.Longitude) <= RightWithinKm))
            {
                Right++;
                outcomes[i] = 2;
            }
        }

        return outcomes;
    }

    /// <summary>The great-circle distance in kilometres between two points given in degrees (haversine, mean Earth radius).</summary>
    public static double DistanceKm(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        const double ToRadians = Math.PI / 180;
        var dLat = (latitude2 - latitude1) * ToRadians;
        var dLon = (longitude2 - longitude1) * ToRadians;
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(latitude1 * ToRadians) * Math.Cos(latitude2 * ToRadians) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static bool Overlaps(int start1, int end1, int start2, int end2) => start1 < end2 && start2 < end1;

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
