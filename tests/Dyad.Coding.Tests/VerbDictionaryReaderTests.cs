using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Tests;

public sealed class VerbDictionaryReaderTests
{
    private const string Source = "snippet.verbs.txt";

    private static readonly string[] Snippet =
    [
        "# an invented verb dictionary",           // 1
        "&STEEDS",                                  // 2
        "+HORSE",                                   // 3
        "+MEARAS_",                                 // 4
        "+WAR_ELEPHANT",                            // 5
        "",                                         // 6
        "&TALKIES_",                                // 7
        "+PALANTIR",                                // 8
        "",                                         // 9
        "--- SUMMON [020] ---",                     // 10
        "SUMMON",                                   // 11
        "RALLY {RALLIES RALLIED RALLYING} [021]",   // 12
        "+CALL_FORTH [022]  # a particle verb",     // 13
        "WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}",   // 14
        "STOP",                                     // 15
        "- * &STEEDS (TO BATTLE) [0231:0232] # RALLY", // 16
        "- $ * + (FROM ^) [024]",                   // 17
        "- % * [025]",                              // 18
        "- * {GREY HAVEN SHIPS} [:026]",            // 19
        "- &TALKIES * AIR_STRIKE [---]",            // 20
        "",                                         // 21
        "######## TRANSFORMATIONS ########",        // 22
        "~ a (a b SUMMON) SAY = a b 015",           // 23
    ];

    private static ReadResult<VerbDictionary> ReadSnippet(InflectionStyle style = InflectionStyle.English) =>
        VerbDictionaryReader.Parse(TestData.Lines(Snippet), Source, style);

    [Fact]
    public void VerbReader_ReadsTheSnippetWithoutDiagnostics()
    {
        // Given / When
        var result = ReadSnippet();

        // Then
        Assert.Empty(result.Diagnostics);
        var block = Assert.Single(result.Value.Blocks);
        Assert.Equal("SUMMON", block.Name);
        Assert.Equal("020", block.Code.ToString());
        Assert.Equal(5, block.Verbs.Length);
        Assert.Equal(5, block.Patterns.Length);
        Assert.Equal(2, result.Value.SynonymSets.Length);
    }

    [Fact]
    public void VerbReader_ReadsIrregularForms()
    {
        // Given the line RALLY {RALLIES RALLIED RALLYING} [021]
        var dictionary = ReadSnippet().Value;

        // When
        var entry = dictionary.FindForms("RALLIED").Single().Entry;

        // Then exactly the listed forms, none generated, with the verb's own code
        Assert.Equal(["RALLY", "RALLIES", "RALLIED", "RALLYING"], entry.Forms.Select(f => f.Word));
        Assert.All(entry.Forms, f => Assert.False(f.IsGenerated));
        Assert.True(entry.HasIrregularForms);
        Assert.Equal("021", entry.Code.ToString());
        Assert.Equal(new SourceLine(Source, 12), entry.Source);
    }

    [Theory]
    [InlineData(InflectionStyle.English, "SUMMON", "SUMMONS SUMMONED SUMMONING")]
    [InlineData(InflectionStyle.English, "STOP", "STOPS STOPPED STOPPING")]
    [InlineData(InflectionStyle.Petrarch, "STOP", "STOPS STOPED STOPING")]
    public void VerbReader_GeneratesRegularForms(InflectionStyle style, string verb, string expected)
    {
        // Given a verb line without braces
        var dictionary = ReadSnippet(style).Value;

        // When
        var entry = dictionary.FindForms(verb).Single().Entry;

        // Then the main form and three generated forms, with the block's code
        Assert.Equal(verb + " " + expected, string.Join(' ', entry.Forms.Select(f => f.Word)));
        Assert.False(entry.Forms[0].IsGenerated);
        Assert.All(entry.Forms.Skip(1), f => Assert.True(f.IsGenerated));
        Assert.Null(entry.OwnCode);
        Assert.Equal("020", entry.Code.ToString());
    }

    [Theory]
    [InlineData("CALLED", "", "CALLED FORTH", "022")]
    [InlineData("CALLS", "", "CALLS FORTH", "022")]
    [InlineData("TAPPED", "WIRE", "WIRE TAPPED", "020")]
    [InlineData("TAP", "WIRE", "WIRE TAP", "020")]
    public void VerbReader_ReadsMultiWordVerbs(string word, string before, string phrase, string code)
    {
        // Given +CALL_FORTH [022] and WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}
        var dictionary = ReadSnippet().Value;

        // When
        var form = Assert.Single(dictionary.FindForms(word));

        // Then the verb word is the one marked '+', the others are particles before or after it
        Assert.Equal(word, form.Word);
        Assert.Equal(before, string.Join(' ', form.Before));
        Assert.Equal(phrase, form.ToString());
        Assert.Equal(code, form.Entry.Code.ToString());
    }

    [Fact]
    public void VerbReader_FindsFormsCaseInsensitivelyFromSpans()
    {
        // Given the dictionary
        var dictionary = ReadSnippet().Value;
        var text = "they rallied at dawn".AsSpan(5, 7);

        // When
        var forms = dictionary.FindForms(text);

        // Then
        Assert.Equal("RALLIED", Assert.Single(forms).Word);
        Assert.True(dictionary.FindForms("NOTAVERB").IsEmpty);
    }

