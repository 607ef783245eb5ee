using System.Collections.Immutable;
using System.Globalization;
using Dyad.Models;
using Dyad.Nlp.Learning;
using Dyad.Nlp.Tagging;

namespace Dyad.Nlp.Parsing;

/// <summary>
/// Greedy transition-based labelled dependency parser: the arc-eager system (Nivre 2003) with an averaged perceptron
/// over Zhang and Nivre's (2011) rich non-local features, trained with the dynamic oracle and error exploration of
/// Goldberg and Nivre (2012). Every sentence comes out as one tree with a single root: the root takes one child, and
/// words left without a head at the end are attached under it.
/// </summary>
/// <remarks>Immutable after loading; <see cref="Process"/> is thread-safe (scratch state is per thread).</remarks>
public sealed partial class DependencyParser : IStage
{
    /// <summary>Kind written into the model file.</summary>
    public const string ModelKind = "parser";

    /// <summary>Model format version; bump it when features or transitions change.</summary>
    public const int ModelVersion = 3;

    /// <summary>Oldest model version still read: version 2 stored 32-bit weights, version 3 stores 16-bit ones.</summary>
    private const int OldestModelVersion = 2;

    /// <summary>Relation given to a word that ended the parse without a head and was attached under the root's child.</summary>
    public const string FallbackRelation = "dep";

    private const int Shift = 0;
    private const int Reduce = 1;

    [ThreadStatic]
    private static Scratch? _threadScratch;

    private readonly LinearModel _model;
    private readonly string[] _labels;
    private readonly int _rootLabel;
    private readonly int _fallbackLabel;
    private readonly int _beamWidth;

    private DependencyParser(LinearModel model, string[] labels, int beamWidth)
    {
        _model = model;
        _labels = labels;
        _beamWidth = Math.Max(1, beamWidth);
        _rootLabel = Array.IndexOf(labels, Dependency.RootRelation);
        _fallbackLabel = Array.IndexOf(labels, FallbackRelation);
        if (_rootLabel < 0)
        {
            throw new ModelException($"{ErrorCodes.ModelUnreadable}: the parser model has no '{Dependency.RootRelation}' relation.");
        }
    }

    /// <inheritdoc/>
    public string Name => "parser.v2";

    /// <summary>Relations the parser can assign.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Number of features with weights in the model.</summary>
    public int FeatureCount => _model.FeatureCount;

    /// <summary>Hypotheses kept at each step: 1 parses greedily; more search with a beam (slower, usually more accurate).</summary>
    public int BeamWidth => _beamWidth;

    /// <summary>A copy whose model keeps only weights of at least <paramref name="relativeMinimum"/> times the largest (see <see cref="LinearModel.Pruned"/>).</summary>
    public DependencyParser Pruned(float relativeMinimum) => new(_model.Pruned(relativeMinimum), _labels, _beamWidth);

    /// <summary>A copy of this parser that searches with <paramref name="beamWidth"/> hypotheses.</summary>
    public DependencyParser WithBeamWidth(int beamWidth) => new(_model, _labels, beamWidth);

    private static int LeftOf(int label) => 2 + (2 * label);

    private static int RightOf(int label) => 3 + (2 * label);

    private static bool IsLeft(int transition) => transition >= 2 && (transition & 1) == 0;

    private static int LabelOf(int transition) => (transition - 2) >> 1;

