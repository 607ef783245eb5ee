namespace Dyad.Places;

/// <summary>The kind of a gazetteer entry.</summary>
public enum FeatureType
{
    /// <summary>A country or territory with an ISO 3166-1 code (GeoNames feature class A, PCL*).</summary>
    Country,

    /// <summary>A first-level administrative division (GeoNames ADM1).</summary>
    Adm1,

    /// <summary>A populated place (GeoNames feature class P).</summary>
    City,

    /// <summary>A second-level administrative division (GeoNames ADM2: a county, parish or district).</summary>
    Adm2,

    /// <summary>A continent or a region that is no country or division ("Africa", "Middle East", "Darfur").</summary>
    Region,
}

/// <summary>One gazetteer entry. Immutable.</summary>
/// <param name="GeoNamesId">GeoNames id of a populated place or continent; <c>null</c> for countries, divisions and other
/// regions, whose ids the registry packages do not carry.</param>
/// <param name="Name">Display name: the English exonym where known ("Moscow", "Mosul").</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 code ("RU"); GeoNames' "XK" for Kosovo.</param>
/// <param name="CountryAlpha3">ISO 3166-1 alpha-3 code ("RUS"), as CAMEO actor codes use.</param>
/// <param name="Adm1Code">GeoNames first-level division code inside the country ("48"; "TX" in the US), or <c>null</c>
/// for a country or region.</param>
/// <param name="Feature">Country, ADM1, ADM2, city or region.</param>
/// <param name="FeatureCode">GeoNames feature code: "PCLI" for countries, "ADM1", "ADM2", "CONT" for a continent, "RGN"
/// for another region, or the place's code ("PPLC" for a capital, "PPLA" for a division seat, "PPL"...).</param>
/// <param name="Population">Population as GeoNames gives it (for countries and divisions: the sum over their places in
/// the gazetteer, a lower bound used only as a prior); 0 when unknown.</param>
/// <param name="Latitude">Degrees north, WGS84.</param>
/// <param name="Longitude">Degrees east, WGS84.</param>
/// <param name="AlternateNames">Other names that match this place (original GeoNames spelling, English aliases).</param>
public sealed record Place(
    long? GeoNamesId,
    string Name,
    string CountryCode,
    string CountryAlpha3,
    string? Adm1Code,
    FeatureType Feature,
    string FeatureCode,
    long Population,
    double Latitude,
    double Longitude,
    IReadOnlyList<string> AlternateNames)
{
    /// <summary>The feature as written in Dyad's output: "country", "adm1", "adm2", "city" or "region".</summary>
    public string FeatureName => Feature switch
    {
        FeatureType.Country => "country",
        FeatureType.Adm1 => "adm1",
        FeatureType.Adm2 => "adm2",
        FeatureType.Region => "region",
        _ => "city",
    };

    /// <summary>
    /// The CAMEO country code of the place: its ISO alpha-3 code, but <c>KSV</c> for Kosovo (ISO has only the
    /// user-assigned XKX); null for a place in no country (a region such as the Middle East).
    /// </summary>
    public string? CameoCountry => CountryAlpha3 switch
    {
        { Length: not 3 } => null,
        "XKX" => "KSV",
        var code => code,
    };

    /// <summary>Every name of the place: <see cref="Name"/> first, then <see cref="AlternateNames"/>.</summary>
    public IEnumerable<string> AllNames => AlternateNames.Prepend(Name);
}
