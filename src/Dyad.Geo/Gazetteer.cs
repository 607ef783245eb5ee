using System.Collections.Frozen;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Dyad.Places;

namespace Dyad.Geo;

/// <summary>
/// The places Dyad knows: countries, first- and second-level divisions, continents and regions, and populated places from GeoNames, read from the
/// compact file that <c>tools/Dyad.GeoBuild</c> writes (<c>models/geo/gazetteer.tsv.gz</c>). Look-ups ignore case,
/// accents, apostrophes and hyphens (<see cref="NameFolding"/>).
/// </summary>
/// <remarks>
/// Read-only after loading, so one instance may be shared between threads.
/// <para>File format, one record a line, tab-separated, UTF-8, gzip-compressed; alternates joined with '|':</para>
/// <code>
/// # comment
/// C  ISO2  ISO3  name  population  lat  lon  alternates          (country)
/// A  ISO2  adm1  name  population  lat  lon  alternates          (first-level division)
/// B  ISO2  adm1  adm2  name  size  lat  lon  alternates          (second-level division; size: a prior, not a census)
/// R  geonamesId  name  lat  lon  alternates                       (continent or region; id empty when unknown)
/// P  geonamesId  ISO2  adm1  featureCode  population  lat  lon  name  alternates   (populated place)
/// D  ISO2  word                                                  (demonym: a word for a country's people, not a place)
/// </code>
/// </remarks>
public sealed class Gazetteer
{
    /// <summary>The format version written on the first line: <c># dyad-gazetteer 2</c>.</summary>
    public const string FormatHeader = "# dyad-gazetteer 2";

    /// <summary>Where the committed gazetteer lies, relative to the repository root.</summary>
    public const string DefaultRelativePath = "models/geo/gazetteer.tsv.gz";

    /// <summary>Environment variable that overrides where <see cref="FindDefaultPath"/> looks.</summary>
    public const string PathVariable = "DYAD_GAZETTEER";

    private readonly Dictionary<string, Place[]> _byName;
    private readonly FrozenDictionary<string, Place> _countries;
    private readonly FrozenDictionary<string, Place> _adm1;
    private readonly FrozenDictionary<string, string> _demonyms;

    private Gazetteer(List<Place> places, Dictionary<string, Place[]> byName, Dictionary<string, string> demonyms, int maxNameWords)
    {
        Places = places;
        // A plain dictionary: freezing 200,000 keys costs more at load than it saves on the few look-ups a text needs.
        _byName = byName;

        _countries = places.Where(p => p.Feature == FeatureType.Country)
            .SelectMany(p => new[] { (p.CountryCode, p), (p.CountryAlpha3, p) })
            .ToFrozenDictionary(p => p.Item1, p => p.p, StringComparer.OrdinalIgnoreCase);
        _adm1 = places.Where(p => p.Feature == FeatureType.Adm1)
            .ToFrozenDictionary(p => p.CountryCode + "." + p.Adm1Code, StringComparer.OrdinalIgnoreCase);
        _demonyms = demonyms.ToFrozenDictionary(StringComparer.Ordinal);
        MaxNameWords = maxNameWords;
    }

    /// <summary>Every entry, in file order (countries, divisions, places).</summary>
    public IReadOnlyList<Place> Places { get; }

    /// <summary>Number of entries.</summary>
    public int Count => Places.Count;

    /// <summary>The most words in any folded name: the longest span a recognizer needs to try.</summary>
    public int MaxNameWords { get; }

    /// <summary>
    /// Finds the committed gazetteer: <c>$DYAD_GAZETTEER</c> when set, else <see cref="DefaultRelativePath"/> under
    /// <paramref name="startDirectory"/> (default: the application's base directory) or any folder above it.
    /// </summary>
    /// <returns>The full path, or <c>null</c> when no file is found.</returns>
    public static string? FindDefaultPath(string? startDirectory = null)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return File.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        for (var directory = new DirectoryInfo(startDirectory ?? AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, DefaultRelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Loads a gazetteer file (gzip-compressed when its name ends in ".gz").</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a Dyad gazetteer or a line is malformed.</exception>
    public static Gazetteer Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            return Load(gzip);
        }

        return Load(file);
    }

