using System.Collections.Immutable;
using System.Globalization;
using Dyad.Nlp.Learning;
using Dyad.Nlp.Tagging;

namespace Dyad.Nlp.Parsing;

public sealed partial class DependencyParser
{
    /// <summary>From the second epoch on, follow the model's own wrong transition this often, so it learns to recover from its mistakes (Goldberg and Nivre 2012).</summary>
    private const double ExplorationProbability = 0.9;

    /// <summary>Epochs of each jack-knife tagger: enough for near-final accuracy, fewer than the real tagger to save time.</summary>
    private const int JackknifeTaggerEpochs = 6;

    /// <summary>
    /// Trains a parser on <paramref name="train"/>'s gold trees. With <paramref name="folds"/> above 1 the parser
    /// learns from tags predicted by taggers trained on the other folds (jack-knifing), so it sees tagging errors like
    /// those it meets at run time; with 0 or 1 it learns from gold tags. Deterministic for a given seed.
    /// </summary>
    /// <param name="train">A gold treebank (tokens, sentences, tags, dependencies).</param>
    /// <param name="options">Epochs and seed.</param>
    /// <param name="folds">Jack-knife folds; 0 or 1 for gold tags.</param>
    /// <param name="log">Progress, one line per epoch.</param>
    /// <param name="dev">Optional gold treebank to report attachment scores on.</param>
    /// <param name="devTagger">Tagger for <paramref name="dev"/>; null to use its gold tags.</param>
    /// <param name="afterEpoch">Called with the averaged model after every epoch (to save a checkpoint); may be null.</param>
    public static DependencyParser Train(Document train, TrainingOptions options, int folds, TextWriter log, Document? dev = null, PosTagger? devTagger = null, Action<DependencyParser, int>? afterEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        if (train.Dependencies.IsDefault || train.Tags.IsDefault || train.Sentences.Length == 0)
        {
            throw new InvalidDataException($"{ErrorCodes.NoTrainingData}: the parser's training data has no gold trees.");
        }

        var labels = train.Dependencies.Select(d => d.Relation).Append(Dependency.RootRelation).Append(FallbackRelation)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var tagged = folds > 1 ? train with { Tags = Jackknife(train, folds, options.Seed, log) } : train;
        if (dev is not null && devTagger is not null)
        {
            dev = devTagger.Process(dev with { Tags = default }, CancellationToken.None) with { Lemmas = dev.Lemmas };
        }

        var perceptron = new AveragedPerceptron(2 + (2 * labels.Length));
        var parser = new DependencyParser(perceptron.Compile(ClassNames(labels)).Pruned(options.Prune), labels, options.Beam);
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, tagged.Sentences.Length).ToArray();
        var scratch = new Scratch();
        var state = scratch.State;
        Span<ulong> features = stackalloc ulong[ParserFeatures.MaxFeatures];
        var scores = new float[perceptron.ClassCount];
        var costs = new int[perceptron.ClassCount];
        var goldHeads = new int[64];
        var goldLabels = new int[64];
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            long updates = 0, transitions = 0;
            foreach (var s in order)
            {
                var sentence = tagged.Sentences[s];
                if (goldHeads.Length < sentence.Length + 1)
                {
                    goldHeads = new int[(sentence.Length + 1) * 2];
                    goldLabels = new int[(sentence.Length + 1) * 2];
                }

                for (var i = 0; i < sentence.Length; i++)
                {
                    var gold = tagged.Dependencies[sentence.TokenStart + i];
                    goldHeads[i + 1] = gold.Head + 1;
                    goldLabels[i + 1] = labelIndex[gold.Relation];
                }

                scratch.Load(tagged, sentence);
                state.Reset(sentence.Length);
                if (options.Beam > 1)
                {
                    updates += parser.TrainGlobal(perceptron, scratch, options.Beam, goldHeads, goldLabels, costs);
                    transitions++;
                    continue;
                }

                while (!state.IsTerminal)
                {
                    var n = ParserFeatures.Extract(state, scratch.WordHashes, scratch.TagHashes, features);
                    perceptron.Score(features[..n], scores);
                    parser.Costs(state, goldHeads, goldLabels, costs);
                    var guess = -1;
                    var best = -1;
                    var minimum = int.MaxValue;
                    for (var t = 0; t < costs.Length; t++)
                    {
                        minimum = Math.Min(minimum, costs[t]);
                    }

                    for (var t = 0; t < costs.Length; t++)
                    {
                        if (costs[t] == int.MaxValue)
                        {
                            continue;
                        }

                        if (guess < 0 || scores[t] > scores[guess])
                        {
                            guess = t;
                        }

                        if (costs[t] == minimum && (best < 0 || scores[t] > scores[best]))
                        {
                            best = t;
                        }
                    }

                    perceptron.Tick();
                    transitions++;
                    var next = best;
                    if (costs[guess] != minimum)
                    {
                        perceptron.Update(features[..n], best, guess);
                        updates++;
                        if (epoch > 1 && random.NextDouble() < ExplorationProbability)
                        {
                            next = guess;
                        }
                    }
                    else
                    {
                        next = guess;
                    }

                    Apply(state, next);
                }
            }

