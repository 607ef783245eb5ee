using System.Data.Common;
using System.Globalization;

namespace Dyad.Store;

/// <summary>
/// Values as both engines hand them over and take them: DuckDB and Npgsql give integers, dates and bytes as different
/// .NET types, and TIMESTAMP columns hold UTC clock times without a zone.
/// </summary>
internal static class SqlValues
{
    /// <summary>A text column's value, or null.</summary>
    /// <param name="reader">The reader, on a row.</param>
    /// <param name="i">The column.</param>
    /// <returns>The text, or null.</returns>
    public static string? NullableString(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    /// <summary>An integer column's value, whatever integer type the engine gives.</summary>
    /// <param name="reader">The reader, on a row.</param>
    /// <param name="i">The column (not null).</param>
    /// <returns>The number.</returns>
    public static long Int64(DbDataReader reader, int i) => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);

    /// <summary>A number column's value; 0 when null.</summary>
    /// <param name="reader">The reader, on a row.</param>
    /// <param name="i">The column.</param>
    /// <returns>The number.</returns>
    public static double Double(DbDataReader reader, int i) => reader.IsDBNull(i) ? 0 : Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture);

    /// <summary>A DATE (or a TIMESTAMP read as its day) column's value, or null.</summary>
    /// <param name="reader">The reader, on a row.</param>
    /// <param name="i">The column.</param>
    /// <returns>The day, or null.</returns>
    public static DateOnly? ReadDate(DbDataReader reader, int i)
    {
        if (reader.IsDBNull(i))
        {
            return null;
        }

        return reader.GetValue(i) switch
        {
            DateOnly day => day,
            DateTime time => DateOnly.FromDateTime(time),
            _ => reader.GetFieldValue<DateOnly>(i),
        };
    }

    /// <summary>A TIMESTAMP column's value as a UTC instant, or null.</summary>
    /// <param name="reader">The reader, on a row.</param>
    /// <param name="i">The column.</param>
    /// <returns>The instant, or null.</returns>
    public static DateTimeOffset? ReadTimestamp(DbDataReader reader, int i)
    {
        if (reader.IsDBNull(i))
        {
            return null;
        }

        var time = reader.GetDateTime(i);
        return new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Unspecified), TimeSpan.Zero);
    }

    /// <summary>A BYTEA (BLOB) column's value.</summary>
    /// <param name="reader">The reader, on a row.</param>
    /// <param name="i">The column (not null).</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="InvalidDataException">The engine gave neither bytes nor a stream.</exception>
    public static byte[] ReadBytes(DbDataReader reader, int i)
    {
        switch (reader.GetValue(i))
        {
            case byte[] bytes:
                return bytes;
            case Stream stream:
                using (stream)
                {
                    var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    return copy.ToArray();
                }

            case var other:
                throw new InvalidDataException($"A BYTEA column was read as {other.GetType()}.");
        }
    }

    /// <summary>A UTC instant as the TIMESTAMP columns hold it: the UTC clock time, without a zone.</summary>
    /// <param name="time">The instant.</param>
    /// <returns>The clock time.</returns>
    public static DateTime Timestamp(DateTimeOffset time) => DateTime.SpecifyKind(time.UtcDateTime, DateTimeKind.Unspecified);
}