    /// <inheritdoc/>
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Tags.IsDefault)
        {
            throw new StageOrderException(Name, "tagger");
        }

        var dependencies = new Dependency[document.Tokens.Length];
        var heads = new int[64];
        var labels = new int[64];
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (heads.Length < sentence.Length)
            {
                heads = new int[sentence.Length * 2];
                labels = new int[sentence.Length * 2];
            }

            ParseSentence(document, sentence, heads, labels);
            for (var i = 0; i < sentence.Length; i++)
            {
                dependencies[sentence.TokenStart + i] = new Dependency(heads[i], _labels[labels[i]]);
            }
        }

        return document with { Dependencies = ImmutableArray.Create(dependencies) };
    }

    /// <summary>Parses one sentence; <paramref name="heads"/> get 0-based heads (-1 for the root) and <paramref name="labels"/> label indexes.</summary>
    internal void ParseSentence(Document document, Sentence sentence, Span<int> heads, Span<int> labels)
    {
        var scratch = _threadScratch ??= new Scratch();
        scratch.Load(document, sentence);
        var state = scratch.State;
        state.Reset(sentence.Length);
        if (_beamWidth > 1)
        {
            BeamParse(scratch, state);
        }
        else
        {
            Span<ulong> features = stackalloc ulong[ParserFeatures.MaxFeatures];
            Span<float> scores = stackalloc float[_model.ClassCount];
            while (!state.IsTerminal)
            {
                var n = ParserFeatures.Extract(state, scratch.WordHashes, scratch.TagHashes, features);
                _model.Score(features[..n], scores);
                Apply(state, BestValid(state, scores));
            }
        }

        Finish(state);
        for (var i = 1; i < state.Length; i++)
        {
            heads[i - 1] = state.Heads[i] - 1;
            labels[i - 1] = state.Labels[i];
        }
    }

    private int BestValid(ParseState state, ReadOnlySpan<float> scores)
    {
        var best = -1;
        var bestScore = float.NegativeInfinity;
        for (var t = 0; t < scores.Length; t++)
        {
            if ((best < 0 || scores[t] > bestScore) && IsValid(state, t))
            {
                best = t;
                bestScore = scores[t];
            }
        }

        return best;
    }

    private bool IsValid(ParseState state, int transition)
    {
        var s0 = state.S0;
        var hasBuffer = !state.BufferEmpty;
        switch (transition)
        {
            case Shift:
                return hasBuffer;
            case Reduce:
                // Once the buffer is empty a headless word may be popped too; Finish attaches it.
                return s0 > 0 && (state.Heads[s0] != ParseState.None || !hasBuffer);
            default:
                var label = LabelOf(transition);
                if (!hasBuffer)
                {
                    return false;
                }

                if (IsLeft(transition))
                {
                    return s0 > 0 && state.Heads[s0] == ParseState.None && label != _rootLabel;
                }

                // A right arc from the root makes the sentence's root: allowed once, and only with the root relation.
                return s0 == 0 ? state.RootChildren == 0 && label == _rootLabel : s0 > 0 && label != _rootLabel;
        }
    }

    private static void Apply(ParseState state, int transition)
    {
        switch (transition)
        {
            case Shift:
                state.Stack[state.StackSize++] = state.Buffer++;
                break;
            case Reduce:
                state.StackSize--;
                break;
            default:
                var label = LabelOf(transition);
                if (IsLeft(transition))
                {
                    state.AddArc(state.Buffer, state.S0, label);
                    state.StackSize--;
                }
                else
                {
                    state.AddArc(state.S0, state.Buffer, label);
                    state.Stack[state.StackSize++] = state.Buffer++;
                }

                break;
        }
    }

    /// <summary>
    /// Makes the result a tree: if the root got no child, the first headless word becomes the root; every other
    /// headless word is attached to the root's child with <see cref="FallbackRelation"/>.
    /// </summary>
    private void Finish(ParseState state)
    {
        var root = ParseState.None;
        for (var i = 1; i < state.Length; i++)
        {
            if (state.Heads[i] == 0)
            {
                root = i;
                break;
            }
        }

        for (var i = 1; i < state.Length; i++)
        {
            if (state.Heads[i] != ParseState.None)
            {
                continue;
            }

            if (root == ParseState.None)
            {
                root = i;
                state.AddArc(0, i, _rootLabel);
            }
            else
            {
                state.AddArc(root, i, _fallbackLabel >= 0 ? _fallbackLabel : 0);
            }
        }
    }

    /// <summary>Per-thread buffers: the sentence's word and tag hashes (index 0 is the root) and a parse state.</summary>
    private sealed class Scratch
    {
        public ulong[] WordHashes = new ulong[64];
        public ulong[] TagHashes = new ulong[64];
        public ParseState State { get; } = new();

        public Beam? Beam { get; set; }

        public void Load(Document document, Sentence sentence)
        {
            if (WordHashes.Length < sentence.Length + 1)
            {
                WordHashes = new ulong[(sentence.Length + 1) * 2];
                TagHashes = new ulong[(sentence.Length + 1) * 2];
            }

            WordHashes[0] = ParserFeatures.RootWord;
            TagHashes[0] = ParserFeatures.RootTag;
            for (var i = 0; i < sentence.Length; i++)
            {
                var token = sentence.TokenStart + i;
                WordHashes[i + 1] = WordShape.NormalHash(document.FormSpan(token));
                TagHashes[i + 1] = ParserFeatures.TagHash(document.Tags[token]);
            }
        }
    }

    /// <summary>Saves the parser to <paramref name="path"/>.</summary>
    public void Save(string path) => ModelFile.Save(path, ModelKind, ModelVersion, writer =>
    {
        writer.Write(_beamWidth);
        writer.Write(_labels.Length);
        foreach (var label in _labels)
        {
            writer.Write(label);
        }

        _model.Write(writer, halfPrecision: true);
    });

    /// <summary>Loads a parser saved by <see cref="Save"/>.</summary>
    /// <exception cref="ModelException">The file is missing, of another version, or damaged.</exception>
    public static DependencyParser Load(string path) => ModelFile.Load(path, ModelKind, OldestModelVersion, ModelVersion, (reader, version) =>
    {
        var beamWidth = reader.ReadInt32();
        if (beamWidth is < 1 or > 256)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"beam width {beamWidth} is out of range"));
        }

        var labels = new string[reader.ReadInt32()];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = string.Intern(reader.ReadString());
        }

        var model = LinearModel.Read(reader, halfPrecision: version >= 3);
        if (model.ClassCount != 2 + (2 * labels.Length))
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{model.ClassCount} transitions do not fit {labels.Length} labels"));
        }

        return new DependencyParser(model, labels, beamWidth);
    });
}
