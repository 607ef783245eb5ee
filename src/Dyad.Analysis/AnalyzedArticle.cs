using Dyad.Coding.Coding;
using Dyad.Geo;
using Dyad.Ingest;
using Dyad.Store;

namespace Dyad.Analysis;

/// <summary>Where an event happened, as <c>dyad code</c> prints it: null fields when unknown.</summary>
/// <param name="Name">The place's name as the gazetteer writes it.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code.</param>
/// <param name="Adm1">First-level division code.</param>
/// <param name="Lat">Latitude in degrees.</param>
/// <param name="Lon">Longitude in degrees.</param>
/// <param name="GeonamesId">GeoNames id (null for countries and first-level divisions, which the gazetteer's sources lack).</param>
/// <param name="Feature"><c>country</c>, <c>adm1</c> or <c>city</c>.</param>
/// <param name="Text">The words of the text the place was read from.</param>
/// <param name="Start">Character offset of those words in the document.</param>
/// <param name="End">Offset one past their end.</param>
public sealed record PlaceFields(string? Name, string? Country, string? Adm1, double? Lat, double? Lon, long? GeonamesId, string? Feature, string Text, int Start, int End)
{
    /// <summary>The fields of <paramref name="toponym"/>.</summary>
    /// <param name="toponym">A resolved or unresolved toponym.</param>
    /// <exception cref="ArgumentNullException"><paramref name="toponym"/> is null.</exception>
    public static PlaceFields From(Toponym toponym)
    {
        ArgumentNullException.ThrowIfNull(toponym);
        return new PlaceFields(toponym.Name, toponym.Country, toponym.Adm1, toponym.Latitude, toponym.Longitude, toponym.GeoNamesId, toponym.Feature, toponym.Text, toponym.Start, toponym.End);
    }
}

/// <summary>The article an event came from, as <c>dyad code</c> prints it.</summary>
/// <param name="Id">The article's id.</param>
/// <param name="Title">Its headline.</param>
/// <param name="Source">Its publisher.</param>
/// <param name="Url">Its address.</param>
/// <param name="Published">Its publication date (ISO), or null.</param>
/// <param name="PublishedFrom">Where that date came from (<c>option</c>, <c>json</c>, <c>html-meta</c>, <c>feed</c>, <c>text:...</c>).</param>
public sealed record DocumentFields(string Id, string? Title, string? Source, string? Url, string? Published, string? PublishedFrom);

/// <summary>
/// One event of an article, in the stable JSON shape of <c>dyad code --format jsonl</c>: the coder's fields
/// (<see cref="EventRecord"/>), the resolved date with its precision and evidence, the place, and the document.
/// </summary>
/// <param name="Date">The event's date (ISO; the first day of the week, month or year for coarser precisions), or null.</param>
/// <param name="DatePrecision"><c>day</c>, <c>week</c>, <c>month</c>, <c>year</c>, or <c>published</c> when the text gave no date and the publication date stands in.</param>
/// <param name="DateEvidence">The words the date was read from, or null.</param>
/// <param name="Source">Source actor code.</param>
/// <param name="Target">Target actor code.</param>
/// <param name="SourceCountry">The source actor's CAMEO country code (<c>IRQ</c> for <c>IRQMIL</c>, as GDELT's Actor1CountryCode), or null for organisations and unknown actors.</param>
/// <param name="TargetCountry">The target actor's country, likewise.</param>
/// <param name="Cameo">CAMEO code.</param>
/// <param name="Root">CAMEO root.</param>
/// <param name="QuadClass">GDELT QuadClass.</param>
/// <param name="Goldstein">Goldstein value.</param>
/// <param name="Plover">PLOVER event, mode, context.</param>
/// <param name="Location">Where the event happened, or null.</param>
/// <param name="Evidence">Sentence and words.</param>
/// <param name="Rule">The rule that fired.</param>
/// <param name="RuleSource">File and line of the rule.</param>
/// <param name="Document">The article.</param>
public sealed record ArticleEvent(
    string? Date,
    string? DatePrecision,
    string? DateEvidence,
    string Source,
    string Target,
    string? SourceCountry,
    string? TargetCountry,
    string Cameo,
    string Root,
    int QuadClass,
    double? Goldstein,
    PloverFields Plover,
    PlaceFields? Location,
    EventEvidence Evidence,
    string Rule,
    string RuleSource,
    DocumentFields Document)
{
    /// <summary>The coder's record with <see cref="Date"/> as its date (what the store keeps).</summary>
    public EventRecord ToRecord() => new(Date, Source, Target, Cameo, Root, QuadClass, Goldstein, Plover, Evidence, Rule, RuleSource);

    /// <summary>The stored form of this event: the record, the precision and the place.</summary>
    public EventMention ToMention() => new(
        ToRecord(),
        DatePrecision,
        Location is { } l ? new EventLocation(l.Name, l.Country, l.Adm1, l.Lat, l.Lon, l.GeonamesId, l.Feature) : null);
}

/// <summary>What the analysis made of one article: its events and every place named in it.</summary>
/// <param name="Article">The article as read.</param>
/// <param name="Events">Its events, in text order.</param>
/// <param name="Places">Every toponym found, in text order (resolved or not).</param>
/// <param name="Sentences">How many sentences the article had.</param>
public sealed record AnalyzedArticle(Article Article, IReadOnlyList<ArticleEvent> Events, IReadOnlyList<Toponym> Places, int Sentences)
{
    /// <summary>The article and its events as the store takes them (keyed as <see cref="ArticleDocuments"/> says).</summary>
    public IngestDocument ToIngestDocument() => new(
        ArticleDocuments.ToDocumentInput(Article),
        [.. Events.Select(e => e.ToMention())]);
}
