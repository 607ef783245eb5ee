using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Tests;

public sealed class AgentDictionaryReaderTests
{
    private const string Source = "snippet.agents.txt";

    private static readonly string[] Snippet =
    [
        "<!-- invented agents -->",                            // 1
        "!FOLK! = MAN, MEN, WOMAN, WOMEN",                     // 2
        "RANGER [~RNG] # of the north",                        // 3
        "HORSE!FOLK! [~CAV]",                                  // 4
        "TROOPS {} [~MIL]",                                    // 5
        "STEWARD_OF_GONDOR {STEWARDS_OF_GONDOR} [~GOVSTW]",    // 6
        "WHITE_COUNCIL [IGO~]",                                // 7
        "ENT_MOOT [ ~ENT]",                                    // 8
        "SECRETARY [~GOV]",                                    // 9
        "MISTRESS [~HSE]",                                     // 10
    ];

    private static ReadResult<AgentDictionary> ReadSnippet(InflectionStyle style = InflectionStyle.English) =>
        AgentDictionaryReader.Parse(TestData.Lines(Snippet), Source, style);

    [Theory]
    [InlineData("RANGER", "RNG", AgentPlacement.Suffix, "ARNRNG")]
    [InlineData("WHITE", "IGO", AgentPlacement.Prefix, "IGOARN")]
    [InlineData("ENT", "ENT", AgentPlacement.Suffix, "ARNENT")]
    public void AgentReader_ReadsSuffixAndPrefixCodes(string firstWord, string code, AgentPlacement placement, string applied)
    {
        // Given [~CODE] (after the actor code) and [CODE~] (before it)
        var dictionary = ReadSnippet().Value;

        // When
        var phrase = dictionary.FindPhrases(firstWord)[0];

        // Then
        Assert.Equal((code, placement), (phrase.Code, phrase.Placement));
        Assert.Equal(applied, phrase.Apply("ARN"));
    }

    [Theory]
    [InlineData("RANGER", "RANGERS")]
    [InlineData("SECRETARY", "SECRETARIES")]
    [InlineData("MISTRESS", "MISTRESSES")]
    [InlineData("STEWARD OF GONDOR", "STEWARDS OF GONDOR")]
    [InlineData("TROOPS", null)]
    public void AgentReader_MakesPluralsUnlessBracesSayOtherwise(string singular, string? plural)
    {
        // Given generated plurals, an explicit {PLURAL} and an empty {}
        var dictionary = ReadSnippet().Value;

        // When
        var forms = dictionary.Phrases.Where(p => p.Text.Replace('_', ' ') == singular).ToList();

        // Then
        Assert.Equal(singular, forms[0].ToString()[..singular.Length]);
        Assert.False(forms[0].IsPlural);
        Assert.Equal(plural, forms.Where(p => p.IsPlural).Select(p => string.Join(' ', p.Words)).SingleOrDefault());
    }

    [Fact]
    public void AgentReader_ExpandsSubstitutionMarkersWithoutPlurals()
    {
        // Given !FOLK! = MAN, MEN, WOMAN, WOMEN and HORSE!FOLK! [~CAV]
        var result = ReadSnippet();

        // When
        var forms = result.Value.Phrases.Where(p => p.Code == "CAV").Select(p => p.ToString());

        // Then
        Assert.Equal(["HORSEMAN [~CAV]", "HORSEMEN [~CAV]", "HORSEWOMAN [~CAV]", "HORSEWOMEN [~CAV]"], forms);
        Assert.Equal(["MAN", "MEN", "WOMAN", "WOMEN"], result.Value.Substitutions["FOLK"]);
        Assert.Empty(result.Diagnostics);
        Assert.All(result.Value.Phrases.Where(p => p.Code == "CAV"), p => Assert.Equal(new SourceLine(Source, 4), p.Source));
    }

    [Theory]
    [InlineData("ORC_CAPTAIN", ErrorCodes.DictionaryLineSkipped, Severity.Error)]
    [InlineData("ORC [~ORC}", ErrorCodes.DictionaryLineRepaired, Severity.Warning)]
    [InlineData("ORC [ORC]", ErrorCodes.DictionaryLineRepaired, Severity.Warning)]
    [InlineData("ORC [~]", ErrorCodes.DictionaryLineSkipped, Severity.Error)]
    [InlineData("ORC [~ORC~]", ErrorCodes.DictionaryLineSkipped, Severity.Error)]
    [InlineData("ORC {ORCS [~ORC]", ErrorCodes.DictionaryLineSkipped, Severity.Error)]
    [InlineData("!WARG!_RIDER [~CAV]", ErrorCodes.DictionaryLineSkipped, Severity.Error)]
    [InlineData("TOWNS!FOLK!HIP [~GOV]", ErrorCodes.DictionaryLineRepaired, Severity.Warning)]
    [InlineData("ORC [~orc]", ErrorCodes.UnusualCode, Severity.Warning)]
    [InlineData("!BROKEN = A, B", ErrorCodes.DictionaryLineSkipped, Severity.Error)]
    [InlineData("ORC [~ORC] trailing words", ErrorCodes.DictionaryLineRepaired, Severity.Warning)]
    public void AgentReader_BadLinesGiveDiagnosticsWithFileAndLine(string badLine, string code, Severity severity)
    {
        // Given a bad line 3 between good lines
        var lines = TestData.Lines("!FOLK! = MAN, MEN", "RANGER [~RNG]", badLine, "WIZARD [~WIZ]");

        // When
        var result = AgentDictionaryReader.Parse(lines, Source);

        // Then
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((code, severity, Source, "line 3"), (diagnostic.Code, diagnostic.Severity, diagnostic.Source, diagnostic.Location));
        Assert.Equal("WIZ", result.Value.FindPhrases("WIZARD")[0].Code);
    }

    [Fact]
    public void AgentReader_ReadsAGluedMarkerAsItsName()
    {
        // Given a marker glued inside a word, a search-and-replace accident
        var lines = TestData.Lines("!STEW! = STEWARD, STEWARDS", "!STEW! OF_MIDDLE!STEW!ARDSHIP [~GOV]");

        // When
        var result = AgentDictionaryReader.Parse(lines, Source);

        // Then the first marker expands and the glued one reads as plain text
        Assert.Equal(["STEWARD OF MIDDLESTEWARDSHIP", "STEWARDS OF MIDDLESTEWARDSHIP"], result.Value.Phrases.Select(p => string.Join(' ', p.Words)));
    }
}
