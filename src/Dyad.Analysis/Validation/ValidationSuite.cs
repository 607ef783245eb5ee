using System.Collections.Immutable;
using System.Globalization;
using Dyad.Coding.Dictionaries;

namespace Dyad.Analysis.Validation;

/// <summary>
/// The <c>&lt;Environment&gt;</c> block of a validation suite: which dictionaries to load (file names relative to the
/// suite's folder) and which record categories to evaluate.
/// </summary>
public sealed class SuiteEnvironment
{
    internal SuiteEnvironment(ImmutableDictionary<string, string> settings)
    {
        Settings = settings;
        VerbFile = Single("Verbfile");
        ActorFiles = List("Actorfile");
        AgentFiles = List("Agentfile");
        DiscardFile = Single("Discardfile");
        IssueFile = Single("Issuefile");
        OntologyFile = Single("PICOfile");
        ErrorFile = Single("Errorfile");
        Include = Words("Include");
        Exclude = Words("Exclude");
    }

    /// <summary>An environment with no settings.</summary>
    public static SuiteEnvironment Empty { get; } = new(ImmutableDictionary<string, string>.Empty);

    /// <summary>Every child element of <c>&lt;Environment&gt;</c> by name (case-insensitive) with its trimmed text.</summary>
    public ImmutableDictionary<string, string> Settings { get; }

    /// <summary><c>&lt;Verbfile&gt;</c>, or null.</summary>
    public string? VerbFile { get; }

    /// <summary><c>&lt;Actorfile&gt;</c>: one or more file names separated by commas.</summary>
    public ImmutableArray<string> ActorFiles { get; }

    /// <summary><c>&lt;Agentfile&gt;</c>: one or more file names separated by commas.</summary>
    public ImmutableArray<string> AgentFiles { get; }

    /// <summary><c>&lt;Discardfile&gt;</c>, or null.</summary>
    public string? DiscardFile { get; }

    /// <summary><c>&lt;Issuefile&gt;</c>, or null.</summary>
    public string? IssueFile { get; }

    /// <summary><c>&lt;PICOfile&gt;</c>, the internal coding ontology, or null.</summary>
    public string? OntologyFile { get; }

    /// <summary><c>&lt;Errorfile&gt;</c> (not used by PETRARCH either), or null.</summary>
    public string? ErrorFile { get; }

    /// <summary><c>&lt;Include&gt;</c>: the record categories to evaluate; empty means all.</summary>
    public ImmutableArray<string> Include { get; }

    /// <summary><c>&lt;Exclude&gt;</c>: record categories not to evaluate.</summary>
    public ImmutableArray<string> Exclude { get; }

    /// <summary>True when a record of <paramref name="category"/> should be evaluated under <see cref="Include"/> and <see cref="Exclude"/>.</summary>
    /// <param name="category">The record's category; compared ordinally, ignoring case.</param>
    public bool Includes(string category) =>
        (Include.IsEmpty || Include.Contains(category, StringComparer.OrdinalIgnoreCase)) && !Exclude.Contains(category, StringComparer.OrdinalIgnoreCase);

    /// <summary>The dictionary paths, each file name resolved against <paramref name="baseDirectory"/> (usually the suite's folder).</summary>
    /// <param name="baseDirectory">Folder the file names are relative to; rooted names are kept.</param>
    /// <exception cref="ArgumentNullException"><paramref name="baseDirectory"/> is null.</exception>
    public DictionaryFiles ToDictionaryFiles(string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(baseDirectory);
        string? Resolve(string? name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return null;
            }

            try
            {
                return Path.GetFullPath(name, Path.GetFullPath(baseDirectory));
            }
            catch (ArgumentException)
            {
                return name; // not a usable path; the reader reports it as unreadable
            }
        }

