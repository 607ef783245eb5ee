using System.Collections.Immutable;

namespace Dyad.Nlp.Conllu;

/// <summary>One syntactic word line of a CoNLL-U file.</summary>
/// <param name="Form">The word as written.</param>
/// <param name="Lemma">Lemma, or <c>_</c>.</param>
/// <param name="Upos">Universal part of speech.</param>
/// <param name="Xpos">Language-specific tag.</param>
/// <param name="Feats">Features, or <c>_</c>.</param>
/// <param name="Head">1-based head, 0 for the root, -1 when the file gives none (<c>_</c>).</param>
/// <param name="Relation">Dependency relation.</param>
/// <param name="SpaceAfter">False when MISC says <c>SpaceAfter=No</c>.</param>
public sealed record ConlluWord(string Form, string Lemma, string Upos, string Xpos, string Feats, int Head, string Relation, bool SpaceAfter);

/// <summary>A multiword token line such as <c>3-4 don't</c>.</summary>
/// <param name="First">0-based index of the first word it covers.</param>
/// <param name="Last">0-based index of the last word it covers (inclusive, as in the file).</param>
/// <param name="Form">The surface form.</param>
/// <param name="SpaceAfter">False when MISC says <c>SpaceAfter=No</c>.</param>
public sealed record ConlluMultiword(int First, int Last, string Form, bool SpaceAfter);

/// <summary>One sentence of a CoNLL-U file: its comments, words and multiword tokens.</summary>
/// <param name="Id">The <c># sent_id</c>, or a generated id.</param>
/// <param name="Text">The <c># text</c>, or the text rebuilt from the forms when the file has none.</param>
/// <param name="Words">Syntactic words in order (empty nodes such as <c>8.1</c> are left out).</param>
/// <param name="Multiwords">Multiword tokens in order.</param>
/// <param name="Line">1-based line of the sentence's first line in its file.</param>
public sealed record ConlluSentence(string Id, string Text, ImmutableArray<ConlluWord> Words, ImmutableArray<ConlluMultiword> Multiwords, int Line)
{
    /// <summary>True when a <c># newpar</c> or <c># newdoc</c> comment opens the sentence.</summary>
    public bool StartsParagraph { get; init; }
}
