using Dyad.Places;
namespace Dyad.Geo;

/// <summary>
/// Finds the toponym mentions of one text: capitalised word sequences that match a gazetteer name (longest match
/// first: "New York", "Deir ez-Zor"), with locative words, datelines and "Town, Country" as cues; demonyms ("Iraqi"),
/// months, titles and names inside longer proper names ("Michael Jordan", "Washington Post") are kept apart. Each
/// mention carries its gazetteer candidates; choosing among them is <see cref="ToponymResolver"/>'s work.
/// </summary>
/// <remarks>One recogniser reads one text (it collects the text's person names as it goes); make one per text.</remarks>
internal sealed class ToponymRecognizer
{
    /// <summary>Most tokens a name may span ("Deir", "ez", "-", "Zor" is four).</summary>
    private const int MaxSpanTokens = 8;

    private readonly Gazetteer _gazetteer;
    private readonly GeoLexicon _lexicon;
    private readonly TextReading _reading;
    private readonly HashSet<string> _personTails = new(StringComparer.Ordinal);

    /// <summary>Creates a recogniser for the text <paramref name="reading"/> reads.</summary>
    /// <param name="gazetteer">The gazetteer names are looked up in.</param>
    /// <param name="lexicon">The word lists.</param>
    /// <param name="reading">The text, tokenized.</param>
    public ToponymRecognizer(Gazetteer gazetteer, GeoLexicon lexicon, TextReading reading)
    {
        _gazetteer = gazetteer;
        _lexicon = lexicon;
        _reading = reading;
    }

    private string Text => _reading.Text;

    private IReadOnlyList<GeoToken> Tokens => _reading.Tokens;

    /// <summary>The text's toponym mentions in text order; they never overlap.</summary>
    public List<Mention> Recognize()
    {
        if (!_reading.IsCasePoor)
        {
            CollectPersonTails();
        }

        var mentions = new List<Mention>();
        var i = 0;
        while (i < Tokens.Count)
        {
            if ((!_reading.IsCapitalised(i) && !_reading.IsAllCaps(i)) || (_reading.IsCasePoor && _lexicon.FunctionWords.Contains(_reading.Lower(i))))
            {
                i++;
                continue;
            }

            var match = LongestMatch(i);
            if ((match is null || (match.Value.Last == i && !match.Value.Candidates.Any(c => c.Feature == FeatureType.Country)))
                && Demonym(i) is { } demonym)
            {
                mentions.Add(demonym);
                i++;
                continue;
            }

            if (match is not { } found)
            {
                if (HyphenCompound(i) is { } compound)
                {
                    mentions.Add(compound);
                }

                i++;
                continue;
            }

            if (Accept(found.Last, i, found.Key, found.Candidates, mentions) is { } mention)
            {
                mentions.Add(mention);
                i = found.Last + 1;
            }
            else
            {
                // Without case a rejected span says little about the words inside it ("in the united states").
                i = _reading.IsCasePoor ? i + 1 : found.Last + 1;
            }
        }

        return mentions;
    }

    /// <summary>
    /// A place name joined by a hyphen to a lower-case word in one token ("Pakistan-administered", "Sydney-based",
    /// "Australia-wide"): the name alone, as a modifier, when it is a country, division, region or a town of some size.
    /// </summary>
    private Mention? HyphenCompound(int index)
    {
        var token = Tokens[index];
        var dash = Text.IndexOf('-', token.Start, token.End - token.Start);
        if (dash <= token.Start + 2 || dash + 2 >= token.End || !char.IsLower(Text[dash + 1]) || !char.IsUpper(Text[token.Start]))
        {
            return null;
        }

        var key = NameFolding.Fold(Text.AsSpan(token.Start, dash - token.Start));
        if (_lexicon.CommonWords.Contains(key) || _gazetteer.DemonymCountry(key) is not null)
        {
            return null;
        }

        var candidates = _gazetteer.FindFolded(key)
            .Where(c => c.Feature != FeatureType.City || c.Population >= Geocoder.MinimumPopulationWithoutCue || c.FeatureCode is "PPLC" or "PPLA")
            .ToList();
        return candidates.Count == 0 ? null : new Mention(index, index, key, candidates, false, false, null, ToponymKind.Modifier) { End = dash };
    }

