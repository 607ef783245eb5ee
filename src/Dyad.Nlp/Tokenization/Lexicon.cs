using System.Collections.Frozen;

namespace Dyad.Nlp.Tokenization;

/// <summary>How an abbreviation that keeps its final period behaves at a possible sentence end.</summary>
internal enum AbbreviationKind
{
    /// <summary>Not a known abbreviation.</summary>
    None,

    /// <summary>Stands before what it modifies ("Dr. Smith", "Sept. 11", "e.g. this"): never ends a sentence inside a paragraph.</summary>
    Prefix,

    /// <summary>Stands after a name or at the end of a phrase ("Acme Inc.", "Calif.", "a.m."): ends a sentence when a typical sentence opener follows.</summary>
    Suffix,

    /// <summary>Closes a list or phrase ("etc."): ends a sentence whenever a capitalised word follows.</summary>
    Final,
}

/// <summary>
/// Word lists the tokenizer and sentence splitter use: abbreviations, hyphen prefixes, contractions, units and words
/// that typically open an English sentence. Written for Dyad from general knowledge of English; all sets are frozen and
/// so safe to read from many threads.
/// </summary>
internal static class Lexicon
{
    /// <summary>Abbreviations written with a final period, without that period, case-sensitive, with their kind.</summary>
    public static readonly FrozenDictionary<string, AbbreviationKind> Abbreviations = BuildAbbreviations();

