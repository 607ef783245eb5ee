using System.Collections.Immutable;
using System.Globalization;
using Dyad.Coding.Codes;
using Dyad.Coding.Coding;
using Dyad.Coding.Dictionaries;
using Dyad.Models;

namespace Dyad.Coding.Learned;

/// <summary>One sentence to learn from: its features, and the labels the gold data gives it (either may be missing).</summary>
/// <param name="Features">The sentence's features (<see cref="EventFeatures"/>).</param>
/// <param name="Type">The event type (<see cref="EventTypes"/>), or null when the data gives none.</param>
/// <param name="QuadClass">0 for no event, else the QuadClass 1 to 4 of the sentence's event; null when unknown.</param>
/// <param name="Actors">The actor ranker's examples from this sentence: each candidate phrase for the target (and, keyed apart, for the source), and whether it is the gold one.</param>
public sealed record EventExample(ulong[] Features, string? Type, int? QuadClass, IReadOnlyList<(ulong[] Features, bool IsGold)>? Actors = null);

/// <summary>When the event model overrules the rules; each a probability from the model.</summary>
public sealed record EventModelOptions
{
    /// <summary>The defaults, chosen by 5-fold cross-validation on the real-news dev sets (see docs/events.md).</summary>
    public static EventModelOptions Default { get; } = new();

    /// <summary>The rules' events of a sentence are dropped when "no event" is the model's best answer with at least this probability.</summary>
    public double Veto { get; init; } = 0.5;

    /// <summary>A rule's event of another type than the model's best is kept when the model gives its type at least this probability.</summary>
    public double Keep { get; init; } = 0.1;

    /// <summary>When no rule event has the model's best type, the main rule event is re-typed if the model gives that type at least this much more probability than the rule's own type.</summary>
    public double Retype { get; init; } = 0.3;

    /// <summary>When the rules found no event, one of the model's best type is added (actors found as the rules find them) at this probability.</summary>
    public double Add { get; init; } = 0.15;

    /// <summary>True to let the actor ranker fill and replace sources as it does targets.</summary>
    public bool RankSources { get; init; } = true;

    /// <summary>True to keep a rule event of the chosen QuadClass rather than re-type it to the chosen type's general code.</summary>
    public bool KeepSameClass { get; init; } = true;

    /// <summary>An event with no target (or source) takes the actor ranker's best noun phrase when the ranker gives it at least this probability.</summary>
    public double Target { get; init; } = 0.2;

    /// <summary>An event's target (or source) is replaced by the ranker's best phrase when the ranker prefers it by at least this much (above 1: never).</summary>
    public double Retarget { get; init; } = 0.3;
}

/// <summary>What the model says of one sentence.</summary>
/// <param name="None">Probability that the sentence reports no event.</param>
/// <param name="QuadClass">The most probable QuadClass of an event (1 to 4), by the summed probability of its types.</param>
/// <param name="QuadProbability">That summed probability.</param>
/// <param name="Type">The most probable event type of that QuadClass.</param>
/// <param name="Probability">Its probability.</param>
/// <param name="Types">Every type's probability, by <see cref="EventModel.Types"/> order.</param>
public sealed record EventDecision(double None, int QuadClass, double QuadProbability, string Type, double Probability, ImmutableArray<double> Types);

/// <summary>
/// The learned layer over the rules: one linear classifier over a sentence's words, parse and the rules' proposals
/// (<see cref="EventFeatures"/>) whose classes are "no event" and the event types. It learns from sentences labelled
/// with a type and from sentences labelled only with a QuadClass (a partial label: some type of that class). The
/// QuadClass with the most probability decides whether there is an event and of which class, then the best type of
/// that class. The layer then vetoes the rules' events of a sentence that reports none, keeps those of the chosen type,
/// re-types the main one when none has it, and adds an event where the rules found none. Every event it touches says
/// so in its rule (<c>model events.v1 ...</c>).
/// </summary>
/// <remarks>Immutable and safe to share between threads.</remarks>
public sealed class EventModel
{
    /// <summary>The model's file name in a model directory.</summary>
    public const string FileName = "events.model";

    /// <summary>The versioned name that events and notes cite.</summary>
    public const string Name = "events.v1";

    private const string Kind = "events";
    private const int Version = 1;
    private readonly SoftmaxModel _classifier;
    private readonly SoftmaxModel? _actors;
    private readonly int[] _quadOfType;

    private EventModel(SoftmaxModel classifier, SoftmaxModel? actors, ImmutableArray<string> types, int[] quadOfType, string trainedOn, EventModelOptions options)
    {
        _classifier = classifier;
        _actors = actors;
        Types = types;
        _quadOfType = quadOfType;
        TrainedOn = trainedOn;
        Options = options;
    }

    /// <summary>The event types the model knows, in its order.</summary>
    public ImmutableArray<string> Types { get; }

