namespace Dyad;

/// <summary>
/// One syntactic word: a view over a range of the document's text. A contraction such as "don't" is two
/// tokens, "do" and "n't", whose ranges are adjacent parts of one surface word (a CoNLL-U multiword token).
/// </summary>
/// <param name="Range">Where the word stands in the text.</param>
/// <param name="SurfaceEnd">
/// End of the surface word this token belongs to. Equal to <c>Range.End</c> for an ordinary word; for the parts of a
/// multiword token every part carries the end of the whole surface word, so writers can rebuild the CoNLL-U range line.
/// </param>
public readonly record struct Token(TextRange Range, int SurfaceEnd)
{
    /// <summary>Creates an ordinary token that is its own surface word.</summary>
    public Token(int start, int end) : this(new TextRange(start, end), end) { }

    /// <summary>Offset of the first character.</summary>
    public int Start => Range.Start;

    /// <summary>Offset one past the last character.</summary>
    public int End => Range.End;

    /// <summary>True when this token is a part of a larger surface word (a multiword token).</summary>
    public bool IsPartOfWord => SurfaceEnd != Range.End;
}

/// <summary>A sentence: the half-open range <c>[TokenStart, TokenEnd)</c> of token indexes in its document.</summary>
public readonly record struct Sentence(int TokenStart, int TokenEnd)
{
    /// <summary>Number of tokens in the sentence.</summary>
    public int Length => TokenEnd - TokenStart;
}

/// <summary>Morphosyntactic tags of one token, in Universal Dependencies' terms.</summary>
/// <param name="Upos">Universal part of speech, such as <c>NOUN</c>.</param>
/// <param name="Xpos">Penn Treebank tag as used by UD English, such as <c>NNS</c>.</param>
/// <param name="Feats">UD features joined with <c>|</c>, or <c>_</c> when none.</param>
public readonly record struct MorphTag(string Upos, string Xpos, string Feats);

/// <summary>The syntactic head of one token.</summary>
/// <param name="Head">Index of the head token inside the same sentence (0-based), or -1 when the token is the root.</param>
/// <param name="Relation">UD relation with its subtype, such as <c>nsubj</c> or <c>obl:tmod</c>.</param>
public readonly record struct Dependency(int Head, string Relation)
{
    /// <summary>The relation of a sentence's root.</summary>
    public const string RootRelation = "root";
}
