using Dyad.Coding.Coding;
using Dyad.Coding.Dictionaries;
using Dyad.Coding.KnowledgeBase;
using Dyad.Nlp.Conllu;

namespace Dyad.Coding.Tests;

/// <summary>End to end: a tiny knowledge base written in the test, loaded, linted clean, and used by the unchanged EventCoder.</summary>
public sealed class KnowledgeBaseCodingTests : IDisposable
{
    private readonly KnowledgeBaseFolder _kb = new();
    private readonly EventCoder _coder;

    public KnowledgeBaseCodingTests()
    {
        _kb.Write("countries.txt",
            "IRQ | IQ | Iraq | Iraqi, Iraqis | Baghdad | | Mosul",
            "USA | US | United States | American, Americans | Washington | White House |",
            "RUS | RU | Russia | Russian | Moscow | Kremlin |");
        _kb.Write("agents.txt", "MIL | army, armies, troops", "GOV | government");
        _kb.Write("people.txt", "Vladimir Putin, Putin", "  RUSGOV | 2000-05-07..2008-05-07 | president");
        _kb.Write("discards.txt", "sentence | football match");
        _kb.Write("verbs/04-consult.txt", "verb visit = 042", "  * +        = 042", "  * (to +)   = 042");
        _kb.Write("verbs/07-provide-aid.txt",
            "set &WEAPONS = weapons, arms, {military equipment}",
            "verb arm = ---",
            "  * +        = 072",
            "verb send {sent sent} = ---",
            "  * &WEAPONS (to +) = 072");
        _coder = new EventCoder(DictionarySet.LoadKnowledgeBase(_kb.Path));
    }

    public void Dispose() => _kb.Dispose();

    /// <summary>Builds a document from rows written with single spaces: ID FORM LEMMA UPOS HEAD DEPREL.</summary>
    private static Document Parse(string rows)
    {
        var lines = rows.Split('|').Select(r =>
        {
            var f = r.Split(' ');
            return string.Join('\t', f[0], f[1], f[2], f[3], "_", "_", f[4], f[5], "_", "_");
        });
        var diagnostics = new List<Diagnostic>();
        var sentences = ConlluReader.Read(new StringReader(string.Join('\n', lines) + "\n\n"), "test", diagnostics);
        Assert.Empty(diagnostics);
        return ConlluDocuments.ToDocument("test", sentences);
    }

    [Fact]
    public void KnowledgeBase_TheTestKnowledgeBaseLintsClean()
    {
        // When
        var report = KnowledgeBaseLint.Check(_kb.Path);

        // Then
        Assert.Empty(report.Findings);
        Assert.Empty(_coder.Dictionaries.Diagnostics);
    }

    [Theory]
    [InlineData("1 The the DET 3 det|2 Iraqi Iraqi ADJ 3 amod|3 army army NOUN 4 nsubj|4 visited visit VERB 0 root|5 Washington Washington PROPN 4 obj|6 . . PUNCT 4 punct", "042 IRQMIL USA")]
    [InlineData("1 Iraqi Iraqi ADJ 2 amod|2 troops troop NOUN 3 nsubj|3 went go VERB 0 root|4 on on ADP 5 case|5 visits visit NOUN 3 obl", "")]
    [InlineData("1 Americans American PROPN 2 nsubj|2 visited visit VERB 0 root|3 to to ADP 4 case|4 Mosul Mosul PROPN 2 obl", "042 USA IRQ")]
    [InlineData("1 The the DET 3 det|2 White White PROPN 3 compound|3 House House PROPN 4 nsubj|4 armed arm VERB 0 root|5 Iraqi Iraqi ADJ 6 amod|6 troops troop NOUN 4 obj", "072 USAGOV IRQMIL")]
    [InlineData("1 Russia Russia PROPN 2 nsubj|2 sent send VERB 0 root|3 weapons weapon NOUN 2 obj|4 to to ADP 6 case|5 the the DET 6 det|6 government government NOUN 2 obl|7 in in ADP 8 case|8 Baghdad Baghdad PROPN 6 nmod", "072 RUS IRQGOV")]
    [InlineData("1 Russia Russia PROPN 2 nsubj|2 sent send VERB 0 root|3 greetings greeting NOUN 2 obj|4 to to ADP 5 case|5 Baghdad Baghdad PROPN 2 obl", "")]
    [InlineData("1 Iraq Iraq PROPN 2 nsubj|2 visited visit VERB 0 root|3 Russia Russia PROPN 2 obj|4 after after ADP 7 case|5 the the DET 7 det|6 football football NOUN 7 compound|7 match match NOUN 2 obl", "")]
    public void Coder_WithTheKnowledgeBase_CodesActorsAgentsSeatsAndPatterns(string rows, string expected)
    {
        // Given a parsed sentence
        var document = Parse(rows);

        // When
        var result = _coder.Code(document, new DateOnly(2005, 1, 1));

        // Then
        Assert.Equal(expected, string.Join(';', result.Events.Select(e => e.ToString())));
    }

    [Theory]
    [InlineData(2005, 1, 1, "042 RUSGOV IRQ")]
    [InlineData(2008, 5, 7, "042 RUSGOV IRQ")]
    [InlineData(2008, 5, 8, "")]
    [InlineData(2000, 5, 6, "")]
    public void Coder_WithTheKnowledgeBase_CodesAPersonOnlyWithinTheirRole(int year, int month, int day, string expected)
    {
        // Given "Putin visited Baghdad"
        var document = Parse("1 Putin Putin PROPN 2 nsubj|2 visited visit VERB 0 root|3 Baghdad Baghdad PROPN 2 obj");

        // When
        var result = _coder.Code(document, new DateOnly(year, month, day));

        // Then
        Assert.Equal(expected, string.Join(';', result.Events.Select(e => e.ToString())));
    }

    [Fact]
    public void Coder_WithTheKnowledgeBase_CitesTheKnowledgeBaseLineOfThePattern()
    {
        // Given
        var document = Parse("1 Iraq Iraq PROPN 2 nsubj|2 visited visit VERB 0 root|3 Russia Russia PROPN 2 obj");

        // When
        var coded = Assert.Single(_coder.Code(document, null).Events);

        // Then
        Assert.Equal("042 IRQ RUS", coded.ToString());
        Assert.Equal(("verbs/04-consult.txt", 2), (coded.PatternRule?.File, coded.PatternRule?.Line));
    }
}
