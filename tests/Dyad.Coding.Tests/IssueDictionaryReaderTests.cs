using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Tests;

public sealed class IssueDictionaryReaderTests
{
    private const string Source = "snippet.issues.txt";

    private static readonly string[] Snippet =
    [
        "# invented issues",                                   // 1
        "<ISSUE CATEGORY=\"WAR_OF_THE_RING\" TYPE=\"ALL\">",   // 2
        "n:ringwraith [NAZGUL]",                               // 3
        "v:besiege [SIEGE]",                                   // 4
        "pre+n:war talk [PREWAR]",                             // 5
        "~ring of power",                                      // 6
        "~~red book  # the story is history",                  // 7
        "</ISSUE>",                                            // 8
        "<ISSUE CATEGORY=\"HOBBITS\" TYPE=\"COUNTEVENT\">",    // 9
        "second breakfast [MEALS]",                            // 10
        "</ISSUE>",                                            // 11
    ];

    private static ReadResult<IssueDictionary> ReadSnippet() => IssueDictionaryReader.Parse(TestData.Lines(Snippet), Source);

    [Theory]
    [InlineData(3, "RINGWRAITH|RINGWRAITHS")]
    [InlineData(4, "BESIEGE|BESIEGES|BESIEGED|BESIEGING")]
    [InlineData(5, "PRE WAR TALK|PRE-WAR TALK|PRE WARS TALK|PRE-WARS TALK")]
    [InlineData(6, "RING OF POWER")]
    public void IssueReader_ExpandsNounVerbAndHyphenForms(int line, string expected)
    {
        // Given n:, v: and + expansions
        var dictionary = ReadSnippet().Value;

        // When
        var rule = dictionary.Rules.Single(r => r.Source.Line == line);

        // Then
        Assert.Equal(expected.Split('|'), rule.Forms.Select(f => f.ToString()));
    }

    [Fact]
    public void IssueReader_ReadsCategoriesCodesAndExclusions()
    {
        // Given two sections
        var result = ReadSnippet();

        // When
        var dictionary = result.Value;

        // Then
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["WAR_OF_THE_RING", "HOBBITS"], dictionary.Categories.Select(c => c.Name));
        Assert.Equal(["ALL", "COUNTEVENT"], dictionary.Categories.Select(c => c.Type));
        Assert.Equal(["NAZGUL", "SIEGE", "PREWAR", "MEALS"], dictionary.Codes);
        Assert.Equal(
            [IssueRuleKind.Phrase, IssueRuleKind.Phrase, IssueRuleKind.Phrase, IssueRuleKind.SentenceExclusion, IssueRuleKind.StoryExclusion],
            dictionary.Categories[0].Rules.Select(r => r.Kind));
        Assert.Equal("RED BOOK", dictionary.Rules.Single(r => r.Kind == IssueRuleKind.StoryExclusion).Forms[0].ToString());
        Assert.Equal("MEALS", dictionary.FindForms("second")[0].Rule.Code);
        Assert.Same(dictionary.Categories[1], dictionary.FindForms("SECOND")[0].Rule.Category);
    }

    [Theory]
    [InlineData("lembas", ErrorCodes.DictionaryLineSkipped, 0)]
    [InlineData("eagles [EAGLE]*****", ErrorCodes.DictionaryLineRepaired, 1)]
    [InlineData("mithril [MITHRIL]mithril coat [MITHRIL]", ErrorCodes.DictionaryLineRepaired, 2)]
    [InlineData("palantir [STONE] [STONE]", ErrorCodes.DictionaryDuplicate, 1)]
    [InlineData("palantir [STONE] [ORB]", ErrorCodes.DictionaryLineRepaired, 1)]
    [InlineData("m:cram [FOOD]", ErrorCodes.DictionaryLineRepaired, 1)]
    [InlineData("cram []", ErrorCodes.DictionaryLineSkipped, 0)]
    [InlineData("[FOOD]", ErrorCodes.DictionaryLineSkipped, 0)]
    [InlineData("~", ErrorCodes.DictionaryLineSkipped, 0)]
    [InlineData("orcpox\u2020fever [PLAGUE]", ErrorCodes.SuspiciousCharacters, 1)]
    public void IssueReader_BadLinesGiveDiagnosticsWithFileAndLine(string badLine, string code, int rules)
    {
        // Given a bad line 3 in a section
        var lines = TestData.Lines("<ISSUE CATEGORY=\"LOTR\" TYPE=\"ALL\">", "n:orc [ORCS]", badLine, "</ISSUE>");

        // When
        var result = IssueDictionaryReader.Parse(lines, Source);

        // Then
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Location == "line 3");
        Assert.Equal((code, Source), (diagnostic.Code, diagnostic.Source));
        Assert.Equal(1 + rules, result.Value.Rules.Length);
    }

    [Fact]
    public void IssueReader_ReportsUnbalancedSectionTags()
    {
        // Given a stray closing tag, a section left open and a tag without CATEGORY
        var lines = TestData.Lines("</ISSUE>", "<ISSUE CATEGORY=\"LOTR\">", "n:orc [ORCS]", "<ISSUE TYPE=\"ALL\">");

        // When
        var result = IssueDictionaryReader.Parse(lines, Source);

        // Then
        Assert.Equal(["line 1", "line 4", "line 4"], result.Diagnostics.Select(d => d.Location));
        Assert.Equal(ErrorCodes.DictionaryLineSkipped, result.Diagnostics[2].Code);
        Assert.Equal("ORCS", Assert.Single(result.Value.Categories[0].Rules).Code);
    }
}
