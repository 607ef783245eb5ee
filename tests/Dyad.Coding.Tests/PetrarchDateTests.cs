using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Tests;

public sealed class PetrarchDateTests
{
    [Theory]
    [InlineData("300101", "2030-01-01")] // the pivot year 30 is still 20YY
    [InlineData("310101", "1931-01-01")] // 31 and later are 19YY
    [InlineData("000229", "2000-02-29")]
    [InlineData("990816", "1999-08-16")]
    [InlineData("19000228", "1900-02-28")]
    [InlineData("20000229", "2000-02-29")]
    [InlineData("20121109", "2012-11-09")]
    public void PetrarchDate_ReadsSixAndEightDigitDates(string text, string expected)
    {
        // Given / When
        var ok = PetrarchDate.TryParse(text, out var date);

        // Then
        Assert.True(ok);
        Assert.Equal(expected, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("010229")]
    [InlineData("19000229")]
    [InlineData("20100931")]
    [InlineData("20101301")]
    [InlineData("00000101")]
    [InlineData("2004017")]
    [InlineData("1920030320")]
    [InlineData("1231")]
    [InlineData("")]
    [InlineData("95O601")]
    [InlineData("-50601")]
    public void PetrarchDate_RejectsWhatIsNotADate(string text)
    {
        // Given / When / Then
        Assert.False(PetrarchDate.TryParse(text, out _));
    }

    [Theory]
    [InlineData(null, null, "2000-01-01", true)]
    [InlineData("2000-01-01", null, "1999-12-31", false)]
    [InlineData("2000-01-01", null, "2000-01-01", true)]
    [InlineData(null, "2000-01-01", "2000-01-01", true)]
    [InlineData(null, "2000-01-01", "2000-01-02", false)]
    [InlineData("2000-01-01", "2000-01-03", "2000-01-03", true)]
    [InlineData("2000-01-01", "2000-01-03", "2000-01-04", false)]
    public void DateRange_IncludesBothEnds(string? from, string? to, string day, bool expected)
    {
        // Given
        static DateOnly? D(string? s) => s is null ? null : DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var range = new DateRange(D(from), D(to));

        // When / Then
        Assert.Equal(expected, range.Contains(D(day)!.Value));
    }
}
