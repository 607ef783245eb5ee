using System.Globalization;

namespace Dyad.Store;

/// <summary>A filter value refused by <see cref="EventQueryParser"/>.</summary>
/// <param name="Field">The filter's name (such as <c>from</c>).</param>
/// <param name="Value">The value given, as given.</param>
/// <param name="Problem">What is wrong with it, in words that follow the field's name (such as <c>must be a date of the form YYYY-MM-DD, not '2016-13-01'.</c>).</param>
public sealed record EventQueryProblem(string Field, string Value, string Problem)
{
    /// <summary>The whole message: the field's name in quotes, then the problem.</summary>
    public string Message => $"'{Field}' {Problem}";
}

/// <summary>What <see cref="EventQueryParser.Parse"/> made of the values: the query when they are all valid, else the problems.</summary>
/// <param name="Query">The query; <see cref="EventQuery.All"/> when there are problems.</param>
/// <param name="Problems">Every refused value, in the order of <see cref="EventQueryParser.Names"/>; empty when the query is good.</param>
public sealed record EventQueryParse(EventQuery Query, IReadOnlyList<EventQueryProblem> Problems)
{
    /// <summary>Whether every value was valid.</summary>
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// The one reading of event filters given as text, for the CLI's options (<c>--from</c>, <c>--actor</c>, ...) and the
/// HTTP API's query parameters (<c>from</c>, <c>actor</c>, ...): the same names, the same rules, the same messages.
/// </summary>
/// <remarks>
/// The rules: a value blank or only spaces does not filter; values are trimmed; a control character (U+0000 to U+001F,
/// U+007F to U+009F) is refused in any value (a NUL cut the value short in the store's engine, so <c>actor=%00</c>
/// matched every event); <c>from</c> and <c>to</c> are dates of the form YYYY-MM-DD and <c>to</c> may not be before
/// <c>from</c>; a text filter has at most <see cref="MaxTextLength"/> characters; <c>limit</c> and <c>offset</c> are
/// whole numbers of 0 or more. Letter case is left as given: the store compares codes in upper case and names and
/// words ignoring case.
/// </remarks>
public static class EventQueryParser
{
    /// <summary>The longest value a text filter may have.</summary>
    public const int MaxTextLength = 200;

    /// <summary>The names the parser reads, in the order problems are reported.</summary>
    public static IReadOnlyList<string> Names { get; } = ["from", "to", "actor", "country", "root", "code", "plover", "place", "text", "limit", "offset"];

    /// <summary>Reads filter values by name (see <see cref="Names"/>); a null value is a filter not given.</summary>
    /// <param name="values">The values by name; a name may come once.</param>
    /// <returns>The query, or the problems.</returns>
    /// <exception cref="ArgumentException">A name is not one of <see cref="Names"/>, or comes twice.</exception>
    public static EventQueryParse Parse(IEnumerable<KeyValuePair<string, string?>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var given = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (!Names.Contains(name, StringComparer.Ordinal))
            {
                throw new ArgumentException($"'{name}' is not an event filter; the filters are {string.Join(", ", Names)}.", nameof(values));
            }

            if (!given.TryAdd(name, value))
            {
                throw new ArgumentException($"The filter '{name}' is given twice.", nameof(values));
            }
        }

        var problems = new List<EventQueryProblem>();
        foreach (var name in Names)
        {
            if (given.GetValueOrDefault(name) is { } value && ControlCharacter(value) is { } problem)
            {
                problems.Add(new EventQueryProblem(name, value, problem));
            }
        }

        if (problems.Count > 0)
        {
            return new EventQueryParse(EventQuery.All, problems);
        }

        string? Text(string name)
        {
            var value = Blank(given.GetValueOrDefault(name));
            if (value is { Length: > MaxTextLength })
            {
                problems.Add(new EventQueryProblem(name, value, string.Create(CultureInfo.InvariantCulture, $"has {value.Length} characters; at most {MaxTextLength} are allowed.")));
            }

            return value;
        }

        var from = Day("from", given.GetValueOrDefault("from"), problems);
        var to = Day("to", given.GetValueOrDefault("to"), problems);
        if (from is { } f && to is { } t && t < f)
        {
            problems.Add(new EventQueryProblem("to", given["to"]!, $"({Blank(given["to"])}) is before 'from' ({Blank(given["from"])})."));
        }

        var query = new EventQuery
        {
            From = from,
            To = to,
            Actor = Text("actor"),
            Country = Text("country"),
            Root = Text("root"),
            Code = Text("code"),
            PloverEvent = Text("plover"),
            Place = Text("place"),
            Text = Text("text"),
            Limit = Count("limit", given.GetValueOrDefault("limit"), problems),
            Offset = Count("offset", given.GetValueOrDefault("offset"), problems) ?? 0,
        };
        return problems.Count > 0 ? new EventQueryParse(EventQuery.All, problems) : new EventQueryParse(query, []);
    }

    /// <summary>Why a value is refused for holding a control character (U+0000 to U+001F, U+007F to U+009F), or null.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The problem (naming the character and its position), or null when there is none.</returns>
    public static string? ControlCharacter(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var at = value.AsSpan().IndexOfAnyInRange('\u0000', '\u001F');
        var high = value.AsSpan().IndexOfAnyInRange('\u007F', '\u009F');
        at = at < 0 ? high : high < 0 ? at : Math.Min(at, high);
        return at < 0 ? null : string.Create(CultureInfo.InvariantCulture, $"holds the control character U+{(int)value[at]:X4} at position {at + 1}; send the value without it.");
    }

    /// <summary>A value as a message shows it: at most 40 characters, control characters as '?'.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The value, safe to print.</returns>
    public static string Shown(string? value)
    {
        var text = value ?? string.Empty;
        text = text.Length > 40 ? text[..40] + "..." : text;
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? Day(string name, string? value, List<EventQueryProblem> problems)
    {
        if (Blank(value) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems.Add(new EventQueryProblem(name, value!, $"must be a date of the form YYYY-MM-DD, not '{Shown(value)}'."));
        return null;
    }

    private static int? Count(string name, string? value, List<EventQueryProblem> problems)
    {
        if (Blank(value) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }

        problems.Add(new EventQueryProblem(name, value!, $"must be a whole number of 0 or more, not '{Shown(value)}'."));
        return null;
    }
}
