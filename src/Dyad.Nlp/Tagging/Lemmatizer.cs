using System.Collections.Immutable;
using Dyad.Models;
using Dyad.Nlp.Learning;

namespace Dyad.Nlp.Tagging;

/// <summary>
/// Lemmatizer learned from a treebank's lemma column: a table of (word, XPOS) → lemma for words seen in training,
/// and for unseen words suffix rules per XPOS ("-ies" → "-y" for NNS), the longest matching suffix winning.
/// Proper nouns and words with no rule keep their form.
/// </summary>
/// <remarks>Immutable after loading; thread-safe.</remarks>
public sealed class Lemmatizer : IStage
{
    /// <summary>Kind written into the model file.</summary>
    public const string ModelKind = "lemmatizer";

    /// <summary>Model format version.</summary>
    public const int ModelVersion = 1;

    /// <summary>Longest suffix a rule is keyed on.</summary>
    private const int MaxSuffix = 5;

    /// <summary>A rule must have been seen this often to be used for unseen words.</summary>
    private const int RuleMinimumCount = 2;

    private readonly Dictionary<(string Word, string Xpos), string> _table;
    private readonly Dictionary<(string Suffix, string Xpos), Rule> _rules;

    private Lemmatizer(Dictionary<(string, string), string> table, Dictionary<(string, string), Rule> rules)
    {
        _table = table;
        _rules = rules;
    }

    /// <summary>A rewrite of a word's end: drop <see cref="Strip"/> characters, add <see cref="Append"/>; <see cref="Lower"/> lower-cases first.</summary>
    private readonly record struct Rule(int Strip, string Append, bool Lower);

    /// <inheritdoc/>
    public string Name => "lemmatizer.v1";

    /// <summary>Number of words in the table.</summary>
    public int EntryCount => _table.Count;

    /// <summary>Number of suffix rules.</summary>
    public int RuleCount => _rules.Count;

    /// <inheritdoc/>
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Tags.IsDefault)
        {
            throw new StageOrderException(Name, "tagger");
        }

        var lemmas = new string[document.Tokens.Length];
        for (var i = 0; i < lemmas.Length; i++)
        {
            lemmas[i] = Lemmatize(document.Form(i), document.Tags[i].Xpos);
        }

        return document with { Lemmas = ImmutableArray.Create(lemmas) };
    }

    /// <summary>The lemma of <paramref name="word"/> tagged <paramref name="xpos"/>.</summary>
    public string Lemmatize(string word, string xpos)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (_table.TryGetValue((word, xpos), out var lemma) || _table.TryGetValue((word.ToLowerInvariant(), xpos), out lemma))
        {
            return lemma;
        }

        for (var length = Math.Min(MaxSuffix, word.Length); length >= 0; length--)
        {
            if (_rules.TryGetValue((word[^length..].ToLowerInvariant(), xpos), out var rule) && rule.Strip <= word.Length)
            {
                var stem = rule.Lower ? word.ToLowerInvariant() : word;
                return string.Concat(stem.AsSpan(0, stem.Length - rule.Strip), rule.Append);
            }
        }

        return word;
    }

    /// <summary>Learns the table and the rules from gold documents.</summary>
    public static Lemmatizer Train(IReadOnlyList<Document> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var tableCounts = new Dictionary<(string, string), Dictionary<string, int>>();
        var ruleCounts = new Dictionary<(string, string), Dictionary<Rule, int>>();
        foreach (var document in documents)
        {
            for (var i = 0; i < document.Tokens.Length; i++)
            {
                var word = document.Form(i);
                var xpos = document.Tags[i].Xpos;
                var lemma = document.Lemmas[i];
                if (lemma is "_" or "")
                {
                    continue;
                }

                Tally.Increment(tableCounts, (word, xpos), lemma);
                var rule = RuleOf(word, lemma);
                for (var length = 0; length <= Math.Min(MaxSuffix, word.Length); length++)
                {
                    Tally.Increment(ruleCounts, (word[^length..].ToLowerInvariant(), xpos), rule);
                }
            }
        }

        var table = tableCounts.ToDictionary(p => p.Key, p => Tally.MostFrequent(p.Value, v => v));
        var rules = new Dictionary<(string, string), Rule>();
        foreach (var (key, counts) in ruleCounts)
        {
            if (counts.Values.Sum() >= RuleMinimumCount)
            {
                rules[key] = Tally.MostFrequent(counts, r => $"{r.Strip}{r.Append}{r.Lower}");
            }
        }

        return new Lemmatizer(table, rules);
    }

    private static Rule RuleOf(string word, string lemma)
    {
        var lower = !lemma.AsSpan().ContainsAnyInRange('A', 'Z') && word.AsSpan().ContainsAnyInRange('A', 'Z');
        var stem = lower ? word.ToLowerInvariant() : word;
        var common = 0;
        while (common < stem.Length && common < lemma.Length && stem[common] == lemma[common])
        {
            common++;
        }

        return new Rule(stem.Length - common, lemma[common..], lower);
    }

    /// <summary>Saves the lemmatizer to <paramref name="path"/>.</summary>
    public void Save(string path) => ModelFile.Save(path, ModelKind, ModelVersion, writer =>
    {
        writer.Write(_table.Count);
        foreach (var ((word, xpos), lemma) in _table.OrderBy(p => p.Key.Word, StringComparer.Ordinal).ThenBy(p => p.Key.Xpos, StringComparer.Ordinal))
        {
            writer.Write(word);
            writer.Write(xpos);
            writer.Write(lemma);
        }

        writer.Write(_rules.Count);
        foreach (var ((suffix, xpos), rule) in _rules.OrderBy(p => p.Key.Suffix, StringComparer.Ordinal).ThenBy(p => p.Key.Xpos, StringComparer.Ordinal))
        {
            writer.Write(suffix);
            writer.Write(xpos);
            writer.Write(rule.Strip);
            writer.Write(rule.Append);
            writer.Write(rule.Lower);
        }
    });

    /// <summary>Loads a lemmatizer saved by <see cref="Save"/>.</summary>
    /// <exception cref="ModelException">The file is missing, of another version, or damaged.</exception>
    public static Lemmatizer Load(string path) => ModelFile.Load(path, ModelKind, ModelVersion, reader =>
    {
        var count = reader.ReadInt32();
        var table = new Dictionary<(string, string), string>(count);
        for (var i = 0; i < count; i++)
        {
            var word = reader.ReadString();
            var xpos = string.Intern(reader.ReadString());
            table[(word, xpos)] = reader.ReadString();
        }

        count = reader.ReadInt32();
        var rules = new Dictionary<(string, string), Rule>(count);
        for (var i = 0; i < count; i++)
        {
            var suffix = reader.ReadString();
            var xpos = string.Intern(reader.ReadString());
            rules[(suffix, xpos)] = new Rule(reader.ReadInt32(), reader.ReadString(), reader.ReadBoolean());
        }

        return new Lemmatizer(table, rules);
    });
}
