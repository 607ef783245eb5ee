using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dyad.Events;

namespace Dyad.Cli;

/// <summary>The CLI's one JSON style: snake_case names, nulls left out, non-ASCII characters written as they are.</summary>
internal static class Json
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>For records (events, places): snake_case, nulls written, so every line has the same fields.</summary>
    public static JsonSerializerOptions RecordOptions => RecordJson.Options;

    public static void Write<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, Options));

    public static void WriteRecord<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, RecordOptions));
}