        return new DictionaryFiles
        {
            Verbs = Resolve(VerbFile),
            Actors = [.. ActorFiles.Select(Resolve).OfType<string>()],
            Agents = [.. AgentFiles.Select(Resolve).OfType<string>()],
            Discards = Resolve(DiscardFile),
            Issues = Resolve(IssueFile),
            Ontology = Resolve(OntologyFile),
        };
    }

    private string? Single(string name) => Settings.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    private ImmutableArray<string> List(string name) =>
        Settings.TryGetValue(name, out var value) ? [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : [];

    private ImmutableArray<string> Words(string name) =>
        Settings.TryGetValue(name, out var value) ? [.. value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)] : [];
}

/// <summary>
/// One <c>&lt;EventCoding&gt;</c> of a record: a gold event (<c>eventcode</c>, <c>sourcecode</c>, <c>targetcode</c>),
/// or <c>noevents="True"</c>, or an expected <c>error</c>.
/// </summary>
/// <param name="Attributes">Every attribute by name (case-insensitive), values as written (entities decoded).</param>
/// <param name="Line">1-based line of the element in the suite file.</param>
public sealed record GoldCoding(ImmutableDictionary<string, string> Attributes, int Line)
{
    /// <summary>The CAMEO event code, such as <c>050</c>, or null.</summary>
    public string? EventCode => Attributes.GetValueOrDefault("eventcode");

    /// <summary>The source actor code, such as <c>ARN</c>, or null.</summary>
    public string? SourceCode => Attributes.GetValueOrDefault("sourcecode");

    /// <summary>The target actor code, or null.</summary>
    public string? TargetCode => Attributes.GetValueOrDefault("targetcode");

