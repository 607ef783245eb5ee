using System.Globalization;
using System.Text.RegularExpressions;

namespace Dyad.Ingest;

/// <summary>How to read an all-numeric date such as <c>05/04/2017</c> when both first numbers could be the month.</summary>
public enum NumericDateOrder
{
    /// <summary>
    /// Day first, except month first when the date follows an English label (<c>Updated:</c>, <c>Published</c>) and
    /// is written with slashes, as US sites do. Dots and dashes are always read day first.
    /// </summary>
    Auto,

    /// <summary>Always day first: 05/04/2017 is 5 April.</summary>
    DayFirst,

    /// <summary>Always month first: 05/04/2017 is 4 May.</summary>
    MonthFirst,
}

/// <summary>What the words before a publication date say it is.</summary>
public enum DateLabelKind
{
    /// <summary>No label: the date stands alone on a short line near the top or bottom of the text.</summary>
    None,

    /// <summary>A publication label: Published, Yayınlanma Tarihi, Publié le, Veröffentlicht am, Publicado...</summary>
    Published,

    /// <summary>An update label: Updated, Güncelleme Tarihi, Mis à jour le, Aktualisiert am, Actualizado...</summary>
    Updated,
}

/// <summary>A publication date stated in a text.</summary>
/// <param name="Date">The date, with the time of day and offset when they are written next to it.</param>
/// <param name="Words">The words it was read from, label included, as they stand in the text.</param>
/// <param name="Range">Where <paramref name="Words"/> lie in the text searched.</param>
/// <param name="Label">What the label says the date is.</param>
/// <param name="Ambiguous">True when the date is all-numeric and could also be read with day and month swapped.</param>
/// <param name="MonthFirst">True when an all-numeric date was read month first.</param>
public sealed record PublicationDateMatch(PublicationDate Date, string Words, TextRange Range, DateLabelKind Label, bool Ambiguous, bool MonthFirst);

/// <summary>
/// Finds the publication date an article states about itself, in English, Turkish, French, German, Spanish, Italian,
/// Portuguese, Dutch, Russian and Arabic: <c>Güncelleme Tarihi: 12 Kasım 2015, 16:01</c>, <c>Mis à jour le 3 mars
/// 2016</c>, <c>Aktualisiert am 05.04.2017</c>, <c>Updated: Nov. 12, 2015 4:01 p.m.</c>, <c>2015-11-12</c>.
/// A date counts when a label stands before it within the first 240 characters of a line, or when it stands alone on a short line among the first ten or last
/// five lines; dates inside sentences are events, not publication dates. Among the candidates a publication label
/// wins over an update label, which wins over an unlabelled date; the first in the text wins a tie.
/// </summary>
/// <remarks>Stateless and thread-safe. Only full dates (day, month and year) are returned.</remarks>
public static class PublicationDateFinder
{
    private const int HeaderLines = 10;
    private const int FooterLines = 5;
    private const int StandaloneLineMaxLength = 60;

    /// <summary>How far into a line a labelled date is looked for, in characters.</summary>
    private const int LabelWindow = 240;