    /// <summary>A word for a country's people or things ("Russian", "Iraqis"), reported as a demonym of that country.</summary>
    private Mention? Demonym(int index)
    {
        if (_gazetteer.DemonymCountry(_reading.Form(index)) is not { } code || _gazetteer.Country(code) is not { } country)
        {
            return null;
        }

        return new Mention(index, index, NameFolding.Fold(_reading.Form(index)), [country], false, false, null, ToponymKind.Demonym);
    }

    private (int Last, string Key, IReadOnlyList<Place> Candidates)? LongestMatch(int first)
    {
        var limit = Math.Min(Tokens.Count - 1, first + Math.Min(MaxSpanTokens, _gazetteer.MaxNameWords * 2) - 1);
        var last = first;
        while (last < limit && !_reading.IsSentenceStart(last + 1) && (_reading.IsInner(last + 1) || _reading.IsCapitalised(last + 1) || _reading.IsAllCaps(last + 1))
            && Tokens[last + 1].Start - Tokens[last].End <= 1)
        {
            last++;
        }

        for (; last >= first; last--)
        {
            if (!_reading.IsCapitalised(last) && !_reading.IsAllCaps(last))
            {
                continue;
            }

            var key = NameFolding.Fold(Text.AsSpan(Tokens[first].Start, Tokens[last].End - Tokens[first].Start));
            if (key.Length == 0)
            {
                continue;
            }

            var candidates = _gazetteer.FindFolded(key);
            if (candidates.Count > 0)
            {
                return (last, key, candidates);
            }
        }

        return null;
    }

