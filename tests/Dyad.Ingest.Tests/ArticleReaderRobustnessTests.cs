using System.Text;

namespace Dyad.Ingest.Tests;

public sealed class ArticleReaderRobustnessTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dyad-ingest-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static List<IngestResult> ReadString(string content, string name, ReadOptions? options = null) =>
        new ArticleReader(options).Read(new MemoryStream(Encoding.UTF8.GetBytes(content)), name, TestContext.Current.CancellationToken).ToList();

    [Fact]
    public void Feed_BillionLaughs_IsRefusedWithoutExpansion()
    {
        // Given a feed whose DTD defines entities that expand to 10^9 copies
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            entities.Append("<!ENTITY lol").Append(i).Append(" \"").Append(string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))).Append("\">");
        }

        var feed = $"<?xml version=\"1.0\"?>\n<!DOCTYPE rss [{entities}]>\n<rss version=\"2.0\"><channel><title>T</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>";

        // When it is read
        var results = ReadString(feed, "laughs.xml");

        // Then the one result is a DY4003 refusal, and nothing was expanded
        var rejected = Assert.IsType<ArticleRejected>(Assert.Single(results));
        Assert.Equal(ErrorCodes.XmlDtdRefused, rejected.Problem.Code);
        Assert.Equal(Severity.Error, rejected.Problem.Severity);
        Assert.DoesNotContain("lollol", rejected.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_ExternalEntity_IsRefusedAndFileNotRead()
    {
        // Given a local file and a feed whose entity points at it
        var secret = Path.Combine(_directory, "secret.txt");
        File.WriteAllText(secret, "SECRET-MARKER-7731");
        var feed = $"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://{secret}\">]><rss version=\"2.0\"><channel><item><title>x</title><description>&xxe;</description></item></channel></rss>";
        var path = Path.Combine(_directory, "xxe.rss");
        File.WriteAllText(path, feed);

        // When it is read
        var results = new ArticleReader().Read(path, TestContext.Current.CancellationToken).ToList();

        // Then it is refused, and the file's content appears nowhere
        var rejected = Assert.IsType<ArticleRejected>(Assert.Single(results));
        Assert.Equal(ErrorCodes.XmlDtdRefused, rejected.Problem.Code);
        Assert.DoesNotContain("SECRET-MARKER", Golden.Render(results), StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_ExternalDtd_IsRefused()
    {
        // Given an Atom feed that names an external DTD
        const string feed = "<?xml version=\"1.0\"?><!DOCTYPE feed SYSTEM \"http://dtd.example/feed.dtd\"><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>x</title><content>Text.</content></entry></feed>";

        // When it is read
        var results = ReadString(feed, "external.atom");

        // Then it is refused
        var rejected = Assert.IsType<ArticleRejected>(Assert.Single(results));
        Assert.Equal(ErrorCodes.XmlDtdRefused, rejected.Problem.Code);
    }

    [Fact]
    public void Feed_Truncated_KeepsEarlierItemsAndReportsWhere()
    {
        // Given the RSS fixture cut off in the middle of its second item
        var full = File.ReadAllText(Golden.Fixture("feed-lakeside.rss"));
        var cut = full[..full.IndexOf("Fishermen blocked", StringComparison.Ordinal)];

        // When it is read
        var results = ReadString(cut, "cut.rss");

        // Then the first item is an article and the rest one DY4004 rejection with a line number
        Assert.Equal(2, results.Count);
        Assert.IsType<ArticleAccepted>(results[0]);
        var rejected = Assert.IsType<ArticleRejected>(results[1]);
        Assert.Equal(ErrorCodes.FeedMalformed, rejected.Problem.Code);
        Assert.StartsWith("line ", rejected.Location, StringComparison.Ordinal);
        Assert.Contains("1 item before it", rejected.Problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><catalog><book/></catalog>")]
    [InlineData("<rss version=\"2.0\"><channel><title>T</title></channel></rss>")]
    public void Feed_WithoutItems_GivesOneResult(string xml)
    {
        // Given XML that is not a feed, or a feed without items
        // When read as a feed
        var results = ReadString(xml, "odd.xml");

        // Then one result says why nothing came out
        var rejected = Assert.IsType<ArticleRejected>(Assert.Single(results));
        Assert.Contains(rejected.Problem.Code, new[] { ErrorCodes.FeedMalformed, ErrorCodes.DocumentEmpty });
    }

    [Theory]
    [InlineData("<p class=\"lead\">LE HAVRE (AFP) — Dock workers at the po")]
    [InlineData("<p>LE HAVRE (AFP) — Dock workers at the port voted to end a strike.</p><p cla")]
    public void Html_Truncated_IsReadWithWarning(string tail)
    {
        // Given a page cut off inside its article
        var page = "<!DOCTYPE html><html><head><title>Strike ends</title><meta property=\"article:published_time\" content=\"2016-03-03\"></head><body><article><h1>Strike ends</h1>" + tail;

        // When it is read
        var results = ReadString(page, "cut.html");

        // Then what was there is one article, with the DY4005 warning where the markup was cut
        var accepted = Assert.IsType<ArticleAccepted>(Assert.Single(results));
        Assert.StartsWith("LE HAVRE (AFP) — Dock workers", accepted.Article.Text, StringComparison.Ordinal);
        Assert.Contains(accepted.Article.Diagnostics, d => d.Code == ErrorCodes.HtmlTruncated);
    }

    [Fact]
    public void Html_Malformed_IsRepairedNotFatal()
    {
        // Given tag soup
        const string page = "<html><body><div><p>Unclosed <b>bold <i>both</b> text</i><table><p>Stray paragraph in a table.</div></span></body>";

        // When it is read
        var results = ReadString(page, "soup.html");

        // Then it gives one article with the text
        var accepted = Assert.IsType<ArticleAccepted>(Assert.Single(results));
        Assert.Contains("Stray paragraph in a table.", accepted.Article.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty.txt", "")]
    [InlineData("blank.txt", "  \n\n \t \n")]
    [InlineData("empty.html", "<html><body><nav>Home</nav></body></html>")]
    [InlineData("empty.jsonl", "")]
    public void EmptyDocument_GivesWarningResult(string name, string content)
    {
        // Given a document with nothing to parse
        // When read
        var results = ReadString(content, name);

        // Then one DY4001 warning result stands for it
        var rejected = Assert.IsType<ArticleRejected>(Assert.Single(results, r => r is ArticleRejected));
        Assert.Equal(ErrorCodes.DocumentEmpty, rejected.Problem.Code);
        Assert.Equal(Severity.Warning, rejected.Problem.Severity);
    }

    [Fact]
    public void Text_HundredMegabytes_IsReadAsStream()
    {
        // Given a generated 100 MB text file of articles separated by form feeds
        var path = Path.Combine(_directory, "big.txt");
        const string story = "Generated headline number {0}\n\nANKARA (AA) - Officials met on Wednesday to discuss trade and the border, the ministry said.\n\n";
        var count = 0;
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            var written = 0L;
            while (written < 100L * 1024 * 1024)
            {
                var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, story, count) + string.Concat(Enumerable.Repeat("Further paragraph text about the talks and their outcome. ", 30)) + "\n\f";
                writer.Write(text);
                written += text.Length;
                count++;
            }
        }

        // When it is read
        var accepted = 0;
        var rejected = 0;
        foreach (var result in new ArticleReader().Read(path, TestContext.Current.CancellationToken))
        {
            accepted += result is ArticleAccepted ? 1 : 0;
            rejected += result is ArticleRejected ? 1 : 0;
        }

        // Then every article comes out, one result each
        Assert.Equal(count, accepted);
        Assert.Equal(0, rejected);
    }

    [Fact]
    public void Text_LongerThanLimit_IsSplitAtParagraphs()
    {
        // Given a text of many paragraphs, longer than a small limit
        var paragraph = string.Concat(Enumerable.Repeat("Words of a long paragraph. ", 20));
        var text = string.Join("\n\n", Enumerable.Repeat(paragraph, 50));

        // When read with a 5,000-character limit
        var results = ReadString(text, "long.txt", new ReadOptions { MaxArticleChars = 5000 });

        // Then it comes out in parts of at most the limit, each with a DY4006 warning, and no text is lost
        Assert.True(results.Count > 1);
        var articles = results.Cast<ArticleAccepted>().Select(a => a.Article).ToList();
        Assert.All(articles, a => Assert.Contains(a.Diagnostics, d => d.Code == ErrorCodes.DocumentTooLarge));
        Assert.All(articles, a => Assert.True(a.Text.Length <= 5000));
        Assert.Equal(50 * 20, articles.Sum(a => CountOf(a.Text, "Words of")) + (articles[0].Title is null ? 0 : CountOf(articles[0].Title!, "Words of")));
    }

    [Fact]
    public void JsonLines_OverlongLine_IsRejectedAndNextLineRead()
    {
        // Given a JSON line longer than twice the limit, followed by a good line
        var longLine = "{\"text\": \"" + new string('a', 30000) + "\"}";
        var content = longLine + "\n{\"id\": \"ok\", \"text\": \"Short text.\"}\n";

        // When read with a 10,000-character limit
        var results = ReadString(content, "long.jsonl", new ReadOptions { MaxArticleChars = 10000 });

        // Then the long line is a DY4006 rejection at line 1 and line 2 is read
        Assert.Equal(2, results.Count);
        Assert.Equal(ErrorCodes.DocumentTooLarge, Assert.IsType<ArticleRejected>(results[0]).Problem.Code);
        Assert.Equal("line 1", results[0].Location);
        Assert.Equal("ok", Assert.IsType<ArticleAccepted>(results[1]).Article.Id);
    }

    [Fact]
    public void MissingFile_GivesUnreadableResult()
    {
        // Given a path that does not exist
        var path = Path.Combine(_directory, "nowhere.txt");

        // When read
        var results = new ArticleReader().Read(path, TestContext.Current.CancellationToken).ToList();

        // Then one DY1002 rejection names it
        var rejected = Assert.IsType<ArticleRejected>(Assert.Single(results));
        Assert.Equal(ErrorCodes.InputUnreadable, rejected.Problem.Code);
        Assert.Equal(path, rejected.Input);
    }

    private static int CountOf(string text, string word)
    {
        var count = 0;
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
