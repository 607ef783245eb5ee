using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dyad.Events;

/// <summary>Writes a value that stands for a string (a code such as <see cref="ActorCode"/>) as that string and reads it back.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="create">Makes a value from its string.</param>
/// <param name="text">The string of a value.</param>
/// <param name="what">What a value is, for the error on a non-string (<c>An actor code</c>).</param>
public abstract class StringValueConverter<T>(Func<string, T> create, Func<T, string> text, string what) : JsonConverter<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        create(reader.GetString() ?? throw new JsonException($"{what} is a string."));

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(text(value));
    }
}
