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
    public const int MaxFilterLength = EventQueryParser.MaxTextLength;

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

    /// <summary>The store's query for these filters, or the problems with them (by parameter name), read by <see cref="EventQueryParser"/>.</summary>
    /// <param name="errors">Where problems go.</param>
    /// <returns>The query (meaningless when <paramref name="errors"/> is not empty).</returns>
    public EventQuery ToQuery(Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var parsed = EventQueryParser.Parse(
        [
            new("from", From), new("to", To), new("actor", Actor), new("country", Country), new("root", Root),
            new("code", Code), new("plover", Plover), new("place", Place), new("text", Text),
        ]);
        foreach (var problem in parsed.Problems)
        {
            errors[problem.Field] = [problem.Message];
        }

        return parsed.Query;
    }

    /// <summary>Why a parameter's value is refused for holding a control character (U+0000 to U+001F, U+007F to U+009F), or null.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">Its value.</param>
    /// <returns>A message naming the parameter and the character, or null when there is none.</returns>
    public static string? ControlCharacter(string name, string? value) =>
        EventQueryParser.ControlCharacter(value) is { } problem ? $"'{name}' {problem}" : null;

    /// <summary>A parameter's value as a message shows it: at most 40 characters, control characters as '?'.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The value, safe to print.</returns>
    public static string Shown(string? value) => EventQueryParser.Shown(value);
}