    /// <summary>True for <c>noevents="True"</c>: the record must code no event.</summary>
    public bool NoEvents => string.Equals(Attributes.GetValueOrDefault("noevents"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The expected error (such as <c>sentencediscard</c>), or null.</summary>
    public string? Error => Attributes.GetValueOrDefault("error");

    /// <summary>True when the coding names an event (has an event code).</summary>
    public bool IsEvent => EventCode is not null;

    /// <summary>Formats as <c>050 ARN GON</c>, <c>noevents</c> or <c>error=...</c>.</summary>
    public override string ToString() => IsEvent ? $"{EventCode} {SourceCode} {TargetCode}" : NoEvents ? "noevents" : "error=" + Error;
}

/// <summary>One <c>&lt;Sentence&gt;</c> of a validation suite: the text, its parse and the gold codings.</summary>
public sealed class ValidationRecord
{
    internal ValidationRecord(ImmutableDictionary<string, string> attributes, ImmutableArray<GoldCoding> codings, string text, string parse, int parseLine, ImmutableArray<string> comments, ImmutableArray<string> ploverEvents, ImmutableDictionary<string, string> options, SourceLine source)
    {
        Attributes = attributes;
        Codings = codings;
        Text = text;
        Parse = parse;
        ParseLine = parseLine;
        Comments = comments;
        PloverEvents = ploverEvents;
        Options = options;
        Source = source;
        Date = PetrarchDate.TryParse(DateText, out var date) ? date : null;
    }

    /// <summary>Every attribute of <c>&lt;Sentence&gt;</c> by name (case-insensitive).</summary>
    public ImmutableDictionary<string, string> Attributes { get; }

    /// <summary>The <c>id</c> attribute, such as <c>DEMO-01</c>; empty when missing.</summary>
    public string Id => Attributes.GetValueOrDefault("id", string.Empty);

    /// <summary>The <c>category</c> attribute, such as <c>DEMO</c>; empty when missing.</summary>
    public string Category => Attributes.GetValueOrDefault("category", string.Empty);

    /// <summary>The <c>date</c> attribute as written (YYYYMMDD); empty when missing.</summary>
    public string DateText => Attributes.GetValueOrDefault("date", string.Empty);

    /// <summary>The story date, or null when the attribute is missing or not a date.</summary>
    public DateOnly? Date { get; }

    /// <summary>False when <c>evaluate="false"</c>: the record is in the suite but not scored.</summary>
    public bool Evaluate => !string.Equals(Attributes.GetValueOrDefault("evaluate"), "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>All <c>&lt;EventCoding&gt;</c> elements in order.</summary>
    public ImmutableArray<GoldCoding> Codings { get; }

    /// <summary>The gold events (codings with an event code).</summary>
    public IEnumerable<GoldCoding> Events => Codings.Where(c => c.IsEvent);

    /// <summary>True when a coding says <c>noevents="True"</c>.</summary>
    public bool ExpectsNoEvents => Codings.Any(c => c.NoEvents);

    /// <summary>The expected error of the first coding that gives one, or null.</summary>
    public string? ExpectedError => Codings.Select(c => c.Error).FirstOrDefault(e => e is not null);

    /// <summary>The <c>&lt;Text&gt;</c> with line breaks and runs of white space turned into single spaces.</summary>
    public string Text { get; }

    /// <summary>The <c>&lt;Parse&gt;</c> content (CoNLL-U rows) as written, without leading and trailing blank lines.</summary>
    public string Parse { get; }

    /// <summary>1-based line of the suite file where the first row of <see cref="Parse"/> stands.</summary>
    public int ParseLine { get; }

    /// <summary>The record's XML comments (test descriptions), trimmed, in order.</summary>
    public ImmutableArray<string> Comments { get; }

    /// <summary>The JSON of each <c>&lt;PLEvent ...&gt;</c> line (PLOVER equivalents, not XML; PETRARCH ignores them).</summary>
    public ImmutableArray<string> PloverEvents { get; }

    /// <summary>The <c>&lt;Config option=... value=...&gt;</c> settings in effect for this record (set by earlier Config elements).</summary>
    public ImmutableDictionary<string, string> Options { get; }

    /// <summary>File and line of the <c>&lt;Sentence&gt;</c> tag.</summary>
    public SourceLine Source { get; }

    /// <summary>
    /// The rows of <see cref="Parse"/>, each split into its 10 tab-separated CoNLL-U fields. Comment and blank lines are
    /// skipped; a line without exactly 10 fields is skipped and, when <paramref name="diagnostics"/> is given, reported
    /// there as <see cref="ErrorCodes.ConlluMalformed"/> with its line in the suite file.
    /// </summary>
    /// <param name="diagnostics">Where to report malformed lines, or null.</param>
    public IReadOnlyList<string[]> ParseRows(ICollection<Diagnostic>? diagnostics = null)
    {
        var rows = new List<string[]>();
        var lines = Parse.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length == 10)
            {
                rows.Add(fields);
                continue;
            }

            var number = (ParseLine + i).ToString(CultureInfo.InvariantCulture);
            diagnostics?.Add(new Diagnostic(ErrorCodes.ConlluMalformed, Severity.Warning, $"Expected a CoNLL-U row of 10 tab-separated fields in record {Id}, but found {fields.Length.ToString(CultureInfo.InvariantCulture)}. The row was skipped; separate the fields with single tabs.", Source.File, "line " + number));
        }

        return rows;
    }

    /// <summary>Returns <see cref="Id"/>.</summary>
    public override string ToString() => Id;
}

/// <summary>A PETRARCH validation suite file: the environment and the records in file order.</summary>
/// <param name="Path">The file's path as given to the reader (or the source name).</param>
/// <param name="Environment">The <c>&lt;Environment&gt;</c> block.</param>
/// <param name="Records">The <c>&lt;Sentence&gt;</c> records that could be read.</param>
public sealed record ValidationSuite(string Path, SuiteEnvironment Environment, ImmutableArray<ValidationRecord> Records)
{
    /// <summary>The dictionary files named in the environment, resolved against the suite file's folder.</summary>
    public DictionaryFiles DictionaryFiles => Environment.ToDictionaryFiles(Folder());

    private string Folder()
    {
        try
        {
            return System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? ".";
        }
        catch (ArgumentException)
        {
            return ".";
        }
    }
}