    // (label, kind, English?) Multi-word labels allow any spacing between their words.
    private static readonly (string Label, DateLabelKind Kind, bool English)[] Labels =
    [
        ("first published", DateLabelKind.Published, true),
        ("published on", DateLabelKind.Published, true),
        ("published", DateLabelKind.Published, true),
        ("posted on", DateLabelKind.Published, true),
        ("posted", DateLabelKind.Published, true),
        ("date", DateLabelKind.Published, true),
        ("last updated", DateLabelKind.Updated, true),
        ("updated on", DateLabelKind.Updated, true),
        ("updated", DateLabelKind.Updated, true),
        ("yayınlanma tarihi", DateLabelKind.Published, false),
        ("yayınlanma", DateLabelKind.Published, false),
        ("yayın tarihi", DateLabelKind.Published, false),
        ("giriş tarihi", DateLabelKind.Published, false),
        ("oluşturulma tarihi", DateLabelKind.Published, false),
        ("eklenme tarihi", DateLabelKind.Published, false),
        ("güncelleme tarihi", DateLabelKind.Updated, false),
        ("güncellenme tarihi", DateLabelKind.Updated, false),
        ("son güncelleme", DateLabelKind.Updated, false),
        ("publié le", DateLabelKind.Published, false),
        ("publié", DateLabelKind.Published, false),
        ("mis en ligne le", DateLabelKind.Published, false),
        ("mis à jour le", DateLabelKind.Updated, false),
        ("mise à jour le", DateLabelKind.Updated, false),
        ("mis à jour", DateLabelKind.Updated, false),
        ("mise à jour", DateLabelKind.Updated, false),
        ("modifié le", DateLabelKind.Updated, false),
        ("veröffentlicht am", DateLabelKind.Published, false),
        ("veröffentlicht", DateLabelKind.Published, false),
        ("erstellt am", DateLabelKind.Published, false),
        ("zuletzt aktualisiert", DateLabelKind.Updated, false),
        ("aktualisiert am", DateLabelKind.Updated, false),
        ("aktualisiert", DateLabelKind.Updated, false),
        ("stand", DateLabelKind.Updated, false),
        ("fecha de publicación", DateLabelKind.Published, false),
        ("publicado el", DateLabelKind.Published, false),
        ("publicado em", DateLabelKind.Published, false),
        ("publicado", DateLabelKind.Published, false),
        ("actualizado el", DateLabelKind.Updated, false),
        ("actualizado", DateLabelKind.Updated, false),
        ("atualizado em", DateLabelKind.Updated, false),
        ("atualizado", DateLabelKind.Updated, false),
        ("pubblicato il", DateLabelKind.Published, false),
        ("pubblicato", DateLabelKind.Published, false),
        ("ultimo aggiornamento", DateLabelKind.Updated, false),
        ("aggiornato il", DateLabelKind.Updated, false),
        ("aggiornato", DateLabelKind.Updated, false),
        ("gepubliceerd op", DateLabelKind.Published, false),
        ("gepubliceerd", DateLabelKind.Published, false),
        ("laatst bijgewerkt", DateLabelKind.Updated, false),
        ("bijgewerkt op", DateLabelKind.Updated, false),
        ("bijgewerkt", DateLabelKind.Updated, false),
        ("дата публикации", DateLabelKind.Published, false),
        ("опубликовано", DateLabelKind.Published, false),
        ("обновлено", DateLabelKind.Updated, false),
        ("تاريخ النشر", DateLabelKind.Published, false),
        ("نشر في", DateLabelKind.Published, false),
        ("آخر تحديث", DateLabelKind.Updated, false),
        ("تم التحديث", DateLabelKind.Updated, false),
    ];

    // Any word of one or two parts stands where a month may; Read keeps only real month names. Listing the
    // hundreds of names in the pattern itself made every search several times slower.
    private const string MonthGroup = "(?<mn>(?<!\\p{L})\\p{L}{2,12}(?:\\s\\p{L}{3,7})?(?!\\p{L}))\\.?";

    /// <summary>The date alternatives; group names repeat across alternatives, as .NET allows.</summary>
    private static readonly string DatePattern =
        "(?:" +
        // 12 Kasım 2015, 3 mars 2016, 5. April 2017, 12 de noviembre de 2015, 1er mars 2016, 12 ноября 2015 г.
        $"(?<!\\d)(?<d>\\d{{1,2}})(?:er|st|nd|rd|th|\\.|º)?(?:\\s+de)?\\s+{MonthGroup},?(?:\\s+de)?\\s+(?<y>\\d{{4}})(?!\\d)(?:\\s*(?:года|г\\.|г(?!\\p{{L}})))?" +
        // Nov. 12, 2015 and November 12 2015
        $"|{MonthGroup}\\s+(?<d>\\d{{1,2}})(?!\\d)(?:st|nd|rd|th)?,?\\s+(?<y>\\d{{4}})(?!\\d)" +
        // 2015-11-12
        "|(?<!\\d)(?<y>\\d{4})-(?<m>\\d{1,2})-(?<d>\\d{1,2})(?!\\d)" +
        // 05.04.2017, 12/11/2015, 12-11-15
        "|(?<!\\d)(?<n1>\\d{1,2})(?<sep>[./-])(?<n2>\\d{1,2})\\k<sep>(?<ny>\\d{4}|\\d{2})(?!\\d)" +
        ")";

    private const string TimePattern =
        "(?:(?:\\s*[,|–—-])?\\s*(?:(?:at|um|à|às|alle|om|saat|в|a\\s+las|kl\\.)\\s+)?" +
        "(?<hh>\\d{1,2})[:.h](?<mi>\\d{2})(?::(?<ss>\\d{2}))?(?!\\d)" +
        "(?:\\s*(?<ampm>[ap]\\.?\\s?m(?:\\.|(?!\\p{L}))))?" +
        "(?:\\s*(?<tz>(?:GMT|UTC)?\\s?[+-]\\d{1,2}(?::?\\d{2})?(?!\\d)|GMT|UTC|Z(?!\\p{L})))?)?";

