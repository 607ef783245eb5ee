using System.Collections.Frozen;

namespace Dyad.Geo;

/// <summary>
/// The country a news outlet reports from: from Dyad's list of outlets (<c>data/geo/outlets.txt</c>, by URL host or
/// stated source name), else from the country-code domain of its URL (<c>.co.uk</c>, <c>.in</c>, <c>.pk</c>). Outlets
/// that cover the whole world (Reuters, AP, AFP) are in no list and under no country domain, so they give no country.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class OutletCountries
{
    private const string ResourceName = "Dyad.Geo.outlets.txt";

    // Country-code domains that sites use for their letters, not their country.
    private static readonly FrozenSet<string> GenericDomains = new[] { "tv", "io", "co", "me", "ly", "fm", "ai", "cc", "ws", "to", "gg", "am", "la", "is", "it", "st", "so", "su", "eu" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly Lazy<(FrozenDictionary<string, string> Hosts, IReadOnlyList<(string Name, string Country)> Names)> List = new(Read);

    private readonly Gazetteer _gazetteer;

    /// <summary>Creates the lookup; <paramref name="gazetteer"/> turns a country-code domain into its country.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="gazetteer"/> is null.</exception>
    public OutletCountries(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        _gazetteer = gazetteer;
    }

    /// <summary>The CAMEO country (ISO alpha-3) of the outlet, or null when neither its URL nor its name tells.</summary>
    /// <param name="source">The document's stated source ("BBC News"), or null.</param>
    /// <param name="url">The document's URL, or null.</param>
    public string? Of(string? source, string? url)
    {
        var (hosts, names) = List.Value;
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        {
            var host = uri.Host.ToLowerInvariant();
            for (var suffix = host; suffix.Length > 0;)
            {
                if (hosts.TryGetValue(suffix, out var country))
                {
                    return country;
                }

                var dot = suffix.IndexOf('.', StringComparison.Ordinal);
                suffix = dot < 0 ? string.Empty : suffix[(dot + 1)..];
            }

            var top = host[(host.LastIndexOf('.') + 1)..];
            if (top.Length == 2 && !GenericDomains.Contains(top)
                && _gazetteer.Country(top == "uk" ? "GB" : top.ToUpperInvariant())?.CameoCountry is { } domainCountry)
            {
                return domainCountry;
            }
        }

        if (!string.IsNullOrWhiteSpace(source))
        {
            var name = source.Trim().ToLowerInvariant();
            foreach (var (outlet, country) in names)
            {
                if (name == outlet || (name.StartsWith(outlet, StringComparison.Ordinal) && name.Length > outlet.Length && name[outlet.Length] == ' '))
                {
                    return country;
                }
            }
        }

        return null;
    }

    private static (FrozenDictionary<string, string>, IReadOnlyList<(string, string)>) Read()
    {
        using var stream = typeof(OutletCountries).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The outlet list outlets.txt is missing from the Dyad.Geo assembly.");
        using var reader = new StreamReader(stream);
        var hosts = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '#' || text.Split('|') is not [var key, var code])
            {
                continue;
            }

            var (outlet, country) = (key.Trim().ToLowerInvariant(), code.Trim());
            if (outlet.Contains('.', StringComparison.Ordinal))
            {
                hosts[outlet] = country;
            }
            else
            {
                names.Add((outlet, country));
            }
        }

        // Longer names first, so "the times of india" is tried before "the times".
        return (hosts.ToFrozenDictionary(StringComparer.Ordinal), [.. names.OrderByDescending(n => n.Item1.Length)]);
    }
}