    [Theory]
    [InlineData(16, "- * &STEEDS (TO BATTLE) [0231:0232]", "0231", "0232", "RALLY")]
    [InlineData(17, "- $ * + (FROM ^) [024]", "024", null, "")]
    [InlineData(18, "- % * [025]", "025", null, "")]
    [InlineData(19, "- * {GREY HAVEN SHIPS} [:026]", "", "026", "")]
    [InlineData(20, "- &TALKIES * {AIR STRIKE} [---]", "---", null, "")]
    public void VerbReader_ParsesPatterns(int line, string expected, string active, string? passive, string comment)
    {
        // Given the snippet's pattern lines
        var block = ReadSnippet().Value.Blocks[0];

        // When
        var pattern = block.Patterns.Single(p => p.Source.Line == line);

        // Then the pattern renders back, keeps its active and passive codes, comment, file and line
        Assert.Equal(expected, pattern.ToString());
        Assert.Equal(new VerbCode(active, passive), pattern.Code);
        Assert.Equal(comment, pattern.Comment);
        Assert.Equal(Source, pattern.Source.File);
        Assert.Same(block, pattern.Block);
        Assert.True(pattern.IsUsable);
    }

    [Fact]
    public void VerbReader_ParsesPatternElements()
    {
        // Given - $ * + (FROM ^) [024] and - * &STEEDS (TO BATTLE) [0231:0232]
        var patterns = ReadSnippet().Value.Blocks[0].Patterns;

        // When
        var markers = patterns.Single(p => p.Source.Line == 17);
        var phrase = patterns.Single(p => p.Source.Line == 16);

        // Then
        Assert.Equal(PatternElementKind.Source, Assert.Single(markers.Before).Kind);
        Assert.Equal([PatternElementKind.Target, PatternElementKind.PrepositionalPhrase], markers.After.Select(e => e.Kind));
        Assert.Equal("FROM", markers.After[1].Text);
        Assert.Equal(PatternElementKind.Skip, Assert.Single(markers.After[1].Children).Kind);
        Assert.Equal(PatternElementKind.SynonymSet, phrase.After[0].Kind);
        Assert.Equal("&STEEDS", phrase.After[0].Text);
        Assert.Equal(["&STEEDS"], phrase.SynonymSets);
        Assert.Equal("BATTLE", Assert.Single(phrase.After[1].Children).Text);
    }

    [Fact]
    public void VerbReader_ReadsSynonymSetsWithPlurals()
    {
        // Given &STEEDS (plurals made) and &TALKIES_ (label ends with '_': no plurals)
        var dictionary = ReadSnippet().Value;

        // When
        var steeds = dictionary.FindSynonymSet("STEEDS")!;
        var talkies = dictionary.FindSynonymSet("&TALKIES_")!;

        // Then a member ending with '_' gets no plural; underscores join words of a phrase
        Assert.Equal(["HORSE", "MEARAS", "WAR ELEPHANT"], steeds.Members.Select(m => string.Join(' ', m.Words)));
        Assert.Equal(["HORSES", string.Empty, "WAR ELEPHANTS"], steeds.Members.Select(m => string.Join(' ', m.PluralWords)));
        Assert.True(talkies.NoPlurals);
        Assert.Equal("&TALKIES", talkies.Name);
        Assert.True(Assert.Single(talkies.Members).PluralWords.IsEmpty);
        Assert.Equal(new SourceLine(Source, 3), steeds.Members[0].Source);
    }

    [Fact]
    public void VerbReader_ReadsTransformations()
    {
        // Given ~ a (a b SUMMON) SAY = a b 015
        var dictionary = ReadSnippet().Value;

        // When
        var transformation = Assert.Single(dictionary.Transformations);

        // Then
        Assert.Equal("SAY", transformation.Pattern.Verb);
        Assert.Equal("a", transformation.Pattern.Source);
        Assert.Equal(new TransformationEvent("a", "b", null, "SUMMON"), transformation.Pattern.Nested);
        Assert.Equal(("a", "b", "015"), (transformation.ResultSource, transformation.ResultTarget, transformation.ResultCode));
        Assert.Equal("~ a (a b SUMMON) SAY = a b 015", transformation.ToString());
        Assert.Equal(23, transformation.Source.Line);
    }

    [Fact]
    public void VerbReader_WarnsAboutUndefinedSynonymSetsAndGoesOn()
    {
        // Given a pattern naming a set that is never defined
        var lines = TestData.Lines("--- RIDE [042] ---", "RIDE {RODE RIDDEN RIDING RIDES}", "- * &NAZGUL [190]", "- * (TO ROHAN) [043]");

        // When
        var result = VerbDictionaryReader.Parse(lines, Source);

        // Then one warning names the set, file and line; the pattern is kept but marked unusable; reading went on
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((ErrorCodes.SynonymSetUndefined, Severity.Warning, Source, "line 3"), (diagnostic.Code, diagnostic.Severity, diagnostic.Source, diagnostic.Location));
        Assert.Contains("&NAZGUL", diagnostic.Message, StringComparison.Ordinal);
        var patterns = result.Value.Blocks[0].Patterns;
        Assert.Equal([false, true], patterns.Select(p => p.IsUsable));
    }

