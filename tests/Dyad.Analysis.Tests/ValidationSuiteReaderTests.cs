using Dyad.Analysis.Validation;
using Dyad.Coding.Dictionaries;

namespace Dyad.Analysis.Tests;

public sealed partial class ValidationSuiteReaderTests
{
    private const string Source = "snippet.records.xml";

    private const string Suite = """
        <?xml version='1.0' encoding='utf-8'?>
        <Validation>
        <!--
        #   a header comment that holds -- double dashes and <Sentence ... > text, as the real one does
        -->
        <Environment>
            <Verbfile>middle.verbs.txt</Verbfile>
            <Actorfile>gondor.actors.txt, rohan.actors.txt</Actorfile>
            <Agentfile>middle.agents.txt</Agentfile>
            <Discardfile>middle.discards.txt</Discardfile>
            <PICOfile>middle.pico.txt</PICOfile>
            <Include>DEMO RIDE</Include>
            <Exclude>BROKEN</Exclude>
        </Environment>
        <Sentences>
        <Sentence category="DEMO" date="30190325" id="DEMO-01" evaluate="true">
        <!-- Gondor and Rohan ride together -->
        <EventCoding eventcode="042" sourcecode="GON" targetcode="ROH" />
        <EventCoding eventcode="043" sourcecode="ROH" targetcode="&quot;THE MARK&quot;" />
        <PLEvent {"event": "042", "source": [{"code": "GON"}], "target": [{"code": "ROH"}]}>
        <Text>
        Lebennin rode to
        Rohan.
        </Text>
        <Parse>
        1	Lebennin	Lebennin	PROPN	NNP	Number=Sing	2	nsubj	_	_
        2	rode	ride	VERB	VBD	Tense=Past	0	root	_	_
        3	to	to	ADP	IN	_	4	case	_	_
        4	Rohan	Rohan	PROPN	NNP	Number=Sing	2	obl	_	SpaceAfter=No
        5	.	.	PUNCT	.	_	2	punct	_	_
        </Parse></Sentence>

        <Config option="comma_max" value="3" />

        <Sentence category="RIDE" date="19950101" id="RIDE-01" evaluate="false">
        <EventCoding noevents="true" />
        <Text>Nobody rode.</Text>
        <Parse>
        1	Nobody	nobody	PRON	NN	_	2	nsubj	_	_
        2	rode	ride	VERB	VBD	_	0	root
        </Parse></Sentence>

        <Sentence category="BROKEN" date="19950101" id="BROKEN-01">
        <EventCoding eventcode="042" sourcecode="GON" targetcode="ROH">
        <Text>Unclosed coding.</Text>
        </Sentence>

        <Sentence category="RIDE" date="1995" id="RIDE-02">
        <EventCoding error="sentencediscard" note="invented" />
        <Text>Mathom house.</Text>
        <Parse></Parse></Sentence>
        </Sentences>
        </Validation>
        """;

    private static ReadResult<ValidationSuite> ReadSuite() => ValidationSuiteReader.Parse(Suite, Source);

    [Fact]
    public void SuiteReader_ReadsTheSameFromATextReader()
    {
        // Given / When
        var fromReader = ValidationSuiteReader.Parse(new StringReader(Suite), Source);

        // Then
        Assert.Equal(ReadSuite().Value.Records.Select(r => r.Id), fromReader.Value.Records.Select(r => r.Id));
    }

    [Fact]
    public void SuiteReader_ReadsTheEnvironment()
    {
        // Given / When
        var environment = ReadSuite().Value.Environment;

        // Then several actor files split at commas; categories split at spaces
        Assert.Equal("middle.verbs.txt", environment.VerbFile);
        Assert.Equal(["gondor.actors.txt", "rohan.actors.txt"], environment.ActorFiles);
        Assert.Equal(["middle.agents.txt"], environment.AgentFiles);
        Assert.Equal(("middle.discards.txt", "middle.pico.txt"), (environment.DiscardFile, environment.OntologyFile));
        Assert.Null(environment.IssueFile);
        Assert.Equal(["DEMO", "RIDE"], environment.Include);
        Assert.True(environment.Includes("demo"));
        Assert.False(environment.Includes("BROKEN"));
        Assert.False(environment.Includes("OTHER"));
    }

    [Fact]
    public void SuiteReader_ResolvesDictionaryPathsAgainstTheSuiteFolder()
    {
        // Given a suite read from /data/suite/records.xml
        var suite = ReadSuite().Value with { Path = Path.Combine(Path.GetTempPath(), "suite", "records.xml") };

        // When
        var files = suite.DictionaryFiles;

        // Then
        Assert.Equal(Path.Combine(Path.GetTempPath(), "suite", "middle.verbs.txt"), files.Verbs);
        Assert.Equal(2, files.Actors.Length);
        Assert.All(files.Actors, p => Assert.StartsWith(Path.Combine(Path.GetTempPath(), "suite"), p, StringComparison.Ordinal));
    }

