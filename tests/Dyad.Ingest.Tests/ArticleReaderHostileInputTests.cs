using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Dyad.Ingest.Tests;

/// <summary>Issue 16: inputs that made a reader hang, loop or store junk (link loops, FIFOs, binary bytes, deep HTML).</summary>
public sealed class ArticleReaderHostileInputTests : IDisposable
{
    /// <summary>More results than any of these folders can honestly give: a reader that loops is stopped here.</summary>
    private const int RunawayResults = 500;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("dyad-hostile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_directory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Reads the folder on another thread, so a reader that blocks fails the test instead of hanging it.</summary>
    private List<IngestResult> ReadFolder(ReadOptions? options = null)
    {
        var reading = Task.Run(() => new ArticleReader(options).ReadDirectory(_directory, Cancel).Take(RunawayResults).ToList(), Cancel);
        Assert.True(reading.Wait(Patience, Cancel), $"reading the folder took more than {Patience.TotalSeconds} s (blocked on an entry?)");
        return reading.Result;
    }

    private static string[] Articles(List<IngestResult> results) =>
        [.. results.OfType<ArticleAccepted>().Select(a => a.Article.Id).Order(StringComparer.Ordinal)];

    private static string[] Skipped(List<IngestResult> results) =>
        [.. results.OfType<ArticleRejected>().Where(r => r.Problem.Code == ErrorCodes.InputSkipped && r.Problem.Severity == Severity.Warning).Select(r => Path.GetFileName(r.Input)).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData(".", "..")]
    [InlineData("ABSOLUTE", "ABSOLUTE")]
    public void Issue16_FolderLinkedToItself_ReadsEachFileOnceAndReportsEachLoopOnce(string selfTarget, string parentTarget)
    {
        // Given a folder with two links to itself and a subfolder with a link back to its parent (ln -s . x; ln -s . y;
        // ln -s .. sub/back), the links relative or absolute
        Write("a.txt", "France praised Germany.");
        Write("sub/b.txt", "Egypt urged Israel to allow more aid.");
        var self = selfTarget == "ABSOLUTE" ? _directory : selfTarget;
        Directory.CreateSymbolicLink(Path.Combine(_directory, "x"), self);
        Directory.CreateSymbolicLink(Path.Combine(_directory, "y"), self);
        Directory.CreateSymbolicLink(Path.Combine(_directory, "sub", "back"), parentTarget == "ABSOLUTE" ? _directory : parentTarget);

        // When the folder is read
        var results = ReadFolder();

        // Then each real file is one article, and each link is one DY1006 warning
        Assert.Equal(["a.txt", "sub/b.txt"], Articles(results));
        Assert.Equal(["back", "x", "y"], Skipped(results));
        Assert.Equal(5, results.Count);
        Assert.Contains("link loop", results.OfType<ArticleRejected>().First().Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue16_LinkToAFileAlreadyRead_IsSkipped()
    {
        // Given a file and a link to it in the same folder
        var real = Write("a.txt", "France praised Germany.");
        File.CreateSymbolicLink(Path.Combine(_directory, "b.txt"), real);

        // When the folder is read
        var results = ReadFolder();

        // Then the file is read once
        Assert.Equal(["a.txt"], Articles(results));
        Assert.Equal(["b.txt"], Skipped(results));
    }

    [Fact]
    public void Issue16_FifoSocketAndDeviceInFolder_AreSkippedAndTheRestIsRead()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "FIFOs, sockets and /dev/zero are Linux entries here.");

        // Given a folder holding a FIFO, a socket and a link to /dev/zero between two text files
        Write("a.txt", "France praised Germany.");
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(_directory, "b-pipe")]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(_directory, "c-socket")));
        File.CreateSymbolicLink(Path.Combine(_directory, "d-zero.txt"), "/dev/zero");
        Write("e.txt", "Egypt urged Israel to allow more aid.");

        // When the folder is read
        var results = ReadFolder();

        // Then both text files are read, and each special entry is one DY1006 warning naming its kind
        Assert.Equal(["a.txt", "e.txt"], Articles(results));
        Assert.Equal(["b-pipe", "c-socket", "d-zero.txt"], Skipped(results));
        var messages = string.Join('\n', results.OfType<ArticleRejected>().Select(r => r.Problem.Message));
        Assert.Contains("'b-pipe' is a FIFO (named pipe), not a regular file", messages, StringComparison.Ordinal);
        Assert.Contains("'c-socket' is a socket", messages, StringComparison.Ordinal);
        Assert.Contains("'d-zero.txt' is a character device", messages, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue16_StoreInTheInputFolder_IsSkipped()
    {
        // Given a folder holding an article, a store file and its WAL, which the options name as not input
        Write("a.txt", "France praised Germany.");
        var store = Write("t.duckdb", "France praised Germany again.");
        var wal = Write("t.duckdb.wal", "Egypt urged Israel.");

        // When the folder is read
        var results = ReadFolder(new ReadOptions { SkipPaths = [store, wal] });

        // Then only the article is read; the store and its WAL are skipped with a warning
        Assert.Equal(["a.txt"], Articles(results));
        Assert.Equal(["t.duckdb", "t.duckdb.wal"], Skipped(results));
    }

    [Theory]
    [InlineData(300 * 1024, 16)]
    [InlineData(4096, 7)]
    public void Issue16_RandomBytes_AreOneBinaryError(int length, int seed)
    {
        // Given random bytes in a file
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        var path = Path.Combine(_directory, "random.txt");
        File.WriteAllBytes(path, bytes);

        // When it is read
        var results = new ArticleReader().Read(path, Cancel).Take(RunawayResults).ToList();

        // Then it gives one DY1006 error and no article
        var rejected = Assert.IsType<ArticleRejected>(Assert.Single(results));
        Assert.Equal((ErrorCodes.InputSkipped, Severity.Error), (rejected.Problem.Code, rejected.Problem.Severity));
        Assert.Contains("binary", rejected.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue16_TextWithSomeControlBytes_IsStillText()
    {
        // Given a long article with a NUL at the end of each of its 20 lines (fewer than the binary threshold)
        var text = string.Concat(Enumerable.Range(1, 20).Select(i => $"France praised Germany for the {i}th time.\0\n"));

        // When it is read
        var results = new ArticleReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "nul.txt", Cancel).ToList();

        // Then it is an article with the DY1004 warning
        var accepted = Assert.IsType<ArticleAccepted>(Assert.Single(results));
        Assert.Contains(accepted.Article.Diagnostics, d => d.Code == ErrorCodes.BinaryContent);
    }

    [Fact]
    public void Issue16_Html100000DivsDeep_IsRefusedWithItsDepth()
    {
        // Given a page nesting 100,000 <div>s around its one sentence
        const int Depth = 100_000;
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", Depth)) + "<p>Turkey accused Russia.</p>" + string.Concat(Enumerable.Repeat("</div>", Depth)) + "</body></html>";

        // When it is read
        var clock = Stopwatch.StartNew();
        var results = new ArticleReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(html)), "deep.html", Cancel).ToList();
        clock.Stop();

        // Then it is refused with DY4006, saying how deep (before the depth limit, parsing it took over a minute: the
        // time is printed, never asserted)
        var rejected = Assert.IsType<ArticleRejected>(Assert.Single(results));
        Assert.Equal((ErrorCodes.DocumentTooLarge, Severity.Error), (rejected.Problem.Code, rejected.Problem.Severity));
        Assert.Contains("more than 1024 deep", rejected.Problem.Message, StringComparison.Ordinal);
        TestContext.Current.TestOutputHelper?.WriteLine($"refused in {clock.ElapsedMilliseconds} ms");
    }

    [Theory]
    [InlineData("<div>", "</div>", 200)]
    [InlineData("<p>", "", 5000)]
    [InlineData("<li>", "", 5000)]
    [InlineData("<br>", "", 5000)]
    public void Issue16_HtmlOfUsualDepth_IsStillRead(string open, string close, int count)
    {
        // Given a page with many elements that do not nest deeply (open <p>s and <li>s close each other)
        var html = "<html><body><article>" + string.Concat(Enumerable.Repeat(open + "Turkey accused Russia. ", count)) + string.Concat(Enumerable.Repeat(close, count)) + "</article></body></html>";

        // When it is read
        var results = new ArticleReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(html)), "page.html", Cancel).ToList();

        // Then it is an article
        var accepted = Assert.IsType<ArticleAccepted>(Assert.Single(results));
        Assert.StartsWith("Turkey accused Russia.", accepted.Article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue16_FeedItemWithDeepHtml_IsReadAsItsWords()
    {
        // Given an RSS item whose HTML content nests 100,000 <b>s
        const int Depth = 100_000;
        var content = string.Concat(Enumerable.Repeat("<b>", Depth)) + "Turkey accused Russia." + string.Concat(Enumerable.Repeat("</b>", Depth));
        var feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>Deep</title><description><![CDATA[" + content + "]]></description></item></channel></rss>";

        // When it is read
        var clock = Stopwatch.StartNew();
        var results = new ArticleReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(feed)), "deep.rss", Cancel).ToList();
        clock.Stop();

        // Then the item is an article of its words (the time is printed, never asserted)
        var accepted = Assert.IsType<ArticleAccepted>(Assert.Single(results));
        Assert.Equal("Turkey accused Russia.", accepted.Article.Text);
        TestContext.Current.TestOutputHelper?.WriteLine($"read in {clock.ElapsedMilliseconds} ms");
    }
}
