using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dyad.Store;

namespace Dyad.Cli.Tests;

/// <summary>
/// <c>dyad ingest</c> killed with SIGKILL partway and run again stores the same events as one uninterrupted run: the
/// real command in a child process (<c>dotnet dyad.dll</c> from the test's build output) on generated documents.
/// </summary>
/// <remarks>
/// The test ingests <see cref="DefaultDocuments"/> documents whole, then killed after a fifth, then the rest: about 80
/// seconds on a shared two-core machine with a Debug build. <c>DYAD_CRASH_DOCUMENTS=N</c> changes the number.
/// </remarks>
public sealed class IngestCrashTests : IDisposable
{
    /// <summary>Documents generated when <c>DYAD_CRASH_DOCUMENTS</c> does not say.</summary>
    private const int DefaultDocuments = 10_000;

    /// <summary>The documents each generated JSON Lines file holds.</summary>
    private const int DocumentsPerFile = 500;

    private static readonly string[] Countries =
    [
        "Russia", "Ukraine", "France", "Germany", "China", "Japan", "India", "Pakistan", "Iran", "Iraq", "Syria", "Turkey", "Egypt",
        "Brazil", "Argentina", "Nigeria", "Kenya", "Poland", "Italy", "Spain", "Canada", "Mexico", "Indonesia", "Vietnam",
    ];