    /// <summary>
    /// First parts after which EWT keeps a hyphenated word whole ("e-mail", "non-stop", "pre-war"), lower case.
    /// Every other hyphen between letters is split off as its own token.
    /// </summary>
    public static readonly FrozenSet<string> HyphenPrefixes = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "e", "non", "mid", "anti", "pre", "re", "post", "over", "co", "pro", "multi", "ex", "sub", "semi", "cross",
        "neo", "counter", "psycho", "socio", "arch", "intra", "un", "mis", "micro", "macro", "ultra", "quasi", "pseudo",
        "bi", "tri", "hyper", "mini", "mega", "trans", "extra");

    /// <summary>Last parts with which EWT keeps a hyphenated word whole ("career-wise", "Holocaust-esque").</summary>
    public static readonly FrozenSet<string> HyphenSuffixes = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "esque", "wise");

    /// <summary>
    /// Contractions written without an apostrophe that EWT splits into syntactic words, lower case, with the lengths of
    /// the parts ("dont" is do + nt, "gonna" is gon + na, "dunno" is du + n + no).
    /// </summary>
    public static readonly FrozenDictionary<string, int[]> BareContractions = new Dictionary<string, int[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["cannot"] = [3, 3],
        ["gonna"] = [3, 2],
        ["wanna"] = [3, 2],
        ["gotta"] = [3, 2],
        ["outta"] = [3, 2],
        ["dunno"] = [2, 1, 2],
        ["awhile"] = [1, 5],
        ["dont"] = [2, 2],
        ["didnt"] = [3, 2],
        ["doesnt"] = [4, 2],
        ["cant"] = [2, 2],
        ["wont"] = [2, 2],
        ["isnt"] = [2, 2],
        ["arent"] = [3, 2],
        ["wasnt"] = [3, 2],
        ["werent"] = [4, 2],
        ["havent"] = [4, 2],
        ["hasnt"] = [3, 2],
        ["hadnt"] = [3, 2],
        ["couldnt"] = [5, 2],
        ["wouldnt"] = [5, 2],
        ["shouldnt"] = [6, 2],
        ["aint"] = [2, 2],
        ["mustnt"] = [4, 2],
        ["neednt"] = [4, 2],
        ["im"] = [1, 1],
        ["ive"] = [1, 2],
        ["youre"] = [3, 2],
        ["theyre"] = [4, 2],
        ["youve"] = [3, 2],
        ["theyve"] = [4, 2],
        ["youll"] = [3, 2],
        ["itll"] = [2, 2],
        ["thats"] = [4, 1],
        ["whats"] = [4, 1],
        ["theres"] = [5, 1],
        ["heres"] = [4, 1],
        ["hes"] = [2, 1],
        ["shes"] = [3, 1],
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Clitics split off after an apostrophe ("'s", "'m", "'re", "'ve", "'ll", "'d"), lower case, without the apostrophe.</summary>
    public static readonly FrozenSet<string> ApostropheClitics = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "s", "m", "re", "ve", "ll", "d");

    /// <summary>Words that begin with an apostrophe and keep it ("'em", "'cause", "'til").</summary>
    public static readonly FrozenSet<string> ApostropheInitialWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "em", "cause", "til", "tis", "twas", "n", "bout", "round", "s", "m", "re", "ve", "ll", "d");

    /// <summary>Units that EWT splits from a number written against them ("5kg", "11:30am", "$5m").</summary>
    public static readonly FrozenSet<string> Units = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "am", "pm", "k", "m", "b", "bn", "mn", "mln", "tn", "kg", "mg", "lb", "lbs", "oz", "km", "cm", "mm", "ft", "mi",
        "mph", "kph", "kmh", "hr", "hrs", "h", "min", "mins", "sec", "secs", "ms", "gb", "mb", "kb", "tb", "ghz", "mhz",
        "hz", "kw", "mw", "gw", "kwh", "mwh", "x", "percent", "pct", "yr", "yrs", "days", "day", "minutes", "bpd", "sq",
        "t", "f", "c", "p", "hh", "l", "ml", "cc", "db", "watt", "watts", "persons", "people", "times");

    /// <summary>Units written in capitals that are split off a number ("$5M", "10K"); other capitals stay on ("17H", "4G").</summary>
    public static readonly FrozenSet<string> CapitalUnits = FrozenSet.Create(StringComparer.Ordinal, "K", "M", "B", "BN", "MM", "KG", "KM", "CM", "MB", "GB", "KB", "TB", "AM", "PM", "FT", "LB", "LBS", "HZ", "MHZ", "GHZ", "KW", "MW", "GW", "KWH", "MPH");

    /// <summary>Words that end a letter and are followed by the writer's name ("Thanks, Kay"), lower case.</summary>
    public static readonly FrozenSet<string> Closings = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "thanks", "thank you", "thanx", "thx", "tks", "regards", "best regards", "kind regards",
        "warm regards", "best", "cheers", "sincerely", "cordially", "yours", "yours truly", "many thanks", "love", "take care",
        "best wishes", "respectfully");

    /// <summary>Words that open a letter before the addressee's name ("Dear Nina,", "Hi Chris,"), lower case.</summary>
    public static readonly FrozenSet<string> Salutations = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "dear", "hi", "hello", "hey", "greetings");

    /// <summary>Brand names written with an exclamation mark that stays on ("Yahoo!").</summary>
    public static readonly FrozenSet<string> ExclamationNames = FrozenSet.Create(StringComparer.Ordinal, "Yahoo", "Jeopardy");

    /// <summary>Letter endings that stay on a number ("1st", "1960s", "20th").</summary>
    public static readonly FrozenSet<string> NumberSuffixes = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "st", "nd", "rd", "th", "s", "d");

    /// <summary>
    /// Capitalised words that often open a sentence and seldom follow an abbreviation inside one: pronouns,
    /// determiners, conjunctions, prepositions and sentence adverbs. Used after suffix abbreviations ("in the U.S. He").
    /// </summary>
    public static readonly FrozenSet<string> SentenceOpeners = FrozenSet.Create(
        StringComparer.Ordinal,
        "A", "An", "The", "This", "That", "These", "Those", "There", "Here", "It", "Its", "He", "She", "We", "They", "I",
        "You", "His", "Her", "Our", "Their", "My", "Your", "Some", "Many", "Most", "Several", "Each", "Every", "All",
        "Both", "No", "None", "Neither", "Other", "Others", "One", "Two", "Three", "Such", "What", "When", "Where",
        "Why", "How", "Who", "Which", "While", "Whether", "If", "Although", "Though", "Because", "Since", "As", "After",
        "Before", "During", "Until", "Unless", "Once", "But", "And", "Or", "So", "Yet", "Nor", "In", "On", "At", "For",
        "From", "With", "Without", "By", "Of", "To", "Under", "Over", "Among", "Despite", "According", "However",
        "Meanwhile", "Also", "Still", "Thus", "Then", "Now", "Today", "Yesterday", "Later", "Earlier", "Instead",
        "Indeed", "Moreover", "Furthermore", "Nevertheless", "Nonetheless", "Otherwise", "Therefore", "Hence", "Yes",
        "Please", "Thanks", "Thank", "Let", "Do", "Does", "Did", "Is", "Are", "Was", "Were", "Has", "Have", "Had",
        "Can", "Could", "Will", "Would", "Should", "May", "Might", "Must", "Not", "Even", "Only", "Just", "Perhaps",
        "Maybe", "Officials", "Police", "Authorities", "Analysts");

    /// <summary>Emoticons kept as one token, longest first so that ":-)" wins over ":-".</summary>
    public static readonly string[] Emoticons =
    [
        ">:-(", ">:-)", "</3", ":-)", ":-(", ";-)", ":-D", ":-P", ":-p", ":-O", ":-o", ":-/", ":-|", ":-*", ":'(",
        ":')", "^_^", "^.^", "-_-", "^^", ">:(", ">:)", ":)", ":(", ";)", ":D", ":P", ":p", ":O", ":o", ":/", ":|",
        ":*", ":]", ":[", ";D", ";P", ";p", "=)", "=(", "=D", "=]", "(:", "<3",
    ];

    /// <summary>The same emoticons as a set, plus "XD".</summary>
    public static readonly FrozenSet<string> EmoticonSet = Emoticons.Append("XD").Append("xD").ToFrozenSet(StringComparer.Ordinal);

    private static FrozenDictionary<string, AbbreviationKind> BuildAbbreviations()
    {
        var map = new Dictionary<string, AbbreviationKind>(StringComparer.Ordinal);

        // Titles and other words that stand before a name, a number or an example.
        Add(AbbreviationKind.Prefix,
            "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Profs", "Gen", "Gens", "Lt", "Col", "Maj", "Capt",
            "Cmdr", "Cdr", "Adm", "Sgt", "Cpl", "Pvt", "Pfc", "Brig", "Cmdt", "Rev", "Revs", "Fr", "Msgr", "Gov", "Govs",
            "Sen", "Sens", "Rep", "Reps", "Pres", "Amb", "Hon", "Supt", "Insp", "Atty", "Mt", "Ft", "Nos", "Vol", "Vols",
            "Fig", "Figs", "vs", "v", "e.g", "E.g", "i.e", "I.e", "eg", "ie", "cf", "viz", "approx", "Approx", "esp",
            "Esp", "Jan", "Feb", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ste", "Tel", "Attn",
            "ext", "Ext", "Ph", "Mob", "Fax", "Conf", "Para", "Spec", "Sr");

        // Company forms, suffixes of names, places, times, units, and short words that are also ordinary words.
        Add(AbbreviationKind.Suffix,
            "Inc", "Corp", "Co", "co", "Cos", "Ltd", "Bros", "Plc", "PLC", "LLC", "Jr", "Esq", "Ph.D", "M.D", "B.A",
            "M.A", "St", "Ave", "Blvd", "Rd", "Sq", "Hwy", "Pl", "Ln", "Ct", "Ala", "Ariz", "Ark", "Calif", "Colo",
            "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss",
            "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
            "Alta", "Ont", "Que", "Sask", "a.m", "p.m", "A.M", "P.M", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs",
            "Fri", "Sat", "Sun", "Mar", "No", "Art", "Sec", "Ch", "Pt", "Re", "Op", "Det", "Ref", "Dept", "Univ", "Mgr",
            "Dir", "Asst", "Ass't", "Gov't", "mins", "hrs", "yrs", "lbs", "lb", "oz", "pp", "ft", "sq", "Est", "dept",
            "govt", "Govt", "Intl", "Natl", "Assn", "Assoc", "Dist", "Div", "Eds", "P.S", "p.s", "N.B", "n.b", "U.S",
            "U.K", "U.N", "E.U", "D.C", "L.A", "N.Y", "U.S.A", "a.k.a", "o.k", "O.K", "Rs");

        // Words that close an enumeration.
        Add(AbbreviationKind.Final, "etc", "Etc", "ect", "al");
        return map.ToFrozenDictionary(StringComparer.Ordinal);

        void Add(AbbreviationKind kind, params string[] words)
        {
            foreach (var word in words)
            {
                map.TryAdd(word, kind);
            }
        }
    }
}
