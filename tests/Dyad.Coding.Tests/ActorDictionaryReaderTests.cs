using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Tests;

public sealed class ActorDictionaryReaderTests
{
    private const string Source = "snippet.actors.txt";

    private static readonly string[] Snippet =
    [
        "# invented actors",                          // 1
        "ARNOR_ [ARN]",                                // 2
        "+NORTH_KINGDOM_",                             // 3
        "+FORNOST # the old capital",                  // 4
        "",                                            // 5
        "DENETHOR_",                                   // 6
        "+LORD_DENETHOR",                              // 7
        "\t[GONELI]",                                  // 8
        "\t[GONGOV 19800101-19891231]",                // 9
        "\t[GONMIL 850601-850610]",                    // 10
        "\t[GONREB > 19900115]",                       // 11
        "\t[GONOLD <791231]",                          // 12
        "IVORHEIM_",                                   // 13
        "MASTER_IVOR_",                                // 14
        "\t[DALGOV >20120219]",                        // 15
        "BARD_\t[DALGOV 20010120-20090120] [DALELI]",  // 16
        "THE_SHIRE [FRO/BIL/SAM]",                     // 17
        "ARGENTIN [ARG]",                              // 18
        "GONDOR [GDR]",                                // 19
        "GONDOR_ARMY [GDRMIL]",                        // 20
    ];

    private static ReadResult<ActorDictionary> ReadSnippet() => ActorDictionaryReader.Parse(TestData.Lines(Snippet), Source);

    private static ActorEntry Entry(ActorDictionary dictionary, string firstWord) => dictionary.FindPhrases(firstWord)[0].Entry;

    [Fact]
    public void ActorReader_ReadsEntriesSynonymsAndRoles()
    {
        // Given / When
        var result = ReadSnippet();

        // Then
        Assert.Empty(result.Diagnostics);
        var arnor = Entry(result.Value, "FORNOST");
        Assert.Equal(["ARNOR", "NORTH KINGDOM", "FORNOST"], arnor.Phrases.Select(p => p.ToString()));
        Assert.Equal([false, true, true], arnor.Phrases.Select(p => p.IsSynonym));
        Assert.Equal("ARN", Assert.Single(arnor.Roles).Code);
        Assert.Equal("ARN", arnor.DefaultCode);
        Assert.Equal(new SourceLine(Source, 2), arnor.Source);
        Assert.Equal(new SourceLine(Source, 4), arnor.Phrases[2].Source);
        Assert.Equal(8, result.Value.Entries.Length);
    }