    private static readonly string[] Acts =
    [
        "{0} accused {1} of breaking the truce.", "{0} praised {1} for its help.", "{0} threatened {1} with sanctions.",
        "{0} condemned the attack on {1} on Monday.", "{0} urged {1} to free the prisoners.", "{0} criticised {1} over its policy.",
        "{0} signed an agreement with {1}.", "{0} expelled diplomats from {1} on Friday.", "{0} rejected the offer from {1}.",
        "{0} hosted talks with {1} last week.", "{0} warned {1} against new tests.", "{0} sent aid to {1}.",
        "The weather in {0} was mild.", "Prices rose in {1} this month.",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-crash-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Ingest_KilledPartwayThenRerun_StoresTheSameEventsAsOneRun()
    {
        // Given a folder of small generated documents
        var documents = int.TryParse(Environment.GetEnvironmentVariable("DYAD_CRASH_DOCUMENTS"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultDocuments;
        var input = Generate(documents);
        var whole = Path.Combine(_folder, "whole.duckdb");
        var interrupted = Path.Combine(_folder, "interrupted.duckdb");
        var clock = Stopwatch.StartNew();

        // When it is ingested once whole, and once killed (SIGKILL) after a fifth is stored and then run again
        var (fullSummary, _) = await IngestAsync(input, whole, killAfter: null);
        var (_, killedAt) = await IngestAsync(input, interrupted, killAfter: documents / 5);
        var (rerunSummary, _) = await IngestAsync(input, interrupted, killAfter: null);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{documents} documents: whole, killed and rerun in {clock.Elapsed.TotalSeconds:0.0} s"));

        // Then the rerun stored only what the killed run had not, and both stores hold the same events, none twice
        Assert.Contains($"{documents} documents read, {documents} stored, 0 skipped", fullSummary, StringComparison.Ordinal);
        Assert.True(killedAt >= documents / 5 && killedAt < documents, $"the ingest was killed after {killedAt} documents were stored");
        var skipped = Count(rerunSummary, "skipped");
        Assert.True(skipped >= killedAt && skipped < documents, $"the rerun skipped {skipped} documents; the killed run had reported {killedAt} stored");
        Assert.Equal(documents, Count(rerunSummary, "stored") + skipped);
        await using var a = await EventStore.OpenAsync(whole, cancellationToken: Cancel);
        await using var b = await EventStore.OpenAsync(interrupted, cancellationToken: Cancel);
        Assert.Equal(documents, (await b.TotalsAsync(Cancel)).Documents);
        var expected = await EventSetAsync(a);
        var actual = await EventSetAsync(b);
        Assert.True(expected.Count > documents / 2, $"only {expected.Count} events were coded in {documents} documents");
        Assert.Equal(expected, actual);
        Assert.Equal(expected.Count, expected.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>Writes <paramref name="documents"/> one- and two-sentence articles as JSON Lines files with ids, outlets and dates.</summary>
    private string Generate(int documents)
    {
        var folder = Path.Combine(_folder, "input");
        Directory.CreateDirectory(folder);
        var random = new Random(20_240_301);
        var text = new StringBuilder();
        for (var file = 0; file * DocumentsPerFile < documents; file++)
        {
            text.Clear();
            for (var i = file * DocumentsPerFile; i < Math.Min(documents, (file + 1) * DocumentsPerFile); i++)
            {
                var sentences = Enumerable.Range(0, 1 + random.Next(2)).Select(_ =>
                {
                    var a = Countries[random.Next(Countries.Length)];
                    var b = Countries.Where(c => c != a).ElementAt(random.Next(Countries.Length - 1));
                    return string.Format(CultureInfo.InvariantCulture, Acts[random.Next(Acts.Length)], a, b);
                });
                var day = new DateOnly(2016, 1, 1).AddDays(random.Next(730));
                text.Append(JsonSerializer.Serialize(new
                {
                    id = string.Create(CultureInfo.InvariantCulture, $"crash-{i:00000}"),
                    url = string.Create(CultureInfo.InvariantCulture, $"https://outlet{i % 7}.example/{i}"),
                    published = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    text = string.Join(' ', sentences),
                })).Append('\n');
            }

            File.WriteAllText(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"part-{file:000}.jsonl")), text.ToString());
        }

        return folder;
    }

    /// <summary>
    /// Runs <c>dyad ingest</c> in a child process. With <paramref name="killAfter"/>, kills it (SIGKILL, the whole process
    /// tree) once its progress lines report that many documents stored.
    /// </summary>
    /// <returns>Its summary line (empty when killed), and the documents it had reported stored.</returns>
    private static async Task<(string Summary, int Stored)> IngestAsync(string input, string store, int? killAfter)
    {
        var dyad = Path.Combine(AppContext.BaseDirectory, "dyad.dll");
        Assert.True(File.Exists(dyad), $"{dyad} is missing: the test project's build output should hold the dyad command");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[dyad, "ingest", input, "--store", store, "--fast", "--batch", "50", "--progress", "lines"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Cancel);
        var errors = new StringBuilder();
        var stored = 0;
        while (await process.StandardError.ReadLineAsync(Cancel) is { } line)
        {
            errors.AppendLine(line);
            if (line.StartsWith("ingest: ", StringComparison.Ordinal))
            {
                stored = Count(line, "stored");
                if (killAfter is { } limit && stored >= limit)
                {
                    process.Kill(entireProcessTree: true);
                    break;
                }
            }
        }

        await process.WaitForExitAsync(Cancel);
        if (killAfter is not null)
        {
            Assert.NotEqual(0, process.ExitCode);
            return (string.Empty, stored);
        }

        var summary = await output;
        Assert.True(process.ExitCode is 0 or 1, $"dyad ingest exited with {process.ExitCode}: {errors}");
        return (summary, stored);
    }

    /// <summary>The number before <paramref name="word"/> in a summary or progress line ("..., 150 stored, ...").</summary>
    private static int Count(string line, string word)
    {
        var words = line.Replace(",", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(words, word);
        Assert.True(at > 0, $"no '{word}' count in '{line}'");
        return int.Parse(words[at - 1], CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> EventSetAsync(IEventStore store)
    {
        var set = new List<string>();
        await foreach (var m in store.QueryAsync(EventQuery.All, Cancel))
        {
            var e = m.Event;
            set.Add(string.Join('|', m.Document.Key, e.Evidence.Sentence, e.Source, e.Target, e.Cameo, e.Date, e.Evidence.Verb.Start));
        }

        set.Sort(StringComparer.Ordinal);
        return set;
    }
}
