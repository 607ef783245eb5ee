using Dyad.Analysis.Validation;

namespace Dyad.Analysis.Tests;

/// <summary>No content of a file may make the validation suite reader throw: random syntax, random bytes and mutated real lines.</summary>
public sealed class ValidationSuiteReaderFuzzTests
{
    private static readonly string[] Tokens =
    [
        "[", "]", "{", "}", "<", ">", "!", "-", "---", "=", "\"", "'", " ", "  ", "\t", "\n", "\n", "\n", "\r\n", "\r", "\0", "\u001A", "\uFFFD", "Ã", "é", "😀",
        "<!--", "-->", "<!", "<Sentence id=\"A\" date=\"19950101\">", "</Sentence>", "<Sentence id=\"B\" date=\"19950101\" />", "<EventCoding eventcode=\"042\" />",
        "<Text>", "</Text>", "<Parse>", "</Parse>", "<Environment>", "</Environment>", "<Verbfile>", "</Verbfile>", "<Config option=\"x\" value=\"y\" />",
        "<PLEvent {\"a\": 1}>", "&amp;", "&e;", "ARNOR", "GONDOR", "042", "19950101", "20121304", "1\tGondor\tGondor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_",
    ];

    private static readonly string[] FallbackLines =
    [
        "<Sentence category=\"DEMO\" date=\"30190325\" id=\"DEMO-01\">", "<EventCoding eventcode=\"042\" sourcecode=\"GON\" targetcode=\"ROH\" />",
        "<Text>", "Gondor rode to Rohan.", "</Text>", "<Parse>", "1\tGondor\tGondor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_", "</Parse></Sentence>",
    ];

    private static readonly Lazy<string[]> RealLines = new(() =>
    {
        var folder = TestData.SuiteFolder;
        if (!Directory.Exists(folder))
        {
            return [.. FallbackLines];
        }

        return [.. Directory.EnumerateFiles(folder, "*.xml").SelectMany(File.ReadLines).Where(l => l.Length > 0)];
    });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public void SuiteReader_NeverThrowsOnRandomSyntax(int seed)
    {
        // Given a document of random syntax tokens
        var text = Fuzz.RandomSyntax(new Random(seed), Tokens);

        // When / Then
        Read(text);
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public void SuiteReader_NeverThrowsOnMutatedRealLines(int seed)
    {
        // Given lines of the real suite (or of invented snippets when the shared data is absent), mutated at random
        var text = Fuzz.MutatedLines(new Random(seed), RealLines.Value, Tokens);

        // When / Then
        Read(text);
    }

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public void SuiteReader_NeverThrowsOnRandomBytes(byte[] bytes)
    {
        // Given a file of arbitrary bytes (invalid UTF-8, NULs, byte-order marks)
        var path = Path.Combine(Path.GetTempPath(), "dyad-fuzz-" + Guid.NewGuid().ToString("N") + ".xml");
        File.WriteAllBytes(path, bytes ?? []);
        try
        {
            // When / Then
            Fuzz.Check(ValidationSuiteReader.Read(path).Diagnostics);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(20_000, "<!--")]
    [InlineData(20_000, "<Sentence ")]
    [InlineData(20_000, "[")]
    public void SuiteReader_SurvivesPathologicalLines(int repeat, string piece)
    {
        // Given one enormous line of a single construct
        var body = string.Concat(Enumerable.Repeat(piece, repeat));

        // When / Then
        Read(body);
        Read("<Sentence id=\"A\" date=\"19950101\">\n<Text>\n" + body + "\n</Text>\n</Sentence>");
    }

    [Fact]
    public void SuiteReader_ReportsAMissingFileAsADiagnostic()
    {
        // Given a path that does not exist
        var path = Path.Combine(Path.GetTempPath(), "dyad-no-such-file-" + Guid.NewGuid().ToString("N") + ".xml");

        // When / Then
        Assert.Equal(ErrorCodes.InputUnreadable, Assert.Single(ValidationSuiteReader.Read(path).Diagnostics).Code);
    }

    private static void Read(string text)
    {
        var suite = ValidationSuiteReader.Parse(text, "fuzz.xml");
        Fuzz.Check(suite.Diagnostics);
        var rows = new List<Diagnostic>();
        foreach (var record in suite.Value.Records)
        {
            record.ParseRows(rows);
        }

        Fuzz.Check(rows);
        _ = suite.Value.DictionaryFiles;
    }
}
