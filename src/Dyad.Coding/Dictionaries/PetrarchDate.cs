namespace Dyad.Coding.Dictionaries;

/// <summary>
/// Dates as PETRARCH, TABARI and KEDS write them: <c>YYYYMMDD</c> or <c>YYMMDD</c>. A two-digit year from 00 to
/// <see cref="TwoDigitPivot"/> means 20YY, and from <see cref="TwoDigitPivot"/> + 1 to 99 means 19YY (so <c>300101</c> is
/// 1 January 2030 and <c>310101</c> is 1 January 1931), the convention of PETRARCH's <c>dstr_to_ordate</c>.
/// </summary>
public static class PetrarchDate
{
    /// <summary>The largest two-digit year read as 20YY (30); larger ones are 19YY.</summary>
    public const int TwoDigitPivot = 30;

    /// <summary>Reads <paramref name="text"/> (exactly 6 or 8 ASCII digits, nothing else) as a calendar date.</summary>
    /// <param name="text">The digits, such as <c>950601</c> or <c>19950601</c>.</param>
    /// <param name="date">The date when the result is true; otherwise the default.</param>
    /// <returns>False when the text is not 6 or 8 digits or names no real day (such as 20100931 or a 29 February outside a leap year).</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if ((text.Length != 6 && text.Length != 8) || text.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        int year;
        ReadOnlySpan<char> rest;
        if (text.Length == 8)
        {
            year = Number(text[..4]);
            rest = text[4..];
        }
        else
        {
            year = Number(text[..2]);
            year += year <= TwoDigitPivot ? 2000 : 1900;
            rest = text[2..];
        }

        var month = Number(rest[..2]);
        var day = Number(rest[2..]);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }
}
