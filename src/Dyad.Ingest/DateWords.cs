using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Dyad.Text;

namespace Dyad.Ingest;

/// <summary>
/// Month names and their abbreviations in the languages of common news sites, and helpers to read the numbers
/// around them. Names are matched case-insensitively and also without diacritics ("kasim" for "Kasım").
/// </summary>
internal static class DateWords
{
    // Each line: month number, then the names and abbreviations in Turkish, French, German, Spanish, Italian,
    // Portuguese, Dutch, Russian (nominative and genitive) and Arabic (Egyptian and Levantine forms). The English
    // names and abbreviations come from CalendarNames.
    private static readonly (int Month, string Names)[] MonthTable =
    [
        (1, "ocak janvier janv januar jänner enero ene gennaio gen janeiro januari январь января янв يناير كانون_الثاني"),
        (2, "şubat février févr fév februar febrero febbraio fevereiro fev februari февраль февраля фев شباط فبراير"),
        (3, "mart mars märz mär mrz marzo março maart mrt март марта مارس آذار"),
        (4, "nisan avril avr abril abr aprile апрель апреля апр أبريل ابريل نيسان"),
        (5, "mayıs mai mayo maggio mag maio mei май мая مايو أيار"),
        (6, "haziran juin juni junio giugno giu junho июнь июня июн يونيو يونيه حزيران"),
        (7, "temmuz juillet juil juli julio luglio lug julho июль июля июл يوليو يوليه تموز"),
        (8, "ağustos août agosto ago augustus август августа авг أغسطس اغسطس آب"),
        (9, "eylül septembre septiembre setiembre settembre set setembro сентябрь сентября сен سبتمبر أيلول"),
        (10, "ekim octobre oktober okt octubre ottobre ott outubro out октябрь октября окт أكتوبر اكتوبر تشرين_الأول"),
        (11, "kasım novembre noviembre novembro ноябрь ноября ноя نوفمبر تشرين_الثاني"),
        (12, "aralık décembre déc dezember dez diciembre dic dicembre dezembro декабрь декабря дек ديسمبر كانون_الأول"),
    ];

    /// <summary>Folded month name to month number.</summary>
    public static FrozenDictionary<string, int> Months { get; } = BuildMonths();

    /// <summary>Lower-cases and removes the diacritics of the Latin letters used by the supported languages.</summary>
    public static string Fold(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word.ToLowerInvariant())
        {
            builder.Append(c switch
            {
                'ı' or 'î' or 'ï' or 'í' or 'ì' => 'i',
                'ç' => 'c',
                'ğ' => 'g',
                'ö' or 'ô' or 'ó' or 'ò' or 'õ' => 'o',
                'ş' => 's',
                'ü' or 'û' or 'ú' or 'ù' => 'u',
                'é' or 'è' or 'ê' or 'ë' => 'e',
                'à' or 'â' or 'ä' or 'á' or 'ã' => 'a',
                'ñ' => 'n',
                '\u0307' => '\0',
                _ => c,
            });
        }

        return builder.Replace("\0", string.Empty).ToString();
    }

    /// <summary>The month number of a matched month name, or 0.</summary>
    public static int MonthNumber(string name)
    {
        var key = Fold(name.Trim().TrimEnd('.'));
        key = string.Join(' ', key.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Months.TryGetValue(key, out var month) ? month : 0;
    }

    /// <summary>Reads a run of decimal digits of any script (ASCII, Arabic-Indic, ...).</summary>
    public static int Number(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            var digit = (int)char.GetNumericValue(c);
            if (digit is < 0 or > 9)
            {
                return -1;
            }

            value = checked((value * 10) + digit);
        }

        return value;
    }

    /// <summary>A two-digit year means 19xx from 70 on, else 20xx.</summary>
    public static int FullYear(int year, int digits) => digits > 2 ? year : year >= 70 ? 1900 + year : 2000 + year;

    /// <summary>A calendar date, or null when the numbers do not make one.</summary>
    public static DateOnly? MakeDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    /// <summary>Formats a date as ISO 8601.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static FrozenDictionary<string, int> BuildMonths()
    {
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < CalendarNames.Months.Length; i++)
        {
            months[CalendarNames.Months[i]] = i + 1;
        }

        foreach (var abbreviation in CalendarNames.MonthAbbreviations)
        {
            months[abbreviation] = CalendarNames.MonthOfAbbreviation(abbreviation);
        }

        foreach (var (month, names) in MonthTable)
        {
            foreach (var name in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                months[Fold(name.Replace('_', ' '))] = month;
            }
        }

        return months.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
