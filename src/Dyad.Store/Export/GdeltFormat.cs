using System.Globalization;

using Dyad.Events;

namespace Dyad.Store.Export;

/// <summary>
/// GDELT 2.0's event table (61 tab-separated columns, no header) and mentions table (16 columns), written from the
/// store's one-a-day events and mentions, in the codebook's column order and number formats.
/// </summary>
/// <remarks>
/// What Dyad does not know is left empty, as GDELT leaves unknown fields: actor ethnic codes, ADM2 codes, the tone
/// fields, translation info. Geographic fields: the event's one place fills ActionGeo (Actor1Geo and Actor2Geo get
/// type 0); country codes are the gazetteer's ISO 3166 alpha-2 codes where GDELT writes FIPS 10-4, ADM1 codes are
/// country and admin1 code joined (as GDELT's <c>USCA</c>), and FeatureID is the GeoNames id. Actor country, group,
/// religion and type codes are read off the CAMEO actor code in 3-letter parts (see <see cref="ActorParts"/>).
/// Confidence is 100 for every mention: the coder is dictionary-based and has no confidence score.
/// </remarks>
public static class GdeltFormat
{
    /// <summary>The event table's columns, in GDELT 2.0's order.</summary>
    public static IReadOnlyList<string> EventColumns { get; } =
    [
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        .. ActorColumns("Actor1"),
        .. ActorColumns("Actor2"),
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone",
        .. GeoColumns("Actor1Geo"),
        .. GeoColumns("Actor2Geo"),
        .. GeoColumns("ActionGeo"),
        "DATEADDED", "SOURCEURL",
    ];

    /// <summary>The mentions table's columns, in GDELT 2.0's order.</summary>
    public static IReadOnlyList<string> MentionColumns { get; } =
    [
        "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
        "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
        "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
    ];

    /// <summary>GDELT's MentionType for a web document.</summary>
    public const int WebMention = 1;

    /// <summary>The fields of one event row (<see cref="EventColumns"/>).</summary>
    /// <param name="daily">The one-a-day event.</param>
    /// <returns>61 fields, without tabs or line breaks.</returns>
    public static string[] EventRow(DailyEvent daily)
    {
        ArgumentNullException.ThrowIfNull(daily);
        var record = daily.First.Event;
        var day = daily.First.Day;
        var evidence = record.Evidence;
        var fields = new List<string>(61)
        {
            Invariant(daily.GlobalEventId),
            day is { } d1 ? d1.ToString("yyyyMMdd", CultureInfo.InvariantCulture) : string.Empty,
            day is { } d2 ? d2.ToString("yyyyMM", CultureInfo.InvariantCulture) : string.Empty,
            day is { } d3 ? d3.ToString("yyyy", CultureInfo.InvariantCulture) : string.Empty,
            day is { } d4 ? FractionDate(d4) : string.Empty,
        };
        fields.AddRange(ActorFields(record.Source, evidence.Source?.Text));
        fields.AddRange(ActorFields(record.Target, evidence.Target?.Text));
        fields.Add(evidence.Sentence == 1 ? "1" : "0");
        var cameo = record.Cameo.Value;
        fields.Add(cameo);
        fields.Add(cameo.Length > 3 ? cameo[..3] : cameo);
        fields.Add(record.Root);
        fields.Add(Invariant(record.QuadClass));
        fields.Add(record.Goldstein is { } g ? g.ToString("0.0", CultureInfo.InvariantCulture) : string.Empty);
        fields.Add(Invariant(daily.NumMentions));
        fields.Add(Invariant(daily.NumSources));
        fields.Add(Invariant(daily.NumArticles));
        fields.Add(string.Empty);
        fields.AddRange(GeoFields(null));
        fields.AddRange(GeoFields(null));
        fields.AddRange(GeoFields(record.Location));
        fields.Add(Timestamp(daily.DateAdded));
        fields.Add(Clean(daily.First.Document.Url ?? daily.First.Document.Key));
        return [.. fields.Select(Clean)];
    }