    private static readonly string LabelPattern = string.Join('|', Labels
        .Select(l => l.Label)
        .OrderByDescending(l => l.Length)
        .Select(l => Regex.Escape(l).Replace("\\ ", "\\s+", StringComparison.Ordinal)));

    // Bounds a pathological match; generous, since a compiled pattern's first match also pays for its JIT on a loaded machine.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(10);

    private static readonly Regex LabelledDate = new(
        $"(?<!\\p{{L}})(?<label>{LabelPattern})(?!\\p{{L}})" +
        "[\\s:|–—-]*(?:(?:on|le|am|el|il|em|op|den)\\s+)?" +
        // A time written before the date: "Updated 4:01 p.m. ET Nov. 12, 2015".
        "(?:\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?\\s?m\\.?)?\\s*(?:[A-Z]{2,4}(?!\\p{L}))?\\s*[,|]?\\s*)?" +
        // A weekday: "Publié le jeudi 3 mars 2016", "Perşembe, 12 Kasım 2015".
        "(?:(?<wd>\\p{L}{3,15}(?:-feira)?)\\.?,?\\s+)?" +
        DatePattern + TimePattern,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled,
        MatchTimeout);

    private static readonly Regex LabelOnly = new(
        $"(?<!\\p{{L}})(?:{LabelPattern})(?!\\p{{L}})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled,
        MatchTimeout);

    private static readonly Regex BareDate = new(
        DatePattern + TimePattern,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled,
        MatchTimeout);

    private static readonly Regex StandaloneLine = new(
        "^[\\s|·•–—-]*(?:\\p{L}{3,15}(?:-feira)?\\.?,?\\s+)?(?<date>.*?)[\\s|·•–—.-]*$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled);

    /// <summary>The publication date the text states, or null when it states none.</summary>
    /// <param name="text">An article's text, or its header lines.</param>
    /// <param name="order">How to read all-numeric dates.</param>
    public static PublicationDateMatch? Find(string text, NumericDateOrder order = NumericDateOrder.Auto)
    {
        ArgumentNullException.ThrowIfNull(text);
        PublicationDateMatch? best = null;
        IReadOnlyList<PublicationDateMatch> all;
        try
        {
            all = FindAll(text, order);
        }
        catch (RegexMatchTimeoutException)
        {
            // A text that makes a date pattern run past its time limit states no date we can read; it must not end the run.
            return null;
        }

        foreach (var match in all)
        {
            if (best is null || Rank(match.Label) < Rank(best.Label))
            {
                best = match;
            }
        }

        return best;

        static int Rank(DateLabelKind kind) => kind switch
        {
            DateLabelKind.Published => 0,
            DateLabelKind.Updated => 1,
            _ => 2,
        };
    }

    /// <summary>Every labelled date in the text and every date standing alone on a short header or footer line, in text order.</summary>
    /// <param name="text">An article's text.</param>
    /// <param name="order">How to read all-numeric dates.</param>
    public static IReadOnlyList<PublicationDateMatch> FindAll(string text, NumericDateOrder order = NumericDateOrder.Auto)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<PublicationDateMatch>();
        var lines = Lines(text);

        // A label and its date open a line or stand in a short one; looking only at the start of each line keeps
        // the search linear in the number of lines rather than the length of long paragraphs.
        foreach (var (lineStart, lineEnd) in lines)
        {
            var windowEnd = lineStart + Math.Min(lineEnd - lineStart, LabelWindow);
            if (!HasDigit(text, lineStart, windowEnd))
            {
                continue;
            }

            // The label alone is cheap to look for; the whole pattern is tried only where a label stands.
            for (var label = LabelOnly.Match(text, lineStart, windowEnd - lineStart); label.Success; label = label.NextMatch())
            {
                var match = LabelledDate.Match(text, label.Index, windowEnd - label.Index);
                if (!match.Success || match.Index != label.Index)
                {
                    continue;
                }

                var kind = Labels.First(l => SameLabel(l.Label, match.Groups["label"].Value));
                if (Read(match, kind.English, order) is { } date)
                {
                    found.Add(new PublicationDateMatch(date.Date, match.Value, new TextRange(match.Index, match.Index + match.Length), kind.Kind, date.Ambiguous, date.MonthFirst));
                }
            }
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (i >= HeaderLines && i < lines.Count - FooterLines)
            {
                continue;
            }

            var (start, end) = lines[i];
            var line = text[start..end];
            if (line.Trim().Length > StandaloneLineMaxLength || !HasDigit(text, start, end) || found.Any(f => f.Range.Start < end && f.Range.End > start))
            {
                continue;
            }

            var shape = StandaloneLine.Match(line);
            var dateText = shape.Groups["date"];
            var date = BareDate.Match(line, dateText.Index, dateText.Length);
            if (!date.Success || date.Index != dateText.Index || date.Length != dateText.Length)
            {
                continue;
            }

            if (Read(date, english: false, order) is { } read)
            {
                found.Add(new PublicationDateMatch(read.Date, date.Value, new TextRange(start + date.Index, start + date.Index + date.Length), DateLabelKind.None, read.Ambiguous, read.MonthFirst));
            }
        }

        found.Sort((a, b) => a.Range.Start.CompareTo(b.Range.Start));
        return found;
    }

