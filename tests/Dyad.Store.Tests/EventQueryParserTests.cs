namespace Dyad.Store.Tests;

/// <summary>The one reading of event filters that the CLI and the HTTP API share.</summary>
public sealed class EventQueryParserTests
{
    private static EventQueryParse Parse(params (string Name, string? Value)[] values) =>
        EventQueryParser.Parse(values.Select(v => new KeyValuePair<string, string?>(v.Name, v.Value)));

    [Fact]
    public void Parse_EveryFilter_FillsTheQueryTrimmedAndAsGiven()
    {
        // When every filter is given, with spaces around some
        var parsed = Parse(("from", " 2016-01-01 "), ("to", "2016-12-31"), ("actor", " rus "), ("country", "ukr"), ("root", "04"), ("code", "042"), ("plover", "agree"), ("place", "Kyiv"), ("text", "talks"), ("limit", "10"), ("offset", "20"));

        // Then the query holds them trimmed, letter case left to the store
        Assert.True(parsed.IsValid);
        Assert.Equal(
            new EventQuery { From = new DateOnly(2016, 1, 1), To = new DateOnly(2016, 12, 31), Actor = "rus", Country = "ukr", Root = "04", Code = "042", PloverEvent = "agree", Place = "Kyiv", Text = "talks", Limit = 10, Offset = 20 },
            parsed.Query);
    }

    [Fact]
    public void Parse_BlankValues_DoNotFilter()
    {
        // When values are null, empty or spaces
        var parsed = Parse(("from", " "), ("actor", string.Empty), ("text", null), ("limit", " "));

        // Then nothing filters
        Assert.True(parsed.IsValid);
        Assert.Equal(EventQuery.All, parsed.Query);
    }

    [Theory]
    [InlineData("from", "2016-13-01", "must be a date of the form YYYY-MM-DD, not '2016-13-01'.")]
    [InlineData("to", "yesterday", "must be a date of the form YYYY-MM-DD, not 'yesterday'.")]
    [InlineData("actor", "RUS\0GOV", "holds the control character U+0000 at position 4; send the value without it.")]
    [InlineData("from", "2016-01-01\u0085", "holds the control character U+0085 at position 11; send the value without it.")]
    [InlineData("limit", "-1", "must be a whole number of 0 or more, not '-1'.")]
    [InlineData("offset", "1.5", "must be a whole number of 0 or more, not '1.5'.")]
    public void Parse_BadValue_NamesTheFieldTheValueAndTheProblem(string field, string value, string problem)
    {
        // When one value is bad
        var parsed = Parse((field, value));

        // Then the one problem names the field, the value and what is wrong
        Assert.False(parsed.IsValid);
        Assert.Equal(new EventQueryProblem(field, value, problem), Assert.Single(parsed.Problems));
        Assert.Equal($"'{field}' {problem}", parsed.Problems[0].Message);
    }

    [Fact]
    public void Parse_ToBeforeFrom_IsRefused()
    {
        // When the last day comes before the first
        var parsed = Parse(("from", "2016-03-01"), ("to", "2016-01-01"));

        // Then 'to' is refused
        Assert.Equal("'to' (2016-01-01) is before 'from' (2016-03-01).", Assert.Single(parsed.Problems).Message);
    }

    [Fact]
    public void Parse_LongText_IsRefused()
    {
        // When a text filter is longer than the limit
        var parsed = Parse(("text", new string('a', EventQueryParser.MaxTextLength + 1)));

        // Then it is refused with its length
        Assert.Equal("'text' has 201 characters; at most 200 are allowed.", Assert.Single(parsed.Problems).Message);
    }

    [Fact]
    public void Parse_SeveralBadValues_ReportsEach()
    {
        // When two values are bad
        var parsed = Parse(("from", "x"), ("limit", "y"));

        // Then both are reported
        Assert.Equal(["from", "limit"], parsed.Problems.Select(p => p.Field));
    }

    [Fact]
    public void Parse_UnknownName_Throws()
    {
        // When a name is not a filter, the caller is wrong
        Assert.Throws<ArgumentException>(() => Parse(("page", "1")));
    }
}
