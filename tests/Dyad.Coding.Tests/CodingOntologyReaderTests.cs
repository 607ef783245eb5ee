using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Tests;

public sealed class CodingOntologyReaderTests
{
    private const string Source = "snippet.pico.txt";

    [Theory]
    [InlineData("901", 0x9100L, "Ride Out")]
    [InlineData("902", 0x9100L - 0xFFFF, "")]
    [InlineData("9031", -0xFFFFL + 0x2222 + 0x300, "a mask")]
    [InlineData("904", 0x1abcdL, "0xFFFF+0x0011#Gallop")]
    [InlineData("---", 0L, "")]
    public void OntologyReader_EvaluatesHexExpressions(string code, long value, string comment)
    {
        // Given PICO lines with sums of hex terms and comments
        var lines = TestData.Lines("# invented PICO", "901:0x9100#Ride Out", "902:0x9100-0xFFFF", "9031:-0xFFFF+0x2222+0x300# a mask", "      # a continued comment", "904:0x1abcd#0xFFFF+0x0011#Gallop", "---:00");

        // When
        var result = CodingOntologyReader.Parse(lines, Source);

        // Then
        Assert.Empty(result.Diagnostics);
        var entry = result.Value.Find(code)!;
        Assert.Equal((value, comment), (entry.Value, entry.Comment));
    }

    [Theory]
    [InlineData("0x9100", ErrorCodes.DictionaryLineSkipped)]
    [InlineData("ABC:0x9100", ErrorCodes.DictionaryLineSkipped)]
    [InlineData("913:", ErrorCodes.DictionaryLineSkipped)]
    [InlineData("913:0x10G0", ErrorCodes.DictionaryLineSkipped)]
    [InlineData("913:0x1000000000000000", ErrorCodes.DictionaryLineSkipped)]
    [InlineData("913:0x10 0x20", ErrorCodes.DictionaryLineSkipped)]
    [InlineData("09:0x0300", ErrorCodes.UnusualCode)]
    [InlineData("910:0x2000", ErrorCodes.DictionaryDuplicate)]
    public void OntologyReader_BadLinesGiveDiagnosticsWithFileAndLine(string badLine, string code)
    {
        // Given a bad line 2
        var lines = TestData.Lines("910:0x1000", badLine, "920:0x2000");

        // When
        var result = CodingOntologyReader.Parse(lines, Source);

        // Then
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((code, Source, "line 2"), (diagnostic.Code, diagnostic.Source, diagnostic.Location));
        Assert.Equal(0x2000L, result.Value.Find("920")!.Value);
        Assert.Equal(0x1000L, result.Value.Find("910")!.Value);
    }
}
