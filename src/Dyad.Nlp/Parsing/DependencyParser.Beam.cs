namespace Dyad.Nlp.Parsing;

public sealed partial class DependencyParser
{
    /// <summary>Scores every transition for the features of one configuration.</summary>
    private delegate void Scorer(ReadOnlySpan<ulong> features, Span<float> scores);

    /// <summary>
    /// Beam search over transition sequences (Zhang and Clark 2008; Zhang and Nivre 2011): keeps the
    /// <c>width</c> best partial parses by total score at every step. Every sequence is 2n steps long (see
    /// <see cref="ParseState.IsTerminal"/>), so hypotheses are always compared at equal length.
    /// </summary>
    private sealed class Beam
    {
        private ParseState[] _current = [];
        private ParseState[] _next = [];
        private double[] _scores = [];
        private double[] _nextScores = [];
        private readonly List<(int Parent, int Transition)[]> _history = [];
        private (double Score, int Item, int Transition)[] _candidates = [];
        private float[] _transitionScores = [];
        private readonly ulong[] _features = new ulong[ParserFeatures.MaxFeatures];

        public int Size { get; private set; }

        /// <summary>Steps taken; <see cref="History"/> has one entry per step.</summary>
        public int Steps => _history.Count;

        public ParseState Best => _current[0];

        public double BestScore => _scores[0];

        public List<(int Parent, int Transition)[]> History => _history;

        public void Start(ParseState initial, int width, int classes)
        {
            if (_current.Length != width)
            {
                _current = [.. Enumerable.Range(0, width).Select(_ => new ParseState())];
                _next = [.. Enumerable.Range(0, width).Select(_ => new ParseState())];
                _scores = new double[width];
                _nextScores = new double[width];
                _candidates = new (double, int, int)[width];
            }

            if (_transitionScores.Length != classes)
            {
                _transitionScores = new float[classes];
            }

            _history.Clear();
            _current[0].CopyFrom(initial);
            _scores[0] = 0;
            Size = 1;
        }

        /// <summary>Expands every hypothesis by every valid transition and keeps the best; false when all are terminal.</summary>
        public bool Advance(DependencyParser parser, Scorer score, ulong[] words, ulong[] tags)
        {
            var width = _current.Length;
            var kept = 0;
            for (var item = 0; item < Size; item++)
            {
                var state = _current[item];
                if (state.IsTerminal)
                {
                    continue;
                }

                var n = ParserFeatures.Extract(state, words, tags, _features);
                score(_features.AsSpan(0, n), _transitionScores);
                for (var t = 0; t < _transitionScores.Length; t++)
                {
                    if (!parser.IsValid(state, t))
                    {
                        continue;
                    }

                    var total = _scores[item] + _transitionScores[t];
                    if (kept < width)
                    {
                        _candidates[kept++] = (total, item, t);
                        Rise(kept - 1);
                    }
                    else if (total > _candidates[width - 1].Score)
                    {
                        _candidates[width - 1] = (total, item, t);
                        Rise(width - 1);
                    }
                }
            }

            if (kept == 0)
            {
                return false;
            }

            var step = new (int, int)[kept];
            for (var k = 0; k < kept; k++)
            {
                var (total, item, transition) = _candidates[k];
                _next[k].CopyFrom(_current[item]);
                Apply(_next[k], transition);
                _nextScores[k] = total;
                step[k] = (item, transition);
            }

            (_current, _next) = (_next, _current);
            (_scores, _nextScores) = (_nextScores, _scores);
            Size = kept;
            _history.Add(step);
            return true;
        }

        /// <summary>Keeps candidates sorted best first; ties keep the earlier candidate first, so results are deterministic.</summary>
        private void Rise(int at)
        {
            while (at > 0 && _candidates[at].Score > _candidates[at - 1].Score)
            {
                (_candidates[at], _candidates[at - 1]) = (_candidates[at - 1], _candidates[at]);
                at--;
            }
        }

        /// <summary>The transitions that led to hypothesis <paramref name="item"/> after <paramref name="steps"/> steps, first to last.</summary>
        public int[] Sequence(int item, int steps)
        {
            var sequence = new int[steps];
            for (var s = steps - 1; s >= 0; s--)
            {
                var (parent, transition) = _history[s][item];
                sequence[s] = transition;
                item = parent;
            }

            return sequence;
        }
    }

    /// <summary>Parses with the beam, leaving the best final configuration in <paramref name="state"/>.</summary>
    private void BeamParse(Scratch scratch, ParseState state)
    {
        var beam = scratch.Beam ??= new Beam();
        beam.Start(state, _beamWidth, _model.ClassCount);
        while (beam.Advance(this, _model.Score, scratch.WordHashes, scratch.TagHashes))
        {
        }

        state.CopyFrom(beam.Best);
    }
}