    /// <summary>Loads an uncompressed gazetteer from <paramref name="stream"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a Dyad gazetteer or a line is malformed.</exception>
    // Loading runs once per process: optimised code from the start beats tier-0 code on 100,000 lines.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Gazetteer Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        var first = reader.ReadLine();
        if (first != FormatHeader)
        {
            throw new InvalidDataException($"Not a Dyad gazetteer: the first line should be '{FormatHeader}'.");
        }

        var places = new List<Place>(140_000);
        var byName = new Dictionary<string, Place[]>(200_000, StringComparer.Ordinal);
        var demonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        var alpha3 = new Dictionary<string, string>(StringComparer.Ordinal);
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var stringLookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        var maxNameWords = 1;
        var lineNumber = 1;
        string? line;
        // Fields are read as spans: only names become new strings, and codes are interned, so loading allocates little
        // beyond what the gazetteer keeps.
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = new Fields(line);
            try
            {
                var kind = fields.Next();
                switch (kind)
                {
                    case "C":
                        {
                            var code = Intern(fields.Next());
                            var code3 = Intern(fields.Next());
                            alpha3[code] = code3;
                            Add(new Place(null, fields.NextString(), code, code3, null, FeatureType.Country, "PCLI",
                                ParseLong(fields.Next()), ParseDouble(fields.Next()), ParseDouble(fields.Next()), SplitNames(fields.Next())));
                            break;
                        }

                    case "A":
                        {
                            var code = Intern(fields.Next());
                            var adm1 = Intern(fields.Next());
                            Add(new Place(null, fields.NextString(), code, Alpha3(code), adm1, FeatureType.Adm1, "ADM1",
                                ParseLong(fields.Next()), ParseDouble(fields.Next()), ParseDouble(fields.Next()), SplitNames(fields.Next())));
                            break;
                        }

                    case "B":
                        {
                            var code = Intern(fields.Next());
                            var adm1 = Intern(fields.Next());
                            fields.Next();
                            Add(new Place(null, fields.NextString(), code, Alpha3(code), adm1, FeatureType.Adm2, "ADM2",
                                ParseLong(fields.Next()), ParseDouble(fields.Next()), ParseDouble(fields.Next()), SplitNames(fields.Next())));
                            break;
                        }

                    case "R":
                        {
                            var id = fields.Next();
                            long? geonamesId = id.Length == 0 ? null : ParseLong(id);
                            Add(new Place(geonamesId, fields.NextString(), string.Empty, string.Empty, null, FeatureType.Region,
                                geonamesId is null ? "RGN" : "CONT", 0, ParseDouble(fields.Next()), ParseDouble(fields.Next()), SplitNames(fields.Next())));
                            break;
                        }

                    case "P":
                        {
                            var id = ParseLong(fields.Next());
                            var code = Intern(fields.Next());
                            var adm1 = Intern(fields.Next());
                            var featureCode = Intern(fields.Next());
                            var population = ParseLong(fields.Next());
                            var latitude = ParseDouble(fields.Next());
                            var longitude = ParseDouble(fields.Next());
                            Add(new Place(id, fields.NextString(), code, Alpha3(code), adm1, FeatureType.City, featureCode, population,
                                latitude, longitude, SplitNames(fields.Next())));
                            break;
                        }

                    case "D":
                        {
                            var code = Intern(fields.Next());
                            demonyms[NameFolding.Fold(fields.Next())] = code;
                            break;
                        }

                    default:
                        throw new FormatException($"unknown record kind '{kind}'");
                }
            }
            catch (FormatException e)
            {
                throw new InvalidDataException($"Gazetteer line {lineNumber} is malformed: {e.Message}", e);
            }
        }

        return new Gazetteer(places, byName, demonyms, maxNameWords);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        string Intern(ReadOnlySpan<char> value)
        {
            if (value.Length == 0)
            {
                return string.Empty;
            }

            if (!stringLookup.TryGetValue(value, out var interned))
            {
                interned = value.ToString();
                strings[interned] = interned;
            }

            return interned;
        }

        string Alpha3(string alpha2) => alpha3.TryGetValue(alpha2, out var code) ? code : string.Empty;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void Add(Place place)
        {
            places.Add(place);
            Index(place, place.Name);
            foreach (var name in place.AlternateNames)
            {
                Index(place, name);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void Index(Place place, string name)
        {
            var key = NameFolding.Fold(name);
            if (key.Length == 0)
            {
                return;
            }

            ref var found = ref CollectionsMarshal.GetValueRefOrAddDefault(byName, key, out var exists);
            if (!exists)
            {
                found = [place];
                maxNameWords = Math.Max(maxNameWords, key.AsSpan().Count(' ') + 1);
            }
            else if (!ReferenceEquals(found![^1], place))
            {
                // A place's names are indexed one after another, so a repeat can only be the last entry.
                Array.Resize(ref found, found.Length + 1);
                found[^1] = place;
            }
        }
    }

    /// <summary>Tab-separated fields of one line, read in order as spans of it.</summary>
    private ref struct Fields(string line)
    {
        private readonly string _line = line;
        private int _position;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public ReadOnlySpan<char> Next()
        {
            if (_position > _line.Length)
            {
                throw new FormatException("too few fields");
            }

            var rest = _line.AsSpan(_position);
            var tab = rest.IndexOf('\t');
            var field = tab < 0 ? rest : rest[..tab];
            _position += field.Length + 1;
            return field;
        }

        public string NextString() => Next().ToString();
    }

    /// <summary>Every entry one of whose names folds like <paramref name="name"/>; empty when none.</summary>
    public IReadOnlyList<Place> Find(ReadOnlySpan<char> name) => FindFolded(NameFolding.Fold(name));

    /// <summary>Every entry with the already-folded key <paramref name="key"/> (see <see cref="NameFolding.Fold"/>).</summary>
    public IReadOnlyList<Place> FindFolded(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _byName.TryGetValue(key, out var found) ? found : [];
    }

    /// <summary>The country with ISO 3166-1 alpha-2 or alpha-3 code <paramref name="code"/>, or <c>null</c>.</summary>
    public Place? Country(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _countries.TryGetValue(code, out var country) ? country : null;
    }

    /// <summary>The first-level division <paramref name="adm1Code"/> of country <paramref name="countryCode"/>
    /// (alpha-2), or <c>null</c>.</summary>
    public Place? Adm1(string countryCode, string adm1Code)
    {
        ArgumentNullException.ThrowIfNull(countryCode);
        ArgumentNullException.ThrowIfNull(adm1Code);
        return _adm1.TryGetValue(countryCode + "." + adm1Code, out var division) ? division : null;
    }

    /// <summary>
    /// The ISO alpha-2 code of the country whose people <paramref name="word"/> names ("Iraqi", "Iraqis" → "IQ"), or
    /// <c>null</c> when the word is not a known demonym.
    /// </summary>
    public string? DemonymCountry(ReadOnlySpan<char> word)
    {
        var key = NameFolding.Fold(word);
        if (_demonyms.TryGetValue(key, out var country))
        {
            return country;
        }

        if (key.EndsWith("men", StringComparison.Ordinal) && _demonyms.TryGetValue(key[..^3] + "man", out country))
        {
            return country;
        }

        return key.EndsWith('s') && _demonyms.TryGetValue(key[..^1], out country) ? country : null;
    }

    /// <summary>
    /// Reads a country code as an actor or caller gives it: ISO alpha-2 ("IQ"), ISO alpha-3 ("IRQ") or a CAMEO actor
    /// code that starts with an alpha-3 country ("IRQGOV", "RUSMIL").
    /// </summary>
    /// <returns>The alpha-2 code, or <c>null</c> when the code names no country.</returns>
    public string? NormalizeCountryCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var trimmed = code.Trim();
        if (trimmed.Length == 2 && _countries.TryGetValue(trimmed, out var byAlpha2))
        {
            return byAlpha2.CountryCode;
        }

        if (trimmed.Length >= 3 && _countries.TryGetValue(trimmed[..3], out var byAlpha3))
        {
            return byAlpha3.CountryCode;
        }

        return null;
    }

    private static long ParseLong(ReadOnlySpan<char> text) => text.Length == 0 ? 0 : long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static double ParseDouble(ReadOnlySpan<char> text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string[] SplitNames(ReadOnlySpan<char> text) => text.Length == 0 ? [] : text.ToString().Split('|');
}
