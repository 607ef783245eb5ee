using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Tests;

/// <summary>No content of a file may make a reader throw: random syntax, random bytes and mutated real lines.</summary>
public sealed class FuzzTests
{
    private static readonly string[] Tokens =
    [
        "[", "]", "{", "}", "(", ")", "<", ">", "!", "~", "~~", "+", "-", "---", "*", "&", "$", "^", "%", "#", ";", ":", "_", "=",
        ",", "/", "\"", "'", " ", "  ", "\t", "\n", "\n", "\n", "\r\n", "\r", "\0", "\u001A", "\uFFFD", "Ã", "†", "ﬁ", "é", "😀",
        "<!--", "-->", "<!", "<ISSUE CATEGORY=\"X\">", "</ISSUE>", "n:", "v:", "m:", "0x", "-0xFFFF", "FFFF", "---STOP---",
        "<Sentence id=\"A\" date=\"19950101\">", "</Sentence>", "<EventCoding eventcode=\"042\" />", "<Text>", "</Text>", "<Parse>", "</Parse>",
        "<Environment>", "</Environment>", "<Verbfile>", "</Verbfile>", "<Config option=\"x\" value=\"y\" />", "<PLEvent {\"a\": 1}>", "&amp;", "&e;",
        "ARNOR", "GONDOR", "RIDE", "ARN", "GON", "042", "0231:0232", "19950101", "950601", "20121304", ">", "<", "1-2", "!PERSON!", "!PERSON! = MAN, MEN",
        "\t[GON >950601]", "[~MIL]", "[IGO~]", "- * ", "--- RIDE [042] ---", "&STEEDS", "+HORSE", "~ a (a b RIDE) SAY = a b 015", "{}", "()",
    ];

    private static readonly string[] FallbackLines =
    [
        "--- RIDE [042] ---", "RIDE {RODE RIDDEN RIDING RIDES} [043]", "+CALL_FORTH [022]", "- $ * + (FROM ^) [024] # x", "&STEEDS_", "+WAR_ELEPHANT",
        "GONDOR_ [GON]", "\t[GONGOV 19800101-19891231]", "\t[GONREB >900115]", "+WHITE_CITY", "!PERSON! = MAN, MEN", "HORSE!PERSON! [~CAV]",
        "TROOPS {} [~MIL]", "+ Battle of Five Armies", "<ISSUE CATEGORY=\"LOTR\" TYPE=\"ALL\">", "pre+n:war talk [PREWAR]", "~~red book", "</ISSUE>",
        "122:-0xFFFF+0x2040+0x300# mask", "<Sentence category=\"DEMO\" date=\"30190325\" id=\"DEMO-01\">", "<EventCoding eventcode=\"042\" sourcecode=\"GON\" targetcode=\"ROH\" />",
        "<Text>", "Gondor rode to Rohan.", "</Text>", "<Parse>", "1\tGondor\tGondor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_", "</Parse></Sentence>",
    ];

    private static readonly Lazy<string[]> RealLines = new(() =>
    {
        var folder = TestData.PetrarchFolder;
        if (!Directory.Exists(folder))
        {
            return [.. FallbackLines];
        }

        return [.. Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".txt", StringComparison.Ordinal) || p.EndsWith(".xml", StringComparison.Ordinal))
            .SelectMany(File.ReadLines)
            .Where(l => l.Length > 0)];
    });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public void Readers_NeverThrowOnRandomSyntax(int seed)
    {
        // Given a document of random syntax tokens
        var text = Fuzz.RandomSyntax(new Random(seed), Tokens);

        // When / Then
        ReadWithEveryReader(text);
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public void Readers_NeverThrowOnMutatedRealLines(int seed)
    {
        // Given lines of the real files (or of invented snippets when the shared data is absent), mutated at random
        var text = Fuzz.MutatedLines(new Random(seed), RealLines.Value, Tokens);

        // When / Then
        ReadWithEveryReader(text);
    }

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public void Readers_NeverThrowOnRandomBytes(byte[] bytes)
    {
        // Given a file of arbitrary bytes (invalid UTF-8, NULs, byte-order marks)
        var path = Path.Combine(Path.GetTempPath(), "dyad-fuzz-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllBytes(path, bytes ?? []);
        try
        {
            // When / Then
            Fuzz.Check(VerbDictionaryReader.Read(path).Diagnostics);
            Fuzz.Check(ActorDictionaryReader.Read(path).Diagnostics);
            Fuzz.Check(AgentDictionaryReader.Read(path).Diagnostics);
            Fuzz.Check(DiscardListReader.Read(path).Diagnostics);
            Fuzz.Check(IssueDictionaryReader.Read(path).Diagnostics);
            Fuzz.Check(CodingOntologyReader.Read(path).Diagnostics);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(100_000, "(")]
    [InlineData(100_000, "{")]
    [InlineData(50_000, "+")]
    [InlineData(20_000, "!P!")]
    [InlineData(20_000, "[")]
    [InlineData(20_000, "<!--")]
    [InlineData(20_000, "<Sentence ")]
    [InlineData(20_000, "n:A ")]
    public void Readers_SurvivePathologicalLines(int repeat, string piece)
    {
        // Given one enormous line of a single construct, and variants with the usual prefixes
        var body = string.Concat(Enumerable.Repeat(piece, repeat));
        string[] variants = [body, "- * " + body + " [020]", "~ a " + body + " SAY = a b 015", "--- X [1] ---\nX\n- " + body, "!P! = A, B\nX" + body + " [~X]", "x " + body + " [C]"];

        foreach (var text in variants)
        {
            // When / Then
            ReadWithEveryReader(text);
        }
    }

    [Fact]
    public void Readers_ReportMissingFilesAsDiagnostics()
    {
        // Given a path that does not exist
        var path = Path.Combine(Path.GetTempPath(), "dyad-no-such-file-" + Guid.NewGuid().ToString("N") + ".txt");

        // When
        var result = ActorDictionaryReader.Read(path);

        // Then
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((ErrorCodes.InputUnreadable, Severity.Error), (diagnostic.Code, diagnostic.Severity));
        Assert.Empty(result.Value.Entries);
        Assert.Throws<ArgumentNullException>(() => VerbDictionaryReader.Read(null!));
    }

    private static void ReadWithEveryReader(string text)
    {
        Fuzz.Check(VerbDictionaryReader.Parse(new StringReader(text), "fuzz.verbs.txt").Diagnostics);
        Fuzz.Check(VerbDictionaryReader.Parse(new StringReader(text), "fuzz.verbs.txt", InflectionStyle.Petrarch).Diagnostics);
        Fuzz.Check(ActorDictionaryReader.Parse(new StringReader(text), "fuzz.actors.txt").Diagnostics);
        Fuzz.Check(AgentDictionaryReader.Parse(new StringReader(text), "fuzz.agents.txt").Diagnostics);
        Fuzz.Check(DiscardListReader.Parse(new StringReader(text), "fuzz.discards.txt").Diagnostics);
        Fuzz.Check(IssueDictionaryReader.Parse(new StringReader(text), "fuzz.issues.txt").Diagnostics);
        Fuzz.Check(CodingOntologyReader.Parse(new StringReader(text), "fuzz.pico.txt").Diagnostics);
    }
}
