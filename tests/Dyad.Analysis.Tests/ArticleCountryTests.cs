using Dyad.Events;
using Dyad.Places;

namespace Dyad.Analysis.Tests;

/// <summary>Actors with a role but no country take the country the article is about, when the article makes it clear (issue 12 part 3).</summary>
public sealed class ArticleCountryTests
{
    private const string Sentence = "The government criticised the rebels in Quetta.";

    private static Toponym Named(string alpha3, int start, bool cue = false, ToponymKind kind = ToponymKind.Place) =>
        new(start, start + 5, "Place", new Place(null, "Place", alpha3[..2], alpha3, null, FeatureType.City, "PPL", 1000, 0, 0, []), cue, 1.0, kind);

    private static EventRecord Event(string source, string target, int start = 100) => new(
        null,
        null,
        null,
        source,
        target,
        "111",
        3,
        -2.0,
        new PloverFields("ACCUSE", null, null),
        null,
        new EventEvidence("doc", 2, Sentence, start, start + Sentence.Length, new TextSpan("The government", start, start + 14), new TextSpan("criticised", start + 15, start + 25), new TextSpan("the rebels", start + 26, start + 36)),
        "* CRITICISE",
        "verbs/x.txt:line 1",
        null);

    [Fact]
    public void Find_TheDatelinesCountryNamedOnceMore_IsTheArticles_FromTheDateline()
    {
        // Given a dateline in Kabul (two votes) and one more Afghan place
        var dateline = Named("AFG", 0);
        Toponym[] places = [dateline, Named("AFG", 200)];

        // When the article's country is found
        var found = ArticleCountry.Find(places, dateline);

        // Then it is Afghanistan, decided by the dateline
        Assert.Equal(("AFG", "dateline"), found);
    }

    [Theory]
    [InlineData("AFG")]
    [InlineData("AFG AFG")]
    [InlineData("AFG AFG AFG PAK PAK")]
    public void Find_TooFewOrTooEvenVotes_IsNoCountry(string countries)
    {
        // Given places with fewer than three votes for the leader, or a runner-up with more than half its votes
        var places = countries.Split(' ').Select((c, i) => Named(c, i * 10)).ToList();

        // When / Then the article is about no one country
        Assert.Null(ArticleCountry.Find(places, null));
    }

    [Fact]
    public void Find_ACountryNamedThreeTimesAgainstOnce_IsTheArticles_FromTheArticle()
    {
        // Given Kosovo (ISO XKX) named three times, Serbia once, and a dateline elsewhere
        var dateline = Named("SRB", 0);
        Toponym[] places = [dateline, Named("XKX", 10), Named("XKX", 20), Named("XKX", 30, kind: ToponymKind.Demonym), Named("XKX", 40, kind: ToponymKind.Modifier)];

        // When the article's country is found
        var found = ArticleCountry.Find(places, dateline);

        // Then it is Kosovo by CAMEO's code, from the article's words: 4 votes against the dateline's 2
        Assert.Equal(("KSV", "article"), found);
    }

    [Fact]
    public void Find_TheOutletsVote_TipsAnArticleThatIsNotClearAlone_AndSaysSo()
    {
        // Given an article naming Britain twice (not enough alone), and one naming Iran four times and Britain twice
        Toponym[] british = [Named("GBR", 0), Named("GBR", 10)];
        Toponym[] iranian = [Named("IRN", 0), Named("IRN", 10), Named("IRN", 20), Named("IRN", 30), Named("IRN", 40), Named("GBR", 50)];

        // When each is read with a British outlet (one vote)
        // Then the outlet decides the first, marked as the outlet's; the second stays Iran's, by its own words
        Assert.Equal(("GBR", "outlet"), ArticleCountry.Find(british, null, "GBR"));
        Assert.Null(ArticleCountry.Find(british, null, null));
        Assert.Equal(("IRN", "article"), ArticleCountry.Find(iranian, null, "GBR"));
    }

    [Fact]
    public void Apply_GivesTheCountryToRolesWithoutOne_AndMarksThem()
    {
        // Given events whose actors have a role but no country, no role at all, or a country of their own
        // When the article's country is applied
        var both = ArticleCountry.Apply(Event("---GOV", "---REB"), "AFG", "dateline");
        var unknown = ArticleCountry.Apply(Event("---", "PAKMIL"), "AFG", "article");

        // Then roles take it, marked; an unknown actor stays unknown and a country of its own is kept
        Assert.Equal(("AFGGOV", "dateline", "AFGREB", "dateline"), (both.Source.Value, both.SourceCountryFrom, both.Target.Value, both.TargetCountryFrom));
        Assert.Equal(("AFG", "AFG"), (both.SourceCountry, both.TargetCountry));
        Assert.Equal(("---", null, "PAKMIL", null), (unknown.Source.Value, unknown.SourceCountryFrom, unknown.Target.Value, unknown.TargetCountryFrom));
    }

    [Fact]
    public void Apply_ASentencePlacingTheEventInAnotherCountry_LeavesItAlone()
    {
        // Given an event of "---GOV" whose sentence names a place in Pakistan after a locative word, and one in the
        // target's own words
        var record = Event("---GOV", "---REB");
        Toponym elsewhere = Named("PAK", record.Evidence.Start + 40, cue: true);
        Toponym inTarget = Named("PAK", record.Evidence.Target!.Start, cue: true) with { End = record.Evidence.Target.End };

        // When the article's country (Afghanistan) is applied
        var left = ArticleCountry.Apply(record, "AFG", "article", [elsewhere]);
        var sourceOnly = ArticleCountry.Apply(record with { Target = "PAKMIL" }, "AFG", "article", [inTarget]);

        // Then the event keeps its actors; a place inside the other actor's words does not count
        Assert.Equal(record, left);
        Assert.Equal(("AFGGOV", "article"), (sourceOnly.Source.Value, sourceOnly.SourceCountryFrom));
    }
}
