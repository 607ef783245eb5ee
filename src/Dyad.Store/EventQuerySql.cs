using System.Globalization;
using System.Text;

namespace Dyad.Store;

/// <summary>
/// An <see cref="EventQuery"/> as SQL over <c>events e JOIN documents d</c>: a WHERE clause with its arguments (every
/// value a parameter) and a LIMIT/OFFSET clause.
/// </summary>
internal static class EventQuerySql
{
    /// <summary>The WHERE clause (with the word WHERE, or empty when nothing filters) and its named arguments.</summary>
    /// <param name="query">The filters.</param>
    /// <returns>The clause and a list of arguments the caller may add to.</returns>
    /// <remarks>
    /// The arrival window (<see cref="EventQuery.AddedFrom"/>, <see cref="EventQuery.AddedTo"/>) is on each mention's
    /// document unless <paramref name="arrivalOnMentions"/> is false; then it is left to <see cref="AddedHaving"/>.
    /// </remarks>
    /// <param name="arrivalOnMentions">Whether the arrival window filters mentions here.</param>
    public static (string Where, List<(string, object?)> Arguments) Where(EventQuery query, bool arrivalOnMentions = true)
    {
        ArgumentNullException.ThrowIfNull(query);
        var conditions = new List<string>();
        var arguments = new List<(string, object?)>();
        if (query.From is { } from)
        {
            conditions.Add($"{StoreSchema.Day} >= @from");
            arguments.Add(("from", from));
        }

        if (query.To is { } to)
        {
            conditions.Add($"{StoreSchema.Day} <= @to");
            arguments.Add(("to", to));
        }

        if (!string.IsNullOrEmpty(query.Actor))
        {
            conditions.Add("(strpos(e.source, @actor) = 1 OR strpos(e.target, @actor) = 1)");
            arguments.Add(("actor", query.Actor.ToUpperInvariant()));
        }

        if (!string.IsNullOrEmpty(query.Country))
        {
            conditions.Add("(substr(e.source, 1, 3) = @country OR substr(e.target, 1, 3) = @country)");
            arguments.Add(("country", query.Country.ToUpperInvariant()));
        }

        if (!string.IsNullOrEmpty(query.Root))
        {
            conditions.Add("e.root = @root");
            arguments.Add(("root", query.Root));
        }

        if (!string.IsNullOrEmpty(query.Code))
        {
            conditions.Add("strpos(e.cameo, @code) = 1");
            arguments.Add(("code", query.Code));
        }

        if (!string.IsNullOrEmpty(query.PloverEvent))
        {
            conditions.Add("e.plover_event = @plover");
            arguments.Add(("plover", query.PloverEvent.ToUpperInvariant()));
        }

        if (!string.IsNullOrEmpty(query.Place))
        {
            conditions.Add("(lower(e.location_name) = @place_lower OR e.location_country = @place_upper OR e.location_adm1 = @place_upper)");
            arguments.Add(("place_lower", query.Place.ToLowerInvariant()));
            arguments.Add(("place_upper", query.Place.ToUpperInvariant()));
        }

        if (!string.IsNullOrEmpty(query.Text))
        {
            conditions.Add("strpos(lower(e.sentence_text), @text) > 0");
            arguments.Add(("text", query.Text.ToLowerInvariant()));
        }

        if (arrivalOnMentions)
        {
            conditions.AddRange(Added(query, "d.ingested_at", arguments));
        }

        return (conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions), arguments);
    }

    /// <summary>
    /// The HAVING clause of the one-a-day grouping that keeps the groups whose first arrival (<c>MIN(d.ingested_at)</c>,
    /// the event's DateAdded) is in the query's arrival window, or empty; its arguments are added to <paramref name="arguments"/>.
    /// </summary>
    /// <param name="query">The filters.</param>
    /// <param name="arguments">The arguments of the query's WHERE clause.</param>
    /// <returns>The clause, with the word HAVING, or empty.</returns>
    public static string AddedHaving(EventQuery query, List<(string, object?)> arguments)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(arguments);
        var conditions = Added(query, "MIN(d.ingested_at)", arguments);
        return conditions.Count == 0 ? string.Empty : "HAVING " + string.Join(" AND ", conditions);
    }

    private static List<string> Added(EventQuery query, string column, List<(string, object?)> arguments)
    {
        var conditions = new List<string>();
        if (query.AddedFrom is { } from)
        {
            conditions.Add($"{column} >= @added_from");
            arguments.Add(("added_from", SqlValues.Timestamp(from)));
        }

        if (query.AddedTo is { } to)
        {
            conditions.Add($"{column} < @added_to");
            arguments.Add(("added_to", SqlValues.Timestamp(to)));
        }

        return conditions;
    }

    /// <summary>The LIMIT and OFFSET clause of a query, or empty.</summary>
    /// <param name="query">The query.</param>
    /// <returns>The clause.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The limit or the offset is negative.</exception>
    public static string Paging(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset);
        var text = new StringBuilder();
        if (query.Limit is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(limit);
            text.Append(CultureInfo.InvariantCulture, $"LIMIT {limit} ");
        }

        if (query.Offset > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"OFFSET {query.Offset}");
        }

        return text.ToString();
    }

    /// <summary>A WHERE clause with one more condition.</summary>
    /// <param name="where">A clause from <see cref="Where"/>, or empty.</param>
    /// <param name="condition">The condition.</param>
    /// <returns>The clause.</returns>
    public static string And(string where, string condition) => where.Length == 0 ? "WHERE " + condition : where + " AND " + condition;
}
