using System.Data.Common;
using System.Globalization;
using Dyad.Documents;
using Dyad.Events;
using static Dyad.Store.SqlValues;

namespace Dyad.Store;

/// <summary>
/// The store's records as table rows and back: a mention to the values of <see cref="StoreColumns.Events"/>, a document
/// to those of <see cref="StoreColumns.Documents"/>, and the SELECT lists of <see cref="StoreColumns"/> to records.
/// </summary>
internal static class EventRows
{
    /// <summary>The values of an <c>events</c> row, in the order of <see cref="StoreColumns.Events"/>.</summary>
    /// <param name="documentKey">The document's key.</param>
    /// <param name="record">The event.</param>
    /// <param name="knowledgeBase">The knowledge-base version it was coded with.</param>
    /// <returns>The row.</returns>
    public static object?[] EventRow(string documentKey, EventRecord record, string knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(record);
        var evidence = record.Evidence;
        var location = record.Location;
        return
        [
            documentKey, evidence.Sentence, record.Date, record.DatePrecision, record.Source.Value, record.Target.Value, record.Cameo.Value, record.Root, record.QuadClass,
            record.Goldstein, record.Plover.Event, record.Plover.Mode, record.Plover.Context, evidence.Text, evidence.Start, evidence.End,
            evidence.Source?.Text, evidence.Source?.Start, evidence.Source?.End, evidence.Verb.Text, evidence.Verb.Start, evidence.Verb.End,
            evidence.Target?.Text, evidence.Target?.Start, evidence.Target?.End,
            location?.Name, location?.Country, location?.Adm1, location?.Lat, location?.Lon, location?.GeonamesId,
            location?.Feature, record.Rule, record.RuleSource, knowledgeBase, record.SourceCountryFrom, record.TargetCountryFrom,
        ];
    }

    /// <summary>The values of a <c>documents</c> row, in the order of <see cref="StoreColumns.Documents"/>.</summary>
    /// <param name="key">The document's key.</param>
    /// <param name="document">The document.</param>
    /// <param name="storedAt">When it is stored (a TIMESTAMP value).</param>
    /// <param name="knowledgeBase">The knowledge-base version its events were coded with.</param>
    /// <param name="story">Its story group.</param>
    /// <param name="signature">Its MinHash signature, or null for a text too short to have one.</param>
    /// <returns>The row.</returns>
    public static object?[] DocumentRow(string key, DocumentInput document, DateTime storedAt, string knowledgeBase, string story, ulong[]? signature)
    {
        ArgumentNullException.ThrowIfNull(document);
        return
        [
            key, DocumentKey.ContentHash(document.Text), document.Url, document.Title, DocumentKey.Outlet(document),
            document.Published is { } published ? Timestamp(published) : null, document.PublishedFrom, document.Input, document.Place,
            document.Text, storedAt, knowledgeBase, story, signature is null ? null : StorySignature.ToBytes(signature),
            document.Dateline?.Start, document.Dateline?.End, document.Published is { } stated ? (int)stated.Offset.TotalMinutes : null,
        ];
    }

    /// <summary>A stored mention from a row whose columns from <paramref name="at"/> on are <see cref="StoreColumns.Mention"/>.</summary>
    /// <param name="reader">The reader, on a row.</param>
    /// <param name="at">The first column of the mention.</param>
    /// <returns>The mention.</returns>
    public static StoredMention ReadMention(DbDataReader reader, int at)
    {
        string? S(int i) => NullableString(reader, at + i);
        int? I(int i) => reader.IsDBNull(at + i) ? null : (int)Int64(reader, at + i);
        double? D(int i) => reader.IsDBNull(at + i) ? null : Convert.ToDouble(reader.GetValue(at + i), CultureInfo.InvariantCulture);
        TextSpan? Span(int i) => S(i) is { } text ? new TextSpan(text, I(i + 1) ?? 0, I(i + 2) ?? 0) : null;

        var documentKey = reader.GetString(at + 2);
        var evidence = new EventEvidence(documentKey, I(3)!.Value, S(15)!, I(16)!.Value, I(17)!.Value, Span(18), Span(21)!, Span(24));
        EventPlace? location = null;
        if (S(27) is not null || S(28) is not null || D(30) is not null || !reader.IsDBNull(at + 32))
        {
            location = new EventPlace(S(27), S(28), S(29), D(30), D(31), reader.IsDBNull(at + 32) ? null : Int64(reader, at + 32), S(33));
        }

        var document = new MentionDocument(documentKey, S(38), S(39), S(40), ReadTimestamp(reader, at + 41), ReadTimestamp(reader, at + 42)!.Value, S(43)!, I(44) ?? 0);
        var record = new EventRecord(
            ReadDate(reader, at + 4),
            S(5),
            null,
            S(6)!,
            S(7)!,
            S(8)!,
            I(10)!.Value,
            D(11),
            new PloverFields(S(12), S(13), S(14)),
            location,
            evidence,
            S(34)!,
            S(35)!,
            new EventDocument(documentKey, document.Title, document.Source, document.Url, document.Published is { } published ? DateOnly.FromDateTime(published.UtcDateTime) : null, null))
        {
            Id = Int64(reader, at),
            SourceCountryFrom = S(36),
            TargetCountryFrom = S(37),
        };
        return new StoredMention(ReadDate(reader, at + 1), record, document);
    }

    /// <summary>A stored document from a row whose columns are <see cref="StoreColumns.Document"/>.</summary>
    /// <param name="reader">The reader, on a row.</param>
    /// <returns>The document.</returns>
    public static StoredDocument ReadDocument(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        NullableString(reader, 2),
        NullableString(reader, 3),
        NullableString(reader, 4),
        ReadTimestamp(reader, 5),
        NullableString(reader, 6),
        reader.GetString(7),
        ReadTimestamp(reader, 8)!.Value,
        reader.GetString(9),
        reader.GetString(10))
    {
        Dateline = reader.IsDBNull(11) || reader.IsDBNull(12) ? null : new TextRange((int)Int64(reader, 11), (int)Int64(reader, 12)),
        PublishedOffset = reader.IsDBNull(13) ? null : TimeSpan.FromMinutes(Int64(reader, 13)),
    };
}
