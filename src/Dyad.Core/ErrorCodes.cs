namespace Dyad;

/// <summary>
/// The one catalog of Dyad's stable diagnostic codes. Ranges: DY1xxx reading input, DY2xxx language processing,
/// DY3xxx dictionaries and event coding, DY4xxx articles, dates and places, DY5xxx storage and export,
/// DY6xxx the HTTP service. A code, once published, keeps its meaning; a test checks every code here is documented.
/// </summary>
public static class ErrorCodes
{
    /// <summary>Input bytes are not valid UTF-8; the bad bytes were replaced with U+FFFD.</summary>
    public const string InvalidUtf8 = "DY1001";

    /// <summary>An input file or directory does not exist or cannot be read.</summary>
    public const string InputUnreadable = "DY1002";

    /// <summary>A CoNLL-U line is malformed.</summary>
    public const string ConlluMalformed = "DY1003";

    /// <summary>The input holds NUL or other control characters that suggest binary data; they were treated as spaces.</summary>
    public const string BinaryContent = "DY1004";

    /// <summary>Input with a UTF-16 byte order mark holds unpaired surrogates or an odd final byte; they were replaced with U+FFFD.</summary>
    public const string InvalidUtf16 = "DY1005";

    /// <summary>
    /// An input was not read as text: its bytes are binary (an image, archive, executable or database file such as a
    /// DuckDB store), or, under an input folder, it is a FIFO, socket or device, a link to a file or folder already read
    /// (a link loop), or the store being written. Binary inputs are errors (quarantined); the others are skipped with a warning.
    /// </summary>
    public const string InputSkipped = "DY1006";

    /// <summary>A model file is missing, truncated or of an unknown version.</summary>
    public const string ModelUnreadable = "DY2002";

    /// <summary>A stage ran before the stage whose output it needs.</summary>
    public const string StageOrder = "DY2003";

    /// <summary>A training or evaluation file holds no usable sentence.</summary>
    public const string NoTrainingData = "DY2004";

    /// <summary>A stage of the analysis (language, coding, learned layer, dates, places) failed on a document.</summary>
    public const string AnalysisFailed = "DY2005";

    /// <summary>A dictionary line does not follow its file's format and was skipped.</summary>
    public const string DictionaryLineSkipped = "DY3001";

    /// <summary>A dictionary line had a mistake that could be repaired (a missing bracket, legacy syntax); it was read as repaired.</summary>
    public const string DictionaryLineRepaired = "DY3002";

    /// <summary>A verb pattern or synonym set refers to a synonym set (<c>&amp;NAME</c>) that the file never defines.</summary>
    public const string SynonymSetUndefined = "DY3003";

    /// <summary>A name, phrase or code is defined twice in a dictionary; which definition is used is stated in the message.</summary>
    public const string DictionaryDuplicate = "DY3004";

    /// <summary>A dated actor role holds a date that is not a calendar date, or a range that ends before it starts; the role was skipped.</summary>
    public const string DateRestrictionInvalid = "DY3005";

    /// <summary>A dictionary line holds control characters, U+FFFD or mis-decoded text (mojibake); it was read as it stands.</summary>
    public const string SuspiciousCharacters = "DY3006";

    /// <summary>An event, actor or agent code has an unusual form (not digits, lower case, stray symbols); it was kept as written.</summary>
    public const string UnusualCode = "DY3007";

    /// <summary>A record or setting of a validation suite file could not be read; it was skipped.</summary>
    public const string ValidationRecordSkipped = "DY3008";

    /// <summary>An actor has neither a code nor a dated role; it is kept, so its phrases match, but it codes nothing.</summary>
    public const string ActorCodeMissing = "DY3009";

    /// <summary>A line of Dyad's knowledge base (data/kb) does not follow the format of data/kb/README.md; it was skipped.</summary>
    public const string KnowledgeBaseLineSkipped = "DY3010";

    /// <summary>A verb or pattern of the knowledge base gives an event code that is not in Dyad's CAMEO code table.</summary>
    public const string EventCodeUnknown = "DY3011";

    /// <summary>An actor or agent code of the knowledge base is malformed, or names a country or agent that countries.txt or agents.txt does not define.</summary>
    public const string ActorCodeUnknown = "DY3012";

    /// <summary>One phrase of the knowledge base codes as two different actors or agents (for people: on some common day).</summary>
    public const string PhraseConflict = "DY3013";

    /// <summary>Two dated roles of one person with different codes overlap, and neither range contains the other.</summary>
    public const string RoleOverlap = "DY3014";