    private Mention? Accept(int last, int first, string key, IReadOnlyList<Place> candidates, List<Mention> mentions)
    {
        var spanText = Text[Tokens[first].Start..Tokens[last].End];
        var single = first == last;
        var previous = first > 0 && !_reading.IsSentenceStart(first) ? _reading.Lower(first - 1) : null;
        var initial = _reading.IsSentenceStart(first) || (first > 0 && _reading.IsSentenceStart(first - 1) && _reading.Form(first - 1) is "\"" or "'" or "(" or "\u201C");
        var next = last + 1 < Tokens.Count ? _reading.Form(last + 1) : null;

        // Demonyms ("Iraqi", "Iraqis") name people, not places; "Philippines" is both a plural of "Philippine" and
        // the country's name, and the name wins.
        if (single && _gazetteer.DemonymCountry(spanText) is { } people && !candidates.Any(c => c.Feature == FeatureType.Country && c.CountryCode == people))
        {
            return null;
        }

        var allCaps = !spanText.Any(char.IsLower);
        var dateline = allCaps && _reading.IsLineStart(first) && next is "," or "(" or "-" or "--" or "\u2014" or "\u2013";
        if ((allCaps && !_reading.IsCasePoor) || key.Replace(" ", "", StringComparison.Ordinal).Length <= 3)
        {
            // Short names and all-capital words must be written as the gazetteer writes them ("US", "UAE", "Ufa"),
            // so that "Us" and headline capitals are not places; a dateline ("MOSUL, Iraq") is the exception.
            var written = candidates.Where(c => c.AllNames.Any(n => WrittenAs(n, spanText))).ToList();
            if (!dateline)
            {
                if (written.Count == 0)
                {
                    return null;
                }

                candidates = written;
            }
        }

        var cue = dateline || (previous is not null && _lexicon.CueWords.Contains(previous)) || PlaceNounOf(first)
            || FollowsCuedMention(first, mentions);
        var qualifier = Qualifier(last, candidates);
        cue |= qualifier is not null;

        var upos = single ? Tokens[first].Upos : null;
        if (upos is not null && upos is not ("PROPN" or "NOUN" or "X") && !cue)
        {
            return null;
        }

        if (upos == "NOUN" && initial && !candidates.Any(c => c.Feature == FeatureType.Country))
        {
            return null;
        }

        if (_reading.IsCasePoor)
        {
            if (single && (_lexicon.CommonWords.Contains(key) || _lexicon.CalendarWords.Contains(key) || _lexicon.FunctionWords.Contains(key) || _lexicon.CasePoorWords.Contains(key)
                || _lexicon.Titles.Contains(key) || _lexicon.PlaceNouns.Contains(key) || _lexicon.ModifierWords.Contains(key)))
            {
                return null;
            }

            // "US" in capitals is as often "us": without case a short undotted name needs "the" or "in" before it.
            if (key.Length <= 3 && !spanText.Contains('.', StringComparison.Ordinal) && previous is not ("the" or "in" or "from" or "across" or "throughout"))
            {
                return null;
            }

            candidates = candidates.Where(c => c.Feature != FeatureType.City || c.FeatureCode == "PPLC" || c.Population >= Geocoder.CasePoorMinimumPopulation).ToList();
            if (candidates.Count == 0)
            {
                return null;
            }
        }

        if (single && qualifier is null)
        {
            if (_lexicon.CalendarWords.Contains(key) || _lexicon.CommonWords.Contains(key) || (initial && _lexicon.SentenceInitialWords.Contains(key) && !cue))
            {
                return null;
            }

            if (_personTails.Contains(key) && !cue)
            {
                return null;
            }
        }

        // Inside a longer proper name: a title or another capitalised word before ("President Obama", "Michael
        // Jordan"), or a capitalised word after ("Washington Post", "Jordan Peterson").
        if (!_reading.IsCasePoor && first > 0 && !_reading.IsSentenceStart(first) && IsPersonOrNameBefore(first - 1))
        {
            return null;
        }

        if (first > 0 && _lexicon.Titles.Contains(_reading.Lower(first - 1)))
        {
            return null;
        }

        var kind = ToponymKind.Place;
        if (!_reading.IsCasePoor && last + 1 < Tokens.Count && !_reading.IsSentenceStart(last + 1) && !dateline && qualifier is null
            && Tokens[last + 1].Start - Tokens[last].End <= 1
            && (_reading.IsCapitalised(last + 1) || _lexicon.OrganizationWords.Contains(_reading.Lower(last + 1)) && _reading.IsCapitalised(last + 1))
            && !_lexicon.CalendarWords.Contains(_reading.Lower(last + 1)) && _gazetteer.DemonymCountry(_reading.Form(last + 1)) is null)
        {
            // A capitalised word after: a modifier of an institution ("U.S. Army", "Mansfield Mayor") or a longer
            // name that is no place ("Washington Post", "Jordan Peterson").
            if (!IsModifier(last, key, candidates))
            {
                return null;
            }

            kind = ToponymKind.Modifier;
        }

        if (!cue)
        {
            candidates = candidates
                .Where(c => c.Feature != FeatureType.City || c.Population >= Geocoder.MinimumPopulationWithoutCue || c.FeatureCode is "PPLC" or "PPLA")
                .ToList();
            if (candidates.Count == 0)
            {
                return null;
            }
        }

        var divisionWord = last + 1 < Tokens.Count && _lexicon.DivisionWords.Contains(_reading.Lower(last + 1));
        return new Mention(first, last, key, candidates, cue && kind == ToponymKind.Place, divisionWord, qualifier, kind);
    }

    /// <summary>The country or division named right after a comma ("Paris, Texas"; "Tripoli, Lebanon") when it
    /// contains one of the candidates.</summary>
    private Place? Qualifier(int last, IReadOnlyList<Place> candidates)
    {
        if (last + 2 >= Tokens.Count || _reading.Form(last + 1) != "," || !_reading.IsCapitalised(last + 2) && !_reading.IsAllCaps(last + 2))
        {
            return null;
        }

        if (LongestMatch(last + 2) is not { } match)
        {
            return null;
        }

        foreach (var place in match.Candidates
            .Where(p => p.Feature is FeatureType.Country or FeatureType.Adm1)
            .OrderBy(p => p.Feature == FeatureType.Country ? 0 : 1)
            .ThenByDescending(p => p.Population))
        {
            if (candidates.Any(c => c.Feature != FeatureType.Country && c.CountryCode == place.CountryCode
                && (place.Feature == FeatureType.Country || c.Adm1Code == place.Adm1Code)))
            {
                return place;
            }
        }

        return null;
    }