    [Theory]
    [InlineData("- * (TO BATTLE [020]", ErrorCodes.DictionaryLineSkipped, Severity.Error)]
    [InlineData("- * {GREY HAVEN [020]", ErrorCodes.DictionaryLineSkipped, Severity.Error)]
    [InlineData("- * WITHOUT CODE", ErrorCodes.DictionaryLineSkipped, Severity.Error)]
    [InlineData("- * HERE * THERE [020]", ErrorCodes.DictionaryLineSkipped, Severity.Error)]
    [InlineData("- NO VERB MARK [020]", ErrorCodes.DictionaryLineSkipped, Severity.Error)]
    [InlineData("- * [] ", ErrorCodes.DictionaryLineSkipped, Severity.Error)]
    [InlineData("* (TO BATTLE) [020]", ErrorCodes.DictionaryLineRepaired, Severity.Warning)]
    [InlineData("- * BATTLE [0x20]", ErrorCodes.UnusualCode, Severity.Warning)]
    [InlineData("- * BATTLE [020] trailing", ErrorCodes.DictionaryLineRepaired, Severity.Warning)]
    [InlineData("RIDE_OUT", ErrorCodes.DictionaryLineRepaired, Severity.Warning)]
    [InlineData("GALLOP {GALLOPS GALLOPED", ErrorCodes.DictionaryLineRepaired, Severity.Warning)]
    [InlineData("TROT ;old TABARI comment", ErrorCodes.DictionaryLineRepaired, Severity.Warning)]
    [InlineData("~ a b = c", ErrorCodes.DictionaryLineSkipped, Severity.Error)]
    [InlineData("RIDE", ErrorCodes.DictionaryDuplicate, Severity.Warning)]
    public void VerbReader_BadLinesGiveDiagnosticsWithFileAndLine(string badLine, string code, Severity severity)
    {
        // Given a good block in which line 3 is bad, and a second block holding RIDE
        var lines = TestData.Lines("--- RIDE [042] ---", "RIDE", badLine, "- * (TO ROHAN) [043]", "--- CHARGE [190] ---", "CHARGE");

        // When
        var result = VerbDictionaryReader.Parse(lines, Source);

        // Then exactly one diagnostic, naming the file and line 3, and the good lines were still read
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Location == "line 3");
        Assert.Equal((code, severity, Source), (diagnostic.Code, diagnostic.Severity, diagnostic.Source));
        Assert.Contains("Expected", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(result.Value.Blocks.SelectMany(b => b.Patterns), p => p.ToString() == "- * (TO ROHAN) [043]");
        Assert.NotNull(result.Value.FindBlock("CHARGE"));
    }

    [Fact]
    public void VerbReader_SkipsTheLinesOfABlockWithABadHeaderAndReadsTheNextBlock()
    {
        // Given a header without a name, then a good block
        var lines = TestData.Lines("--- [042] ---", "RIDE", "- * WEST [042]", "--- CHARGE [190] ---", "CHARGE");

        // When
        var result = VerbDictionaryReader.Parse(lines, Source);

        // Then the header, its verb and its pattern each give an error, and CHARGE is read
        Assert.Equal(["line 1", "line 2", "line 3"], result.Diagnostics.Select(d => d.Location));
        Assert.All(result.Diagnostics, d => Assert.Equal(Severity.Error, d.Severity));
        Assert.Equal("CHARGE", Assert.Single(result.Value.Blocks).Name);
    }

    [Fact]
    public void VerbReader_MergesRepeatedBlocksAndSkipsRepeatedPatterns()
    {
        // Given block RIDE twice and one pattern twice
        var lines = TestData.Lines("--- RIDE [042] ---", "RIDE", "- * WEST [042]", "- * WEST [042]", "--- RIDE [043] ---", "GALLOP", "- * EAST [043]");

        // When
        var result = VerbDictionaryReader.Parse(lines, Source);

        // Then
        var block = Assert.Single(result.Value.Blocks);
        Assert.Equal(["RIDE", "GALLOP"], block.Verbs.Select(v => v.Text));
        Assert.Equal(2, block.Patterns.Length);
        Assert.Equal("042", block.Code.ToString());
        Assert.Equal(["line 4", "line 5"], result.Diagnostics.Select(d => d.Location));
        Assert.All(result.Diagnostics, d => Assert.Equal(ErrorCodes.DictionaryDuplicate, d.Code));
    }

    [Theory]
    [InlineData("042", null, "042", false)]
    [InlineData("042", "043", "042:043", false)]
    [InlineData("", "173", ":173", true)]
    [InlineData("---", null, "---", true)]
    public void VerbCode_FormatsActiveAndPassive(string active, string? passive, string expected, bool isNull)
    {
        // Given / When
        var code = new VerbCode(active, passive);

        // Then
        Assert.Equal(expected, code.ToString());
        Assert.Equal(isNull, code.IsNull);
    }
}