    /// <summary>A verb pattern can never match: it has no '*' or several, two targets '+', a '+' inside a noun phrase, or an undeclared set.</summary>
    public const string PatternUnmatchable = "DY3015";

    /// <summary>A verb block has the code '---' and no pattern, so it can never give an event.</summary>
    public const string VerbCodesNothing = "DY3016";

    /// <summary>A synonym set of the knowledge base is declared but no pattern or set uses it.</summary>
    public const string SynonymSetUnused = "DY3017";

    /// <summary>A date or date range of the knowledge base is not ISO YYYY-MM-DD, not a calendar date, or ends before it starts; the role was skipped.</summary>
    public const string DateRangeInvalid = "DY3018";

    /// <summary>A record of an event gold file (events-dev JSON Lines) is not JSON, lacks its id or text, or has a QuadClass out of range; it was skipped.</summary>
    public const string GoldUnreadable = "DY3019";

    /// <summary>An office holder in people.txt disagrees with the reference given to <c>dict check --factbook</c> (the World Factbook's chief of state or head of government).</summary>
    public const string FactbookDisagreement = "DY3020";

    /// <summary>A document holds no text to parse (an empty file, feed item or JSON text); it gave no article.</summary>
    public const string DocumentEmpty = "DY4001";

    /// <summary>A JSON Lines line is not a JSON object with a text field; the line was skipped, the others read.</summary>
    public const string JsonLineInvalid = "DY4002";

    /// <summary>An XML input declares a DTD or entities; it was refused without expanding anything.</summary>
    public const string XmlDtdRefused = "DY4003";

    /// <summary>A feed is not well-formed XML (often truncated) or is neither RSS nor Atom; items before the fault were read.</summary>
    public const string FeedMalformed = "DY4004";

    /// <summary>An HTML page ends inside a tag, comment or open element, as truncated pages do; what was there was read.</summary>
    public const string HtmlTruncated = "DY4005";

    /// <summary>A document is larger than the configured limit: plain text was split into parts, an HTML page or JSON line refused.</summary>
    public const string DocumentTooLarge = "DY4006";

    /// <summary>A date given in JSON, page metadata or a feed could not be read; the date was looked for elsewhere.</summary>
    public const string DateUnreadable = "DY4007";

    /// <summary>A numeric publication date such as 05/04/2017 could be read day-first or month-first; the message says which was used.</summary>
    public const string DateAmbiguous = "DY4008";

    /// <summary>The encoding named by the caller or declared in the document is unknown; the input was read as UTF-8.</summary>
    public const string EncodingUnknown = "DY4009";

    /// <summary>No publication date was found for an article; relative event dates cannot be resolved for it.</summary>
    public const string PublicationDateMissing = "DY4010";

    /// <summary>The store refused a document (a constraint failed or a value did not fit its column); it was quarantined with stage <c>store</c>.</summary>
    public const string DocumentRefused = "DY5001";

    /// <summary>A store could not be opened: no such DuckDB file, a file another process holds, or a PostgreSQL server that does not answer or refuses the login.</summary>
    public const string StoreUnavailable = "DY5002";

    /// <summary>A store was written by a newer schema version than this Dyad reads.</summary>
    public const string StoreSchemaNewer = "DY5003";

    /// <summary>An export could not be written to its file.</summary>
    public const string ExportUnwritable = "DY5004";

    /// <summary>An HTTP request's parameters or body are not valid (a date that is not YYYY-MM-DD, a limit out of range).</summary>
    public const string RequestInvalid = "DY6001";

    /// <summary>An HTTP request needs the write token and did not carry it.</summary>
    public const string TokenRequired = "DY6002";

    /// <summary>An HTTP request's body is larger than the server's limit.</summary>
    public const string RequestTooLarge = "DY6003";

    /// <summary>An HTTP request names an event or document the store does not hold.</summary>
    public const string ResourceNotFound = "DY6004";

    /// <summary>An HTTP request's body has a media type the server does not read.</summary>
    public const string MediaTypeUnsupported = "DY6005";

    /// <summary>The server cannot code documents: its models or knowledge base could not be loaded.</summary>
    public const string CodingUnavailable = "DY6006";

