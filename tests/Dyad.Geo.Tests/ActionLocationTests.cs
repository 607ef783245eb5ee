using System.Collections.Immutable;
using Dyad.Geo;
using Dyad.Places;

namespace Dyad.Geo.Tests;

public sealed class ActionLocationTests
{
    // A hand-made parse: word, universal part of speech, head (0-based, -1 for the root), relation.
    private static readonly (string Word, string Upos, int Head, string Relation)[] FoughtInSyria =
    [
        ("Troops", "NOUN", 1, "nsubj"), ("fought", "VERB", -1, "root"), ("in", "ADP", 3, "case"), ("Syria", "PROPN", 1, "obl"),
        ("after", "ADP", 6, "case"), ("a", "DET", 6, "det"), ("meeting", "NOUN", 1, "obl"), ("that", "PRON", 8, "nsubj"),
        ("ended", "VERB", 6, "acl:relcl"), ("in", "ADP", 10, "case"), ("Geneva", "PROPN", 8, "obl"), (".", "PUNCT", 1, "punct"),
    ];

    private static readonly (string Word, string Upos, int Head, string Relation)[] StateOfIraq =
    [
        ("Fighters", "NOUN", 6, "nsubj"), ("of", "ADP", 3, "case"), ("Islamic", "PROPN", 3, "compound"), ("State", "PROPN", 0, "nmod"),
        ("of", "ADP", 5, "case"), ("Iraq", "PROPN", 3, "nmod"), ("clashed", "VERB", -1, "root"), (".", "PUNCT", 6, "punct"),
    ];

    private static readonly (string Word, string Upos, int Head, string Relation)[] SerbiasPremier =
    [
        ("Serbia", "PROPN", 2, "nmod:poss"), ("'s", "PART", 0, "case"), ("premier", "NOUN", 4, "nsubj:pass"), ("was", "AUX", 4, "aux:pass"),
        ("shot", "VERB", -1, "root"), (".", "PUNCT", 4, "punct"),
    ];

    [Theory]
    [InlineData("shot")]
    public void Choose_SkipsAPossessor(string verb)
    {
        // Given "Serbia 's premier was shot ." with Serbia found as a country
        var document = Parse(SerbiasPremier);
        var toponyms = new[] { At(document, "Serbia", FeatureType.Country) };
        var sentence = new TextRange(0, document.Text.Length);

        // When the place of "shot" is chosen with the parse
        var chosen = ActionLocation.Choose(toponyms, sentence, new EventSyntax(document, 0, Index(document, verb)));

        // Then there is none: Serbia says whose premier, not where he was shot
        Assert.Null(chosen);
        Assert.NotNull(ActionLocation.Choose(toponyms, sentence));
    }

    [Theory]
    [InlineData("fought")]
    public void Choose_PrefersThePlaceInTheVerbsClause(string verb)
    {
        // Given "Troops fought in Syria after a meeting that ended in Geneva ." with both places cued: without the parse
        // the city (Geneva) wins over the country
        var document = Parse(FoughtInSyria);
        var toponyms = new[] { At(document, "Syria", FeatureType.Country), At(document, "Geneva", FeatureType.City) };
        var sentence = new TextRange(0, document.Text.Length);
        Assert.Equal("Geneva", ActionLocation.Choose(toponyms, sentence)?.Text);

        // When the place of "fought" is chosen with the parse
        var chosen = ActionLocation.Choose(toponyms, sentence, new EventSyntax(document, 0, Index(document, verb)));

        // Then it is Syria: Geneva lies in the relative clause of "ended"
        Assert.Equal("Syria", chosen?.Text);
    }

    [Theory]
    [InlineData("ended")]
    public void Choose_TheOtherClausesVerbKeepsItsOwnPlace(string verb)
    {
        // Given the same sentence
        var document = Parse(FoughtInSyria);
        var toponyms = new[] { At(document, "Syria", FeatureType.Country), At(document, "Geneva", FeatureType.City) };

        // When the place of "ended" is chosen
        var chosen = ActionLocation.Choose(toponyms, new TextRange(0, document.Text.Length), new EventSyntax(document, 0, Index(document, verb)));

        // Then it is Geneva, in its own clause (Syria is in the clause above it, which counts too, but Geneva is a city)
        Assert.Equal("Geneva", chosen?.Text);
    }

    [Theory]
    [InlineData("clashed")]
    public void Choose_SkipsAPlaceThatIsPartOfAName(string verb)
    {
        // Given "Fighters of Islamic State of Iraq clashed ." with Iraq found as a country
        var document = Parse(StateOfIraq);
        var toponyms = new[] { At(document, "Iraq", FeatureType.Country) };
        var sentence = new TextRange(0, document.Text.Length);

        // When the place of "clashed" is chosen with the parse
        var chosen = ActionLocation.Choose(toponyms, sentence, new EventSyntax(document, 0, Index(document, verb)));

        // Then there is none: "of Iraq" belongs to the name "Islamic State of Iraq" (without the parse Iraq is taken)
        Assert.Null(chosen);
        Assert.NotNull(ActionLocation.Choose(toponyms, sentence));
    }

    private static Document Parse((string Word, string Upos, int Head, string Relation)[] words)
    {
        var text = string.Join(' ', words.Select(w => w.Word));
        var tokens = ImmutableArray.CreateBuilder<Token>();
        var offset = 0;
        foreach (var w in words)
        {
            tokens.Add(new Token(offset, offset + w.Word.Length));
            offset += w.Word.Length + 1;
        }

        return new Document("test", text)
        {
            Tokens = tokens.ToImmutable(),
            Sentences = [new Sentence(0, words.Length)],
            Tags = [.. words.Select(w => new MorphTag(w.Upos, "_", "_"))],
            Lemmas = [.. words.Select(w => w.Word.ToLowerInvariant())],
            Dependencies = [.. words.Select(w => new Dependency(w.Head, w.Relation))],
        };
    }

    private static int Index(Document document, string word) =>
        Enumerable.Range(0, document.Tokens.Length).First(i => document.Form(i) == word);

    private static Toponym At(Document document, string word, FeatureType feature)
    {
        var token = document.Tokens[Index(document, word)];
        var place = new Place(null, word, "XX", "XXX", null, feature, feature == FeatureType.Country ? "PCLI" : "PPL", 1000, 0, 0, []);
        return new Toponym(token.Start, token.End, word, place, HasLocationCue: true, Confidence: 1);
    }
}
