namespace Dyad.Store;

/// <summary>
/// The store's tables, the same SQL for DuckDB and PostgreSQL (only types both accept: TEXT, INTEGER, BIGINT, DOUBLE
/// PRECISION, DATE, TIMESTAMP (UTC, without zone), BYTEA). Creating it is idempotent.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>documents</c>: one row per document key; <c>seq</c> is the order of storing; <c>signature</c> its MinHash (<see cref="StorySignature"/>); <c>story_id</c> its story group.</item>
/// <item><c>events</c>: one row per coded mention, with the evidence spans (character offsets of the document's text), the place and the rule.</item>
/// <item><c>story_bands</c>: the LSH band keys of each document's signature, to find near-duplicate candidates.</item>
/// <item><c>quarantine</c>: inputs that failed a stage, once per (input, place, stage).</item>
/// <item><c>daily_events</c> (view): the one-a-day filter with NumMentions, NumSources, NumArticles and NumStories.</item>
/// <item><c>schema_version</c>: the versions applied.</item>
/// </list>
/// There are no foreign keys (DuckDB cannot update a row that a foreign key points at); the store keeps
/// <c>events.document_id</c> and <c>story_bands.document_id</c> pointing at stored documents by writing them in the
/// document's transaction.
/// The columns of <c>documents</c> and <c>events</c> are listed once, in <see cref="StoreColumns"/>.
/// </remarks>
public static class StoreSchema
{
    /// <summary>The schema version this code writes and reads.</summary>
    /// <remarks>
    /// Version 2 added <c>documents.dateline_start</c>, <c>dateline_end</c> and <c>published_offset</c>; a version 1 store
    /// gains them (null in its old rows) when this code opens it, and is version 2 from then on. Version 3 added
    /// <c>events.source_country_from</c> and <c>target_country_from</c> in the same way.
    /// </remarks>
    public const int Version = 3;

    /// <summary>The statements that create the schema, in order.</summary>
    public static IReadOnlyList<string> Statements { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER PRIMARY KEY,
            applied_at TIMESTAMP NOT NULL
        )
        """,
        "CREATE SEQUENCE IF NOT EXISTS document_seq START 1",
        "CREATE SEQUENCE IF NOT EXISTS event_seq START 1",
        $"""
        CREATE TABLE IF NOT EXISTS documents (
            {StoreColumns.Definitions(StoreColumns.Documents.Take(1))},
            seq BIGINT NOT NULL DEFAULT nextval('document_seq'),
            {StoreColumns.Definitions(StoreColumns.Documents.Skip(1))}
        )
        """,
        $"""
        CREATE TABLE IF NOT EXISTS events (
            id BIGINT PRIMARY KEY DEFAULT nextval('event_seq'),
            {StoreColumns.Definitions(StoreColumns.Events)},
            CHECK (sentence_start <= sentence_end AND verb_start <= verb_end)
        )
        """,
        .. StoreColumns.Documents.Where(c => c.Since > 1).Select(c => $"ALTER TABLE documents ADD COLUMN IF NOT EXISTS {c.Name} {c.Definition}"),
        .. StoreColumns.Events.Where(c => c.Since > 1).Select(c => $"ALTER TABLE events ADD COLUMN IF NOT EXISTS {c.Name} {c.Definition}"),
        "CREATE INDEX IF NOT EXISTS events_document ON events (document_id)",
        """
        CREATE TABLE IF NOT EXISTS story_bands (
            band_key BIGINT NOT NULL,
            document_id TEXT NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS story_bands_key ON story_bands (band_key)",
        """
        CREATE TABLE IF NOT EXISTS quarantine (
            input TEXT NOT NULL,
            place TEXT NOT NULL,
            stage TEXT NOT NULL,
            reason TEXT NOT NULL,
            content TEXT,
            quarantined_at TIMESTAMP NOT NULL,
            PRIMARY KEY (input, place, stage)
        )
        """,
        $"""
        CREATE OR REPLACE VIEW daily_events AS
        SELECT g.day, g.source, g.target, g.cameo, g.num_mentions, g.num_sources, g.num_articles, g.num_stories, g.date_added,
               e.root, e.quad_class, e.goldstein, e.plover_event, e.id AS first_event_id, e.document_id AS first_document_id
        FROM ({DailyGroups("")}) g
        JOIN events e ON e.id = g.first_id
        """,
    ];

    /// <summary>The one-a-day grouping over mentions joined to their documents (<c>e</c>, <c>d</c>), with a WHERE clause.</summary>
    /// <param name="where">A WHERE clause over <c>e</c> and <c>d</c> (with the word WHERE), or empty.</param>
    /// <param name="having">A HAVING clause over the groups (with the word HAVING), or empty.</param>
    /// <returns>A SELECT of day, source, target, cameo, the counts, date_added and first_id.</returns>
    internal static string DailyGroups(string where, string having = "") => $"""
        SELECT {Day} AS day, e.source, e.target, e.cameo,
               COUNT(*) AS num_mentions,
               COUNT(DISTINCT COALESCE(d.source, d.id)) AS num_sources,
               COUNT(DISTINCT e.document_id) AS num_articles,
               COUNT(DISTINCT d.story_id) AS num_stories,
               MIN(d.ingested_at) AS date_added,
               MIN(e.id) AS first_id
        FROM events e JOIN documents d ON d.id = e.document_id
        {where}
        GROUP BY {Day}, e.source, e.target, e.cameo
        {having}
        """;

    /// <summary>The day a mention is counted on: its event date, else its document's publication day.</summary>
    internal const string Day = "COALESCE(e.event_date, CAST(d.published AS DATE))";
}