            var unit = options.Beam > 1 ? "sentences" : "transitions";
            var line = string.Create(CultureInfo.InvariantCulture, $"parser epoch {epoch}: {100.0 * updates / Math.Max(1, transitions):F2}% of {transitions} {unit} updated");
            var snapshot = afterEpoch is null && (dev is null || !(options.EvaluateEveryEpoch || epoch == options.Epochs))
                ? null
                : new DependencyParser(perceptron.Compile(ClassNames(labels)).Pruned(options.Prune), labels, options.Beam);
            if (snapshot is not null && dev is not null && (options.EvaluateEveryEpoch || epoch == options.Epochs))
            {
                var score = snapshot.AttachmentScores(dev);
                line += string.Create(CultureInfo.InvariantCulture, $"; dev UAS {score.Uas:F2} LAS {score.Las:F2}");
            }

            log.WriteLine(line);
            if (snapshot is not null)
            {
                afterEpoch?.Invoke(snapshot, epoch);
            }
        }

        return new DependencyParser(perceptron.Compile(ClassNames(labels)).Pruned(options.Prune), labels, options.Beam);
    }

    /// <summary>
    /// One sentence of beam training with max-violation updates (Huang, Fayong and Guo 2012): the beam runs beside
    /// the oracle's sequence, and where the best hypothesis beats the gold prefix by the most, the weights move
    /// towards the gold prefix and away from that hypothesis. Returns 1 when it updated.
    /// </summary>
    private int TrainGlobal(AveragedPerceptron perceptron, Scratch scratch, int width, int[] goldHeads, int[] goldLabels, int[] costs)
    {
        var gold = OracleSequence(scratch.State, goldHeads, goldLabels, costs);
        var beam = scratch.Beam ??= new Beam();
        var start = new ParseState();
        start.Reset(scratch.State.Length - 1);
        beam.Start(start, width, perceptron.ClassCount);
        var goldState = new ParseState();
        goldState.Reset(start.Length - 1);
        var features = new ulong[ParserFeatures.MaxFeatures];
        var scores = new float[perceptron.ClassCount];
        var isGold = new bool[width];
        var nextIsGold = new bool[width];
        isGold[0] = true;
        var goldScore = 0.0;
        var worst = 0.0;
        var worstStep = -1;
        for (var step = 0; step < gold.Length; step++)
        {
            var n = ParserFeatures.Extract(goldState, scratch.WordHashes, scratch.TagHashes, features);
            perceptron.Score(features.AsSpan(0, n), scores);
            goldScore += scores[gold[step]];
            Apply(goldState, gold[step]);
            if (!beam.Advance(this, perceptron.Score, scratch.WordHashes, scratch.TagHashes))
            {
                break;
            }

            var last = beam.History[step];
            for (var k = 0; k < last.Length; k++)
            {
                nextIsGold[k] = isGold[last[k].Parent] && last[k].Transition == gold[step];
            }

            (isGold, nextIsGold) = (nextIsGold, isGold);
            var violation = beam.BestScore - goldScore;
            // A tie counts: with equal scores the beam ranks the gold sequence below another, which is an error too.
            if (!isGold[0] && (worstStep < 0 || violation > worst))
            {
                worst = violation;
                worstStep = step;
            }
        }

        perceptron.Tick();
        if (worstStep < 0)
        {
            return 0;
        }

        Replay(perceptron, scratch, gold.AsSpan(0, worstStep + 1), 1f, features);
        Replay(perceptron, scratch, beam.Sequence(0, worstStep + 1), -1f, features);
        return 1;
    }

    /// <summary>The oracle's transition sequence: at each step the cheapest transition, preferring arcs, then reduce, then shift.</summary>
    private int[] OracleSequence(ParseState state, int[] goldHeads, int[] goldLabels, int[] costs)
    {
        var sequence = new List<int>(2 * state.Length);
        var initial = new ParseState();
        initial.Reset(state.Length - 1);
        while (!initial.IsTerminal)
        {
            Costs(initial, goldHeads, goldLabels, costs);
            var best = -1;
            for (var t = costs.Length - 1; t >= 0; t--)
            {
                // Arcs (indexes 2 and up) come first in this scan order, then Reduce (1), then Shift (0).
                if (costs[t] != int.MaxValue && (best < 0 || costs[t] < costs[best]))
                {
                    best = t;
                }
            }

            sequence.Add(best);
            Apply(initial, best);
        }

        return [.. sequence];
    }

    private static void Replay(AveragedPerceptron perceptron, Scratch scratch, ReadOnlySpan<int> sequence, float delta, ulong[] features)
    {
        var state = new ParseState();
        state.Reset(scratch.State.Length - 1);
        foreach (var transition in sequence)
        {
            var n = ParserFeatures.Extract(state, scratch.WordHashes, scratch.TagHashes, features);
            perceptron.Update(features.AsSpan(0, n), transition, delta);
            Apply(state, transition);
        }
    }

    private static string[] ClassNames(string[] labels)
    {
        var names = new string[2 + (2 * labels.Length)];
        names[Shift] = "SHIFT";
        names[Reduce] = "REDUCE";
        for (var l = 0; l < labels.Length; l++)
        {
            names[LeftOf(l)] = "LEFT-" + labels[l];
            names[RightOf(l)] = "RIGHT-" + labels[l];
        }

        return names;
    }

    /// <summary>
    /// The dynamic oracle's costs for arc-eager (Goldberg and Nivre 2012): how many gold arcs that are still
    /// reachable each transition would make unreachable, plus one for a wrong label. Invalid transitions cost
    /// <see cref="int.MaxValue"/>. With non-projective gold trees no transition may be free; training then follows the cheapest.
    /// </summary>
    private void Costs(ParseState state, int[] goldHeads, int[] goldLabels, int[] costs)
    {
        var s0 = state.S0;
        var b0 = state.Buffer;
        var hasBuffer = !state.BufferEmpty;

        int shiftCost = 0, reduceCost = 0, leftBase = 0, rightBase = 0;
        if (hasBuffer)
        {
            // Shift: b0 can no longer take a head from the stack, nor give one to a headless stack word.
            for (var k = 0; k < state.StackSize; k++)
            {
                var w = state.Stack[k];
                shiftCost += goldHeads[b0] == w ? 1 : 0;
                shiftCost += w > 0 && state.Heads[w] == ParseState.None && goldHeads[w] == b0 ? 1 : 0;
            }

            // Right arc s0 → b0: b0's true head elsewhere (stack or buffer) is lost, and so are its headless dependents on the stack.
            var head = goldHeads[b0];
            if (head != s0 && (head > b0 || IsOnStack(state, head)))
            {
                rightBase++;
            }

            for (var k = 0; k < state.StackSize; k++)
            {
                var w = state.Stack[k];
                rightBase += w > 0 && state.Heads[w] == ParseState.None && goldHeads[w] == b0 ? 1 : 0;
            }
        }

        if (s0 > 0)
        {
            // Reduce, and left arc b0 → s0: s0's dependents still in the buffer are lost.
            for (var d = b0; d < state.Length; d++)
            {
                var lost = goldHeads[d] == s0 ? 1 : 0;
                reduceCost += lost;
                leftBase += lost;
            }

            // Left arc: s0's true head in the buffer, other than b0, is lost.
            if (goldHeads[s0] != b0 && goldHeads[s0] >= b0)
            {
                leftBase++;
            }
        }

        for (var t = 0; t < costs.Length; t++)
        {
            if (!IsValid(state, t))
            {
                costs[t] = int.MaxValue;
                continue;
            }

            costs[t] = t switch
            {
                Shift => shiftCost,
                Reduce => reduceCost,
                _ when IsLeft(t) => leftBase + (goldHeads[s0] == b0 && goldLabels[s0] != LabelOf(t) ? 1 : 0),
                _ => rightBase + (goldHeads[b0] == s0 && goldLabels[b0] != LabelOf(t) ? 1 : 0),
            };
        }
    }

    private static bool IsOnStack(ParseState state, int word)
    {
        for (var k = 0; k < state.StackSize; k++)
        {
            if (state.Stack[k] == word)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Tags each fold of <paramref name="train"/> with a tagger trained on the other folds.</summary>
    private static ImmutableArray<MorphTag> Jackknife(Document train, int folds, int seed, TextWriter log)
    {
        var tags = train.Tags.ToArray();
        for (var fold = 0; fold < folds; fold++)
        {
            var held = ImmutableArray.CreateBuilder<Sentence>();
            var rest = ImmutableArray.CreateBuilder<Sentence>();
            for (var s = 0; s < train.Sentences.Length; s++)
            {
                (s % folds == fold ? held : rest).Add(train.Sentences[s]);
            }

            var tagger = PosTagger.Train([train with { Sentences = rest.ToImmutable() }], new TrainingOptions { Epochs = JackknifeTaggerEpochs, Seed = seed + fold, TwoPassTagger = false }, TextWriter.Null);
            var predicted = tagger.Process(train with { Sentences = held.ToImmutable(), Tags = default }, CancellationToken.None).Tags;
            foreach (var sentence in held)
            {
                for (var i = sentence.TokenStart; i < sentence.TokenEnd; i++)
                {
                    tags[i] = predicted[i];
                }
            }

            var correct = held.Sum(s => Enumerable.Range(s.TokenStart, s.Length).Count(i => tags[i].Xpos == train.Tags[i].Xpos && tags[i].Upos == train.Tags[i].Upos));
            var total = held.Sum(s => s.Length);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"jack-knife fold {fold + 1}/{folds}: tag accuracy {100.0 * correct / total:F2}"));
        }

        return ImmutableArray.Create(tags);
    }

    /// <summary>Unlabelled and labelled attachment scores (percent, punctuation included, as in CoNLL 2018) of parsing <paramref name="gold"/>'s sentences with its own tags.</summary>
    public (double Uas, double Las) AttachmentScores(Document gold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        var parsed = Process(gold with { Dependencies = default }, CancellationToken.None);
        var unlabelled = 0;
        var labelled = 0;
        for (var i = 0; i < gold.Tokens.Length; i++)
        {
            if (parsed.Dependencies[i].Head == gold.Dependencies[i].Head)
            {
                unlabelled++;
                labelled += UniversalRelation(parsed.Dependencies[i].Relation) == UniversalRelation(gold.Dependencies[i].Relation) ? 1 : 0;
            }
        }

        var total = Math.Max(1, gold.Tokens.Length);
        return (100.0 * unlabelled / total, 100.0 * labelled / total);
    }

    /// <summary>The relation without its subtype ("obl:tmod" → "obl"), as CoNLL 2018's LAS compares them.</summary>
    public static string UniversalRelation(string relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        var colon = relation.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? relation : relation[..colon];
    }
}
