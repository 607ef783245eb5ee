using System.Text;

namespace Dyad.Ingest.Tests;

public sealed class ArticleReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dyad-ingest-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static List<IngestResult> ReadBytes(byte[] content, string name, ReadOptions? options = null) =>
        new ArticleReader(options).Read(new MemoryStream(content), name, TestContext.Current.CancellationToken).ToList();

    private static Article ReadOne(string content, string name, ReadOptions? options = null) =>
        Assert.IsType<ArticleAccepted>(Assert.Single(ReadBytes(Encoding.UTF8.GetBytes(content), name, options))).Article;

    [Theory]
    [InlineData("{\"text\": \"x\"}", "a.txt", ArticleFormat.JsonLines)]
    [InlineData("<?xml version=\"1.0\"?><rss version=\"2.0\">", "a", ArticleFormat.Rss)]
    [InlineData("<rdf:RDF xmlns:rdf=\"x\">", "a", ArticleFormat.Rss)]
    [InlineData("<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">", "a.xml", ArticleFormat.Atom)]
    [InlineData("<!DOCTYPE html><html><body>", "a.txt", ArticleFormat.Html)]
    [InlineData("<div><p>Fragment</p></div>", "a.htm", ArticleFormat.Html)]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY a \"b\">]><lolz/>", "a", ArticleFormat.Rss)]
    [InlineData("Plain words.", "a.html", ArticleFormat.Html)]
    [InlineData("Plain words.", "a.jsonl", ArticleFormat.JsonLines)]
    [InlineData("Plain words.", "notes", ArticleFormat.Text)]
    public void DetectFormat_UsesContentThenExtension(string prefix, string name, ArticleFormat expected)
    {
        // Given the start of an input and its name
        // When its format is detected
        // Then content decides first, the extension second, and text is the default
        Assert.Equal(expected, ArticleReader.DetectFormat(prefix, name));
    }

    [Theory]
    [InlineData("MOSCOW (Reuters) - Russia said on Tuesday it would act.", "MOSCOW", "Reuters", "MOSCOW (Reuters) -")]
    [InlineData("WASHINGTON, D.C. (AP) — The Senate voted.", "WASHINGTON, D.C.", "AP", "WASHINGTON, D.C. (AP) —")]
    [InlineData("KABUL, Afghanistan — Gunmen attacked a checkpoint.", "KABUL, Afghanistan", null, "KABUL, Afghanistan —")]
    [InlineData("Moscow, Nov 12 (Reuters) - Russia said it would act.", "Moscow", "Reuters", "Moscow, Nov 12 (Reuters) -")]
    [InlineData("ANKARA - Turkey summoned the ambassador.", "ANKARA", null, "ANKARA -")]
    public void Text_FindsDateline(string body, string place, string? agency, string words)
    {
        // Given a story that opens with a dateline
        // When read
        var article = ReadOne("Headline for the test\n\n" + body, "story.txt", new ReadOptions { PublicationDate = new PublicationDate(new DateOnly(2015, 11, 12)) });

        // Then the place, agency and range are found, the range pointing into the text
        Assert.NotNull(article.Dateline);
        Assert.Equal(place, article.Dateline.Place);
        Assert.Equal(agency, article.Dateline.Agency);
        Assert.Equal(words, article.Text[article.Dateline.Range.Start..article.Dateline.Range.End]);
    }

    [Theory]
    [InlineData("The Senate voted on Tuesday to pass the bill.")]
    [InlineData("NATO: the alliance met on Tuesday.")]
    public void Text_WithoutDateline_HasNone(string body)
    {
        // Given a story without a dateline
        // When read
        var article = ReadOne("Headline\n\n" + body, "story.txt");

        // Then none is reported
        Assert.Null(article.Dateline);
    }

    [Fact]
    public void Text_ReadsHeaderLines()
    {
        // Given a headline repeated as the story's first line, a byline and a French date line
        const string text = "Ports reopen after storm\nPorts reopen after storm\nBy Claire Martin\nMis à jour le 3 mars 2016\n\nThe ports of the coast reopened on Wednesday.";

        // When read
        var article = ReadOne(text, "ports.txt");

        // Then they are metadata and the body is the story alone
        Assert.Equal("Ports reopen after storm", article.Title);
        Assert.Equal("Claire Martin", article.Byline);
        Assert.Equal("2016-03-03", article.Published?.ToString());
        Assert.Equal("text:Mis à jour le 3 mars 2016", article.PublishedFrom);
        Assert.Equal("The ports of the coast reopened on Wednesday.", article.Text);
    }

    [Fact]
    public void Text_DateLineAtFoot_IsMetadata()
    {
        // Given a story whose date stands on its last line
        const string text = "Grain deal extended\n\nThe grain corridor deal was extended on Friday.\n\nAktualisiert am 05.04.2017";

        // When read
        var article = ReadOne(text, "grain.txt");

        // Then the date is read and the line is not part of the body
        Assert.Equal("2017-04-05", article.Published?.ToString());
        Assert.Equal("The grain corridor deal was extended on Friday.", article.Text);
    }

    [Fact]
    public void Option_PublicationDateWins()
    {
        // Given a text stating one date and an option giving another
        var options = new ReadOptions { PublicationDate = new PublicationDate(new DateOnly(2020, 1, 2)) };

        // When read
        var article = ReadOne("Title\n\nPublished: 12 Nov 2015\n\nBody text here.", "a.txt", options);

        // Then the option's date is used, and says so
        Assert.Equal("2020-01-02", article.Published?.ToString());
        Assert.Equal("option", article.PublishedFrom);
    }

    [Fact]
    public void Json_DateWinsOverText()
    {
        // Given a JSON line with a date field and another date in its text
        const string line = "{\"id\":\"j1\",\"text\":\"Updated: 13 Nov 2015\\n\\nBody text here.\",\"published\":\"2015-11-12T10:00:00+03:00\"}";

        // When read
        var article = ReadOne(line, "a.jsonl");

        // Then the JSON date is used
        Assert.Equal("2015-11-12T10:00+03:00", article.Published?.ToString());
        Assert.Equal("json", article.PublishedFrom);
    }

    [Fact]
    public void Json_UnreadableDate_WarnsAndUsesText()
    {
        // Given a JSON date that is not a date, and a date in the text
        const string line = "{\"text\":\"Yayınlanma Tarihi: 11 Kasım 2015\\n\\nBody.\",\"published\":\"soon\"}";

        // When read
        var article = ReadOne(line, "a.jsonl");

        // Then a DY4007 warning is given and the text's date is used
        Assert.Contains(article.Diagnostics, d => d.Code == ErrorCodes.DateUnreadable);
        Assert.Equal("2015-11-11", article.Published?.ToString());
        Assert.StartsWith("text:Yayınlanma", article.PublishedFrom, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_WithoutDate_WarnsMissing()
    {
        // Given a story without any date
        // When read
        var article = ReadOne("Title\n\nBody text without a date.", "a.txt");

        // Then the date is null and a DY4010 warning says so
        Assert.Null(article.Published);
        Assert.Null(article.PublishedFrom);
        Assert.Contains(article.Diagnostics, d => d.Code == ErrorCodes.PublicationDateMissing);
    }

    [Fact]
    public void Text_AmbiguousNumericDate_Warns()
    {
        // Given an English label with a slashed date that reads both ways
        // When read
        var article = ReadOne("Title\nUpdated: 05/04/2017\n\nBody text.", "a.txt");

        // Then it is read month-first, with a DY4008 warning
        Assert.Equal("2017-05-04", article.Published?.ToString());
        Assert.Contains(article.Diagnostics, d => d.Code == ErrorCodes.DateAmbiguous);
    }

    [Fact]
    public void InvalidUtf8_IsReplacedAndReported()
    {
        // Given UTF-8 text with two stray bytes
        var bytes = Encoding.UTF8.GetBytes("Title\n\nValid text ").Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(Encoding.UTF8.GetBytes(" more text.")).ToArray();

        // When read
        var article = Assert.IsType<ArticleAccepted>(Assert.Single(ReadBytes(bytes, "bad.txt"))).Article;

        // Then the bad bytes are U+FFFD and a DY1001 warning counts them
        Assert.Contains('\uFFFD', article.Text);
        var warning = Assert.Single(article.Diagnostics, d => d.Code == ErrorCodes.InvalidUtf8);
        Assert.StartsWith("2 invalid byte sequences", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeclaredLegacyEncoding_IsUsed()
    {
        // Given an HTML page in windows-1254 (Turkish) that declares it
        var turkish = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1254)!;
        var page = "<html><head><meta charset=\"windows-1254\"><title>Sınır</title></head><body><p>Güncelleme Tarihi: 12 Kasım 2015</p><p>İki ülke görüştü.</p></body></html>";

        // When read
        var article = Assert.IsType<ArticleAccepted>(Assert.Single(ReadBytes(turkish.GetBytes(page), "tr.html"))).Article;

        // Then the Turkish letters survive and the date is read
        Assert.Equal("İki ülke görüştü.", article.Text);
        Assert.Equal("2015-11-12", article.Published?.ToString());
        Assert.DoesNotContain(article.Diagnostics, d => d.Code == ErrorCodes.InvalidUtf8);
    }

    [Fact]
    public void NamedEncoding_IsUsedAndUnknownNameWarns()
    {
        // Given Latin-1 bytes, read once with the right name and once with a wrong one
        var bytes = Encoding.Latin1.GetBytes("Titre\n\nLa grève a cessé.");

        // When read
        var right = Assert.IsType<ArticleAccepted>(Assert.Single(ReadBytes(bytes, "fr.txt", new ReadOptions { Encoding = "iso-8859-1" }))).Article;
        var wrong = Assert.IsType<ArticleAccepted>(Assert.Single(ReadBytes(bytes, "fr.txt", new ReadOptions { Encoding = "no-such-charset" }))).Article;

        // Then the right name decodes, and the unknown one warns (DY4009) and falls back to UTF-8 (DY1001)
        Assert.Equal("La grève a cessé.", right.Text);
        Assert.Contains(wrong.Diagnostics, d => d.Code == ErrorCodes.EncodingUnknown);
        Assert.Contains(wrong.Diagnostics, d => d.Code == ErrorCodes.InvalidUtf8);
    }

    [Fact]
    public void Utf16WithBom_IsDecoded()
    {
        // Given UTF-16 text with a byte order mark
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Başlık\n\nMetin burada.")).ToArray();

        // When read
        var article = Assert.IsType<ArticleAccepted>(Assert.Single(ReadBytes(bytes, "u16.txt"))).Article;

        // Then it is decoded
        Assert.Equal("Başlık", article.Title);
        Assert.Equal("Metin burada.", article.Text);
    }

    [Fact]
    public void ControlCharacters_AreSpacesWithWarning()
    {
        // Given text holding NUL characters
        // When read
        var article = ReadOne("Title\n\nText\0with\0nulls.", "nul.txt");

        // Then they are spaces and a DY1004 warning says so
        Assert.Equal("Text with nulls.", article.Text);
        Assert.Contains(article.Diagnostics, d => d.Code == ErrorCodes.BinaryContent);
    }

    [Fact]
    public void StandardInput_GetsHashIds()
    {
        // Given a text read from a stream named "-"
        // When read twice
        var first = ReadOne("Title\n\nSame text.", "-");
        var second = ReadOne("Title\n\nSame text.", "-");

        // Then the id is a content hash, the same both times
        Assert.StartsWith("sha256:", first.Id, StringComparison.Ordinal);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal("-", first.Input);
    }

    [Fact]
    public void FormFeeds_SeparateArticles()
    {
        // Given three stories separated by form feeds
        const string text = "First title\n\nFirst body.\fSecond title\n\nSecond body.\f\fThird title\n\nThird body.\f";

        // When read
        var results = ReadBytes(Encoding.UTF8.GetBytes(text), "many.txt");

        // Then each is an article numbered in the id and location, and the empty part between two form feeds is reported
        Assert.Equal(4, results.Count);
        Assert.Equal("many.txt#1", Assert.IsType<ArticleAccepted>(results[0]).Article.Id);
        Assert.Equal("part 2", results[1].Location);
        Assert.Equal(ErrorCodes.DocumentEmpty, Assert.IsType<ArticleRejected>(results[2]).Problem.Code);
        Assert.Equal("Third body.", Assert.IsType<ArticleAccepted>(results[3]).Article.Text);
    }

    [Fact]
    public void Directory_IsReadInOrderWithRelativeIds()
    {
        // Given a directory with a text file, a JSON Lines file in a subdirectory and a hidden file
        File.WriteAllText(Path.Combine(_directory, "b.txt"), "Title B\n\nBody B.");
        Directory.CreateDirectory(Path.Combine(_directory, "sub"));
        File.WriteAllText(Path.Combine(_directory, "sub", "a.jsonl"), "{\"text\":\"Body A1.\"}\n{\"text\":\"Body A2.\"}\n");
        File.WriteAllText(Path.Combine(_directory, ".hidden"), "Not read.");

        // When the directory is read
        var ids = new ArticleReader().Read(_directory, TestContext.Current.CancellationToken)
            .Select(r => Assert.IsType<ArticleAccepted>(r).Article.Id).ToList();

        // Then files come in order, ids are relative paths, and dot-files are skipped
        Assert.Equal(["b.txt", "sub/a.jsonl#1", "sub/a.jsonl#2"], ids);
    }

    [Fact]
    public void Cancellation_StopsBetweenDocuments()
    {
        // Given a cancelled token
        using var source = new CancellationTokenSource();
        source.Cancel();

        // When reading starts
        // Then it stops with OperationCanceledException
        Assert.Throws<OperationCanceledException>(() => new ArticleReader().Read(new MemoryStream(Encoding.UTF8.GetBytes("Text.")), "a.txt", source.Token).ToList());
    }
}
