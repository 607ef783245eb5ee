using Dyad.Events;
using Dyad.Ingest;

namespace Dyad.Cli.Tests;

/// <summary>
/// A property of the analysis: whatever the text, every event's evidence lies inside its document and says what is
/// there. The sentence's, the source's, the verb's, the target's and the place's offsets cut out of the document exactly
/// the words the record gives, and the words lie in their sentence. Texts are built from news sentences, datelines,
/// paragraph breaks, odd spacing and stray characters, drawn from the seed FsCheck gives.
/// </summary>
public sealed class EvidenceOffsetPropertyTests
{
    private static readonly string[] Sentences =
    [
        "Russia is ready to arm and train the Iraqi army, its ambassador said on Thursday.",
        "The Iraqi delegation arrived in Moscow on Wednesday and met members of the State Duma's defence committee.",
        "Turkey accused Russia of bombing civilians near Aleppo.",
        "Islamic State militants captured Mosul in June of last year.",
        "France and Germany signed an agreement on energy in Berlin.",
        "Police in Karachi arrested three men after the attack.",
        "Egypt condemned the strike, calling it a violation of Syrian sovereignty.",
        "The United Nations urged both sides to return to talks in Geneva.",
    ];

    private static readonly string[] Noise = [" ", "  ", "\n", "\n\n", "\t", " \u00a0", " -- ", " (AP) ", " \u201c", "\u201d ", " é ", " 😀 "];

    private static readonly string[] Datelines = ["", "MOSCOW, Nov 12 (Reuters) - ", "BAGHDAD (AP) \u2014 ", "KARACHI: "];

    [FsCheck.Xunit.Property(MaxTest = 25)]
    public void Analysis_AnyText_GivesEvidenceInsideItsDocument(int seed)
    {
        // Given a text of a few news sentences with noise between them, and perhaps a dateline
        var random = new Random(seed);
        var text = Datelines[random.Next(Datelines.Length)] + string.Concat(Enumerable.Range(0, random.Next(1, 7)).Select(_ => Sentences[random.Next(Sentences.Length)] + Noise[random.Next(Noise.Length)]));
        var reader = new ArticleReader(new ReadOptions { Format = ArticleFormat.Text, PublicationDate = new PublicationDate(new DateOnly(2015, 11, 12)) });
        var article = Assert.IsType<ArticleAccepted>(Assert.Single(reader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "prop.txt"))).Article;
        text = article.Text;

        // When it is analysed
        var events = TestAnalyzer.Shared.Value.Analyze(article).Events;

        // Then there are events (every sentence of the pool has one), and every offset cuts out the words its record gives, inside the document and inside its sentence
        Assert.NotEmpty(events);
        foreach (var e in events)
        {
            var evidence = e.Evidence;
            Assert.InRange(evidence.Start, 0, text.Length);
            Assert.InRange(evidence.End, evidence.Start, text.Length);
            Assert.Equal(evidence.Text, text[evidence.Start..evidence.End]);
            foreach (var span in new[] { evidence.Source, evidence.Verb, evidence.Target }.OfType<TextSpan>())
            {
                Assert.InRange(span.Start, evidence.Start, evidence.End);
                Assert.InRange(span.End, span.Start, evidence.End);
                Assert.Equal(span.Text, text[span.Start..span.End]);
            }

            if (e.Location is { Text: { } words, Start: { } start, End: { } end })
            {
                Assert.InRange(start, 0, text.Length);
                Assert.InRange(end, start, text.Length);
                Assert.Equal(words, text[start..end]);
            }
        }
    }
}
