using Dyad.Analysis.Validation;
using Dyad.Coding.Dictionaries;

namespace Dyad.Analysis.Tests;

/// <summary>UniversalPetrarch's layout: a self-closed <c>&lt;Sentence .../&gt;</c> followed by its parts as siblings.</summary>
public sealed partial class ValidationSuiteReaderTests
{
    private const string UniversalSuite = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Validation>
        #   a header outside any comment that names <EventCoding...> records, as UniversalPetrarch's does
        <Environment>
            <Verbfile>middle.verbs.txt</Verbfile>
            <Actorfile>gondor.actors.txt</Actorfile>
            <Include>valid ARNOR</Include>
        </Environment>
        <Sentences>
        <Sentence category="ARNOR" date="30190401" id="ARN-01" evaluate="true"/>
        <EventCoding eventcode="042" sourcecode="ARN" targetcode="GON" />
        <EventCoding eventcode="042" sourcecode="GON" targetcode="ARN" />
        <Text>
        Arnor and Gondor
        met.
        </Text>
        <Parse>
        1	Arnor	Arnor	PROPN	NNP	_	4	nsubj	_	_
        2	and	and	CCONJ	CC	_	3	cc	_	_
        3	Gondor	Gondor	PROPN	NNP	_	1	conj	_	_
        4	met	meet	VERB	VBD	Tense=Past	0	root	_	SpaceAfter=No
        5	.	.	PUNCT	.	_	4	punct	_	_
        </Parse>
        </Sentence>

        <Sentence category="ARNOR" date="30190402" id="ARN-02" evaluate="true">
        <EventCoding eventcode="111" sourcecode="GON" targetcode="ARN" />
        <Text>Gondor criticized Arnor.</Text>
        <Parse>
        1	Gondor	Gondor	PROPN	NNP	_	2	nsubj	_	_
        2	criticized	criticize	VERB	VBD	_	0	root	_	_
        3	Arnor	Arnor	PROPN	NNP	_	2	obj	_	_
        </Parse> </Sentence>

        <Sentence category="ARNOR" date="30190403" id="ARN-03" evaluate="true"/>
        <!-- no closing tag: the parts run to the next record -->
        <EventCoding noevents="true"/>
        <Text>Arnor slept.</Text>
        <Parse>
        1	Arnor	Arnor	PROPN	NNP	_	2	nsubj	_	_
        2	slept	sleep	VERB	VBD	_	0	root	_	_
        </Parse>
        <Config option="require_dyad" value="False"/>
        <Sentence category="ARNOR" date="30190404" id="ARN-04" evaluate="true"/>
        <EventCoding eventcode="010" sourcecode="ARN" targetcode="---" />
        <Text>Arnor spoke.</Text>
        <Parse>
        1	Arnor	Arnor	PROPN	NNP	_	2	nsubj	_	_
        2	spoke	speak	VERB	VBD	_	0	root	_	_
        </Parse>
        </Sentences>
        </Validation>
        """;

    [Theory]
    [InlineData("ARN-01", 10, "Arnor and Gondor met.", 2, 5)]
    [InlineData("ARN-02", 26, "Gondor criticized Arnor.", 1, 3)]
    [InlineData("ARN-03", 35, "Arnor slept.", 0, 2)]
    [InlineData("ARN-04", 44, "Arnor spoke.", 1, 2)]
    public void SuiteReader_ReadsUniversalPetrarchSiblingRecords(string id, int line, string text, int events, int parseRows)
    {
        // Given self-closed records, closed by a stray </Sentence> or not at all, between PETRARCH-layout ones
        var result = ValidationSuiteReader.Parse(UniversalSuite, Source);

        // When
        var record = Assert.Single(result.Value.Records, r => r.Id == id);

        // Then each is read whole, at its own line, with no record skipped
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == ErrorCodes.ValidationRecordSkipped);
        Assert.Equal(["ARN-01", "ARN-02", "ARN-03", "ARN-04"], result.Value.Records.Select(r => r.Id));
        Assert.Equal(new SourceLine(Source, line), record.Source);
        Assert.Equal(text, record.Text);
        Assert.Equal(events, record.Events.Count());
        Assert.Equal(parseRows, record.ParseRows().Count);
        Assert.Equal(id == "ARN-03", record.ExpectsNoEvents);
    }

    [Fact]
    public void SuiteReader_KeepsLineNumbersAndConfigOfUniversalPetrarchRecords()
    {
        // Given the first record's codings on lines 11 and 12, its parse from line 18, and a <Config> after ARN-03
        var records = ValidationSuiteReader.Parse(UniversalSuite, Source).Value.Records;

        // When
        var first = records[0];

        // Then
        Assert.Equal([11, 12], first.Codings.Select(c => c.Line));
        Assert.Equal(18, first.ParseLine);
        Assert.Equal(["no closing tag: the parts run to the next record"], records[2].Comments);
        Assert.False(records[2].Options.ContainsKey("require_dyad"));
        Assert.Equal("False", records[3].Options["require_dyad"]);
    }
}
