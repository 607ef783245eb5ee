using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Tests;

public sealed class DiscardListReaderTests
{
    private const string Source = "snippet.discards.txt";

    [Fact]
    public void DiscardReader_ReadsSentenceAndStoryDiscards()
    {
        // Given sentence discards, story discards ('+'), mixed case and a trailing '_'
        var lines = TestData.Lines("# invented discards", "MATHOM HOUSE   # a museum", "+ Battle of Five Armies   # history", "+PIPEWEED_", "LONGBOTTOM LEAF");

        // When
        var result = DiscardListReader.Parse(lines, Source);

        // Then
        Assert.Empty(result.Diagnostics);
        var list = result.Value;
        Assert.Equal(["MATHOM HOUSE", "+BATTLE OF FIVE ARMIES", "+PIPEWEED", "LONGBOTTOM LEAF"], list.Phrases.Select(p => p.ToString()));
        Assert.Equal((2, 2), (list.SentenceDiscardCount, list.StoryDiscardCount));
        Assert.True(list.FindPhrases("pipeweed")[0].LastWordWhole);
        Assert.False(list.FindPhrases("MATHOM")[0].LastWordWhole);
        Assert.Equal(new SourceLine(Source, 3), list.FindPhrases("BATTLE")[0].Source);
    }

    [Theory]
    [InlineData("+", ErrorCodes.DictionaryLineSkipped)]
    [InlineData("MATHOM HOUSE", ErrorCodes.DictionaryDuplicate)]
    [InlineData("mathom  house", ErrorCodes.DictionaryDuplicate)]
    public void DiscardReader_BadLinesGiveDiagnosticsWithFileAndLine(string badLine, string code)
    {
        // Given a bad line 2
        var lines = TestData.Lines("MATHOM HOUSE", badLine, "+PIPEWEED");

        // When
        var result = DiscardListReader.Parse(lines, Source);

        // Then
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((code, Source, "line 2"), (diagnostic.Code, diagnostic.Source, diagnostic.Location));
        Assert.Equal(2, result.Value.Phrases.Length);
    }
}