    /// <summary>The fields of one mentions row (<see cref="MentionColumns"/>).</summary>
    /// <param name="mention">The stored mention.</param>
    /// <param name="eventTime">When its one-a-day event was first stored (GDELT's EventTimeDate).</param>
    /// <returns>16 fields.</returns>
    public static string[] MentionRow(StoredMention mention, DateTimeOffset eventTime)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var record = mention.Event;
        var evidence = record.Evidence;
        var document = mention.Document;
        string[] fields =
        [
            Invariant(GlobalEventIds.Of(mention.Day, record.Source, record.Target, record.Cameo)),
            Timestamp(eventTime),
            Timestamp(document.Published ?? document.IngestedAt),
            Invariant(WebMention),
            document.Source ?? string.Empty,
            document.Url ?? document.Key,
            Invariant(evidence.Sentence),
            Invariant(evidence.Source?.Start ?? -1),
            Invariant(evidence.Target?.Start ?? -1),
            Invariant(evidence.Verb.Start),
            "1",
            "100",
            Invariant(document.Length),
            string.Empty,
            string.Empty,
            string.Empty,
        ];
        return [.. fields.Select(Clean)];
    }

    /// <summary>GDELT's FractionDate: the year plus the share of it gone by at the day's start, to 4 decimals (2015-02-18 is 2015.1315).</summary>
    /// <param name="day">The day.</param>
    /// <returns>The fraction as text.</returns>
    public static string FractionDate(DateOnly day)
    {
        var daysInYear = DateTime.IsLeapYear(day.Year) ? 366 : 365;
        var value = day.Year + ((day.DayOfYear - 1) / (double)daysInYear);
        return value.ToString("0.0000", CultureInfo.InvariantCulture);
    }

    /// <summary>An instant as GDELT's YYYYMMDDHHMMSS (UTC).</summary>
    /// <param name="time">The instant.</param>
    /// <returns>14 digits.</returns>
    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    private static IEnumerable<string> ActorFields(ActorCode actor, string? words)
    {
        var parts = actor.Parts;
        var known = actor.Value is "---" or "" ? string.Empty : actor.Value;
        return
        [
            known,
            known.Length == 0 ? string.Empty : (words ?? string.Empty).ToUpperInvariant(),
            parts.Country, parts.KnownGroup, string.Empty, parts.Religion1, parts.Religion2, parts.Type1, parts.Type2, parts.Type3,
        ];
    }

    private static IEnumerable<string> GeoFields(EventPlace? location)
    {
        if (location is null)
        {
            return ["0", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty];
        }

        var country = location.Country ?? string.Empty;
        var unitedStates = string.Equals(country, "US", StringComparison.OrdinalIgnoreCase);
        var feature = location.Feature ?? string.Empty;
        var type = feature.StartsWith("PCL", StringComparison.Ordinal) ? 1
            : feature == "ADM1" ? (unitedStates ? 2 : 5)
            : unitedStates ? 3 : 4;
        return
        [
            Invariant(type),
            location.Name ?? string.Empty,
            country,
            country + (location.Adm1 ?? string.Empty),
            string.Empty,
            location.Lat is { } lat ? lat.ToString("0.####", CultureInfo.InvariantCulture) : string.Empty,
            location.Lon is { } lon ? lon.ToString("0.####", CultureInfo.InvariantCulture) : string.Empty,
            location.GeonamesId is { } id ? Invariant(id) : string.Empty,
        ];
    }

    private static string[] ActorColumns(string actor) =>
    [
        actor + "Code", actor + "Name", actor + "CountryCode", actor + "KnownGroupCode", actor + "EthnicCode",
        actor + "Religion1Code", actor + "Religion2Code", actor + "Type1Code", actor + "Type2Code", actor + "Type3Code",
    ];

    private static string[] GeoColumns(string geo) =>
    [
        geo + "_Type", geo + "_FullName", geo + "_CountryCode", geo + "_ADM1Code", geo + "_ADM2Code", geo + "_Lat",
        geo + "_Long", geo + "_FeatureID",
    ];

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Clean(string value) =>
        value.AsSpan().IndexOfAny('\t', '\n', '\r') < 0 ? value : value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
