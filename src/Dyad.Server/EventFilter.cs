using System.Globalization;
using Dyad.Store;
using Microsoft.AspNetCore.Mvc;

namespace Dyad.Server;

/// <summary>
/// The filters every read takes, as query parameters: the same as <c>dyad query</c> (<c>from</c>, <c>to</c>,
/// <c>actor</c>, <c>country</c>, <c>root</c>, <c>code</c>, <c>plover</c>, <c>place</c>, <c>text</c>).
/// </summary>
public sealed class EventFilter
{
    /// <summary>The longest value a text filter may have.</summary>
    public const int MaxFilterLength = 200;

    /// <summary>First day (YYYY-MM-DD) included, on the event's counted day.</summary>
    [FromQuery(Name = "from")]
    public string? From { get; set; }

    /// <summary>Last day (YYYY-MM-DD) included.</summary>
    [FromQuery(Name = "to")]
    public string? To { get; set; }

    /// <summary>An actor code prefix matched on the source or the target (<c>RUS</c> matches <c>RUSGOV</c>).</summary>
    [FromQuery(Name = "actor")]
    public string? Actor { get; set; }

    /// <summary>A country: the first three letters of the source or target code.</summary>
    [FromQuery(Name = "country")]
    public string? Country { get; set; }

    /// <summary>CAMEO root (two digits).</summary>
    [FromQuery(Name = "root")]
    public string? Root { get; set; }

    /// <summary>A CAMEO code prefix.</summary>
    [FromQuery(Name = "code")]
    public string? Code { get; set; }

    /// <summary>PLOVER event type.</summary>
    [FromQuery(Name = "plover")]
    public string? Plover { get; set; }

    /// <summary>A place: its name, ISO country code or ADM1 code.</summary>
    [FromQuery(Name = "place")]
    public string? Place { get; set; }

    /// <summary>Words the evidence sentence contains, ignoring case.</summary>
    [FromQuery(Name = "text")]
    public string? Text { get; set; }

    /// <summary>The store's query for these filters, or the problems with them (by parameter name).</summary>
    /// <param name="errors">Where problems go.</param>
    /// <returns>The query (meaningless when <paramref name="errors"/> is not empty).</returns>
    public EventQuery ToQuery(Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);

        // A NUL cut the value short in the store's engine (actor=%00 matched every event): control characters are refused.
        foreach (var (name, value) in new[] { ("from", From), ("to", To), ("actor", Actor), ("country", Country), ("root", Root), ("code", Code), ("plover", Plover), ("place", Place), ("text", Text) })
        {
            if (ControlCharacter(name, value) is { } problem)
            {
                errors[name] = [problem];
            }
        }

        if (errors.Count > 0)
        {
            return EventQuery.All;
        }

        var from = Day("from", From, errors);
        var to = Day("to", To, errors);
        if (from is { } f && to is { } t && t < f)
        {
            errors["to"] = [$"'to' ({To}) is before 'from' ({From})."];
        }

        foreach (var (name, value) in new[] { ("actor", Actor), ("country", Country), ("root", Root), ("code", Code), ("plover", Plover), ("place", Place), ("text", Text) })
        {
            if (value is { Length: > MaxFilterLength })
            {
                errors[name] = [$"'{name}' has {value.Length} characters; at most {MaxFilterLength} are allowed."];
            }
        }

        return new EventQuery
        {
            From = from,
            To = to,
            Actor = Blank(Actor),
            Country = Blank(Country),
            Root = Blank(Root),
            Code = Blank(Code),
            PloverEvent = Blank(Plover),
            Place = Blank(Place),
            Text = Blank(Text),
        };
    }

    /// <summary>Why a parameter's value is refused for holding a control character (U+0000 to U+001F, U+007F to U+009F), or null.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">Its value.</param>
    /// <returns>A message naming the parameter and the character, or null when there is none.</returns>
    public static string? ControlCharacter(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var at = value.AsSpan().IndexOfAnyInRange('\u0000', '\u001F');
        var high = value.AsSpan().IndexOfAnyInRange('\u007F', '\u009F');
        at = at < 0 ? high : high < 0 ? at : Math.Min(at, high);
        return at < 0 ? null : string.Create(CultureInfo.InvariantCulture, $"'{name}' holds the control character U+{(int)value[at]:X4} at position {at + 1}; send the value without it.");
    }

    /// <summary>A parameter's value as a message shows it: at most 40 characters, control characters as '?'.</summary>
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

    private static DateOnly? Day(string name, string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[name] = [$"'{name}' must be a date of the form YYYY-MM-DD, not '{Shown(value)}'."];
        return null;
    }
}
