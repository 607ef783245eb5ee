using Dyad.Coding.Codes;
using Dyad.Coding.Coding;
using Dyad.Coding.Dictionaries;
using Dyad.Coding.Learned;
using Dyad.Events;
using Dyad.Hashing;
using Dyad.Ingest;

namespace Dyad.Analysis.Evaluation;

/// <summary>An event as the evaluation sees it: its type, pentaclass and the character ranges of its actors' words.</summary>
/// <param name="Type">The event type (<see cref="EventTypes"/>), or null when PLOVER maps nothing from its code.</param>
/// <param name="PentaClass">Its code's pentaclass (<see cref="CameoCode.PentaClass"/>), the grouping the gold "penta" labels follow.</param>
/// <param name="Source">The source's words as a range of the article's text, or null.</param>
/// <param name="Target">The target's words, or null.</param>
public sealed record ScoredEvent(string? Type, int PentaClass, TextRange? Source, TextRange? Target);

/// <summary>A gold set's sentences read as articles and parsed once, with what the rules coded in each piece.</summary>
/// <param name="Name">The gold file's name.</param>
/// <param name="Gold">Its records.</param>
/// <param name="Parsed">Per record id: the article and its parsed pieces (with each piece's offset in the article's text).</param>
public sealed record ParsedGoldSet(string Name, IReadOnlyList<EventGold> Gold, IReadOnlyDictionary<string, ParsedArticle> Parsed);

/// <summary>An article parsed and coded by the rules, piece by piece.</summary>
/// <param name="Article">The article.</param>
/// <param name="Pieces">Each parsed piece, the rules' events in it, and its offset in the article's text.</param>
public sealed record ParsedArticle(Article Article, IReadOnlyList<(Document Document, CodingResult Rules, int Offset)> Pieces);

/// <summary>
/// Measures events against real-news gold sets as ../shared/data/README.md defines it, and trains and cross-validates
/// the learned layer (<see cref="EventModel"/>) on them: sentences are parsed and coded by the rules once, then each
/// fold's model is trained on the other folds and applied to its own.
/// </summary>
public static class EventEvaluation
{
    /// <summary>Reads <paramref name="path"/> as gold records and as articles (it is JSON Lines with <c>id</c> and <c>text</c>), and parses and codes every article with the rules.</summary>
    /// <param name="path">A gold file.</param>
    /// <param name="analyzer">The analyzer (its model is not used here).</param>
    /// <param name="problems">Receives one message per record that could not be used.</param>
    /// <param name="cancellationToken">Cancels between articles.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ParsedGoldSet Parse(string path, ArticleAnalyzer analyzer, ICollection<string> problems, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(problems);
        var gold = EventGold.Read(path, problems);
        var wanted = gold.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var parsed = new Dictionary<string, ParsedArticle>(StringComparer.Ordinal);
        var reader = new ArticleReader(new ReadOptions { Format = ArticleFormat.JsonLines });
        foreach (var result in reader.Read(path, cancellationToken))
        {
            if (result is ArticleAccepted { Article: var article } && wanted.Contains(article.Id) && !parsed.ContainsKey(article.Id))
            {
                parsed[article.Id] = new ParsedArticle(article, [.. analyzer.CodeRules(article, cancellationToken)]);
            }
        }

        foreach (var g in gold.Where(g => !parsed.ContainsKey(g.Id)))
        {
            problems.Add($"{path}: record '{g.Id}' gave no article; it is scored as coding nothing.");
        }

