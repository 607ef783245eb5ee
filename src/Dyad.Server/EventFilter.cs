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

        errors[name] = [$"'{name}' must be a date of the form YYYY-MM-DD, not '{(value.Length > 40 ? value[..40] + "..." : value)}'."];
        return null;
    }
}