    /// <summary>
    /// Reads a date given as a value (a JSON field, a meta tag): ISO 8601, RFC 822 as feeds write it, or any
    /// date form the finder knows. Returns null when the value holds no full date.
    /// </summary>
    /// <param name="value">The value as given.</param>
    /// <param name="order">How to read all-numeric dates.</param>
    public static PublicationDate? ParseValue(string? value, NumericDateOrder order = NumericDateOrder.Auto)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (MachineDates.TryParse(value, out var machine))
        {
            return machine;
        }

        for (var match = BareDate.Match(value); match.Success; match = BareDate.Match(value, match.Index + 1))
        {
            if (Read(match, english: false, order) is { } read)
            {
                return read.Date;
            }
        }

        return null;
    }

    /// <summary>Every date has digits; lines without any are skipped before the costlier patterns run.</summary>
    private static bool HasDigit(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (char.IsDigit(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameLabel(string label, string written) =>
        string.Equals(
            string.Join(' ', DateWords.Fold(written).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
            DateWords.Fold(label),
            StringComparison.Ordinal);

    private static (PublicationDate Date, bool Ambiguous, bool MonthFirst)? Read(Match match, bool english, NumericDateOrder order)
    {
        int year, month, day;
        var ambiguous = false;
        var monthFirst = false;
        if (match.Groups["mn"].Success)
        {
            month = DateWords.MonthNumber(match.Groups["mn"].Value);
            day = DateWords.Number(match.Groups["d"].ValueSpan);
            year = DateWords.Number(match.Groups["y"].ValueSpan);
        }
        else if (match.Groups["m"].Success)
        {
            year = DateWords.Number(match.Groups["y"].ValueSpan);
            month = DateWords.Number(match.Groups["m"].ValueSpan);
            day = DateWords.Number(match.Groups["d"].ValueSpan);
        }
        else
        {
            var first = DateWords.Number(match.Groups["n1"].ValueSpan);
            var second = DateWords.Number(match.Groups["n2"].ValueSpan);
            var yearGroup = match.Groups["ny"];
            year = DateWords.FullYear(DateWords.Number(yearGroup.ValueSpan), yearGroup.Length);
            monthFirst = order switch
            {
                NumericDateOrder.MonthFirst => true,
                NumericDateOrder.DayFirst => false,
                _ => english && match.Groups["sep"].Value == "/",
            };
            if (first > 12 && second <= 12)
            {
                monthFirst = false;
            }
            else if (second > 12 && first <= 12)
            {
                monthFirst = true;
            }
            else
            {
                // Dotted dates (05.04.2017) are day-first wherever they are written, so only an order chosen by
                // the caller makes them open to doubt.
                ambiguous = first != second && !(order == NumericDateOrder.Auto && match.Groups["sep"].Value == ".");
            }

            (month, day) = monthFirst ? (first, second) : (second, first);
        }

        if (DateWords.MakeDate(year, month, day) is not { } date)
        {
            return null;
        }

        return (new PublicationDate(date, ReadTime(match, out var offset), offset), ambiguous, monthFirst);
    }

    private static TimeOnly? ReadTime(Match match, out TimeSpan? offset)
    {
        offset = null;
        if (!match.Groups["hh"].Success)
        {
            return null;
        }

        var hour = DateWords.Number(match.Groups["hh"].ValueSpan);
        var minute = DateWords.Number(match.Groups["mi"].ValueSpan);
        var second = match.Groups["ss"].Success ? DateWords.Number(match.Groups["ss"].ValueSpan) : 0;
        if (match.Groups["ampm"].Success && hour is >= 1 and <= 12)
        {
            var pm = char.ToLowerInvariant(match.Groups["ampm"].Value[0]) == 'p';
            hour = (hour % 12) + (pm ? 12 : 0);
        }

        if (hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59)
        {
            return null;
        }

        if (match.Groups["tz"].Success)
        {
            offset = MachineDates.ParseOffset(match.Groups["tz"].Value);
        }

        return new TimeOnly(hour, minute, second);
    }

    private static List<(int Start, int End)> Lines(string text)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                var end = i > start && text[i - 1] == '\r' ? i - 1 : i;
                if (end > start && !string.IsNullOrWhiteSpace(text[start..end]))
                {
                    lines.Add((start, end));
                }

                start = i + 1;
            }
        }

        return lines;
    }
}