    [Theory]
    [InlineData("1979-12-30", "GONOLD")] // before the end of <791231
    [InlineData("1979-12-31", "GONOLD")] // the end day itself: '<' includes it
    [InlineData("1980-01-01", "GONGOV")] // start of a bounded range beats the undated default
    [InlineData("1980-01-02", "GONGOV")]
    [InlineData("1985-05-31", "GONGOV")] // the day before the narrower range
    [InlineData("1985-06-01", "GONMIL")] // the narrower bounded range wins inside the wider one
    [InlineData("1985-06-10", "GONMIL")] // its last day
    [InlineData("1985-06-11", "GONGOV")] // the day after
    [InlineData("1989-12-31", "GONGOV")] // last day of the bounded range
    [InlineData("1990-01-01", "GONELI")] // no dated role holds: the default
    [InlineData("1990-01-14", "GONELI")] // the day before >19900115
    [InlineData("1990-01-15", "GONREB")] // the day itself: '>' includes it
    [InlineData("1990-01-16", "GONREB")]
    public void ActorReader_ResolvesDatedRolesAtTheirEdges(string day, string expected)
    {
        // Given DENETHOR with a default, two bounded, one '>' and one '<' role
        var denethor = Entry(ReadSnippet().Value, "DENETHOR");

        // When
        var code = denethor.CodeOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        // Then
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("2012-02-18", null)]
    [InlineData("2012-02-19", "DALGOV")]
    public void ActorReader_GivesCodeLessPrimaryLinesTheCodesThatFollow(string day, string? expected)
    {
        // Given IVORHEIM_ and MASTER_IVOR_ without codes, then a '>' role (TABARI's grouping)
        var dictionary = ReadSnippet().Value;

        // When
        var ivor = Entry(dictionary, "IVORHEIM");

        // Then both names are primaries of one actor, which has no code before the role starts
        Assert.Same(ivor, Entry(dictionary, "MASTER"));
        Assert.All(ivor.Phrases, p => Assert.False(p.IsSynonym));
        Assert.Equal(expected, ivor.CodeOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2005-06-01", "DALGOV")]
    [InlineData("2009-01-21", "DALELI")]
    public void ActorReader_ReadsSeveralRolesOnThePrimaryLine(string day, string expected)
    {
        // Given BARD_ [DALGOV 20010120-20090120] [DALELI]
        var bard = Entry(ReadSnippet().Value, "BARD");

        // When / Then
        Assert.Equal(2, bard.Roles.Length);
        Assert.Equal(expected, bard.CodeOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void ActorReader_KeepsCompoundCodesAndStems()
    {
        // Given THE_SHIRE [FRO/BIL/SAM], ARGENTIN [ARG] and ARNOR_ [ARN]
        var dictionary = ReadSnippet().Value;

        // When
        var shire = Entry(dictionary, "THE").Roles[0];

        // Then
        Assert.Equal("FRO/BIL/SAM", shire.Code);
        Assert.Equal(["FRO", "BIL", "SAM"], shire.Codes);
        Assert.True(dictionary.FindPhrases("ARGENTIN")[0].EndsOpen);
        Assert.False(dictionary.FindPhrases("ARNOR")[0].EndsOpen);
    }

    [Fact]
    public void ActorReader_IndexesLongestPhraseFirst()
    {
        // Given GONDOR [GDR] and GONDOR_ARMY [GONMIL]
        var dictionary = ReadSnippet().Value;

        // When
        var phrases = dictionary.FindPhrases("gondor".AsSpan());

        // Then
        Assert.Equal(["GONDOR ARMY", "GONDOR"], phrases.Select(p => p.ToString()));
        Assert.True(dictionary.FindPhrases("MORDOR").IsEmpty);
    }

    [Theory]
    [InlineData("\t[GONGOV 19801301-19891231]", ErrorCodes.DateRestrictionInvalid, Severity.Error)]
    [InlineData("\t[GONGOV 19891231-19800101]", ErrorCodes.DateRestrictionInvalid, Severity.Error)]
    [InlineData("\t[GONGOV 19800101]", ErrorCodes.DateRestrictionInvalid, Severity.Error)]
    [InlineData("\t[GONGOV >801]", ErrorCodes.DateRestrictionInvalid, Severity.Error)]
    [InlineData("\t[GONGOV <19800230]", ErrorCodes.DateRestrictionInvalid, Severity.Error)]
    [InlineData("\t[]", ErrorCodes.DictionaryLineSkipped, Severity.Error)]
    [InlineData("\t[GONGOV", ErrorCodes.DictionaryLineRepaired, Severity.Warning)]
    [InlineData("+MINAS]_ANOR_", ErrorCodes.DictionaryLineRepaired, Severity.Warning)]
    [InlineData("\t[gon]", ErrorCodes.UnusualCode, Severity.Warning)]
    [InlineData("+GONDOR_", ErrorCodes.DictionaryDuplicate, Severity.Warning)]
    [InlineData("<! -- not quite a comment -->", ErrorCodes.DictionaryLineRepaired, Severity.Warning)]
    [InlineData("\t[GON] stray words", ErrorCodes.DictionaryLineRepaired, Severity.Warning)]
    public void ActorReader_BadLinesGiveDiagnosticsWithFileAndLine(string badLine, string code, Severity severity)
    {
        // Given an entry whose line 3 is bad, and a good entry after it
        var lines = TestData.Lines("GONDOR_ [GDR]", "+WHITE_CITY_", badLine, "ROHAN_ [ROH]");

        // When
        var result = ActorDictionaryReader.Parse(lines, Source);

        // Then one diagnostic names the file and line 3, and the good entries were read
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((code, severity, Source, "line 3"), (diagnostic.Code, diagnostic.Severity, diagnostic.Source, diagnostic.Location));
        Assert.Equal("ROH", result.Value.FindPhrases("ROHAN")[^1].Entry.DefaultCode);
        Assert.Equal("GDR", result.Value.FindPhrases("WHITE")[0].Entry.Roles[0].Code);
    }

    [Fact]
    public void ActorReader_ReportsRolesAndSynonymsBeforeAnyActor()
    {
        // Given a role and a synonym before the first actor
        var lines = TestData.Lines("\t[GON]", "+WHITE_CITY", "GONDOR [GDR]");

        // When
        var result = ActorDictionaryReader.Parse(lines, Source);

        // Then
        Assert.Equal(["line 1", "line 2"], result.Diagnostics.Select(d => d.Location));
        Assert.Single(result.Value.Entries);
    }

    [Fact]
    public void ActorReader_KeepsAnActorWithoutAnyCodeAndSaysSo()
    {
        // Given a last actor with neither a code nor a role
        var lines = TestData.Lines("ROHAN [RHN]", "DUNLAND_");

        // When
        var result = ActorDictionaryReader.Parse(lines, Source);

        // Then it is kept (its phrase still matches) but codes nothing
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((ErrorCodes.ActorCodeMissing, Severity.Warning, "line 2"), (diagnostic.Code, diagnostic.Severity, diagnostic.Location));
        var dunland = result.Value.FindPhrases("DUNLAND")[0].Entry;
        Assert.Empty(dunland.Roles);
        Assert.Null(dunland.CodeOn(new DateOnly(2000, 1, 1)));
    }

    [Fact]
    public void ActorReader_DropsRepeatsWithTheSameCodesAndKeepsConflictingOnes()
    {
        // Given ROHAN twice with the same code, and EDORAS twice with different codes
        var lines = TestData.Lines("ROHAN [RHN]", "EDORAS [RHNGOV]", "ROHAN [RHN]", "EDORAS [RHNCAP]");

        // When
        var result = ActorDictionaryReader.Parse(lines, Source);

        // Then
        Assert.Single(result.Value.FindPhrases("ROHAN"));
        Assert.Equal(["RHNGOV", "RHNCAP"], result.Value.FindPhrases("EDORAS").Select(p => p.Entry.DefaultCode));
        Assert.Equal(["line 3", "line 4"], result.Diagnostics.Select(d => d.Location));
        Assert.All(result.Diagnostics, d => Assert.Equal(ErrorCodes.DictionaryDuplicate, d.Code));
    }

    [Fact]
    public void ActorReader_StopsAtTheStopMarker()
    {
        // Given TABARI's ---STOP--- line
        var lines = TestData.Lines("GONDOR [GDR]", "---STOP---", "ROHAN [ROH]");

        // When
        var result = ActorDictionaryReader.Parse(lines, Source);

        // Then
        Assert.Single(result.Value.Entries);
        Assert.Equal("line 2", Assert.Single(result.Diagnostics).Location);
    }

    [Fact]
    public void ActorReader_SkipsMultiLineXmlComments()
    {
        // Given a comment spanning three lines with an actor-like line inside
        var lines = TestData.Lines("<!-- start", "MORDOR [MOR]", "end -->", "GONDOR [GDR]  <!-- inline --> ");

        // When
        var result = ActorDictionaryReader.Parse(lines, Source);

        // Then
        Assert.Empty(result.Diagnostics);
        Assert.Equal("GONDOR", Assert.Single(result.Value.Entries).Primary.ToString());
    }

    [Fact]
    public void ActorReader_ReportsACommentThatNeverCloses()
    {
        // Given an unclosed comment
        var lines = TestData.Lines("GONDOR [GDR]", "<!-- never closed", "ROHAN [ROH]");

        // When
        var result = ActorDictionaryReader.Parse(lines, Source);

        // Then
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((ErrorCodes.DictionaryLineSkipped, "line 2"), (diagnostic.Code, diagnostic.Location));
        Assert.Single(result.Value.Entries);
    }

    [Fact]
    public void ActorDictionary_CombinesFilesInOrder()
    {
        // Given two files with the same phrase
        var first = ActorDictionaryReader.Parse(TestData.Lines("GONDOR [GDR]"), "a.txt").Value;
        var second = ActorDictionaryReader.Parse(TestData.Lines("GONDOR [GDRX]", "ROHAN [ROH]"), "b.txt").Value;

        // When
        var combined = ActorDictionary.Combine([first, second]);

        // Then the first file's phrase comes first
        Assert.Equal(["a.txt", "b.txt"], combined.FindPhrases("GONDOR").Select(p => p.Source.File));
        Assert.Equal(3, combined.Entries.Length);
    }
}
