using System.Text.Json.Serialization;

namespace Dyad.Events;

/// <summary>
/// Source-generated JSON metadata for the record types of <see cref="RecordJson"/>, in the same style (snake_case,
/// nulls written). <see cref="RecordJson.Apply"/> puts it first in the options' resolver chain; other types fall
/// through to the resolver the options had (or reflection).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(EventRecord))]
[JsonSerializable(typeof(EventPlace))]
[JsonSerializable(typeof(EventDocument))]
[JsonSerializable(typeof(EventEvidence))]
[JsonSerializable(typeof(TextSpan))]
[JsonSerializable(typeof(PloverFields))]
[JsonSerializable(typeof(ActorCode))]
[JsonSerializable(typeof(CameoCode))]
internal sealed partial class RecordJsonContext : JsonSerializerContext;
