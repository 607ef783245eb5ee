using Dyad.Nlp.Tokenization;

namespace Dyad.Nlp.Tests;

/// <summary>Whatever the text, the whole pipeline finishes and every sentence comes out as one rooted tree.</summary>
public sealed class PipelineRobustnessTests
{
    // The pipeline as the CLI loads it: with the learned sentence splitter when models/en has one.
    private static readonly Lazy<Pipeline> Models = new(() => Pipeline.Load(TestData.Models));

    public static TheoryData<string, string> Texts() => new()
    {
        { "empty", string.Empty },
        { "spaces", " \n\t\u00A0\u3000 " },
        { "no punctuation", string.Join(' ', Enumerable.Repeat("troops attacked the border town and", 2000)) },
        { "one long token", new string('x', 200_000) },
        { "symbols", "%%% ### @@@ $$$ ^^^ &&& ***" },
        { "scripts", "Москва заявила. 北京表示反对。 قالت بغداد إن… Αθήνα? ☮️🚀" },
        { "replacement characters", "\uFFFD\uFFFD broken \uFFFD text \uD800 lone surrogate" },
        { "headline", "Russia ready to arm, train Iraqi army\n\nMOSCOW (Reuters) - Russia said on Thursday it would arm Iraq." },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Pipeline_MakesOneTreePerSentenceWhateverTheText(string name, string text)
    {
        // When the text goes through every stage
        var document = Models.Value.Process(new Document(name, text), TestContext.Current.CancellationToken);

        // Then each sentence has exactly one root, heads stay inside it, and tokens lie inside the text
        foreach (var sentence in document.Sentences)
        {
            var roots = 0;
            for (var i = sentence.TokenStart; i < sentence.TokenEnd; i++)
            {
                var head = document.Dependencies[i].Head;
                Assert.InRange(head, -1, sentence.Length - 1);
                roots += head == -1 ? 1 : 0;
            }

            Assert.Equal(1, roots);
        }

        Assert.All(document.Tokens, t => Assert.InRange(t.End, t.Start + 1, text.Length));
        Assert.Equal(document.Tokens.Length, document.Tags.Length);
        Assert.Equal(document.Tokens.Length, document.Lemmas.Length);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Pipeline_StageNamesAreUniqueAndVersioned(bool fast)
    {
        // Given either profile
        var pipeline = Pipeline.Load(TestData.Models, new Tokenizer(), fast: fast);

        // Then every stage has its own name of the form name.vN
        var names = pipeline.Stages.Select(s => s.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.Matches(@"^[a-z]+\.v[0-9]+$", n));
    }
}
