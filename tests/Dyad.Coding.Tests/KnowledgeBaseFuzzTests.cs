using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dyad.Coding.Dictionaries;
using Dyad.Coding.KnowledgeBase;

namespace Dyad.Coding.Tests;

/// <summary>No content makes the knowledge-base reader or lint throw; a knowledge base of realistic size loads fast.</summary>
public sealed class KnowledgeBaseFuzzTests(ITestOutputHelper output)
{
    private const int LoadBudgetMilliseconds = 2000;

    private static readonly string[] Tokens =
    [
        "|", "|", ",", ",", " ", "  ", "\t", "\n", "\n", "\n", "\r\n", "#", "=", ":", "*", "+", "$", "^", "%", "&", "{", "}", "(", ")", "[", "]", "~", "..", "...",
        "verb ", "set ", "set &X = ", "&X", "&", "sentence | ", "story | ", "  IRQGOV | ", "IRQ", "GOV", "MIL", "IGO~", "~MIL", "---", "042", "042:043", "9999", "0",
        "2000-01-01", "2000-02-30", "1999-12-31..", "..2001-01-01", "2001-01-01..2000-01-01", "Iraq", "the", "The", "army", "visit", "{paid paid}", "{a b c}",
        "\0", "\uFFFD", "Ã©", "é", "😀", "\u2028", "-", "_", "'", "\"",
    ];

    private static readonly string[] Files = ["countries.txt", "agents.txt", "organisations.txt", "people.txt", "discards.txt", "verbs/01-a.txt", "verbs/02-b.txt"];

    [FsCheck.Xunit.Property(MaxTest = 150)]
    public void ReaderAndLint_NeverThrowOnRandomSyntax(int seed)
    {
        // Given every file of a knowledge base filled with random syntax
        var random = new Random(seed);
        using var kb = new KnowledgeBaseFolder();
        foreach (var file in Files)
        {
            var text = new StringBuilder();
            for (var i = random.Next(0, 120); i > 0; i--)
            {
                text.Append(Tokens[random.Next(Tokens.Length)]);
            }

            kb.Write(file, text.ToString());
        }

        // When / Then
        Check(kb.Path);
    }

    [FsCheck.Xunit.Property(MaxTest = 40)]
    public void ReaderAndLint_NeverThrowOnRandomBytes(byte[] bytes)
    {
        // Given arbitrary bytes in every file
        using var kb = new KnowledgeBaseFolder();
        foreach (var file in Files)
        {
            File.WriteAllBytes(Path.Combine(kb.Path, file), bytes ?? []);
        }

        // When / Then
        Check(kb.Path);
    }

    [Theory]
    [InlineData(50_000, "{")]
    [InlineData(50_000, "(")]
    [InlineData(20_000, "+")]
    [InlineData(20_000, ",")]
    [InlineData(20_000, "|")]
    [InlineData(20_000, "..")]
    public void ReaderAndLint_SurvivePathologicalLines(int repeat, string piece)
    {
        // Given one enormous line of one construct, as a pattern, a set, a name line and a role line
        var body = string.Concat(Enumerable.Repeat(piece, repeat));
        using var kb = new KnowledgeBaseFolder();
        kb.Write("verbs/01-a.txt", "verb a = 010", "  * " + body + " = 010", "set &A = " + body, "verb " + body + " = 010");
        kb.Write("people.txt", "A " + body, "  IRQ | " + body);
        kb.Write("countries.txt", "IRQ | IQ | " + body + " | | | |");

        // When / Then
        Check(kb.Path);
    }

