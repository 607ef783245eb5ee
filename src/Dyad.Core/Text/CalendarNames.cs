using System.Collections.Immutable;

namespace Dyad.Text;

/// <summary>
/// The English month and weekday names and the month abbreviations news text writes, in lower case: the one list
/// the geocoder (months are no places), the event-date rules and the publication-date reader build on. Callers add
/// their own case handling, dots and other languages.
/// </summary>
public static class CalendarNames
{
    /// <summary>The months' names, January first.</summary>
    public static ImmutableArray<string> Months { get; } =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>
    /// The months' abbreviations without their dot, in month order; May has none, September two, the longer first
    /// ("sept" before "sep") so that a regular expression's alternation tries it first. Each is the start of its
    /// month's name.
    /// </summary>
    public static ImmutableArray<string> MonthAbbreviations { get; } =
        ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"];

    /// <summary>The weekdays' names, Monday first.</summary>
    public static ImmutableArray<string> Weekdays { get; } =
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>The month (1 to 12) of an abbreviation of <see cref="MonthAbbreviations"/>, or 0 for any other word.</summary>
    public static int MonthOfAbbreviation(string abbreviation)
    {
        ArgumentNullException.ThrowIfNull(abbreviation);
        if (!MonthAbbreviations.Contains(abbreviation, StringComparer.Ordinal))
        {
            return 0;
        }

        for (var i = 0; i < Months.Length; i++)
        {
            if (Months[i].StartsWith(abbreviation, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }
}
