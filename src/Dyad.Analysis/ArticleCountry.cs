using Dyad.Events;
using Dyad.Places;

namespace Dyad.Analysis;

/// <summary>
/// The country an article is about, when the article makes it clear, and the countries it gives to actors that have
/// none ("the government", "MPs", "police": <c>---GOV</c>, <c>---LEG</c>, <c>---COP</c>). Every place name the article
/// resolves votes once for its country (places, demonyms such as "Afghan", and modifiers alike); the place of the
/// dateline votes <see cref="DatelineVotes"/> times, and the outlet's country (a BBC story, a <c>.pk</c> site:
/// <see cref="Geo.OutletCountries"/>) once. The country with the most votes is the article's when it has at
/// least <see cref="MinimumVotes"/> and at least twice the votes of any other; otherwise the article is about no one
/// country and no actor is given one. An actor given a country says so: <see cref="EventRecord.SourceCountryFrom"/>
/// and <see cref="EventRecord.TargetCountryFrom"/> are <c>dateline</c> when the dateline's country won, <c>article</c>
/// when the article's place names alone make it win, and <c>outlet</c> when the outlet's vote was needed. An event whose own sentence places something in another country ("In New Zealand, students ...",
/// "killed in the West Midlands": a resolved place after a locative word, outside the other actor's words) keeps its
/// actors as they are: the article's country and the sentence's disagree, and neither is sure.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class ArticleCountry
{
    /// <summary>The votes of the dateline's place.</summary>
    public const int DatelineVotes = 2;

    /// <summary>The fewest votes that make an article's country.</summary>
    public const int MinimumVotes = 3;

    /// <summary>
    /// The CAMEO country (ISO 3166 alpha-3; <c>KSV</c> for Kosovo) the article is about and what decided it
    /// (<c>dateline</c> or <c>article</c>), or null when the article does not make one country clear.
    /// </summary>
    /// <param name="places">Every place name of the article, resolved or not (the dateline's among them).</param>
    /// <param name="filedAt">The dateline's place, or null.</param>
    /// <param name="outlet">The CAMEO country of the article's outlet, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="places"/> is null.</exception>
    public static (string Country, string From)? Find(IReadOnlyList<Toponym> places, Toponym? filedAt, string? outlet = null)
    {
        ArgumentNullException.ThrowIfNull(places);
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        var dateline = filedAt?.CameoCountry;
        foreach (var place in places)
        {
            if (place.CameoCountry is { } country)
            {
                var isDateline = filedAt is not null && place.Start == filedAt.Start && place.End == filedAt.End;
                votes[country] = votes.GetValueOrDefault(country) + (isDateline ? DatelineVotes : 1);
            }
        }

        var withoutOutlet = Winner(votes);
        if (outlet is { Length: 3 })
        {
            votes[outlet] = votes.GetValueOrDefault(outlet) + 1;
        }

        return Winner(votes) is not { } top ? null
            : top == dateline ? (top, "dateline")
            : top == withoutOutlet ? (top, "article")
            : (top, "outlet");
    }

    private static string? Winner(Dictionary<string, int> votes)
    {
        if (votes.Count == 0)
        {
            return null;
        }

        var ranked = votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).ToList();
        var (top, count) = (ranked[0].Key, ranked[0].Value);
        var runnerUp = ranked.Count > 1 ? ranked[1].Value : 0;
        return count < MinimumVotes || count < 2 * runnerUp ? null : top;
    }

    /// <summary>
    /// <paramref name="record"/> with <paramref name="country"/> given to its source and target where their codes have a
    /// role but no country (<c>---GOV</c> becomes <c>AFGGOV</c>), each marked with <paramref name="from"/>. An unknown
    /// actor (<c>---</c>) stays unknown: the article says which country, not who.
    /// </summary>
    /// <param name="record">An event of the article.</param>
    /// <param name="country">The article's CAMEO country.</param>
    /// <param name="from">What decided it.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <param name="places">The article's place names (offsets in the same text as the record's evidence), to see
    /// whether the event's sentence places it in another country; null not to look.</param>
    public static EventRecord Apply(EventRecord record, string country, string from, IReadOnlyList<Toponym>? places = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(country);
        ArgumentNullException.ThrowIfNull(from);
        if (places is not null && ElsewhereInSentence(record, country, places))
        {
            return record;
        }

        if (NeedsCountry(record.Source))
        {
            record = record with { Source = country + record.Source.Value[3..], SourceCountryFrom = from };
        }

        if (NeedsCountry(record.Target))
        {
            record = record with { Target = country + record.Target.Value[3..], TargetCountryFrom = from };
        }

        return record;
    }

    private static bool ElsewhereInSentence(EventRecord record, string country, IReadOnlyList<Toponym> places)
    {
        var evidence = record.Evidence;
        foreach (var place in places)
        {
            if (place.Start >= evidence.Start && place.End <= evidence.End && place.Kind == ToponymKind.Place && place.HasLocationCue
                && place.CameoCountry is { } other && other != country
                && !Inside(place, NeedsCountry(record.Source) ? evidence.Target : evidence.Source))
            {
                return true;
            }
        }

        return false;

        static bool Inside(Toponym place, TextSpan? words) => words is not null && place.Start >= words.Start && place.End <= words.End;
    }

    private static bool NeedsCountry(ActorCode code) =>
        code.Value.Length > 3 && code.Value.StartsWith("---", StringComparison.Ordinal) && code.Value[3] != '-' && code.Country is null;
}
