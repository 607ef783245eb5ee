using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Dyad.Events;

/// <summary>
/// The one JSON style of Dyad's records (events, places, documents) wherever they are written: <c>dyad code</c>, the
/// JSON Lines export and the HTTP API. snake_case names, nulls written (every line has the same fields), non-ASCII
/// characters as they are. The record types' metadata is source-generated (<see cref="RecordJsonContext"/>).
/// </summary>
public static class RecordJson
{
    /// <summary>The options.</summary>
    public static JsonSerializerOptions Options { get; } = Apply(new JsonSerializerOptions());

    /// <summary>
    /// Sets the record style on <paramref name="options"/> (for hosts that bring their own, such as ASP.NET's web
    /// defaults): the naming, null handling and encoder, and the source-generated record metadata first in the resolver
    /// chain, ahead of the resolver the options had (reflection where they had none), which serves all other types.
    /// </summary>
    /// <param name="options">Options to change.</param>
    /// <returns>The same options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(RecordJsonContext.Default, options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver());
        return options;
    }
}
