using Dyad.Text;

namespace Dyad.Core.Tests.Text;

public sealed class CalendarNamesTests
{
    [Fact]
    public void CalendarNames_AbbreviationsMapToTheirMonths()
    {
        Assert.Equal(9, CalendarNames.MonthOfAbbreviation("sept"));
        Assert.Equal(9, CalendarNames.MonthOfAbbreviation("sep"));
        Assert.Equal(6, CalendarNames.MonthOfAbbreviation("jun"));
        Assert.Equal(0, CalendarNames.MonthOfAbbreviation("may"));
        Assert.All(CalendarNames.MonthAbbreviations, a => Assert.InRange(CalendarNames.MonthOfAbbreviation(a), 1, 12));
    }
}
