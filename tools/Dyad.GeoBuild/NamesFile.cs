namespace Dyad.GeoBuild;

/// <summary>Dyad's own names file (data/geo/names.tsv): country aliases, exonyms and demonyms.</summary>
internal sealed class NamesFile
{
    public List<(string Alpha2, string Alpha3, string Name, string[] Aliases)> Countries { get; } = [];

    public List<(string Alpha2, string[] Aliases)> CountryAliases { get; } = [];

    public List<(string Alpha2, string Existing, string[] English)> Exonyms { get; } = [];

    public List<(string Alpha2, string Word)> Demonyms { get; } = [];

    public List<(string Alpha2, string Adm1, string[] Aliases)> DivisionAliases { get; } = [];

    public List<(string Id, string Name, string Latitude, string Longitude, string[] Aliases)> Regions { get; } = [];

    public static NamesFile Read(string path)
    {
        var result = new NamesFile();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            var minimum = fields[0] switch
            {
                "country" => 4,
                "exonym" => 4,
                "country-alias" or "demonym" => 3,
                "adm1-alias" => 4,
                "region" => 5,
                _ => throw new InvalidDataException($"{path}:{lineNumber}: unknown kind '{fields[0]}'"),
            };
            if (fields.Length < minimum || fields.Any(f => f.Length == 0))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: '{fields[0]}' needs at least {minimum} non-empty fields");
            }

            switch (fields[0])
            {
                case "country": result.Countries.Add((fields[1], fields[2], fields[3], fields[4..])); break;
                case "country-alias": result.CountryAliases.Add((fields[1], fields[2..])); break;
                case "exonym": result.Exonyms.Add((fields[1], fields[2], fields[3..])); break;
                case "adm1-alias": result.DivisionAliases.Add((fields[1], fields[2], fields[3..])); break;
                case "region": result.Regions.Add((fields[1], fields[2], fields[3], fields[4], fields[5..])); break;
                default:
                    foreach (var word in fields[2..])
                    {
                        result.Demonyms.Add((fields[1], word));
                    }

                    break;
            }
        }

        return result;
    }
}
