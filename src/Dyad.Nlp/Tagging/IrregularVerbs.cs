using System.Collections.Frozen;

namespace Dyad.Nlp.Tagging;

/// <summary>
/// The past and past-participle forms of English irregular verbs, with their prefixed compounds (overran, withdrew,
/// undertook, rebuilt). The tagger consults it for words its treebank never showed it: news is full of such verbs
/// ("ISIL militants overran Mosul") that a web treebank holds rarely or never, and whose spelling looks like nothing else.
/// </summary>
internal static class IrregularVerbs
{
    // base past participle; written from the language's facts.
    private const string Table = """
        arise arose arisen|awake awoke awoken|bear bore borne|beat beat beaten|become became become|begin began begun
        bend bent bent|bet bet bet|bid bid bid|bind bound bound|bite bit bitten|bleed bled bled|blow blew blown
        break broke broken|breed bred bred|bring brought brought|broadcast broadcast broadcast|build built built
        burn burnt burnt|burst burst burst|buy bought bought|cast cast cast|catch caught caught|choose chose chosen
        cling clung clung|come came come|cost cost cost|creep crept crept|cut cut cut|deal dealt dealt|dig dug dug
        do did done|draw drew drawn|drink drank drunk|drive drove driven|eat ate eaten|fall fell fallen|feed fed fed
        feel felt felt|fight fought fought|find found found|flee fled fled|fling flung flung|fly flew flown
        forbid forbade forbidden|forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|get got gotten
        give gave given|go went gone|grind ground ground|grow grew grown|hang hung hung|have had had|hear heard heard
        hide hid hidden|hit hit hit|hold held held|hurt hurt hurt|keep kept kept|kneel knelt knelt|know knew known
        lay laid laid|lead led led|lean leant leant|leave left left|lend lent lent|let let let|lie lay lain
        light lit lit|lose lost lost|make made made|mean meant meant|meet met met|pay paid paid|put put put
        quit quit quit|read read read|ride rode ridden|ring rang rung|rise rose risen|run ran run|say said said
        see saw seen|seek sought sought|sell sold sold|send sent sent|set set set|shake shook shaken|shed shed shed
        shine shone shone|shoot shot shot|show showed shown|shrink shrank shrunk|shut shut shut|sing sang sung
        sink sank sunk|sit sat sat|slay slew slain|sleep slept slept|slide slid slid|speak spoke spoken
        spend spent spent|spin spun spun|split split split|spread spread spread|spring sprang sprung|stand stood stood
        steal stole stolen|stick stuck stuck|sting stung stung|strike struck struck|strive strove striven
        swear swore sworn|sweep swept swept|swim swam swum|swing swung swung|take took taken|teach taught taught
        tear tore torn|tell told told|think thought thought|throw threw thrown|tread trod trodden
        understand understood understood|wake woke woken|wear wore worn|weave wove woven|weep wept wept|win won won
        wind wound wound|withdraw withdrew withdrawn|write wrote written|undertake undertook undertaken
        """;

    private static readonly string[] Prefixes = ["over", "under", "out", "re", "with", "fore", "mis", "up", "down", "with"];

    /// <summary>Every irregular past and participle form, prefixed compounds included, lower case.</summary>
    public static FrozenSet<string> PastForms { get; } = Build();

    private static FrozenSet<string> Build()
    {
        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Table.Split(['|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3)
            {
                continue;
            }

            foreach (var form in parts.Skip(1).Where(f => f != parts[0]))
            {
                forms.Add(form);
                foreach (var prefix in Prefixes)
                {
                    forms.Add(prefix + form);
                }
            }
        }

        return forms.ToFrozenSet(StringComparer.Ordinal);
    }
}
