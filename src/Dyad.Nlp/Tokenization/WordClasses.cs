using System.Collections.Immutable;
using Dyad.Hashing;

namespace Dyad.Nlp.Tokenization;

/// <summary>
/// Small word tables the sentence-boundary model learns from its training treebank, so that its features generalise
/// beyond the gaps it has seen: how a word is usually written inside a sentence (mostly lower case like "take" and
/// "hope", mostly capitalised like "Houston", or either), its most frequent universal part of speech, and how often it
/// starts and ends a sentence, counted over every gold boundary (blank lines and full stops included, which the model
/// itself never decides). A capitalised word that is usually lower case, a pronoun or verb after a complete clause, or
/// a name that usually ends a message hint at a boundary without a full stop ("Hope all is well with you Take care").
/// </summary>
/// <remarks>Keys are lower-cased form hashes (<see cref="FeatureHash.OfText"/>). Immutable after construction; safe to share between threads.</remarks>
internal sealed class WordClasses
{
    /// <summary>Occurrences a word needs before its casing or part of speech counts as known.</summary>
    private const int MinimumCount = 2;

    /// <summary>Occurrences a word needs before its start and end rates count as known.</summary>
    private const int MinimumBoundaryCount = 3;

    /// <summary>Largest rate class (<see cref="RateClass"/>).</summary>
    private const byte MostRate = 5;

    /// <summary>Share of one casing above which a word counts as mostly written that way.</summary>
    private const double MostlyShare = 0.8;

    /// <summary>Universal parts of speech; the tables store 1 + the index.</summary>
    private static readonly string[] Tags = ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"];

    private readonly Dictionary<ulong, byte> _casings;
    private readonly Dictionary<ulong, byte> _tags;
    private readonly Dictionary<ulong, byte> _starts;
    private readonly Dictionary<ulong, byte> _ends;

    private WordClasses(Dictionary<ulong, byte> casings, Dictionary<ulong, byte> tags, Dictionary<ulong, byte> starts, Dictionary<ulong, byte> ends)
    {
        _casings = casings;
        _tags = tags;
        _starts = starts;
        _ends = ends;
    }

    /// <summary>How a word is usually written inside a sentence.</summary>
    public enum Casing : byte
    {
        /// <summary>Seen too seldom in training.</summary>
        Unknown,

        /// <summary>Mostly in lower case.</summary>
        Lower,

        /// <summary>Mostly capitalised.</summary>
        Capitalised,

        /// <summary>Both ways.</summary>
        Mixed,
    }

    /// <summary>Empty tables: every word is unknown.</summary>
    public static WordClasses Empty { get; } = new([], [], [], []);

    /// <summary>Number of entries in all the tables together.</summary>
    public int Count => _casings.Count + _tags.Count + _starts.Count + _ends.Count;

    /// <summary>Learns the tables.</summary>
    /// <param name="texts">Raw texts with their tokens and the offsets where their sentences end; the first word of each sentence is left out of the casing counts.</param>
    /// <param name="words">Gold words with their universal parts of speech.</param>
    /// <param name="include">Whether token (text index, token index) counts; null for all. Training leaves out the fold it computes features for.</param>
    public static WordClasses Learn(IEnumerable<(string Text, ImmutableArray<Token> Tokens, IReadOnlySet<int> SentenceEnds)> texts, IEnumerable<(string Form, string Upos)> words, Func<int, int, bool>? include = null)
    {
        var casingCounts = new Dictionary<ulong, (int Lower, int Upper)>();
        var boundaryCounts = new Dictionary<ulong, (int Total, int Starts, int Ends)>();
        var t = -1;
        foreach (var (text, tokens, ends) in texts)
        {
            t++;
            for (var i = 0; i < tokens.Length; i++)
            {
                if (include is not null && !include(t, i))
                {
                    continue;
                }

                var lowerKey = FeatureHash.OfText(text.AsSpan(tokens[i].Start, tokens[i].Range.Length), lowercase: true);
                var (total, starts, finals) = boundaryCounts.GetValueOrDefault(lowerKey);
                var opens = i == 0 || ends.Contains(tokens[i - 1].SurfaceEnd);
                var closes = ends.Contains(tokens[i].SurfaceEnd);
                boundaryCounts[lowerKey] = (total + 1, starts + (opens ? 1 : 0), finals + (closes ? 1 : 0));
                if (i == 0)
                {
                    continue;
                }

                var c = text[tokens[i].Start];
                if (!char.IsLetter(c) || ends.Contains(tokens[i - 1].SurfaceEnd))
                {
                    continue;
                }

                var key = FeatureHash.OfText(text.AsSpan(tokens[i].Start, tokens[i].Range.Length), lowercase: true);
                var (lower, upper) = casingCounts.GetValueOrDefault(key);
                casingCounts[key] = char.IsLower(c) ? (lower + 1, upper) : (lower, upper + 1);
            }
        }

        var casings = new Dictionary<ulong, byte>();
        foreach (var (key, (lower, upper)) in casingCounts)
        {
            var total = lower + upper;
            if (total >= MinimumCount)
            {
                var casing = lower >= MostlyShare * total ? Casing.Lower : upper >= MostlyShare * total ? Casing.Capitalised : Casing.Mixed;
                casings[key] = (byte)casing;
            }
        }

        var tagCounts = new Dictionary<ulong, int[]>();
        foreach (var (form, upos) in words)
        {
            var tag = Array.IndexOf(Tags, upos);
            if (tag >= 0)
            {
                var key = FeatureHash.OfText(form, lowercase: true);
                if (!tagCounts.TryGetValue(key, out var row))
                {
                    row = new int[Tags.Length];
                    tagCounts.Add(key, row);
                }

                row[tag]++;
            }
        }

        var tags = new Dictionary<ulong, byte>();
        foreach (var (key, row) in tagCounts)
        {
            if (row.Sum() >= MinimumCount)
            {
                // Ties go to the first tag in Tags' order, so the table never depends on the order of the data.
                tags[key] = (byte)(Array.IndexOf(row, row.Max()) + 1);
            }
        }

        var startRates = new Dictionary<ulong, byte>();
        var endRates = new Dictionary<ulong, byte>();
        foreach (var (key, (total, starts, finals)) in boundaryCounts)
        {
            if (total >= MinimumBoundaryCount)
            {
                startRates[key] = RateClass(starts, total);
                endRates[key] = RateClass(finals, total);
            }
        }

        return new WordClasses(casings, tags, startRates, endRates);
    }