    /// <summary>Whether a place name followed by a capitalised word qualifies it ("California Department", "U.S.
    /// Centers") rather than being part of a person's or a publication's name.</summary>
    private bool IsModifier(int last, string key, IReadOnlyList<Place> candidates)
    {
        var next = _reading.Lower(last + 1);
        if (_lexicon.MediaWords.Contains(next))
        {
            return false;
        }

        if (_lexicon.InstitutionWords.Contains(next))
        {
            return true;
        }

        // A country or region before any other capitalised word ("U.S. NAMRU-2 lab", "Taco Bell Canada"
        // is caught by the name before), unless it is also a first name.
        return !_lexicon.FirstNameLikePlaces.Contains(key)
            && candidates.Any(c => c.Feature is FeatureType.Country or FeatureType.Region)
            && !_personTails.Contains(NameFolding.Fold(_reading.Form(last + 1)));
    }

    private bool PlaceNounOf(int first) =>
        first >= 2 && _reading.Lower(first - 1) == "of" && _lexicon.PlaceNouns.Contains(_reading.Lower(first - 2));

    private bool FollowsCuedMention(int first, List<Mention> mentions)
    {
        if (mentions.Count == 0 || first < 2 || _reading.Lower(first - 1) is not ("and" or "or" or ","))
        {
            return false;
        }

        var previous = mentions[^1];
        return previous.Cue && (previous.Last == first - 2 || (previous.Last == first - 3 && _reading.Lower(first - 2) == ","));
    }

    private bool IsPersonOrNameBefore(int index)
    {
        if (!_reading.IsCapitalised(index) || _reading.IsAllCaps(index))
        {
            return false;
        }

        // A tagged word that is no proper noun is not part of a name ("Current Hong Kong legislation").
        if (Tokens[index].Upos is { } upos && upos is not ("PROPN" or "X"))
        {
            return false;
        }

        var word = _reading.Lower(index);
        return !_lexicon.FunctionWords.Contains(word) && !_lexicon.ModifierWords.Contains(word) && !_lexicon.CueWords.Contains(word)
            && !_lexicon.CalendarWords.Contains(word) && _gazetteer.DemonymCountry(_reading.Form(index)) is null;
    }

    /// <summary>
    /// Collects the last words of two- and three-word capitalised names that are not places ("Barack Obama",
    /// "Michael Jordan"), so that the same word alone later in the document is read as that name.
    /// </summary>
    private void CollectPersonTails()
    {
        var i = 0;
        while (i < Tokens.Count)
        {
            var end = i;
            while (end < Tokens.Count && IsPlainCapitalised(end) && (end == i || !_reading.IsSentenceStart(end)))
            {
                end++;
            }

            var length = end - i;
            if (length is 2 or 3 && _gazetteer.FindFolded(NameFolding.Fold(Text.AsSpan(Tokens[i].Start, Tokens[end - 1].End - Tokens[i].Start))).Count == 0
                && (_lexicon.Titles.Contains(_reading.Lower(Math.Max(0, i - 1))) || _gazetteer.FindFolded(_reading.Lower(i)).Count == 0))
            {
                _personTails.Add(NameFolding.Fold(_reading.Form(end - 1)));
            }

            i = Math.Max(end, i + 1);
        }
    }

    private bool IsPlainCapitalised(int index)
    {
        var word = _reading.Lower(index);
        return _reading.IsCapitalised(index) && !_reading.IsAllCaps(index) && !_lexicon.FunctionWords.Contains(word) && !_lexicon.ModifierWords.Contains(word)
            && !_lexicon.Titles.Contains(word) && !_lexicon.CalendarWords.Contains(word) && _gazetteer.DemonymCountry(_reading.Form(index)) is null;
    }

    /// <summary>
    /// Whether the text writes a short name as the gazetteer does: the same letters and case ("US", "UAE", "Ufa", not
    /// "Us"); a dotted name ("U.S.", "W.Va.") also with its dots, though the last may have gone with the sentence.
    /// </summary>
    private static bool WrittenAs(string name, string text)
    {
        if (string.Equals(name, text, StringComparison.Ordinal))
        {
            return true;
        }

        if (name.Contains('.', StringComparison.Ordinal))
        {
            return name.Length == text.Length + 1 && name[^1] == '.' && name.StartsWith(text, StringComparison.Ordinal)
                || string.Equals(name.Replace(" ", "", StringComparison.Ordinal), text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        return string.Equals(name, Undotted(text), StringComparison.Ordinal);
    }

    private static string Undotted(string text) => text.Replace(".", "", StringComparison.Ordinal);
}

