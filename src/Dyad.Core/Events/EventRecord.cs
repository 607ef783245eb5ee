using System.Text.Json.Serialization;

namespace Dyad.Events;

/// <summary>
/// One event record: who did what to whom, when and where, with its evidence and the rule or model that made it. This is the
/// one event contract: the coder makes it, the analysis dates and places it, the store keeps it, and <c>dyad code</c>,
/// the exports and the HTTP API write it. Its JSON (snake_case) is the record of <c>dyad code --format jsonl</c>, in
/// the order of the <see cref="JsonPropertyOrderAttribute"/>s.
/// </summary>
/// <param name="Date">The event's date (the first day of the week, month or year for coarser precisions), or null when none is known.</param>
/// <param name="DatePrecision"><c>day</c>, <c>week</c>, <c>month</c>, <c>year</c>, or <c>published</c> when the text gave no date and the publication date stands in; null with no date.</param>
/// <param name="DateEvidence">The words the date was read from, or null.</param>
/// <param name="Source">The source actor (<see cref="ActorCode.Unknown"/> when unknown).</param>
/// <param name="Target">The target actor (<see cref="ActorCode.Unknown"/> when unknown).</param>
/// <param name="Cameo">The CAMEO event code.</param>
/// <param name="QuadClass">GDELT QuadClass, 1 to 4 (0 when the code is not in the CAMEO table).</param>
/// <param name="Goldstein">Goldstein value (null when the code is not in the table).</param>
/// <param name="Plover">PLOVER event, mode and context.</param>
/// <param name="Location">Where the event happened, or null.</param>
/// <param name="Evidence">The sentence and the source, verb and target words, with offsets into the document.</param>
/// <param name="Rule">The rule that fired, in dictionary syntax, or the model and what it did.</param>
/// <param name="RuleSource">File and line of the pattern (or verb) that gave the code.</param>
/// <param name="Document">The document it was read from, or null where it is not known.</param>
public sealed record EventRecord(
    [property: JsonPropertyOrder(0)] DateOnly? Date,
    [property: JsonPropertyOrder(1)] string? DatePrecision,
    [property: JsonPropertyOrder(2)] string? DateEvidence,
    [property: JsonPropertyOrder(3)] ActorCode Source,
    [property: JsonPropertyOrder(4)] ActorCode Target,
    [property: JsonPropertyOrder(9)] CameoCode Cameo,
    [property: JsonPropertyOrder(11)] int QuadClass,
    [property: JsonPropertyOrder(13)] double? Goldstein,
    [property: JsonPropertyOrder(14)] PloverFields Plover,
    [property: JsonPropertyOrder(15)] EventPlace? Location,
    [property: JsonPropertyOrder(16)] EventEvidence Evidence,
    [property: JsonPropertyOrder(17)] string Rule,
    [property: JsonPropertyOrder(18)] string RuleSource,
    [property: JsonPropertyOrder(19)] EventDocument? Document)
{
    /// <summary>The event's row id in the store (for <c>GET /api/events/{id}</c>), or null for an event not read from a store (and then not written in JSON).</summary>
    [JsonPropertyOrder(-1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Id { get; init; }

    /// <summary>The source's CAMEO country, or null for organisations and unknown actors.</summary>
    [JsonPropertyOrder(5)]
    public string? SourceCountry => Source.Country;

    /// <summary>The target's CAMEO country, or null.</summary>
    [JsonPropertyOrder(6)]
    public string? TargetCountry => Target.Country;

    /// <summary>
    /// Null when the source's own words gave its country (or it has none); otherwise where the country it was given
    /// came from: <c>dateline</c> (the country the report was filed from, which the article names most),
    /// <c>article</c> (the country the article names most) or <c>outlet</c> (the outlet's country tipped it). "The government" in a story datelined KABUL is AFGGOV.
    /// </summary>
    [JsonPropertyOrder(7)]
    public string? SourceCountryFrom { get; init; }

    /// <summary>As <see cref="SourceCountryFrom"/>, for the target.</summary>
    [JsonPropertyOrder(8)]
    public string? TargetCountryFrom { get; init; }

    /// <summary>The code's pentaclass (<see cref="CameoCode.PentaClass"/>): 0 neutral, 1-4 as QuadClass but for roots 01-02, 09, 14 and 16.</summary>
    [JsonPropertyOrder(12)]
    public int PentaClass => Cameo.PentaClass;

    /// <summary>The CAMEO code's two-digit root.</summary>
    [JsonPropertyOrder(10)]
    public string Root => Cameo.Root;
}

/// <summary>A span of a document's text: its words and its character range <c>[Start, End)</c>.</summary>
/// <param name="Text">The words as written.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset one past the last character.</param>
public sealed record TextSpan(string Text, int Start, int End)
{
    /// <summary>The same words, their offsets moved by <paramref name="by"/> characters.</summary>
    /// <param name="by">Characters to add to both offsets.</param>
    public TextSpan Shift(int by) => this with { Start = Start + by, End = End + by };
}

/// <summary>Where an event was read: the document, the sentence and the words of its source, verb and target.</summary>
/// <param name="Doc">The document's id (in the store, its key).</param>
/// <param name="Sentence">1-based number of the sentence in the document.</param>
/// <param name="Text">The sentence as written.</param>
/// <param name="Start">Character offset of the sentence in the document.</param>
/// <param name="End">Character offset one past the sentence's end.</param>
/// <param name="Source">The source actor's words, or null when the source was not in the text.</param>
/// <param name="Verb">The verb.</param>
/// <param name="Target">The target actor's words, or null.</param>
public sealed record EventEvidence(string Doc, int Sentence, string Text, int Start, int End, TextSpan? Source, TextSpan Verb, TextSpan? Target)
{
    /// <summary>The same evidence in a longer text: offsets moved by <paramref name="characters"/> and the sentence number by <paramref name="sentences"/>.</summary>
    /// <param name="characters">Characters before the piece the evidence was read in.</param>
    /// <param name="sentences">Sentences before that piece.</param>
    public EventEvidence Shift(int characters, int sentences) => this with
    {
        Sentence = Sentence + sentences,
        Start = Start + characters,
        End = End + characters,
        Source = Source?.Shift(characters),
        Verb = Verb.Shift(characters),
        Target = Target?.Shift(characters),
    };
}

/// <summary>The PLOVER view of an event; null fields where PLOVER has no value.</summary>
/// <param name="Event">PLOVER event type, such as <c>AGREE</c>.</param>
/// <param name="Mode">PLOVER mode, such as <c>visit</c>.</param>
/// <param name="Context">PLOVER contexts, <c>;</c>-separated.</param>
public sealed record PloverFields(string? Event, string? Mode, string? Context);

/// <summary>A place: where an event happened, or a place a text names. Null fields where unknown.</summary>
/// <param name="Name">The place's name as the gazetteer writes it.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code.</param>
/// <param name="Adm1">First-level administrative division code (GeoNames' admin1 code), or null.</param>
/// <param name="Lat">Latitude in degrees, or null.</param>
/// <param name="Lon">Longitude in degrees, or null.</param>
/// <param name="GeonamesId">The GeoNames id, or null (countries and first-level divisions have none in the gazetteer's sources).</param>
/// <param name="Feature"><c>country</c>, <c>adm1</c> or <c>city</c> (or a GeoNames feature code), or null.</param>
/// <param name="Text">The words of the text the place was read from, or null where they are not kept.</param>
/// <param name="Start">Character offset of those words in the document, or null.</param>
/// <param name="End">Offset one past their end, or null.</param>
public sealed record EventPlace(string? Name, string? Country, string? Adm1, double? Lat, double? Lon, long? GeonamesId, string? Feature, string? Text = null, int? Start = null, int? End = null)
{
    /// <summary>The place without the words it was read from (what the store keeps).</summary>
    public EventPlace WithoutWords() => this with { Text = null, Start = null, End = null };
}

/// <summary>The document an event was read from.</summary>
/// <param name="Id">The document's id (in the store, its key).</param>
/// <param name="Title">Its headline, or null.</param>
/// <param name="Source">Its outlet, or null.</param>
/// <param name="Url">Its address, or null.</param>
/// <param name="Published">Its publication day (as the text or its metadata stated it), or null.</param>
/// <param name="PublishedFrom">Where that date came from (<c>option</c>, <c>json</c>, <c>html-meta</c>, <c>feed</c>, <c>text:...</c>), or null.</param>
public sealed record EventDocument(string Id, string? Title, string? Source, string? Url, DateOnly? Published, string? PublishedFrom);