/// <summary>ISO 8601 and RFC 822 dates as machines write them in metadata and feeds.</summary>
internal static partial class MachineDates
{
    private static readonly Dictionary<string, int> ZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = 0,
        ["UT"] = 0,
        ["UTC"] = 0,
        ["Z"] = 0,
        ["EST"] = -5,
        ["EDT"] = -4,
        ["CST"] = -6,
        ["CDT"] = -5,
        ["MST"] = -7,
        ["MDT"] = -6,
        ["PST"] = -8,
        ["PDT"] = -7,
    };

    /// <summary>Reads ISO 8601 (<c>2015-11-12</c>, <c>2015-11-12T16:01:00+02:00</c>), compact <c>20151112</c> or RFC 822.</summary>
    public static bool TryParse(string value, out PublicationDate date)
    {
        date = null!;
        var iso = IsoDate().Match(value);
        if (iso.Success)
        {
            if (DateWords.MakeDate(Int(iso, "y"), Int(iso, "m"), Int(iso, "d")) is not { } day)
            {
                return false;
            }

            date = new PublicationDate(day, Time(iso), iso.Groups["tz"].Success ? ParseOffset(iso.Groups["tz"].Value) : null);
            return true;
        }

        var rfc = Rfc822Date().Match(value);
        if (rfc.Success)
        {
            var month = DateWords.MonthNumber(rfc.Groups["mn"].Value);
            var year = DateWords.FullYear(Int(rfc, "y"), rfc.Groups["y"].Length);
            if (DateWords.MakeDate(year, month, Int(rfc, "d")) is not { } day)
            {
                return false;
            }

            date = new PublicationDate(day, Time(rfc), rfc.Groups["tz"].Success ? ParseOffset(rfc.Groups["tz"].Value) : null);
            return true;
        }

        return false;
    }

    /// <summary>Reads <c>+02:00</c>, <c>-0500</c>, <c>GMT+3</c>, <c>Z</c>, <c>EST</c>; null when unknown.</summary>
    public static TimeSpan? ParseOffset(string zone)
    {
        var text = zone.Trim();
        if (ZoneHours.TryGetValue(text, out var hours))
        {
            return TimeSpan.FromHours(hours);
        }

        var numeric = NumericZone().Match(text);
        if (!numeric.Success)
        {
            return null;
        }

        var h = DateWords.Number(numeric.Groups["h"].ValueSpan);
        var m = numeric.Groups["m"].Success ? DateWords.Number(numeric.Groups["m"].ValueSpan) : 0;
        if (h > 14 || m > 59)
        {
            return null;
        }

        var span = new TimeSpan(h, m, 0);
        return numeric.Groups["sign"].Value == "-" ? -span : span;
    }

    private static int Int(Match match, string group) => DateWords.Number(match.Groups[group].ValueSpan);

    private static TimeOnly? Time(Match match)
    {
        if (!match.Groups["hh"].Success)
        {
            return null;
        }

        var (h, m, s) = (Int(match, "hh"), Int(match, "mi"), match.Groups["ss"].Success ? Int(match, "ss") : 0);
        return h <= 23 && m <= 59 && s <= 59 ? new TimeOnly(h, m, s) : null;
    }

    [GeneratedRegex(@"^\s*(?<y>\d{4})-?(?<m>\d{2})-?(?<d>\d{2})(?:[T ](?<hh>\d{2}):(?<mi>\d{2})(?::(?<ss>\d{2})(?:[.,]\d+)?)?\s*(?<tz>Z|[+-]\d{2}(?::?\d{2})?)?)?\s*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\s*(?:[A-Za-z]{3,9},?\s*)?(?<d>\d{1,2})\s+(?<mn>[A-Za-z]{3,9})\.?\s+(?<y>\d{4}|\d{2})(?:\s+(?<hh>\d{1,2}):(?<mi>\d{2})(?::(?<ss>\d{2}))?)?\s*(?<tz>[+-]\d{4}|[A-Za-z]{1,5})?\s*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Rfc822Date();

    [GeneratedRegex(@"^(?:GMT|UTC)?\s?(?<sign>[+-])(?<h>\d{1,2})(?::?(?<m>\d{2}))?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase)]
    private static partial Regex NumericZone();
}