    [Fact]
    public void Load_AKnowledgeBaseOfRealisticSize_TakesUnderTwoSeconds()
    {
        // Given a generated knowledge base larger than the one planned: 250 countries, 3000 people with 3 roles each,
        // 2000 verbs with 8 patterns each in 20 files
        using var kb = new KnowledgeBaseFolder();
        Generate(kb);

        // When it is loaded and linted three times (the first includes JIT compilation)
        var best = long.MaxValue;
        DictionarySet? set = null;
        KnowledgeBaseReport? report = null;
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            set = DictionarySet.LoadKnowledgeBase(kb.Path);
            var loaded = watch.ElapsedMilliseconds;
            report = KnowledgeBaseLint.Check(kb.Path);
            best = Math.Min(best, loaded);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run + 1}: load {loaded} ms, load and lint {watch.ElapsedMilliseconds} ms"));
        }

        // Then
        Assert.Empty(set!.Diagnostics);
        Assert.Empty(report!.Findings);
        Assert.Equal((250, 3000, 9000, 2000, 16000), (report.Stats.Countries, report.Stats.People, report.Stats.PersonRoles, report.Stats.Verbs, report.Stats.VerbPatterns));
        Assert.Equal(16000, set.Verbs.PatternCount);
        Assert.True(best < LoadBudgetMilliseconds, $"the best of three loads took {best} ms");
    }

    private static void Generate(KnowledgeBaseFolder kb)
    {
        static string Name(string prefix, int i) => prefix + i.ToString(CultureInfo.InvariantCulture);
        static string Code(int i) => new([(char)('A' + (i / 676 % 26)), (char)('A' + (i / 26 % 26)), (char)('A' + (i % 26))]);
        kb.Write("countries.txt", [.. Enumerable.Range(0, 250).Select(i =>
            $"{Code(i)} | | {Name("Land", i)}, Republic of {Name("Land", i)} | {Name("Landish", i)}, {Name("Landers", i)} | {Name("Capital", i)} | {Name("Palace", i)} | {Name("City", i)}a, {Name("City", i)}b, {Name("City", i)}c")]);
        kb.Write("agents.txt", [.. Enumerable.Range(0, 60).Select(i => $"{Code(1000 + i)} | {Name("agent", i)}, {Name("agents", i)}"), "GOV | government"]);
        kb.Write("organisations.txt", [.. Enumerable.Range(0, 500).Select(i => $"IGO{Code(2000 + i)} | {Name("Organisation", i)}, {Name("ORG", i)}")]);
        kb.Write("people.txt", [.. Enumerable.Range(0, 3000).SelectMany(i => new[]
        {
            $"{Name("First", i)} {Name("Last", i)}, {Name("Last", i)}",
            $"  {Code(i % 250)}GOV | 1990-01-01..1999-12-31 | minister",
            $"  {Code(i % 250)}GOV | 2000-01-01..2009-12-31 | president",
            $"  {Code(i % 250)} | 2010-01-01.. | citizen",
        })]);
        kb.Write("discards.txt", [.. Enumerable.Range(0, 1000).Select(i => $"sentence | {Name("football", i)} match")]);
        for (var file = 0; file < 20; file++)
        {
            var lines = new List<string> { $"set &{Name("SET", file)} = {Name("thing", file)}, {{big {Name("thing", file)}}}" };
            for (var v = 0; v < 100; v++)
            {
                lines.Add($"verb {Name("verb", file * 100 + v)} = 0{(file % 9) + 1}0");
                lines.Add("  * +                = 010");
                lines.Add("  * (to +)           = 010:010");
                lines.Add("  * (with +)         = 020");
                lines.Add("  * (against +)      = 190");
                lines.Add($"  * &{Name("SET", file)} (to +) = 0{(file % 9) + 1}0");
                lines.Add("  $ * +              = 040");
                lines.Add("  * {peace plan} (to +) = 043");
                lines.Add("  * (on +)           = 051");
            }

            kb.Write($"verbs/{file + 1:00}-generated.txt", [.. lines]);
        }
    }

    private static void Check(string folder)
    {
        var set = DictionarySet.LoadKnowledgeBase(folder);
        Assert.All(set.Diagnostics, d => Assert.True(ErrorCodes.Descriptions.ContainsKey(d.Code) && d.Message.Length > 0 && d.Source.Length > 0, d.ToString()));
        var report = KnowledgeBaseLint.Check(folder);
        Assert.All(report.Findings, f => Assert.True(ErrorCodes.Descriptions.ContainsKey(f.Code) && f.Message.Length > 0 && f.File.Length > 0 && f.Line >= 0, f.ToString()));
        Assert.True(report.Findings.Length >= set.Diagnostics.Length);
    }
}
