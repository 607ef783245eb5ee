using System.Diagnostics;
using System.Text;
using Dyad.Cli;
using Dyad.Store;

namespace Dyad.Cli.Tests;

/// <summary>Issue 16: inputs and options that made a command hang, crash, leak a password or store junk, run in-process.</summary>
public sealed class HostileInputCliTests : IDisposable
{
    private const string Token = "test-token-0123456789abcdef";

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-cli-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Runs a command on another thread, so one that never ends fails the test instead of hanging it.</summary>
    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var run = Task.Run(() => DyadCommand.Run(args, output, error), Cancel);
        Assert.True(run.Wait(Patience, Cancel), $"'dyad {string.Join(' ', args)}' ran for more than {Patience}");
        return (run.Result, output.ToString(), error.ToString());
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Issue16_CodeOnAFolderLinkedToItself_CodesEachFileOnce()
    {
        // Given a folder with one article and two links to itself (ln -s . x; ln -s . y)
        var news = Path.Combine(_folder, "news");
        Write("news/a.txt", "Turkey accused Russia of striking rebel groups near Aleppo.");
        Directory.CreateSymbolicLink(Path.Combine(news, "x"), ".");
        Directory.CreateSymbolicLink(Path.Combine(news, "y"), ".");

        // When it is coded
        var (exit, output, error) = Run("code", news, "--date", "2015-11-12", "--fast");

        // Then the accusation is printed once, and each loop is one warning
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, error.Split('\n').Count(l => l.Contains("warning DY1006", StringComparison.Ordinal) && l.Contains("link loop", StringComparison.Ordinal)));
    }

    [Fact]
    public void Issue16_IngestOfAFolderWithAFifo_StoresTheRestAndWarns()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "mkfifo is a Linux command here.");

        // Given a folder with a FIFO between two articles
        Write("news/a.txt", "Turkey accused Russia of striking rebel groups near Aleppo.");
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(_folder, "news", "b-pipe")]))
        {
            mkfifo.WaitForExit();
        }

        Write("news/c.txt", "France praised Germany for its support.");
        var store = Path.Combine(_folder, "s.duckdb");

        // When it is ingested
        var (exit, output, error) = Run("ingest", Path.Combine(_folder, "news"), "--store", store, "--date", "2015-11-12", "--fast");

        // Then both articles are stored, the FIFO is one warning, and nothing is quarantined
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("2 documents read, 2 stored, 0 skipped, 0 quarantined", output, StringComparison.Ordinal);
        Assert.Contains("1 warnings", output, StringComparison.Ordinal);
        Assert.Contains("'b-pipe' is a FIFO (named pipe)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue16_IngestOfRandomBytes_QuarantinesThemAndStoresNothing()
    {
        // Given 300 KB of random bytes
        var bytes = new byte[300 * 1024];
        new Random(16).NextBytes(bytes);
        var path = Path.Combine(_folder, "random.txt");
        File.WriteAllBytes(path, bytes);
        var store = Path.Combine(_folder, "s.duckdb");

        // When they are ingested
        var (exit, output, error) = Run("ingest", path, "--store", store, "--fast");

        // Then one DY1006 error is reported and quarantined, and no document is stored
        Assert.Equal(ExitCodes.InputProblem, exit);
        Assert.Contains("1 documents read, 0 stored, 0 skipped, 1 quarantined", output, StringComparison.Ordinal);
        Assert.Contains("error DY1006", error, StringComparison.Ordinal);
        await using var opened = await EventStore.OpenAsync(store, cancellationToken: Cancel);
        Assert.Equal(0, (await opened.TotalsAsync(Cancel)).Documents);
        Assert.StartsWith(ErrorCodes.InputSkipped, Assert.Single(await opened.ListQuarantineAsync(Cancel)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue16_IngestWithTheStoreInTheInputFolder_NeverReadsTheStore()
    {
        // Given a folder holding an article and the store it is ingested into
        var news = Path.Combine(_folder, "news");
        Write("news/a.txt", "Turkey accused Russia of striking rebel groups near Aleppo.");
        var store = Path.Combine(news, "t.duckdb");

        // When it is ingested twice
        var (firstExit, first, firstError) = Run("ingest", news, "--store", store, "--date", "2015-11-12", "--fast");
        var (secondExit, second, secondError) = Run("ingest", news, "--store", store, "--date", "2015-11-12", "--fast");

        // Then the first run stores the article, and the second skips it and the store file without reading it
        Assert.True(firstExit == ExitCodes.Ok, firstError);
        Assert.Contains("1 documents read, 1 stored, 0 skipped, 0 quarantined", first, StringComparison.Ordinal);
        Assert.True(secondExit == ExitCodes.NothingFound, secondError);
        Assert.Contains("1 documents read, 0 stored, 1 skipped, 0 quarantined", second, StringComparison.Ordinal);
        Assert.Contains("'t.duckdb' is the store being written", secondError, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue16_WarningsOfArticles_ArePrintedAndCounted()
    {
        // Given an article with invalid UTF-8 and NUL bytes, and a JSON line whose date is not a date
        var news = Path.Combine(_folder, "news");
        Directory.CreateDirectory(news);
        File.WriteAllBytes(Path.Combine(news, "a.txt"), [.. Encoding.UTF8.GetBytes("Turkey accused Russia "), 0xFF, 0xFE, 0x41, 0x00, .. Encoding.UTF8.GetBytes(" of striking rebel groups near Aleppo.")]);
        Write("news/b.jsonl", """{"id": "b1", "published": "not-a-date", "text": "France praised Germany for its support."}""" + "\n");
        var store = Path.Combine(_folder, "s.duckdb");

        // When the folder is coded, and ingested
        var (codeExit, _, codeError) = Run("code", news, "--fast");
        var (ingestExit, ingested, ingestError) = Run("ingest", news, "--store", store, "--fast");

        // Then each warning is printed to standard error, and the ingest summary counts them
        Assert.True(codeExit == ExitCodes.Ok, codeError);
        Assert.True(ingestExit == ExitCodes.Ok, ingestError);
        foreach (var code in new[] { ErrorCodes.InvalidUtf8, ErrorCodes.BinaryContent, ErrorCodes.DateUnreadable })
        {
            Assert.Contains($"warning {code}", codeError, StringComparison.Ordinal);
            Assert.Contains($"warning {code}", ingestError, StringComparison.Ordinal);
        }

        var warnings = ingestError.Split('\n').Count(l => l.Contains(": warning DY", StringComparison.Ordinal));
        Assert.Contains($", {warnings} warnings in ", ingested, StringComparison.Ordinal);
        Assert.True(warnings >= 3, ingestError);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("query")]
    [InlineData("ingest")]
    public void Issue16_MalformedPostgresUri_IsExit2WithoutThePassword(string verb)
    {
        // Given a PostgreSQL URI whose port is not a number
        const string Uri = "postgres://dyad:Secret-Pa55word@db.example:notaport/events";
        string[] args = verb switch
        {
            "serve" => ["serve", "--store", Uri, "--token", Token],
            "ingest" => ["ingest", Write("a.txt", "France praised Germany."), "--store", Uri],
            _ => [verb, "--store", Uri],
        };

        // When a command is given it
        var (exit, output, error) = Run(args);

        // Then it exits with 2 and a clear message that masks the password
        Assert.Equal(ExitCodes.InputProblem, exit);
        Assert.Contains("is not a PostgreSQL URI", error, StringComparison.Ordinal);
        Assert.Contains("postgres://dyad:***@db.example:notaport/events", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret-Pa55word", error + output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://u:p%40ss@h/db", "postgres://u:***@h/db")]
    [InlineData("postgres://u:p@ss:w/rd@h:5432/db", "postgres://u:***@h:5432/db")]
    [InlineData("postgres://u@h/db", "postgres://u@h/db")]
    [InlineData("Host=h;Username=u;Password=secret;Database=d", "Host=h;Username=u;Password=***;Database=d")]
    [InlineData("Host=h;PWD='se;cret'", "Host=h;PWD=***")]
    public void Issue16_Redact_MasksThePasswordOfAnyLocation(string location, string expected)
    {
        // Given / When / Then
        Assert.Equal(expected, EventStore.Redact(location));
    }

    [Fact]
    public async Task Issue16_ExportToADirectory_SaysItIsADirectory()
    {
        // Given an empty store and an existing directory
        var store = Path.Combine(_folder, "s.duckdb");
        await (await EventStore.OpenAsync(store, cancellationToken: Cancel)).DisposeAsync();
        var directory = Directory.CreateDirectory(Path.Combine(_folder, "out")).FullName;

        // When events are exported to the directory
        var (exit, _, error) = Run("export", "--store", store, "--format", "jsonl", "--out", directory);

        // Then the command says the path is a directory
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"--out {directory} is a directory", error, StringComparison.Ordinal);
    }
}
