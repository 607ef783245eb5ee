using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Tests;

public sealed class CodingOntologyReaderTests
{
    private const string Source = "snippet.pico.txt";

    [Theory]
    [InlineData("010", 0x1000L, "Make Public Statement")]
    [InlineData("011", 0x1000L - 0xFFFF, "")]
    [InlineData("122", -0xFFFFL + 0x2040 + 0x300, "The mask")]
    [InlineData("110", 0x1007fL, "0xFFFF+0x0080#Disapprove")]
    [InlineData("---", 0L, "")]
    public void OntologyReader_EvaluatesHexExpressions(string code, long value, string comment)
    {
        // Given PICO lines with sums of hex terms and comments
        var lines = TestData.Lines("# PICO", "010:0x1000#Make Public Statement", "011:0x1000-0xFFFF", "122:-0xFFFF+0x2040+0x300# The mask", "      # a continued comment", "110:0x1007f#0xFFFF+0x0080#Disapprove", "---:0");

        // When
        var result = CodingOntologyReader.Parse(lines, Source);

        // Then
        Assert.Empty(result.Diagnostics);
        var entry = result.Value.Find(code)!;
        Assert.Equal((value, comment), (entry.Value, entry.Comment));
    }

    [Theory]
    [InlineData("0x1000", ErrorCodes.DictionaryLineSkipped)]
    [InlineData("ABC:0x1000", ErrorCodes.DictionaryLineSkipped)]
    [InlineData("013:", ErrorCodes.DictionaryLineSkipped)]
    [InlineData("013:0x10G0", ErrorCodes.DictionaryLineSkipped)]
    [InlineData("013:0x1000000000000000", ErrorCodes.DictionaryLineSkipped)]
    [InlineData("013:0x10 0x20", ErrorCodes.DictionaryLineSkipped)]
    [InlineData("08:0x0200", ErrorCodes.UnusualCode)]
    [InlineData("010:0x2000", ErrorCodes.DictionaryDuplicate)]
    public void OntologyReader_BadLinesGiveDiagnosticsWithFileAndLine(string badLine, string code)
    {
        // Given a bad line 2
        var lines = TestData.Lines("010:0x1000", badLine, "020:0x2000");

        // When
        var result = CodingOntologyReader.Parse(lines, Source);

        // Then
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((code, Source, "line 2"), (diagnostic.Code, diagnostic.Source, diagnostic.Location));
        Assert.Equal(0x2000L, result.Value.Find("020")!.Value);
        Assert.Equal(0x1000L, result.Value.Find("010")!.Value);
    }
}
