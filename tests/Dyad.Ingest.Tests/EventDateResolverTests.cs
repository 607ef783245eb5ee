namespace Dyad.Ingest.Tests;

public sealed class EventDateResolverTests
{
    // A fixed publication date, a Thursday; nothing here reads the clock.
    private static readonly DateOnly Published = new(2015, 11, 12);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("Officials met on Wednesday in Sarp.", "2015-11-11", DatePrecision.Day, "on Wednesday", "weekday-past")]
    [InlineData("Rebels attacked the town on Thursday.", "2015-11-12", DatePrecision.Day, "on Thursday", "weekday-same-day")]
    [InlineData("Rebels attacked the town last Thursday.", "2015-11-05", DatePrecision.Day, "last Thursday", "weekday-past")]
    [InlineData("The ministers will meet on Wednesday.", "2015-11-18", DatePrecision.Day, "on Wednesday", "weekday-future")]
    [InlineData("The talks are to be held on Monday in Geneva.", "2015-11-16", DatePrecision.Day, "on Monday", "weekday-future")]
    [InlineData("He visits Ankara next Tuesday.", "2015-11-17", DatePrecision.Day, "next Tuesday", "weekday-future")]
    [InlineData("Police arrested him last Friday.", "2015-11-06", DatePrecision.Day, "last Friday", "weekday-past")]
    [InlineData("Troops withdrew yesterday.", "2015-11-11", DatePrecision.Day, "yesterday", "yesterday")]
    [InlineData("Troops withdrew last night.", "2015-11-11", DatePrecision.Day, "last night", "yesterday")]
    [InlineData("The envoy arrives today.", "2015-11-12", DatePrecision.Day, "today", "today")]
    [InlineData("The envoy arrives tomorrow.", "2015-11-13", DatePrecision.Day, "tomorrow", "tomorrow")]
    [InlineData("The envoy left two days ago.", "2015-11-10", DatePrecision.Day, "two days ago", "days-ago")]
    [InlineData("The envoy left 3 weeks ago.", "2015-10-19", DatePrecision.Week, "3 weeks ago", "weeks-ago")]
    [InlineData("The dam burst a year ago.", "2014-01-01", DatePrecision.Year, "a year ago", "years-ago")]
    [InlineData("Fighting flared last week.", "2015-11-02", DatePrecision.Week, "last week", "last-week")]
    [InlineData("Fighting flared earlier this week.", "2015-11-09", DatePrecision.Week, "earlier this week", "this-week")]
    [InlineData("Elections are planned next week.", "2015-11-16", DatePrecision.Week, "next week", "next-week")]
    [InlineData("Prices rose last month.", "2015-10-01", DatePrecision.Month, "last month", "last-month")]
    [InlineData("Prices rose earlier this month.", "2015-11-01", DatePrecision.Month, "earlier this month", "this-month")]
    [InlineData("Prices will rise next month.", "2015-12-01", DatePrecision.Month, "next month", "next-month")]
    [InlineData("The army grew last year.", "2014-01-01", DatePrecision.Year, "last year", "last-year")]
    [InlineData("The army grew earlier this year.", "2015-01-01", DatePrecision.Year, "earlier this year", "this-year")]
    [InlineData("The pact expires next year.", "2016-01-01", DatePrecision.Year, "next year", "next-year")]
    [InlineData("The bill passed on Sept. 30 after a long debate.", "2015-09-30", DatePrecision.Day, "on Sept. 30", "day-month-past")]
    [InlineData("The bill passed Sept. 30.", "2015-09-30", DatePrecision.Day, "Sept. 30", "day-month-past")]
    [InlineData("The bill passed on 30 September.", "2015-09-30", DatePrecision.Day, "on 30 September", "day-month-past")]
    [InlineData("The strike began on Dec. 3.", "2014-12-03", DatePrecision.Day, "on Dec. 3", "day-month-past")]
    [InlineData("The summit will open on Dec. 3.", "2015-12-03", DatePrecision.Day, "on Dec. 3", "day-month-future")]
    [InlineData("The strike began in June.", "2015-06-01", DatePrecision.Month, "in June", "month-past")]
    [InlineData("The strike began in December.", "2014-12-01", DatePrecision.Month, "in December", "month-past")]
    [InlineData("A vote will be held in December.", "2015-12-01", DatePrecision.Month, "in December", "month-future")]
    [InlineData("The strike began in June of last year.", "2014-06-01", DatePrecision.Month, "in June of last year", "month-relative-year")]
    [InlineData("The strike began June last year.", "2014-06-01", DatePrecision.Month, "June last year", "month-relative-year")]
    [InlineData("The strike began last June.", "2015-06-01", DatePrecision.Month, "last June", "month-last")]
    [InlineData("The strike began last December.", "2014-12-01", DatePrecision.Month, "last December", "month-last")]
    [InlineData("Talks resume next March.", "2016-03-01", DatePrecision.Month, "next March", "month-next")]
    [InlineData("The party was founded in 2014.", "2014-01-01", DatePrecision.Year, "in 2014", "year")]
    [InlineData("The party was founded in March 2013.", "2013-03-01", DatePrecision.Month, "in March 2013", "month-year")]
    [InlineData("The treaty was signed on 12 November 2013.", "2013-11-12", DatePrecision.Day, "12 November 2013", "explicit-date")]
    [InlineData("The treaty was signed Nov. 3, 2015, in Oslo.", "2015-11-03", DatePrecision.Day, "Nov. 3, 2015", "explicit-date")]
    [InlineData("The treaty was signed on 2015-10-01.", "2015-10-01", DatePrecision.Day, "2015-10-01", "explicit-date")]
    public void Resolve_AppliesEachRule(string sentence, string date, DatePrecision precision, string evidence, string rule)
    {
        // Given a sentence and the fixed publication date
        // When its event date is resolved
        var resolved = EventDateResolver.Resolve(sentence, Published);

        // Then the date, precision, words and rule are as the rule says, and the range points at the words
        Assert.Equal(date, Iso(resolved.Date));
        Assert.Equal(precision, resolved.Precision);
        Assert.Equal(evidence, resolved.Evidence);
        Assert.Equal(rule, resolved.Rule);
        Assert.True(resolved.FromText);
        Assert.NotNull(resolved.Range);
        Assert.Equal(evidence, sentence[resolved.Range.Value.Start..resolved.Range.Value.End]);
    }

    [Theory]
    [InlineData("Troops may withdraw from the border.")]
    [InlineData("The president spoke about the economy.")]
    [InlineData("")]
    public void Resolve_FallsBackToPublicationDate(string sentence)
    {
        // Given a sentence with no date expression ("may" is a verb here)
        // When resolved
        var resolved = EventDateResolver.Resolve(sentence, Published);

        // Then the publication date is used, and the result says so
        Assert.Equal(Published, resolved.Date);
        Assert.False(resolved.FromText);
        Assert.Equal("publication-date", resolved.Rule);
        Assert.Null(resolved.Range);
        Assert.Equal(string.Empty, resolved.Evidence);
    }

    [Theory]
    [InlineData(7, "2015-11-11")]
    [InlineData(50, "2015-11-13")]
    public void Resolve_UsesExpressionNearestTheAnchor(int anchor, string expected)
    {
        // Given a sentence with a past and a future weekday ("said" at 7, "officials" at 44)
        const string sentence = "Turkey said on Wednesday it will meet Greek officials on Friday.";

        // When resolved for an event anchored at a word
        var resolved = EventDateResolver.Resolve(sentence, Published, anchor: anchor);

        // Then the nearest expression dates it, each in its own tense
        Assert.Equal(expected, Iso(resolved.Date));
    }

    [Fact]
    public void FindAll_ShiftsRangesBySentenceStart()
    {
        // Given a sentence starting at offset 100 of its article
        const string sentence = "Officials met yesterday.";

        // When all expressions are found
        var found = EventDateResolver.FindAll(sentence, Published, sentenceStart: 100);

        // Then ranges are article offsets
        var only = Assert.Single(found);
        Assert.Equal(new TextRange(114, 123), only.Range);
    }

    [Theory]
    [InlineData("The party was founded in 2014 and met on Wednesday.", 1)]
    [InlineData("Officials met on Wednesday.", 0)]
    public void FindAll_WithoutPublicationDate_ResolvesOnlyAbsoluteDates(string sentence, int expected)
    {
        // Given no publication date
        // When expressions are resolved
        var found = EventDateResolver.FindAll(sentence, published: null);

        // Then only dates that state their year resolve
        Assert.Equal(expected, found.Count);
    }

    [Fact]
    public void Resolve_PrefersLongestExpression()
    {
        // Given overlapping expressions ("in June of last year" holds "in June" and "last year")
        var found = EventDateResolver.FindAll("It began in June of last year.", Published);

        // Then only the longest is kept
        var only = Assert.Single(found);
        Assert.Equal("in June of last year", only.Evidence);
    }

    [Theory]
    [InlineData(DatePrecision.Day, "2015-11-11")]
    [InlineData(DatePrecision.Week, "2015-W46")]
    [InlineData(DatePrecision.Month, "2015-11")]
    [InlineData(DatePrecision.Year, "2015")]
    public void EventDate_FormatsAtItsPrecision(DatePrecision precision, string expected)
    {
        // Given a date at a precision
        var date = new EventDate(new DateOnly(2015, 11, 11), precision, "x", null, true, "test");

        // Then it prints only what it knows
        Assert.Equal(expected, date.ToString());
    }
}