    /// <summary>Every code with a one-line explanation: what went wrong and what to do. Listed in docs/errors.md and checked there by a test.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [InvalidUtf8] = "Input is not valid UTF-8. The bad bytes were replaced with U+FFFD and processing went on; re-encode the file as UTF-8 to keep the original characters.",
        [InputUnreadable] = "An input path does not exist or cannot be read. Check the path and its permissions.",
        [ConlluMalformed] = "A CoNLL-U line does not have ten tab-separated fields, or a field holds a value of the wrong kind. The sentence is skipped; fix the line.",
        [BinaryContent] = "The input holds NUL or other control characters, as binary files do. They were read as spaces; check that the file is text.",
        [InvalidUtf16] = "Input read as UTF-16 holds unpaired surrogates or ends in half a character. The bad units were replaced with U+FFFD and processing went on; check the file's encoding.",
        [InputSkipped] = "An input was not read as text. Binary bytes (an image, archive, executable or a database such as a DuckDB store and its .wal) are refused and quarantined; under a folder, a FIFO, socket or device, a link to a file or folder already read (a link loop), and the store being written are skipped with a warning. Give text files, and keep the store outside the input folder.",
        [ModelUnreadable] = "A model file is missing, truncated or written by another version. Rebuild it with './dyad train' or restore it from the repository.",
        [StageOrder] = "A stage needs annotations that an earlier stage makes (for example the parser needs tags). Run the stages in the pipeline's order.",
        [NoTrainingData] = "A training or evaluation file holds no sentence that could be read. Check that it is CoNLL-U.",
        [AnalysisFailed] = "A stage of the analysis failed on a document; the document is in the quarantine under that stage's name with the error, and the run went on. Please report it with the document (dyad quarantine shows it).",
        [DictionaryLineSkipped] = "A dictionary line does not follow the format its file header describes and was skipped; the rest of the file was read. Fix the line as the message says.",
        [DictionaryLineRepaired] = "A dictionary line had a mistake with one plausible repair (a missing bracket or dash, a legacy ';' comment) and was read as repaired. Fix the line so the repair is not needed.",
        [SynonymSetUndefined] = "A pattern or synonym set names a synonym set that the verb file never defines, so that pattern can never match. Define the set with '&NAME' and '+' lines, or correct the name.",
        [DictionaryDuplicate] = "The same name, phrase or code is defined twice; the message says which definition is used. Remove or merge one of them.",
        [DateRestrictionInvalid] = "A date restriction of an actor role is not YYMMDD or YYYYMMDD, is not a calendar date, or ends before it starts. The role was skipped; correct the date.",
        [SuspiciousCharacters] = "A dictionary line holds control characters, U+FFFD or text that looks mis-decoded (such as 'Ã' followed by another accented letter). It was read as it stands and will rarely match; restore the intended characters.",
        [UnusualCode] = "A code is not in the usual form (CAMEO event codes are 2 to 4 digits or '---'; actor and agent codes are upper-case letters). It was kept as written; check it.",
        [ActorCodeMissing] = "An actor has no code on its line and no '[CODE]' line after it. It was kept, so its phrases still match, but it codes nothing. Add a code, or make it a '+' synonym of the actor it belongs to.",
        [ValidationRecordSkipped] = "A <Sentence>, <EventCoding>, <Config> or <Environment> part of a validation suite file is malformed and was skipped; the other records were read. Fix its XML.",
        [KnowledgeBaseLineSkipped] = "A knowledge-base line does not have the fields, brackets or indentation data/kb/README.md describes for its file. It was skipped and the rest was read; fix the line as the message says.",
        [EventCodeUnknown] = "A verb or pattern gives an event code that is not in data/codes/cameo.tsv, so its events would carry a code no one can interpret. Use a CAMEO code from the table, or '---' for no event.",
        [ActorCodeUnknown] = "An actor or agent code is not upper-case letters in groups of three, or starts with a country code countries.txt does not define, or ends in an agent code agents.txt does not define. Define the country or agent, or correct the code.",
        [PhraseConflict] = "The same phrase (ignoring case) codes as different actors or agents, so which code a mention gets depends on file order. Keep the phrase on one line only; two people may share a name only when their roles never overlap in time.",
        [RoleOverlap] = "Two dated roles of one person with different codes overlap and neither range contains the other, so the code on the shared days depends on which range is shorter. Make the ranges meet without overlapping, or nest one inside the other.",
        [PatternUnmatchable] = "A verb pattern can never match: it needs exactly one '*' (the verb), at most one '+' (the target), no '+' inside a noun phrase '{...}', and only declared '&SET's. Fix the pattern or declare the set.",
        [VerbCodesNothing] = "A verb block has the code '---' and no pattern, so it never gives an event. Give the verb a code or patterns, or delete the block.",
        [SynonymSetUnused] = "A synonym set is declared with 'set &NAME = ...' but no pattern or other set uses it. Use it in a pattern or delete it.",
        [DateRangeInvalid] = "A date range is not 'FROM..TO' with ISO dates (YYYY-MM-DD, either end may be left open), a date is not on the calendar, or the range ends before it starts. The role was skipped; correct the dates.",
        [GoldUnreadable] = "A record of an event gold file (`eval events`, `train events`) is not JSON, has no `id` or `text`, or has a `penta` outside 0-4. The record was skipped, the others used.",
        [FactbookDisagreement] = "`dict check --factbook` found a chief of state or head of government in the World Factbook whom people.txt does not have in that office on the profile's date, or a head of state or government in people.txt whom the profile does not name. Correct the role's dates in people.txt, or add the office holder.",
        [DocumentEmpty] = "A document holds no text to parse (an empty file, an empty feed item, a JSON line with empty text, a page with no body text). It gave no article and is reported so that nothing is dropped silently; check the input.",
        [JsonLineInvalid] = "A JSON Lines line is not valid JSON, not an object, or has no non-empty 'text' (or 'body', 'content', 'html') string. The line was skipped and the other lines were read; fix the line.",
        [XmlDtdRefused] = "An XML input declares a document type or entities (<!DOCTYPE ...>), which feeds never need and which can expand without bound or read local files. It was refused without expanding anything; remove the declaration if the feed is trusted.",
        [FeedMalformed] = "A feed is not well-formed XML (often because it was cut off) or its root is neither <rss>, <rdf:RDF> nor an Atom <feed>. The items before the fault were read; the message gives the line and column.",
        [HtmlTruncated] = "An HTML page ends inside a tag, a comment or an open element, or without its closing tags, as a page cut off in transfer does. What was there was read and may lack its end; fetch the page again.",
        [DocumentTooLarge] = "A document is larger than the configured limit. Plain text was split into parts at blank lines, each read as an article; an HTML page or a JSON line was refused. Split the input or raise the limit.",
        [DateUnreadable] = "A date given in JSON, page metadata or a feed could not be read as a calendar date. The publication date was looked for in the text instead; write dates as ISO 8601 (2015-11-12T16:01:00+02:00).",
        [DateAmbiguous] = "A numeric publication date such as 05/04/2017 reads both day-first and month-first. Non-English labels are read day-first, an English label with slashes month-first; the message says which was used. Give the date explicitly if it is wrong.",
        [EncodingUnknown] = "The encoding named by the caller or declared in the document (charset, XML encoding) is not known. The input was read as UTF-8 and bad bytes replaced; give a known encoding name such as windows-1254.",
        [PublicationDateMissing] = "No publication date was found in the options, the JSON, the page metadata, the feed or the text. Relative dates ('on Wednesday', 'last month') cannot be resolved for this article; give the date with the input.",
        [DocumentRefused] = "The store refused a document: a constraint failed or a value did not fit its column. Nothing of the document was stored; it is in the quarantine with stage 'store' and the engine's message. The rest of the batch was stored.",
        [StoreUnavailable] = "A store could not be opened: there is no DuckDB file at the path (reading commands do not create one), another process holds the file, or the PostgreSQL server does not answer or refuses the login. Check --store (or $DYAD_STORE), stop the other writer, or start the server.",
        [StoreSchemaNewer] = "The store was written by a newer Dyad (its schema version is newer than this one reads). Use a newer Dyad; an older store is upgraded in place when opened.",
        [ExportUnwritable] = "An export could not be written: the folder of --out does not exist or is not writable, or the disk is full. Name a file in a writable folder.",
        [RequestInvalid] = "A request to 'dyad serve' has a parameter or body that is not valid: the answer's 'errors' name each field and what was expected (dates as YYYY-MM-DD, limits within their ranges). Correct the request.",
        [TokenRequired] = "A write to 'dyad serve' (or a read from an address other than loopback) came without the server's token. Send it as 'Authorization: Bearer TOKEN'; the server prints the token at start and keeps it in the token file.",
        [RequestTooLarge] = "A request body is larger than the server's limit (--max-request-mb, 8 MB by default). Send fewer documents per request.",
        [ResourceNotFound] = "A request names an event id or document the store does not hold. List events with GET /api/events to find the ids.",
        [MediaTypeUnsupported] = "A POSTed document's Content-Type is not text/plain, text/html, application/json or application/x-ndjson. Send one of those.",
        [CodingUnavailable] = "The server could not load its language models, knowledge base or gazetteer, so it can serve the store but not code new documents. Check the paths its start-up message names.",
    };
}
