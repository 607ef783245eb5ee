using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Coding;

/// <summary>The words a verb pattern matched and the actors it bound; undoable so the matcher can backtrack.</summary>
internal sealed class PatternMatch
{
    private const int NoToken = SentenceView.NoToken;

    private readonly List<Action> _undo = [];

    /// <summary>The tokens that matched the pattern's words, in matching order.</summary>
    public List<int> Words { get; } = [];

    /// <summary>How much of the pattern matched: 2 for each word or preposition, 1 for each actor slot.</summary>
    public int Score { get; private set; }

    /// <summary>The head of the source phrase the pattern bound, or <see cref="SentenceView.NoToken"/>.</summary>
    public int Source { get; private set; } = NoToken;

    /// <summary>The head of the target phrase the pattern bound, or <see cref="SentenceView.NoToken"/>.</summary>
    public int Target { get; private set; } = NoToken;

    /// <summary>The preposition of the pattern's prepositional phrase, or <see cref="SentenceView.NoToken"/>.</summary>
    public int Preposition { get; private set; } = NoToken;

    /// <summary>Records a matched word.</summary>
    public void AddWord(int token)
    {
        Words.Add(token);
        Score += 2;
        _undo.Add(() =>
        {
            Words.RemoveAt(Words.Count - 1);
            Score -= 2;
        });
    }

    /// <summary>Records the matched preposition.</summary>
    public void AddPreposition(int token)
    {
        var previous = Preposition;
        Preposition = token;
        Score += 2;
        _undo.Add(() =>
        {
            Preposition = previous;
            Score -= 2;
        });
    }

    /// <summary>Binds an actor slot (source, target, or a skipped noun) to <paramref name="token"/>.</summary>
    public void Bind(PatternElementKind kind, int token)
    {
        var (source, target) = (Source, Target);
        if (kind == PatternElementKind.Source)
        {
            Source = token;
        }
        else if (kind == PatternElementKind.Target)
        {
            Target = token;
        }

        Score += 1;
        _undo.Add(() =>
        {
            (Source, Target) = (source, target);
            Score -= 1;
        });
    }

    /// <summary>Applies <paramref name="apply"/>, then runs <paramref name="next"/>; undoes the change when it fails.</summary>
    public bool Try(Action apply, Func<bool> next)
    {
        var mark = _undo.Count;
        apply();
        if (next())
        {
            return true;
        }

        for (var i = _undo.Count - 1; i >= mark; i--)
        {
            _undo[i]();
            _undo.RemoveAt(i);
        }

        return false;
    }
}