        return new ParsedGoldSet(Path.GetFileName(path), gold, parsed);
    }

    /// <summary>The learning examples of <paramref name="sets"/>: one per distinct text, its labels merged across the sets.</summary>
    /// <param name="sets">Parsed gold sets.</param>
    /// <param name="coder">The rules' coder, whose verb dictionary gives features.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<(string Text, EventExample Example)> Examples(IReadOnlyList<ParsedGoldSet> sets, EventCoder coder)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(coder);
        var byText = new Dictionary<string, (string? Type, int? Quad, ParsedArticle Article, EventGold? Targeted)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var set in sets)
        {
            foreach (var g in set.Gold)
            {
                if (!set.Parsed.TryGetValue(g.Id, out var article))
                {
                    continue;
                }

                var targeted = g.Type is not null && !string.IsNullOrWhiteSpace(g.TargetText) ? g : null;
                if (byText.TryGetValue(g.Text, out var known))
                {
                    byText[g.Text] = (known.Type ?? g.Type, known.Quad ?? g.QuadClass, known.Article, known.Targeted ?? targeted);
                }
                else
                {
                    byText[g.Text] = (g.Type, g.QuadClass, article, targeted);
                    order.Add(g.Text);
                }
            }
        }

        return [.. order.Select(text =>
        {
            var (type, quad, article, targeted) = byText[text];
            return (text, new EventExample(Features(article, coder.Dictionaries.Verbs), type, quad, targeted is null ? null : ActorExamples(article, targeted, coder)));
        })];
    }

    /// <summary>
    /// The actor ranker's examples of a gold sentence: every candidate phrase for the target of the event of the gold
    /// type, marked by whether it overlaps the gold target, and likewise (keyed apart) for its source.
    /// </summary>
    private static List<(ulong[] Features, bool IsGold)> ActorExamples(ParsedArticle article, EventGold gold, EventCoder coder)
    {
        var result = new List<(ulong[], bool)>();
        foreach (var (phrase, role) in new[] { (gold.TargetText, PhraseRole.Target), (gold.SourceText, PhraseRole.Source) })
        {
            if (!string.IsNullOrWhiteSpace(phrase))
            {
                result.AddRange(RoleExamples(article, gold, phrase, role, coder));
            }
        }

        return result;
    }

    private static IEnumerable<(ulong[] Features, bool IsGold)> RoleExamples(ParsedArticle article, EventGold gold, string phrase, PhraseRole role, EventCoder coder)
    {
        var text = article.Article.Text;
        var at = text.IndexOf(phrase, StringComparison.Ordinal);
        at = at >= 0 ? at : text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            yield break;
        }

        var table = CameoTable.Default;
        foreach (var (document, rules, offset) in article.Pieces)
        {
            var start = at - offset;
            var end = start + phrase.Length;
            foreach (var sentence in document.Sentences.Where(s => s.Length > 0))
            {
                if (document.Tokens[sentence.TokenStart].Start > start || document.Tokens[sentence.TokenEnd - 1].End < start)
                {
                    continue;
                }

                var ruleEvent = rules.Events.FirstOrDefault(e => e.Verb >= sentence.TokenStart && e.Verb < sentence.TokenEnd && EventTypes.Of(e.EventCode, table) == gold.Type);
                var verb = ruleEvent?.Verb ?? EventFeatures.MainPredicate(document, sentence);
                if (verb < 0)
                {
                    continue;
                }

                var other = ruleEvent is null ? TokenSpan.None : role == PhraseRole.Target ? ruleEvent.Source : ruleEvent.Target;
                foreach (var candidate in ActorCandidates.For(document, sentence, verb, gold.Type, other, coder, article.Article.Published?.Date, role))
                {
                    var from = document.Tokens[candidate.Span.Start].Start;
                    var to = document.Tokens[candidate.Span.End - 1].End;
                    yield return (candidate.Features, from < end && start < to);
                }
            }
        }
    }

    /// <summary>The features of a whole gold article: every sentence's, one after another.</summary>
    private static ulong[] Features(ParsedArticle article, VerbDictionary verbs)
    {
        var features = new List<ulong>();
        foreach (var (document, rules, _) in article.Pieces)
        {
            foreach (var sentence in document.Sentences.Where(s => s.Length > 0))
            {
                var events = rules.Events.Where(e => e.Verb >= sentence.TokenStart && e.Verb < sentence.TokenEnd).ToList();
                features.AddRange(EventFeatures.Of(document, sentence, events, CameoTable.Default, verbs));
            }
        }

        return [.. features];
    }

    /// <summary>The fold (0 to <paramref name="folds"/> less one) of a text: fixed by the text and the seed, so a sentence in two gold files is in one fold.</summary>
    public static int FoldOf(string text, int folds, int seed) =>
        (int)(FeatureHash.Of(seed, FeatureHash.OfText(text)) % (ulong)folds);

    /// <summary>The events <paramref name="model"/> (or the rules alone, when null) give each article of <paramref name="set"/> whose id <paramref name="include"/> accepts.</summary>
    public static Dictionary<string, IReadOnlyList<ScoredEvent>> Predict(ParsedGoldSet set, EventModel? model, EventCoder coder, Func<EventGold, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(coder);
        var result = new Dictionary<string, IReadOnlyList<ScoredEvent>>(StringComparer.Ordinal);
        foreach (var g in set.Gold)
        {
            if ((include is null || include(g)) && set.Parsed.TryGetValue(g.Id, out var article))
            {
                result[g.Id] = [.. Predict(article, model, coder)];
            }
        }

        return result;
    }

    private static IEnumerable<ScoredEvent> Predict(ParsedArticle article, EventModel? model, EventCoder coder)
    {
        var table = CameoTable.Default;
        foreach (var (document, rules, offset) in article.Pieces)
        {
            var coded = model is null ? rules : model.Apply(document, rules, coder, article.Article.Published?.Date);
            foreach (var e in coded.Events)
            {
                yield return new ScoredEvent(
                    EventTypes.Of(e.EventCode, table),
                    new CameoCode(e.EventCode).PentaClass,
                    Range(document, e.Source, offset),
                    Range(document, e.Target, offset));
            }
        }
    }

    private static TextRange? Range(Document document, TokenSpan span, int offset) =>
        span.Length <= 0 ? null : new TextRange(document.Tokens[span.Start].Start + offset, document.Tokens[span.End - 1].End + offset);

    /// <summary>
    /// K-fold cross-validation of the learned layer over every set together: for each fold, a model trained on the
    /// other folds' sentences (deterministically for <paramref name="seed"/>) codes the fold's own.
    /// </summary>
    /// <returns>Per set, the events of every record (each coded by the model that did not see it).</returns>
    public static IReadOnlyList<Dictionary<string, IReadOnlyList<ScoredEvent>>> CrossValidate(IReadOnlyList<ParsedGoldSet> sets, EventCoder coder, int folds, int seed, EventModelOptions options) =>
        CrossValidate(sets, coder, folds, seed, options, out _);

    /// <summary>As <see cref="CrossValidate(IReadOnlyList{ParsedGoldSet}, EventCoder, int, int, EventModelOptions)"/>, also giving how the classifier alone did on each held-out sentence.</summary>
    /// <param name="sets">Parsed gold sets.</param>
    /// <param name="coder">The rules' coder.</param>
    /// <param name="folds">Number of folds.</param>
    /// <param name="seed">Seed of folds and training.</param>
    /// <param name="options">The model's thresholds.</param>
    /// <param name="classifier">The classifier's own figures on held-out sentences (type accuracy, QuadClass macro F1).</param>
    public static IReadOnlyList<Dictionary<string, IReadOnlyList<ScoredEvent>>> CrossValidate(IReadOnlyList<ParsedGoldSet> sets, EventCoder coder, int folds, int seed, EventModelOptions options, out ClassifierScores classifier)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(coder);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var examples = Examples(sets, coder);
        var predictions = sets.Select(_ => new Dictionary<string, IReadOnlyList<ScoredEvent>>(StringComparer.Ordinal)).ToList();
        int typed = 0, typeRight = 0;
        var confusion = new int[5, 5];
        for (var fold = 0; fold < folds; fold++)
        {
            var training = examples.Where(e => FoldOf(e.Text, folds, seed) != fold).Select(e => e.Example).ToList();
            var model = EventModel.Train(training, $"fold {fold + 1} of {folds}", seed, options);
            foreach (var (_, example) in examples.Where(e => FoldOf(e.Text, folds, seed) == fold))
            {
                var decision = model.Decide(example.Features);
                var predictedQuad = decision.None > decision.QuadProbability ? 0 : decision.QuadClass;
                if (example.Type is not null)
                {
                    typed++;
                    typeRight += decision.Type == example.Type ? 1 : 0;
                }

                if (example.QuadClass is >= 0 and <= 4)
                {
                    confusion[example.QuadClass.Value, predictedQuad]++;
                }
            }

            for (var s = 0; s < sets.Count; s++)
            {
                var f = fold;
                foreach (var (id, events) in Predict(sets[s], model, coder, g => FoldOf(g.Text, folds, seed) == f))
                {
                    predictions[s][id] = events;
                }
            }
        }

        classifier = new ClassifierScores(typed, typed == 0 ? 0 : (double)typeRight / typed, MacroF1(confusion, out _));
        return predictions;
    }

    private static double MacroF1(int[,] confusion, out double?[] f1)
    {
        f1 = new double?[5];
        for (var c = 0; c < 5; c++)
        {
            int tp = confusion[c, c], fp = 0, fn = 0;
            for (var o = 0; o < 5; o++)
            {
                fp += o == c ? 0 : confusion[o, c];
                fn += o == c ? 0 : confusion[c, o];
            }

            f1[c] = tp + fp + fn == 0 ? null : 2.0 * tp / ((2.0 * tp) + fp + fn);
        }

        var present = f1.Where(v => v is not null).Select(v => v!.Value).ToList();
        return present.Count == 0 ? 0 : present.Average();
    }

    /// <summary>Scores <paramref name="predicted"/> against <paramref name="set"/> (see <see cref="EventScores"/>).</summary>
    public static EventScores Score(ParsedGoldSet set, IReadOnlyDictionary<string, IReadOnlyList<ScoredEvent>> predicted)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(predicted);
        var typed = set.Gold.Where(g => g.Type is not null).ToList();
        int found = 0, produced = 0, right = 0, both = 0;
        var perType = new Dictionary<string, (int Gold, int Found, int Produced, int Right)>(StringComparer.Ordinal);
        foreach (var g in typed)
        {
            var events = predicted.GetValueOrDefault(g.Id) ?? [];
            var text = set.Parsed.TryGetValue(g.Id, out var article) ? article.Article.Text : g.Text;
            var matching = events.Where(e => e.Type == g.Type).ToList();
            produced += events.Count;
            right += matching.Count;
            found += matching.Count > 0 ? 1 : 0;
            both += matching.Exists(e => Overlaps(e.Source, text, g.SourceText) && Overlaps(e.Target, text, g.TargetText)) ? 1 : 0;
            var t = perType.GetValueOrDefault(g.Type!);
            perType[g.Type!] = (t.Gold + 1, t.Found + (matching.Count > 0 ? 1 : 0), t.Produced, t.Right);
            foreach (var e in events.Where(e => e.Type is not null))
            {
                var p = perType.GetValueOrDefault(e.Type!);
                perType[e.Type!] = (p.Gold, p.Found, p.Produced + 1, p.Right + (e.Type == g.Type ? 1 : 0));
            }
        }

        var quadGold = set.Gold.Where(g => g.QuadClass is not null).ToList();
        var confusion = new int[5, 5];
        foreach (var g in quadGold)
        {
            // The sentence's class: its first event's pentaclass, as the gold labels are (0 when none).
            var first = predicted.GetValueOrDefault(g.Id) is [var e, ..] ? e.PentaClass : 0;
            confusion[g.QuadClass!.Value, Math.Clamp(first, 0, 4)]++;
        }

        var macro = MacroF1(confusion, out var f1);
        return new EventScores(
            set.Name,
            set.Gold.Count,
            typed.Count,
            typed.Count == 0 ? null : (double)found / typed.Count,
            typed.Count == 0 ? null : produced == 0 ? 0 : (double)right / produced,
            typed.Count == 0 ? null : (double)both / typed.Count,
            produced,
            quadGold.Count,
            quadGold.Count == 0 ? null : macro,
            [.. f1],
            [.. Enumerable.Range(0, 5).Select(r => (IReadOnlyList<int>)[.. Enumerable.Range(0, 5).Select(c => confusion[r, c])])],
            [.. perType.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new TypeScore(
                p.Key,
                p.Value.Gold,
                p.Value.Gold == 0 ? null : (double)p.Value.Found / p.Value.Gold,
                p.Value.Produced,
                p.Value.Produced == 0 ? null : (double)p.Value.Right / p.Value.Produced))]);
    }

    /// <summary>True when <paramref name="range"/> overlaps the first place <paramref name="phrase"/> stands in <paramref name="text"/> (case ignored when it is not found as written).</summary>
    private static bool Overlaps(TextRange? range, string text, string? phrase)
    {
        if (range is not { } r || string.IsNullOrWhiteSpace(phrase))
        {
            return false;
        }

        var at = text.IndexOf(phrase, StringComparison.Ordinal);
        if (at < 0)
        {
            at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
        }

        return at >= 0 && r.Start < at + phrase.Length && at < r.End;
    }
}