    /// <summary>A rate in five classes: never, under 10%, under 30%, under 60%, more.</summary>
    private static byte RateClass(int count, int total)
    {
        var rate = (double)count / total;
        return rate switch
        {
            0 => 1,
            < 0.1 => 2,
            < 0.3 => 3,
            < 0.6 => 4,
            _ => MostRate,
        };
    }

    /// <summary>How often the word with lower-cased hash <paramref name="lowerHash"/> starts a sentence: 0 unknown, 1 never, up to 5 mostly.</summary>
    public int StartRateOf(ulong lowerHash) => _starts.TryGetValue(lowerHash, out var rate) ? rate : 0;

    /// <summary>How often the word with lower-cased hash <paramref name="lowerHash"/> ends a sentence: 0 unknown, 1 never, up to 5 mostly.</summary>
    public int EndRateOf(ulong lowerHash) => _ends.TryGetValue(lowerHash, out var rate) ? rate : 0;

    /// <summary>How the word with lower-cased hash <paramref name="lowerHash"/> is usually written.</summary>
    public Casing CasingOf(ulong lowerHash) => _casings.TryGetValue(lowerHash, out var casing) ? (Casing)casing : Casing.Unknown;

    /// <summary>The most frequent part of speech of the word with lower-cased hash <paramref name="lowerHash"/>: 1 + its index in the UD list; 0 when unknown.</summary>
    public int TagOf(ulong lowerHash) => _tags.TryGetValue(lowerHash, out var tag) ? tag : 0;

    /// <summary>Whether <paramref name="tag"/> (from <see cref="TagOf"/>) is VERB or AUX.</summary>
    public static bool IsVerb(int tag) => tag > 0 && Tags[tag - 1] is "VERB" or "AUX";

    /// <summary>Writes the tables in key order, so the same tables always give the same bytes.</summary>
    public void Write(BinaryWriter writer)
    {
        WriteTable(writer, _casings);
        WriteTable(writer, _tags);
        WriteTable(writer, _starts);
        WriteTable(writer, _ends);
    }

    /// <summary>Reads tables written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The data is inconsistent.</exception>
    public static WordClasses Read(BinaryReader reader)
    {
        var casings = ReadTable(reader, (byte)Casing.Mixed);
        var tags = ReadTable(reader, (byte)Tags.Length);
        var starts = ReadTable(reader, MostRate);
        var ends = ReadTable(reader, MostRate);
        return new WordClasses(casings, tags, starts, ends);
    }

    private static void WriteTable(BinaryWriter writer, Dictionary<ulong, byte> table)
    {
        writer.Write(table.Count);
        foreach (var (key, value) in table.OrderBy(p => p.Key))
        {
            writer.Write(key);
            writer.Write(value);
        }
    }

    private static Dictionary<ulong, byte> ReadTable(BinaryReader reader, byte maximum)
    {
        var count = reader.ReadInt32();
        if (count < 0)
        {
            throw new InvalidDataException($"negative word table size {count}");
        }

        var table = new Dictionary<ulong, byte>(count);
        for (var k = 0; k < count; k++)
        {
            var key = reader.ReadUInt64();
            var value = reader.ReadByte();
            if (value == 0 || value > maximum)
            {
                throw new InvalidDataException($"word class {value} is out of range");
            }

            table[key] = value;
        }

        return table;
    }
}
