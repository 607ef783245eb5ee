using System.Collections.Immutable;

namespace Dyad.Coding.Coding;

/// <summary>
/// One sentence of a parsed document as the coder reads it: each token's upper-cased word and lemma, tag, finiteness,
/// head, relation, children and depth, indexed from the sentence's first token, and lookups on words and subtrees.
/// Read-only once built, apart from a lazily built word set.
/// </summary>
internal sealed class SentenceView
{
    /// <summary>No token: the head of a root, or a search that found nothing.</summary>
    public const int NoToken = -1;

    private readonly string[] _word;
    private readonly string[] _lemma;
    private readonly string[] _upos;
    private readonly bool[] _finite;
    private readonly int[] _head;
    private readonly string[] _relation;
    private readonly List<int>[] _children;
    private readonly int[] _depth;
    private HashSet<string>? _words;

    /// <summary>Reads <paramref name="sentence"/> of <paramref name="document"/>, which must carry tags, lemmas and dependencies.</summary>
    public SentenceView(Document document, Sentence sentence)
    {
        Offset = sentence.TokenStart;
        Count = sentence.Length;
        _word = new string[Count];
        _lemma = new string[Count];
        _upos = new string[Count];
        _finite = new bool[Count];
        _head = new int[Count];
        _relation = new string[Count];
        _children = new List<int>[Count];
        _depth = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            var d = Offset + i;
            _word[i] = document.Form(d).ToUpperInvariant();
            _lemma[i] = (document.Lemmas[d] ?? string.Empty).ToUpperInvariant();
            _upos[i] = document.Tags[d].Upos ?? string.Empty;
            _finite[i] = document.Tags[d].Xpos is "VBD" or "VBZ" or "VBP" || (document.Tags[d].Feats ?? string.Empty).Contains("VerbForm=Fin", StringComparison.Ordinal);
            var head = document.Dependencies[d].Head;
            _head[i] = head >= 0 && head < Count && head != i ? head : NoToken;
            _relation[i] = (document.Dependencies[d].Relation ?? string.Empty).ToLowerInvariant();
            _children[i] = [];
        }

        for (var i = 0; i < Count; i++)
        {
            if (_head[i] != NoToken)
            {
                _children[_head[i]].Add(i);
            }

            var depth = 0;
            for (var h = _head[i]; h != NoToken && depth <= Count; h = _head[h])
            {
                depth++;
            }

            _depth[i] = depth;
        }
    }

    /// <summary>The document index of the sentence's first token: add it to a sentence index to get a document index.</summary>
    public int Offset { get; }

    /// <summary>The number of tokens in the sentence.</summary>
    public int Count { get; }

    /// <summary>The token's form, upper-cased.</summary>
    public string Word(int token) => _word[token];

    /// <summary>The token's lemma, upper-cased (empty when there is none).</summary>
    public string Lemma(int token) => _lemma[token];

    /// <summary>The token's universal part of speech (empty when there is none).</summary>
    public string Upos(int token) => _upos[token];

    /// <summary>True when the token is a finite verb form (past or present tense, or <c>VerbForm=Fin</c>).</summary>
    public bool IsFinite(int token) => _finite[token];

    /// <summary>The token's head (a sentence index), or <see cref="NoToken"/> for a root or a head outside the sentence.</summary>
    public int Head(int token) => _head[token];

    /// <summary>The token's dependency relation, lower-cased.</summary>
    public string Relation(int token) => _relation[token];

    /// <summary>The token's dependents in text order. Shared: do not change it.</summary>
    public List<int> Children(int token) => _children[token];

    /// <summary>The number of heads above the token (0 for a root).</summary>
    public int Depth(int token) => _depth[token];

    /// <summary>The word of the first <c>case</c> dependent of <paramref name="noun"/> ("IN", "BY"), or empty.</summary>
    public string CaseOf(int noun) => _children[noun].Where(c => _relation[c] == "case").Select(c => _word[c]).FirstOrDefault(string.Empty);

    /// <summary>True when <paramref name="clause"/> has a <c>mark</c> or <c>case</c> child that is one of <paramref name="words"/>.</summary>
    public bool HasMarker(int clause, params string[] words) =>
        _children[clause].Exists(m => _relation[m] is "mark" or "case" && words.Contains(_word[m], StringComparer.Ordinal));

    /// <summary>
    /// True when the token is <paramref name="word"/>: by form or lemma, "N'T" for "NOT", or the word with a plural
    /// "S" or "ES" added.
    /// </summary>
    public bool WordMatches(int token, string word)
    {
        var form = _word[token];
        if (form == word || _lemma[token] == word)
        {
            return true;
        }

        if (word == "NOT" && form == "N'T")
        {
            return true;
        }

        return form.Length == word.Length + 1 && form[^1] == 'S' && form.StartsWith(word, StringComparison.Ordinal)
            || (form.Length == word.Length + 2 && form.EndsWith("ES", StringComparison.Ordinal) && form.StartsWith(word, StringComparison.Ordinal));
    }

    /// <summary>
    /// True when the sentence has a token that <see cref="WordMatches"/> could match to each of <paramref name="words"/>:
    /// a cheap test that rules out most patterns before the matcher runs.
    /// </summary>
    public bool HasAllWords(ImmutableArray<string> words)
    {
        if (words.IsEmpty)
        {
            return true;
        }

        if (_words is null)
        {
            _words = new HashSet<string>(Count * 3, StringComparer.Ordinal);
            for (var i = 0; i < Count; i++)
            {
                var form = _word[i];
                _words.Add(form);
                _words.Add(_lemma[i]);
                if (form.EndsWith('S'))
                {
                    _words.Add(form[..^1]);
                    if (form.EndsWith("ES", StringComparison.Ordinal))
                    {
                        _words.Add(form[..^2]);
                    }
                }

                if (form == "N'T")
                {
                    _words.Add("NOT");
                }
            }
        }

        foreach (var word in words)
        {
            if (!_words.Contains(word))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when the tokens from <paramref name="start"/> spell <paramref name="words"/>; with <paramref name="lastOpen"/>,
    /// a last word of five letters or more also matches a longer token it begins ("NEGOTIAT" in "NEGOTIATORS").
    /// </summary>
    public bool PhraseAt(int start, ImmutableArray<string> words, bool lastOpen)
    {
        if (start + words.Length > Count)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            var form = _word[start + k];
            if (form == words[k])
            {
                continue;
            }

            var isLast = k == words.Length - 1;
            if (!(isLast && lastOpen && words[k].Length >= 5 && form.StartsWith(words[k], StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Marks the tokens of <paramref name="root"/>'s subtree, leaving out the root's own children whose relation <paramref name="leaveOut"/> names (and their subtrees).</summary>
    public bool[] SubtreeWithout(int root, Func<string, bool> leaveOut)
    {
        var inTree = new bool[Count];
        var stack = new Stack<int>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var t = stack.Pop();
            inTree[t] = true;
            foreach (var c in _children[t])
            {
                if (!(t == root && leaveOut(_relation[c])))
                {
                    stack.Push(c);
                }
            }
        }

        return inTree;
    }
}