/// <summary>The learned classifier's own figures in cross-validation, on each held-out gold sentence as a whole.</summary>
/// <param name="TypedSentences">Held-out sentences with a gold type.</param>
/// <param name="TypeAccuracy">Share of them whose best type is the gold type.</param>
/// <param name="QuadMacroF1">Macro F1 of its QuadClass (0 when "no event" wins) on sentences with a gold QuadClass, all sets together.</param>
public sealed record ClassifierScores(int TypedSentences, double TypeAccuracy, double QuadMacroF1);

/// <summary>How one event type fared.</summary>
/// <param name="Type">The type.</param>
/// <param name="Gold">Gold sentences of the type.</param>
/// <param name="Recall">Share of them with an event of the type; null when there are none.</param>
/// <param name="Produced">Events of the type produced on typed sentences.</param>
/// <param name="Precision">Share of those whose sentence is of the type; null when none were produced.</param>
public sealed record TypeScore(string Type, int Gold, double? Recall, int Produced, double? Precision);

/// <summary>
/// The figures ../shared/data/README.md defines, for one gold set. On sentences with a gold type: recall (an event of
/// the type was produced), precision (share of produced events of the gold type) and both actors (such an event's
/// source and target words overlap the gold phrases). On sentences with a gold QuadClass: the QuadClass of the first
/// event (0 when none) against it, as macro F1 over the classes that occur, with the confusion matrix.
/// </summary>
/// <param name="Name">The gold set.</param>
/// <param name="Records">Its records.</param>
/// <param name="TypedRecords">Records with a gold type.</param>
/// <param name="Recall">Type recall.</param>
/// <param name="Precision">Type precision.</param>
/// <param name="BothActors">Right type with both actors.</param>
/// <param name="Events">Events produced on typed records.</param>
/// <param name="QuadRecords">Records with a gold QuadClass.</param>
/// <param name="QuadMacroF1">Macro F1 of the first event's QuadClass.</param>
/// <param name="QuadF1">F1 of each class 0 to 4; null for a class that neither gold nor prediction has.</param>
/// <param name="Confusion">Rows gold 0-4, columns predicted 0-4.</param>
/// <param name="Types">Per type.</param>
public sealed record EventScores(
    string Name,
    int Records,
    int TypedRecords,
    double? Recall,
    double? Precision,
    double? BothActors,
    int Events,
    int QuadRecords,
    double? QuadMacroF1,
    IReadOnlyList<double?> QuadF1,
    IReadOnlyList<IReadOnlyList<int>> Confusion,
    IReadOnlyList<TypeScore> Types);