    [Fact]
    public void SuiteReader_ReadsRecordsWithGoldCodings()
    {
        // Given / When
        var record = ReadSuite().Value.Records[0];

        // Then
        Assert.Equal(("DEMO-01", "DEMO", "30190325", true), (record.Id, record.Category, record.DateText, record.Evaluate));
        Assert.Equal(new DateOnly(3019, 3, 25), record.Date);
        Assert.Equal("Lebennin rode to Rohan.", record.Text);
        Assert.Equal(["042 GON ROH", "043 ROH \"THE MARK\""], record.Codings.Select(c => c.ToString()));
        Assert.Equal(2, record.Events.Count());
        Assert.False(record.ExpectsNoEvents);
        Assert.Equal(["Gondor and Rohan ride together"], record.Comments);
        Assert.StartsWith("{\"event\": \"042\"", Assert.Single(record.PloverEvents), StringComparison.Ordinal);
        Assert.Equal(new SourceLine(Source, 16), record.Source);
        Assert.Equal(18, record.Codings[0].Line);
        Assert.Empty(record.Options);
    }

    [Fact]
    public void SuiteReader_SplitsTheParseIntoRowsOfTenFields()
    {
        // Given the first record's CoNLL-U
        var record = ReadSuite().Value.Records[0];

        // When
        var rows = record.ParseRows();

        // Then
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal(10, r.Length));
        Assert.Equal(["2", "rode", "ride", "VERB", "VBD", "Tense=Past", "0", "root", "_", "_"], rows[1]);
        Assert.Equal(26, record.ParseLine);
    }

    [Fact]
    public void SuiteReader_ReportsMalformedParseRowsAtTheirLine()
    {
        // Given a record whose second parse row has 8 fields
        var record = ReadSuite().Value.Records[1];
        var diagnostics = new List<Diagnostic>();

        // When
        var rows = record.ParseRows(diagnostics);

        // Then
        Assert.Single(rows);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((ErrorCodes.ConlluMalformed, "line 40"), (diagnostic.Code, diagnostic.Location));
    }

    [Fact]
    public void SuiteReader_AppliesConfigToLaterRecords()
    {
        // Given <Config option="comma_max" value="3" /> between the first two records
        var records = ReadSuite().Value.Records;

        // When
        var second = records[1];

        // Then
        Assert.Equal("3", second.Options["comma_max"]);
        Assert.False(second.Evaluate);
        Assert.True(second.ExpectsNoEvents);
    }

    [Fact]
    public void SuiteReader_SkipsAMalformedRecordAndReadsTheRest()
    {
        // Given BROKEN-01 whose EventCoding is never closed, and RIDE-02 with a bad date
        var result = ReadSuite();

        // When
        var ids = result.Value.Records.Select(r => r.Id);

        // Then
        Assert.Equal(["DEMO-01", "RIDE-01", "RIDE-02"], ids);
        var broken = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal((ErrorCodes.ValidationRecordSkipped, Source), (broken.Code, broken.Source));
        Assert.Equal("line 46", broken.Location); // where the parser found </Sentence> closing <EventCoding>
        var date = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Warning);
        Assert.Contains("1995", date.Message, StringComparison.Ordinal);
        Assert.Null(result.Value.Records[2].Date);
        Assert.Equal("sentencediscard", result.Value.Records[2].ExpectedError);
    }

    [Theory]
    [InlineData("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Sentence id=\"X\" date=\"19950101\"><Text>&e;</Text><EventCoding noevents=\"True\"/></Sentence>")]
    [InlineData("<Sentence id=\"X\" date=\"19950101\"><Text>&e;</Text></Sentence>")]
    [InlineData("<Sentence id=\"X\" date=\"19950101\"><Text>no end")]
    [InlineData("<Sentence id=\"X\"><Sentence id=\"Y\" date=\"19950101\"></Sentence>")]
    [InlineData("<Sentence id=\"X\" <Config option=\"a\" value=\"b\"/></Sentences>")]
    [InlineData("<Sentence id=\"X\"/></Sentences><Text>root</Text>")]
    [InlineData("<Sentence/>")]
    public void SuiteReader_NeverResolvesEntitiesAndSkipsBrokenRecords(string text)
    {
        // Given a DTD with an external entity, an undefined entity or a record without an end
        // When
        var result = ValidationSuiteReader.Parse(text, Source);

        // Then nothing throws, no entity is expanded, and every problem is a diagnostic
        Assert.DoesNotContain(result.Value.Records, r => r.Text.Contains("root", StringComparison.Ordinal));
        Assert.NotEmpty(result.Diagnostics);
    }
}
