namespace Dyad.Store;

/// <summary>A column of one of the store's tables: its name and its SQL type with constraints, as CREATE TABLE writes it.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Definition">Its type and constraints (such as <c>INTEGER NOT NULL</c>).</param>
/// <param name="Selected">Whether the reads select it (a column only written, such as <c>events.knowledge_base</c>, is not).</param>
/// <param name="Since">The schema version that added it; a store of an older version gains it, empty (null), when opened (see <see cref="StoreSchema"/>).</param>
internal sealed record StoreColumn(string Name, string Definition, bool Selected = true, int Since = 1);

/// <summary>
/// The written columns of <c>events</c> and <c>documents</c>, listed once: the schema's CREATE TABLE, the store's INSERTs,
/// its SELECTs and the row mapping (<see cref="EventRows"/>) all follow these lists and their order.
/// </summary>
internal static class StoreColumns
{
    /// <summary>The columns of <c>events</c> a write gives values for, in the order of <see cref="EventRows.EventRow"/>'s values.</summary>
    public static IReadOnlyList<StoreColumn> Events { get; } =
    [
        new("document_id", "TEXT NOT NULL"),
        new("sentence", "INTEGER NOT NULL CHECK (sentence >= 1)"),
        new("event_date", "DATE"),
        new("date_precision", "TEXT"),
        new("source", "TEXT NOT NULL"),
        new("target", "TEXT NOT NULL"),
        new("cameo", "TEXT NOT NULL"),
        new("root", "TEXT NOT NULL"),
        new("quad_class", "INTEGER NOT NULL CHECK (quad_class BETWEEN 0 AND 4)"),
        new("goldstein", "DOUBLE PRECISION"),
        new("plover_event", "TEXT"),
        new("plover_mode", "TEXT"),
        new("plover_context", "TEXT"),
        new("sentence_text", "TEXT NOT NULL"),
        new("sentence_start", "INTEGER NOT NULL"),
        new("sentence_end", "INTEGER NOT NULL"),
        new("source_text", "TEXT"),
        new("source_start", "INTEGER"),
        new("source_end", "INTEGER"),
        new("verb_text", "TEXT NOT NULL"),
        new("verb_start", "INTEGER NOT NULL"),
        new("verb_end", "INTEGER NOT NULL"),
        new("target_text", "TEXT"),
        new("target_start", "INTEGER"),
        new("target_end", "INTEGER"),
        new("location_name", "TEXT"),
        new("location_country", "TEXT"),
        new("location_adm1", "TEXT"),
        new("location_lat", "DOUBLE PRECISION"),
        new("location_lon", "DOUBLE PRECISION"),
        new("location_geonames_id", "BIGINT"),
        new("location_feature", "TEXT"),
        new("rule", "TEXT NOT NULL"),
        new("rule_source", "TEXT NOT NULL"),
        new("knowledge_base", "TEXT NOT NULL", Selected: false),

        // Version 3: where an actor's country came from when its words gave none (the article's country).
        new("source_country_from", "TEXT", Since: 3),
        new("target_country_from", "TEXT", Since: 3),
    ];

    /// <summary>The columns of <c>documents</c> a write gives values for, in the order of <see cref="EventRows.DocumentRow"/>'s values.</summary>
    /// <remarks>Only <see cref="StoreColumn.Selected"/> ones are read back, in <see cref="EventRows.ReadDocument"/>'s order.</remarks>
    public static IReadOnlyList<StoreColumn> Documents { get; } =
    [
        new("id", "TEXT PRIMARY KEY"),
        new("content_hash", "TEXT NOT NULL"),
        new("url", "TEXT"),
        new("title", "TEXT"),
        new("source", "TEXT"),
        new("published", "TIMESTAMP"),
        new("published_from", "TEXT"),
        new("input", "TEXT", Selected: false),
        new("place", "TEXT", Selected: false),
        new("text", "TEXT NOT NULL"),
        new("ingested_at", "TIMESTAMP NOT NULL"),
        new("knowledge_base", "TEXT NOT NULL"),
        new("story_id", "TEXT NOT NULL"),
        new("signature", "BYTEA", Selected: false),

        // Version 2: what re-coding needs to rebuild the article as ingest read it.
        new("dateline_start", "INTEGER", Since: 2),
        new("dateline_end", "INTEGER", Since: 2),
        new("published_offset", "INTEGER", Since: 2),
    ];

    /// <summary>The names of <see cref="Events"/>, for an INSERT.</summary>
    public static IReadOnlyList<string> EventNames { get; } = [.. Events.Select(c => c.Name)];

    /// <summary>The names of <see cref="Documents"/>, for an INSERT.</summary>
    public static IReadOnlyList<string> DocumentNames { get; } = [.. Documents.Select(c => c.Name)];

    /// <summary>
    /// The SELECT list of a stored mention over <c>events e JOIN documents d</c>, in <see cref="EventRows.ReadMention"/>'s
    /// order: the id, the counted day, the selected event columns, then the document's facts.
    /// </summary>
    public static string Mention { get; } =
        $"e.id, {StoreSchema.Day} AS day, "
        + string.Join(", ", Events.Where(c => c.Selected).Select(c => "e." + c.Name))
        + ", d.url, d.title, d.source, d.published, d.ingested_at, d.story_id, LENGTH(d.text)";

    /// <summary>The SELECT list of a stored document, in <see cref="EventRows.ReadDocument"/>'s order.</summary>
    public static string Document { get; } = string.Join(", ", Documents.Where(c => c.Selected).Select(c => c.Name));

    /// <summary>The column definitions of a CREATE TABLE, one a line.</summary>
    /// <param name="columns">The columns.</param>
    /// <returns>The definitions joined by commas and new lines.</returns>
    public static string Definitions(IEnumerable<StoreColumn> columns) => string.Join(",\n    ", columns.Select(c => c.Name + " " + c.Definition));
}
