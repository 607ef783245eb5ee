using System.Collections.Frozen;
using Dyad.Text;

namespace Dyad.Geo;

/// <summary>
/// The word lists the geocoder reads text with: cues, titles, calendar words, words that end longer names and the
/// like. Each list but the calendar words (from <see cref="CalendarNames"/>) is a data file in <c>data/geo/lexicon</c>
/// (one lower-case word per line, '#' starts a comment line), embedded in this assembly and read once per process.
/// </summary>
/// <remarks>Read-only after loading, so one instance serves every thread.</remarks>
internal sealed class GeoLexicon
{
    private const string ResourcePrefix = "Dyad.Geo.lexicon.";

    private static readonly Lazy<GeoLexicon> Shared = new(Load);

    private GeoLexicon()
    {
    }

    /// <summary>The lexicon embedded in this assembly.</summary>
    public static GeoLexicon Default => Shared.Value;

    /// <summary>Words right before a name that mark it as a place ("in", "near", "captured").</summary>
    public required FrozenSet<string> CueWords { get; init; }

    /// <summary>Nouns that, before "of", make the next name a place ("city of", "residents of").</summary>
    public required FrozenSet<string> PlaceNouns { get; init; }

    /// <summary>Words after a name that make it a first-level division ("province", "oblast").</summary>
    public required FrozenSet<string> DivisionWords { get; init; }

    /// <summary>Direction and qualifier words ("northern", "greater") that are no part of a name.</summary>
    public required FrozenSet<string> ModifierWords { get; init; }

    /// <summary>Function words ("the", "of", "said").</summary>
    public required FrozenSet<string> FunctionWords { get; init; }

    /// <summary>Titles and offices before a person's name ("president", "gen").</summary>
    public required FrozenSet<string> Titles { get; init; }

    /// <summary>Words that end organisations', publications' and agreements' names ("post", "agreement").</summary>
    public required FrozenSet<string> OrganizationWords { get; init; }

    /// <summary>Month and weekday names and the months' abbreviations, from <see cref="CalendarNames"/>.</summary>
    public required FrozenSet<string> CalendarWords { get; init; }

    /// <summary>Words that are places somewhere but far more often something else in news text.</summary>
    public required FrozenSet<string> CommonWords { get; init; }

    /// <summary>Words after a place name that make it a modifier of an institution or office ("department", "mayor").</summary>
    public required FrozenSet<string> InstitutionWords { get; init; }

    /// <summary>Words after a place name that make the two a publication's name ("post", "times").</summary>
    public required FrozenSet<string> MediaWords { get; init; }

    /// <summary>Country and division names that are also first names ("jordan", "chad").</summary>
    public required FrozenSet<string> FirstNameLikePlaces { get; init; }

    /// <summary>Words that name a place but, in text without case, are more often ordinary words.</summary>
    public required FrozenSet<string> CasePoorWords { get; init; }

    /// <summary>Words that are places but, at the start of a sentence, are usually ordinary words.</summary>
    public required FrozenSet<string> SentenceInitialWords { get; init; }

    /// <summary>Words and marks that may stand inside a place name ("de", "ez", "upon", "-").</summary>
    public required FrozenSet<string> InnerWords { get; init; }

    private static GeoLexicon Load() => new()
    {
        CueWords = Read("cue-words"),
        PlaceNouns = Read("place-nouns"),
        DivisionWords = Read("division-words"),
        ModifierWords = Read("modifier-words"),
        FunctionWords = Read("function-words"),
        Titles = Read("titles"),
        OrganizationWords = Read("organization-words"),
        CalendarWords = CalendarNames.Months.Concat(CalendarNames.MonthAbbreviations).Concat(CalendarNames.Weekdays).ToFrozenSet(StringComparer.Ordinal),
        CommonWords = Read("common-words"),
        InstitutionWords = Read("institution-words"),
        MediaWords = Read("media-words"),
        FirstNameLikePlaces = Read("first-name-like-places"),
        CasePoorWords = Read("case-poor-words"),
        SentenceInitialWords = Read("sentence-initial-words"),
        InnerWords = Read("inner-words"),
    };

    /// <summary>Reads one embedded list: every line that is neither blank nor a '#' comment is a word.</summary>
    private static FrozenSet<string> Read(string name)
    {
        using var stream = typeof(GeoLexicon).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".txt")
            ?? throw new InvalidOperationException($"The geocoder's word list {name}.txt is missing from the Dyad.Geo assembly.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && word[0] != '#')
            {
                words.Add(word);
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
