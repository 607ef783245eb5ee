using System.Globalization;
using System.Text.RegularExpressions;
using Dyad.Text;

namespace Dyad.Ingest;

/// <summary>How exact a resolved event date is.</summary>
public enum DatePrecision
{
    /// <summary>A calendar day.</summary>
    Day,

    /// <summary>A week; the date is its Monday.</summary>
    Week,

    /// <summary>A month; the date is its first day.</summary>
    Month,

    /// <summary>A year; the date is 1 January.</summary>
    Year,
}

/// <summary>The date of an event, with the words it was resolved from.</summary>
/// <param name="Date">The date: the day itself, or the first day of the week (Monday), month or year.</param>
/// <param name="Precision">How exact <paramref name="Date"/> is.</param>
/// <param name="Evidence">The words it came from (<c>on Wednesday</c>, <c>last month</c>); empty for the fallback.</param>
/// <param name="Range">Where the evidence lies: in the sentence, shifted by the sentence's start when one is given;
/// null for the fallback.</param>
/// <param name="FromText">False when nothing in the text dated the event and the publication date was used.</param>
/// <param name="Rule">The rule that resolved it, such as <c>weekday-past</c>, <c>yesterday</c> or <c>publication-date</c>.</param>
public sealed record EventDate(DateOnly Date, DatePrecision Precision, string Evidence, TextRange? Range, bool FromText, string Rule)
{
    /// <summary>The date at its precision: <c>2015-11-11</c>, <c>2015-W46</c>, <c>2015-10</c> or <c>2015</c>.</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Day => DateWords.Iso(Date),
        DatePrecision.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(Date.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(Date.ToDateTime(TimeOnly.MinValue)):00}"),
        DatePrecision.Month => Date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => Date.ToString("yyyy", CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// Resolves when an event happened from the English words of its sentence and the article's publication date:
/// weekdays, <c>yesterday</c>/<c>today</c>/<c>tomorrow</c>, <c>last</c>/<c>this</c>/<c>next week|month|year</c>,
/// <c>two days ago</c>, <c>earlier this month</c>, <c>on Sept. 30</c>, <c>in June</c>, <c>in June of last year</c>,
/// <c>in 2014</c> and explicit dates. A weekday or a day without a year is placed before the publication date in
/// past or neutral text (the most recent Wednesday strictly before it; the most recent 30 September on or before it)
/// and after it in future text. Future text is told by cues near the expression: <c>will</c>, <c>'ll</c>,
/// <c>shall</c>, <c>to be held</c>, <c>is to</c>, <c>is due</c>, <c>scheduled</c>, <c>plans to</c>, <c>going to</c>,
/// and <c>next</c> or <c>coming</c> before the day; the cue nearest before the expression decides, else the first
/// after it, else the text counts as past.
/// </summary>
/// <remarks>Stateless and thread-safe; uses no clock: every relative date counts from the publication date given.</remarks>
public static partial class EventDateResolver
{
    private const int CueWindowBefore = 60;
    private const int CueWindowAfter = 40;
    private const int MinYear = 1900;
    private const int MaxYear = 2100;

    // The names come from CalendarNames; an abbreviation may keep its dot ("Sept."), and "sept" is tried before "sep".
    private static readonly string Weekday = "(?<wd>" + string.Join('|', CalendarNames.Weekdays) + ")";
    private static readonly string Month = "(?<mn>" + string.Join('|', CalendarNames.Months) + "|"
        + string.Join('|', CalendarNames.MonthAbbreviations.Select(a => a + "\\.?")) + ")(?![a-z])";
    private const string DayNumber = "(?<d>[0-3]?\\d)(?:st|nd|rd|th)?(?!\\d)";
    private const string YearNumber = "(?<y>(?:19|20|21)\\d\\d)(?!\\d)";
    private const string Count = "(?<n>\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";

    private static readonly (string Rule, Regex Pattern)[] Rules =
    [
        ("explicit-date", Make($"(?:{Weekday},?\\s+)?{Month}\\s+{DayNumber},?\\s+{YearNumber}")),
        ("explicit-date", Make($"(?:{Weekday},?\\s+)?(?:the\\s+)?{DayNumber}\\s+(?:of\\s+)?{Month},?\\s+{YearNumber}")),
        ("explicit-date", Make("(?<!\\d)(?<y>\\d{4})-(?<m>\\d\\d)-(?<d>\\d\\d)(?!\\d)")),
        ("month-relative-year", Make($"(?:(?:in|during|since|by|until|early|late|mid-?)\\s+)?{Month}\\s+(?:of\\s+)?(?<rel>last|this|next)\\s+year")),
        ("month-year", Make($"(?:(?:in|during|since|by|until|early|late|mid-?)\\s+)?{Month},?\\s+(?:of\\s+)?{YearNumber}")),
        ("month-relative", Make($"(?<rel>last|next|this|this\\s+past|this\\s+coming)\\s+{Month}")),
        ("day-month", Make($"(?:on\\s+)?(?:{Weekday},?\\s+)?{Month}\\s+{DayNumber}")),
        ("day-month", Make($"(?:on\\s+)?(?:{Weekday},?\\s+)?(?:the\\s+)?{DayNumber}\\s+(?:of\\s+)?{Month}")),
        ("month", Make($"(?<prep>in|during|since|until|by|early|late|mid-?|earlier\\s+in|later\\s+in)\\s+{Month}")),
        ("year", Make($"(?:in|during|throughout|since|by|until|early|late|mid-?|earlier\\s+in|later\\s+in)\\s+{YearNumber}")),
        ("day-relative", Make("(?<word>the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow|yesterday|tomorrow|today|tonight|last\\s+night|this\\s+(?:morning|afternoon|evening))")),
        ("ago", Make($"{Count}\\s+(?<unit>day|week|month|year)s?\\s+ago")),
        ("relative-period", Make("(?<rel>last|this|next|earlier\\s+this|later\\s+this|past|coming)\\s+(?<unit>week|month|year)")),
        ("weekday", Make($"(?:(?<rel>last|next|this\\s+past|this\\s+coming|this|coming|on|by|until|since)\\s+)?{Weekday}(?:\\s+(?:morning|afternoon|evening|night))?")),
    ];

    /// <summary>
    /// Resolves the date of the event a sentence reports. When several date expressions occur, the one nearest to
    /// <paramref name="anchor"/> is used, or without an anchor the most precise one (the first on a tie).
    /// </summary>
    /// <param name="sentence">The sentence's text, English.</param>
    /// <param name="published">The article's publication date.</param>
    /// <param name="sentenceStart">The sentence's offset in the article; returned ranges are shifted by it.</param>
    /// <param name="anchor">Optional offset of the event's trigger word, in the same coordinates as the ranges.</param>
    /// <returns>The date; the publication date with <see cref="EventDate.FromText"/> false when the sentence holds no
    /// date expression.</returns>
    public static EventDate Resolve(string sentence, DateOnly published, int sentenceStart = 0, int? anchor = null) =>
        Choose(FindAllOrNone(sentence, published, sentenceStart), published, anchor);

    /// <summary>
    /// As <see cref="FindAll"/>, but a sentence that makes a date pattern run past its time limit gives no dates (it
    /// is then dated by the publication date).
    /// </summary>
    /// <param name="sentence">The sentence's text, English.</param>
    /// <param name="published">The article's publication date, or null when unknown.</param>
    /// <param name="sentenceStart">The sentence's offset in the article; returned ranges are shifted by it.</param>
    public static IReadOnlyList<EventDate> FindAllOrNone(string sentence, DateOnly? published, int sentenceStart = 0)
    {
        try
        {
            return FindAll(sentence, published, sentenceStart);
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }
    }

    /// <summary>
    /// The date of an event among the date expressions of its sentence (<see cref="FindAllOrNone"/>), as
    /// <see cref="Resolve"/> chooses it: the one nearest <paramref name="anchor"/>, or without one the most precise.
    /// </summary>
    /// <param name="found">The sentence's date expressions.</param>
    /// <param name="published">The article's publication date, the date when there is none.</param>
    /// <param name="anchor">Offset of the event's trigger word, in the coordinates of the ranges, or null.</param>
    public static EventDate Choose(IReadOnlyList<EventDate> found, DateOnly published, int? anchor = null)
    {
        ArgumentNullException.ThrowIfNull(found);
        if (found.Count == 0)
        {
            return new EventDate(published, DatePrecision.Day, string.Empty, null, false, "publication-date");
        }

        if (anchor is { } at)
        {
            return found.MinBy(d => Distance(d.Range!.Value, at))!;
        }

        return found.OrderBy(d => d.Precision).First();

        static int Distance(TextRange range, int at) => at < range.Start ? range.Start - at : at >= range.End ? at - range.End + 1 : 0;
    }

    /// <summary>
    /// Every date expression in a sentence, resolved, in text order. Without a publication date only dates that
    /// state their year (<c>on 12 November 2015</c>, <c>in June 2014</c>, <c>in 2014</c>) resolve.
    /// </summary>
    /// <param name="sentence">The sentence's text, English.</param>
    /// <param name="published">The article's publication date, or null when unknown.</param>
    /// <param name="sentenceStart">The sentence's offset in the article; returned ranges are shifted by it.</param>
    public static IReadOnlyList<EventDate> FindAll(string sentence, DateOnly? published, int sentenceStart = 0)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (!MayHoldDate(sentence))
        {
            return [];
        }

        var candidates = new List<(int Order, Match Match, string Rule)>();
        for (var i = 0; i < Rules.Length; i++)
        {
            foreach (Match match in Rules[i].Pattern.Matches(sentence))
            {
                candidates.Add((i, match, Rules[i].Rule));
            }
        }

        // The earlier (more specific) rule first, then the longest expression: "in June of last year" beats "in June" and
        // "last year"; "Sept. 30" beats the overlapping "since Sept.".
        var taken = new List<EventDate>();
        var used = new List<(int Start, int End)>();
        foreach (var (_, match, rule) in candidates.OrderBy(c => c.Order).ThenByDescending(c => c.Match.Length).ThenBy(c => c.Match.Index))
        {
            var start = match.Index;
            var end = match.Index + match.Length;
            if (used.Any(u => u.Start < end && start < u.End))
            {
                continue;
            }

            if (Interpret(sentence, match, rule, published) is not { } resolved)
            {
                continue;
            }

            used.Add((start, end));
            taken.Add(new EventDate(resolved.Date, resolved.Precision, match.Value, new TextRange(sentenceStart + start, sentenceStart + end), true, resolved.Rule));
        }

        taken.Sort((a, b) => a.Range!.Value.Start.CompareTo(b.Range!.Value.Start));
        return taken;
    }

    private static (DateOnly Date, DatePrecision Precision, string Rule)? Interpret(string sentence, Match match, string rule, DateOnly? published)
    {
        var groups = match.Groups;
        switch (rule)
        {
            case "explicit-date":
                {
                    var month = groups["m"].Success ? DateWords.Number(groups["m"].ValueSpan) : MonthOf(groups["mn"].Value);
                    var date = DateWords.MakeDate(DateWords.Number(groups["y"].ValueSpan), month, DateWords.Number(groups["d"].ValueSpan));
                    return date is { } d ? (d, DatePrecision.Day, rule) : null;
                }

            case "month-year":
                {
                    var year = DateWords.Number(groups["y"].ValueSpan);
                    return year is >= MinYear and <= MaxYear ? (new DateOnly(year, MonthOf(groups["mn"].Value), 1), DatePrecision.Month, rule) : null;
                }

            case "year":
                {
                    var year = DateWords.Number(groups["y"].ValueSpan);
                    return year is >= MinYear and <= MaxYear ? (new DateOnly(year, 1, 1), DatePrecision.Year, rule) : null;
                }
        }

        if (published is not { } pub)
        {
            return null;
        }

        switch (rule)
        {
            case "month-relative-year":
                {
                    var year = pub.Year + Relation(groups["rel"].Value);
                    return (new DateOnly(year, MonthOf(groups["mn"].Value), 1), DatePrecision.Month, rule);
                }

            case "month-relative":
                {
                    var month = MonthOf(groups["mn"].Value);
                    var future = groups["rel"].Value.Contains("next", StringComparison.OrdinalIgnoreCase) || groups["rel"].Value.Contains("coming", StringComparison.OrdinalIgnoreCase);
                    var past = groups["rel"].Value.Contains("last", StringComparison.OrdinalIgnoreCase) || groups["rel"].Value.Contains("past", StringComparison.OrdinalIgnoreCase);
                    var year = pub.Year;
                    if (past && month >= pub.Month)
                    {
                        year--;
                    }
                    else if (future && month <= pub.Month)
                    {
                        year++;
                    }

                    return (new DateOnly(year, month, 1), DatePrecision.Month, past ? "month-last" : future ? "month-next" : "month-this");
                }

            case "month":
                {
                    // "in May" needs its preposition to be a month at all; the modal verb "may" never has one.
                    var month = MonthOf(groups["mn"].Value);
                    var future = IsFuture(sentence, match);
                    var year = pub.Year;
                    if (!future && month > pub.Month)
                    {
                        year--;
                    }
                    else if (future && month < pub.Month)
                    {
                        year++;
                    }

                    return (new DateOnly(year, month, 1), DatePrecision.Month, future ? "month-future" : "month-past");
                }

            case "day-month":
                {
                    var month = MonthOf(groups["mn"].Value);
                    var day = DateWords.Number(groups["d"].ValueSpan);
                    if (day is < 1 or > 31 || (month == 5 && groups["mn"].Value.Equals("may", StringComparison.OrdinalIgnoreCase) && !LooksLikeMayDate(match)))
                    {
                        return null;
                    }

                    var future = IsFuture(sentence, match);
                    var date = NearestDayMonth(pub, month, day, future);
                    return date is { } d ? (d, DatePrecision.Day, future ? "day-month-future" : "day-month-past") : null;
                }

            case "day-relative":
                {
                    var word = string.Join(' ', groups["word"].Value.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                    var shift = word switch
                    {
                        "the day before yesterday" => -2,
                        "yesterday" or "last night" => -1,
                        "tomorrow" => 1,
                        "the day after tomorrow" => 2,
                        _ => 0,
                    };
                    var name = word switch
                    {
                        "yesterday" or "tomorrow" or "today" or "tonight" => word,
                        "last night" => "yesterday",
                        "the day before yesterday" => "day-before-yesterday",
                        "the day after tomorrow" => "day-after-tomorrow",
                        _ => "today",
                    };
                    return (pub.AddDays(shift), DatePrecision.Day, name);
                }

            case "ago":
                {
                    var n = CountValue(groups["n"].Value);
                    return groups["unit"].Value.ToLowerInvariant() switch
                    {
                        "day" => (pub.AddDays(-n), DatePrecision.Day, "days-ago"),
                        "week" => (Monday(pub.AddDays(-7 * n)), DatePrecision.Week, "weeks-ago"),
                        "month" => (FirstOfMonth(pub.AddMonths(-n)), DatePrecision.Month, "months-ago"),
                        _ => (new DateOnly(pub.Year - n, 1, 1), DatePrecision.Year, "years-ago"),
                    };
                }

            case "relative-period":
                {
                    var rel = string.Join(' ', groups["rel"].Value.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                    var shift = rel switch
                    {
                        "last" or "past" => -1,
                        "next" or "coming" => 1,
                        _ => 0,
                    };
                    var unit = groups["unit"].Value.ToLowerInvariant();
                    var name = (shift < 0 ? "last-" : shift > 0 ? "next-" : "this-") + unit;
                    return unit switch
                    {
                        "week" => (Monday(pub.AddDays(7 * shift)), DatePrecision.Week, name),
                        "month" => (FirstOfMonth(pub.AddMonths(shift)), DatePrecision.Month, name),
                        _ => (new DateOnly(pub.Year + shift, 1, 1), DatePrecision.Year, name),
                    };
                }

            case "weekday":
                {
                    var day = WeekdayOf(groups["wd"].Value);
                    var rel = groups["rel"].Success ? string.Join(' ', groups["rel"].Value.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : string.Empty;
                    var future = rel switch
                    {
                        "next" or "this coming" or "coming" => true,
                        "last" or "this past" or "since" => false,
                        _ => IsFuture(sentence, match),
                    };
                    // A plain weekday that is the publication's own ("said in a statement issued Thursday" in a
                    // Thursday report) is that day, as wire copy writes it; "last" and "next" always move a week.
                    if (day == pub.DayOfWeek && rel is "" or "on" or "by" or "until")
                    {
                        return (pub, DatePrecision.Day, "weekday-same-day");
                    }

                    var date = pub;
                    do
                    {
                        date = date.AddDays(future ? 1 : -1);
                    }
                    while (date.DayOfWeek != day);

                    return (date, DatePrecision.Day, future ? "weekday-future" : "weekday-past");
                }
        }

        return null;
    }

    /// <summary>
    /// Every rule needs a digit or one of these word stems: a sentence with neither holds no date expression, and the
    /// rules' regular expressions need not run (most sentences of a news story).
    /// </summary>
    private static readonly string[] DateStems =
    [
        .. CalendarNames.Months.Select(m => m[..3]),
        .. CalendarNames.Weekdays,
        "yesterday", "today", "tomorrow", "tonight", "night", "morning", "afternoon", "evening", "week", "month", "year", "ago",
    ];

    private static bool MayHoldDate(string sentence)
    {
        foreach (var c in sentence)
        {
            if (char.IsAsciiDigit(c))
            {
                return true;
            }
        }

        foreach (var stem in DateStems)
        {
            if (sentence.Contains(stem, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"May 5" or "5 May" is a date; "the talks may 5 ..." hardly occurs, but "may" after a noun is a verb.</summary>
    private static bool LooksLikeMayDate(Match match) =>
        match.Value.StartsWith("on ", StringComparison.OrdinalIgnoreCase) || char.IsUpper(match.Groups["mn"].Value[0]);

    /// <summary>True when a future cue lies nearer before the expression than a past one, or, with no cue before it, the first cue after it is a future one.</summary>
    private static bool IsFuture(string sentence, Match match)
    {
        var windowStart = Math.Max(0, match.Index - CueWindowBefore);
        var before = sentence[windowStart..match.Index];
        var lastFuture = Last(FutureCue().Matches(before));
        var lastPast = Last(PastCue().Matches(before));
        if (lastFuture >= 0 || lastPast >= 0)
        {
            return lastFuture > lastPast;
        }

        var afterStart = match.Index + match.Length;
        var after = sentence[afterStart..Math.Min(sentence.Length, afterStart + CueWindowAfter)];
        var firstFuture = FutureCue().Match(after);
        var firstPast = PastCue().Match(after);
        return firstFuture.Success && (!firstPast.Success || firstFuture.Index < firstPast.Index);

        static int Last(MatchCollection matches) => matches.Count == 0 ? -1 : matches[^1].Index;
    }

    private static DateOnly? NearestDayMonth(DateOnly published, int month, int day, bool future)
    {
        // Up to eight years either way, so that 29 February finds a leap year.
        for (var k = 0; k <= 8; k++)
        {
            var year = future ? published.Year + k : published.Year - k;
            if (DateWords.MakeDate(year, month, day) is { } date && (future ? date >= published : date <= published))
            {
                return date;
            }
        }

        return null;
    }

    private static int Relation(string rel) => rel.ToLowerInvariant() switch
    {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };

    private static int MonthOf(string name) => DateWords.MonthNumber(name);

    private static DayOfWeek WeekdayOf(string name) => Enum.Parse<DayOfWeek>(name, ignoreCase: true);

    private static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static DateOnly FirstOfMonth(DateOnly date) => new(date.Year, date.Month, 1);

    private static int CountValue(string word) => word.ToLowerInvariant() switch
    {
        "a" or "an" or "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        var digits => int.Parse(digits, CultureInfo.InvariantCulture),
    };

    private static Regex Make(string pattern) => new(
        "(?<![\\p{L}\\d])" + pattern + "(?![\\p{L}\\d])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled,
        TimeSpan.FromSeconds(10));

    [GeneratedRegex(@"(?<![\p{L}])(?:will|shall|wo(?=n't)|'ll|to\s+be\s+held|(?:is|are)\s+(?:to|due|set\s+to|scheduled|expected\s+to|going\s+to)|due\s+to|scheduled|plans?\s+to|planning\s+to|going\s+to|upcoming)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FutureCue();

    // A participle after "be" is passive, not past: "will be held", "is to be signed".
    [GeneratedRegex(@"(?<![\p{L}])(?<!\b(?:be|being)\s+)(?:said|says|told|announced|reported|was|were|had|did|met|held|took|went|came|began|left|fought|(?!scheduled|expected|planned)\p{L}{3,}ed)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PastCue();
}