    /// <summary>What the model was trained on, in words (files and sentence counts).</summary>
    public string TrainedOn { get; }

    /// <summary>When the model overrules the rules.</summary>
    public EventModelOptions Options { get; }

    /// <summary>Where events it makes cite it: the file name.</summary>
    public SourceLine Source { get; init; } = new(FileName, 0);

    /// <summary>The same model with other thresholds.</summary>
    /// <param name="options">The thresholds.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public EventModel WithOptions(EventModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new EventModel(_classifier, _actors, Types, _quadOfType, TrainedOn, options) { Source = Source };
    }

    /// <summary>Trains the classifier on <paramref name="examples"/>, deterministically for <paramref name="seed"/>.</summary>
    /// <param name="examples">Sentences with a type, a QuadClass or both.</param>
    /// <param name="trainedOn">What the examples are, for the model's record.</param>
    /// <param name="seed">Seed of the example order.</param>
    /// <param name="options">Thresholds; <see cref="EventModelOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="examples"/> or <paramref name="trainedOn"/> is null.</exception>
    /// <exception cref="ArgumentException">The examples give fewer than two types or more than 63.</exception>
    public static EventModel Train(IReadOnlyList<EventExample> examples, string trainedOn, int seed = 1, EventModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(trainedOn);
        var types = examples.Where(e => e.Type is not null).Select(e => e.Type!).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        if (types.Length is < 2 or > 63)
        {
            throw new ArgumentException($"Expected sentences of 2 to 63 event types, not {types.Length}.", nameof(examples));
        }

        // The QuadClass each type counts as in the data (PROTEST is material conflict there, REQUEST verbal conflict).
        var quadOfType = types.Select(t => examples.Where(e => e.Type == t && e.QuadClass is > 0).GroupBy(e => e.QuadClass!.Value)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefault(1)).ToArray();

        // Class 0 is "no event", class t + 1 is type t. A sentence known only by its QuadClass is spread over that
        // class's types as often as each occurs in the typed sentences.
        var classes = types.Length + 1;
        var frequency = types.Select(t => examples.Count(e => e.Type == t)).ToArray();
        var training = new List<SoftmaxExample>();
        foreach (var e in examples)
        {
            if (e.Type is not null)
            {
                training.Add(SoftmaxExample.Of(e.Features, types.IndexOf(e.Type) + 1, classes));
            }
            else if (e.QuadClass == 0)
            {
                training.Add(SoftmaxExample.Of(e.Features, 0, classes));
            }
            else if (e.QuadClass is >= 1 and <= 4 && Enumerable.Range(0, types.Length).Where(t => quadOfType[t] == e.QuadClass).Sum(t => frequency[t]) is var total and > 0)
            {
                var target = new double[classes];
                for (var t = 0; t < types.Length; t++)
                {
                    target[t + 1] = quadOfType[t] == e.QuadClass ? (double)frequency[t] / total : 0;
                }

                training.Add(new SoftmaxExample(e.Features, target));
            }
        }

        var softmax = SoftmaxOptions.Default with { Seed = seed };

        var classifier = SoftmaxModel.Train(training, types.Length + 1, softmax);
        var actorExamples = examples.SelectMany(e => e.Actors ?? []).Select(t => SoftmaxExample.Of(t.Features, t.IsGold ? 1 : 0, 2)).ToList();
        var actors = actorExamples.Select(t => t.Target[1]).Distinct().Count() == 2 ? SoftmaxModel.Train(actorExamples, 2, softmax) : null;
        return new EventModel(classifier, actors, types, quadOfType, trainedOn, options ?? EventModelOptions.Default);
    }

    /// <summary>What the model says of a sentence with <paramref name="features"/>.</summary>
    /// <param name="features">The sentence's features.</param>
    public EventDecision Decide(ReadOnlySpan<ulong> features)
    {
        var p = new double[Types.Length + 1];
        _classifier.Predict(features, p);
        Span<double> mass = stackalloc double[5];
        for (var t = 0; t < Types.Length; t++)
        {
            mass[_quadOfType[t]] += p[t + 1];
        }

        var quad = 1;
        for (var q = 2; q <= 4; q++)
        {
            quad = mass[q] > mass[quad] ? q : quad;
        }

        var best = -1;
        for (var t = 0; t < Types.Length; t++)
        {
            if (_quadOfType[t] == quad && (best < 0 || p[t + 1] > p[best + 1]))
            {
                best = t;
            }
        }

        best = Math.Max(best, 0);
        return new EventDecision(p[0], quad, mass[quad], Types[best], p[best + 1], [.. p.AsSpan(1)]);
    }

    /// <summary>The probability <paramref name="decision"/> gives <paramref name="type"/>; 0 for a type the model does not know.</summary>
    public double ProbabilityOf(EventDecision decision, string? type)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var index = type is null ? -1 : Types.IndexOf(type);
        return index < 0 ? 0 : decision.Types[index];
    }

    /// <summary>
    /// The rules' events of <paramref name="document"/> as the model amends them, sentence by sentence; notes say what
    /// it vetoed and re-typed.
    /// </summary>
    /// <param name="document">The parsed document the rules coded.</param>
    /// <param name="rules">What the rules coded.</param>
    /// <param name="coder">The coder, to find actors for an added event.</param>
    /// <param name="date">The story's date, for dated actor roles.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CodingResult Apply(Document document, CodingResult rules, EventCoder coder, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(coder);
        var table = CameoTable.Default;
        var events = ImmutableArray.CreateBuilder<CodedEvent>();
        var notes = rules.Notes.ToBuilder();
        var next = 0;
        foreach (var sentence in document.Sentences)
        {
            var inSentence = new List<CodedEvent>();
            while (next < rules.Events.Length && rules.Events[next].Verb < sentence.TokenEnd)
            {
                inSentence.Add(rules.Events[next++]);
            }

            if (sentence.Length > 0)
            {
                events.AddRange(Amend(document, sentence, inSentence, coder, date, table, notes).Select(e => WithActor(document, sentence, WithActor(document, sentence, e, coder, date, table, PhraseRole.Source), coder, date, table, PhraseRole.Target)));
            }
        }

        // Events of tokens past the last sentence (none in practice) are kept as the rules made them.
        while (next < rules.Events.Length)
        {
            events.Add(rules.Events[next++]);
        }

        return new CodingResult(events.ToImmutable(), notes.ToImmutable());
    }

    private List<CodedEvent> Amend(Document document, Sentence sentence, List<CodedEvent> proposed, EventCoder coder, DateOnly? date, CameoTable table, ImmutableArray<CodingNote>.Builder notes)
    {
        var decision = Decide(EventFeatures.Of(document, sentence, proposed, table, coder.Dictionaries.Verbs));
        var anchor = sentence.TokenStart;
        if (decision.None >= Options.Veto && decision.None > decision.QuadProbability)
        {
            foreach (var e in proposed)
            {
                notes.Add(new CodingNote(e.Verb, Invariant($"{Name}: no event here (p {decision.None:0.00}); {e} dropped")));
            }

            return [];
        }

        var kept = proposed.Where(e => EventTypes.Of(e.EventCode, table) == decision.Type || ProbabilityOf(decision, EventTypes.Of(e.EventCode, table)) >= Options.Keep).ToList();
        foreach (var e in proposed.Except(kept))
        {
            notes.Add(new CodingNote(e.Verb, Invariant($"{Name}: {e} dropped: its type is unlikely here ({decision.Type} p {decision.Probability:0.00})")));
        }

        if (kept.Exists(e => EventTypes.Of(e.EventCode, table) == decision.Type) || EventTypes.DefaultCode(decision.Type) is not { } code)
        {
            return kept;
        }

        // A rule event of the QuadClass the model chose is a finer reading than the type's
        // general code ("captured Mosul" is 192, occupy territory, whether one calls it ASSAULT or COERCE): it stands.
        var sameClass = proposed.Where(e => QuadOf(EventTypes.Of(e.EventCode, table)) == decision.QuadClass).ToList();
        if (Options.KeepSameClass && sameClass.Count > 0)
        {
            return [.. kept.Union(sameClass).OrderBy(e => e.Verb)];
        }

        var label = Invariant($"model {Name} {decision.Type} {decision.Probability:0.00}");
        if (proposed.Count > 0 && decision.Probability - ProbabilityOf(decision, EventTypes.Of(proposed[0].EventCode, table)) >= Options.Retype)
        {
            // The main proposal keeps its actors and takes the model's type; so do its mirror events (same verb).
            var main = proposed[0];
            var retyped = proposed.Where(e => e.Verb == main.Verb)
                .Select(e => e with { EventCode = code, Rule = label + " over (" + e.Rule + ")" })
                .ToList();
            notes.Add(new CodingNote(main.Verb, Invariant($"{Name}: {main} re-typed {decision.Type} ({code})")));
            return [.. kept.Where(e => e.Verb != main.Verb).Concat(retyped).OrderBy(e => e.Verb)];
        }

        if (proposed.Count == 0 && decision.Probability >= Options.Add
            && coder.Propose(document, sentence, code, Source, label, date) is { } added)
        {
            notes.Add(new CodingNote(anchor, Invariant($"{Name}: added {added}")));
            return [added];
        }

        return kept;
    }

    /// <summary>The QuadClass a type counts as in the model's data; -1 for a type it does not know.</summary>
    private int QuadOf(string? type) => type is not null && Types.IndexOf(type) is var i and >= 0 ? _quadOfType[i] : -1;

    /// <summary>The probability the target ranker gives each candidate of being the event's target.</summary>
    private double ActorProbability(ActorCandidate candidate)
    {
        Span<double> p = stackalloc double[2];
        _actors!.Predict(candidate.Features, p);
        return p[1];
    }

    /// <summary>
    /// The event with the ranker's phrase for <paramref name="role"/> where that side has none, or, past the margin,
    /// where the ranker prefers another phrase to the one it has.
    /// </summary>
    private CodedEvent WithActor(Document document, Sentence sentence, CodedEvent e, EventCoder coder, DateOnly? date, CameoTable table, PhraseRole role)
    {
        var (own, other) = role == PhraseRole.Source ? (e.Source, e.Target) : (e.Target, e.Source);
        if (_actors is null || (role == PhraseRole.Source && !Options.RankSources) || (own.Length > 0 && Options.Retarget > 1))
        {
            return e;
        }

        var candidates = ActorCandidates.For(document, sentence, e.Verb, EventTypes.Of(e.EventCode, table), other, coder, date, role);
        if (candidates.Count == 0)
        {
            return e;
        }

        var scored = candidates.Select(c => (Candidate: c, P: ActorProbability(c))).ToList();
        var best = scored.MaxBy(c => c.P);
        static bool Overlaps(TokenSpan a, TokenSpan b) => a.Start < b.End && b.Start < a.End;
        var current = own.Length == 0 ? 0 : scored.Where(c => Overlaps(c.Candidate.Span, own)).Select(c => c.P).DefaultIfEmpty(0).Max();
        var replace = own.Length == 0
            ? best.P >= Options.Target
            : best.P - current >= Options.Retarget && !Overlaps(best.Candidate.Span, own);
        if (!replace)
        {
            return e;
        }

        var rule = e.Rule + Invariant($" + {(role == PhraseRole.Source ? "source" : "target")} by {Name} {best.P:0.00}");
        return role == PhraseRole.Source
            ? e with { SourceCode = best.Candidate.Code, Source = best.Candidate.Span, Rule = rule }
            : e with { TargetCode = best.Candidate.Code, Target = best.Candidate.Span, Rule = rule };
    }

    /// <summary>Writes the model to <paramref name="path"/>.</summary>
    /// <param name="path">The file to write.</param>
    public void Save(string path) => ModelFile.Save(path, Kind, Version, writer =>
    {
        writer.Write(TrainedOn);
        writer.Write(Types.Length);
        for (var t = 0; t < Types.Length; t++)
        {
            writer.Write(Types[t]);
            writer.Write(_quadOfType[t]);
        }

        writer.Write(Options.Veto);
        writer.Write(Options.Keep);
        writer.Write(Options.Retype);
        writer.Write(Options.Add);
        writer.Write(Options.Target);
        writer.Write(Options.Retarget);
        writer.Write(Options.KeepSameClass);
        writer.Write(Options.RankSources);
        _classifier.Write(writer);
        writer.Write(_actors is not null);
        _actors?.Write(writer);
    });

    /// <summary>Reads a model <see cref="Save"/> wrote.</summary>
    /// <param name="path">The model file.</param>
    /// <exception cref="ModelException">The file is missing, of another kind or version, or damaged.</exception>
    public static EventModel Load(string path) => ModelFile.Load(path, Kind, Version, reader =>
    {
        var trainedOn = reader.ReadString();
        var count = reader.ReadInt32();
        if (count is < 2 or > 63)
        {
            throw new InvalidDataException($"an event model with {count} types");
        }

        var types = ImmutableArray.CreateBuilder<string>(count);
        var quadOfType = new int[count];
        for (var t = 0; t < count; t++)
        {
            types.Add(reader.ReadString());
            quadOfType[t] = Math.Clamp(reader.ReadInt32(), 0, 4);
        }

        var options = new EventModelOptions { Veto = reader.ReadDouble(), Keep = reader.ReadDouble(), Retype = reader.ReadDouble(), Add = reader.ReadDouble(), Target = reader.ReadDouble(), Retarget = reader.ReadDouble(), KeepSameClass = reader.ReadBoolean(), RankSources = reader.ReadBoolean() };
        var classifier = SoftmaxModel.Read(reader);
        var actors = reader.ReadBoolean() ? SoftmaxModel.Read(reader) : null;
        if (classifier.ClassCount != count + 1)
        {
            throw new InvalidDataException("the classifier does not match the types");
        }

        if (actors is { ClassCount: not 2 })
        {
            throw new InvalidDataException("the actor ranker is not a two-class model");
        }

        return new EventModel(classifier, actors, types.MoveToImmutable(), quadOfType, trainedOn, options) { Source = new SourceLine(Path.GetFileName(path), 0) };
    });

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
