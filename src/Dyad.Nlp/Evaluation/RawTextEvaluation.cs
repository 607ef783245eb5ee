using System.Collections.Immutable;
using Dyad.Nlp.Conllu;
using Dyad.Nlp.Parsing;

namespace Dyad.Nlp.Evaluation;

/// <summary>
/// A gold CoNLL-U treebank laid out as the raw text a system must segment itself, as in the CoNLL 2018 shared task:
/// paragraphs (<c># newpar</c>, <c># newdoc</c>) separated by a blank line, sentences within a paragraph by one space,
/// so that line breaks give away no sentence boundary inside a paragraph.
/// </summary>
/// <param name="Sentences">The gold sentences in file order.</param>
/// <param name="Text">The raw text: each sentence's <c># text</c> (or its forms rebuilt when the two disagree).</param>
public sealed record RawTextCorpus(IReadOnlyList<ConlluSentence> Sentences, string Text)
{
    /// <summary>Reads a CoNLL-U file and lays its sentences out as raw text.</summary>
    /// <param name="path">A CoNLL-U file, UTF-8.</param>
    /// <param name="diagnostics">Receives one diagnostic per malformed sentence, which is left out.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static RawTextCorpus Load(string path, ICollection<Diagnostic> diagnostics)
    {
        var sentences = ConlluReader.ReadFile(path, diagnostics);
        var paragraphStarts = ReadParagraphStarts(path);
        return new RawTextCorpus(sentences, LayOut(sentences, paragraphStarts));
    }

    /// <summary>The <c># sent_id</c>s of the sentences in <paramref name="path"/> that open a paragraph or document.</summary>
    public static IReadOnlySet<string> ReadParagraphStarts(string path)
    {
        var starts = new HashSet<string>(StringComparer.Ordinal);
        var opens = false;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                opens = false;
            }
            else if (line.StartsWith("# newpar", StringComparison.Ordinal) || line.StartsWith("# newdoc", StringComparison.Ordinal))
            {
                opens = true;
            }
            else if (opens && line.StartsWith("# sent_id", StringComparison.Ordinal) && line.IndexOf('=', StringComparison.Ordinal) is var equals and > 0)
            {
                starts.Add(line[(equals + 1)..].Trim());
            }
        }

        return starts;
    }

    /// <summary>
    /// Joins <paramref name="sentences"/> into raw text: a blank line before each sentence whose id is in
    /// <paramref name="paragraphStarts"/>, one space before every other.
    /// </summary>
    public static string LayOut(IReadOnlyList<ConlluSentence> sentences, IReadOnlySet<string> paragraphStarts)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(paragraphStarts);
        var text = new System.Text.StringBuilder();
        foreach (var sentence in sentences)
        {
            if (text.Length > 0)
            {
                text.Append(paragraphStarts.Contains(sentence.Id) ? "\n\n" : " ");
            }

            text.Append(SpellsForms(sentence) ? sentence.Text : ConlluReader.RebuildText(sentence.Words, sentence.Multiwords));
        }

        return text.ToString();
    }

    /// <summary>
    /// Where each gold sentence ends in <see cref="Text"/>: the offset (UTF-16 code units) one past its last
    /// non-white-space character, in sentence order. A sentence splitter learns its boundaries from these.
    /// </summary>
    /// <exception cref="InvalidDataException"><see cref="Text"/> does not spell the sentences' forms.</exception>
    public ImmutableArray<int> SentenceEnds()
    {
        // Text holds each sentence's non-white-space characters in order and nothing else, so counting them finds the ends.
        var ends = ImmutableArray.CreateBuilder<int>(Sentences.Count);
        var k = 0;
        foreach (var sentence in Sentences)
        {
            var count = 0;
            foreach (var (form, _) in ConlluReader.SurfaceTokens(sentence.Words, sentence.Multiwords))
            {
                foreach (var c in form)
                {
                    count += char.IsWhiteSpace(c) ? 0 : 1;
                }
            }

            for (; count > 0 && k < Text.Length; k++)
            {
                count -= char.IsWhiteSpace(Text[k]) ? 0 : 1;
            }

            if (count > 0)
            {
                throw new InvalidDataException($"the text ends inside sentence '{sentence.Id}'");
            }

            ends.Add(k);
        }

        return ends.MoveToImmutable();
    }

    /// <summary>The gold sentences as evaluation input.</summary>
    public ImmutableArray<ImmutableArray<EvaluationToken>> Gold() => WordAlignment.FromConllu(Sentences);

    /// <summary>
    /// The gold sentences as one document over gold text joined by new lines, with gold annotations. Its token indexes
    /// are the gold word indexes of <see cref="Align"/>, so <see cref="RawTextScores.Evaluate(WordAlignment, Document, Document)"/>
    /// can score a system document with that alignment.
    /// </summary>
    public Document GoldDocument(string id) => ConlluDocuments.ToDocument(id, Sentences);

    /// <summary>Aligns a system's segmentation of <see cref="Text"/> to the gold sentences.</summary>
    /// <exception cref="ArgumentException"><paramref name="system"/> is not over this corpus's text or has no tokens.</exception>
    public WordAlignment Align(Document system) => WordAlignment.Align(Gold(), WordAlignment.FromDocument(system));

    /// <summary>Whether the sentence's text, without white space, spells its surface forms.</summary>
    private static bool SpellsForms(ConlluSentence sentence)
    {
        var text = sentence.Text.AsSpan();
        var k = 0;
        foreach (var (form, _) in ConlluReader.SurfaceTokens(sentence.Words, sentence.Multiwords))
        {
            foreach (var c in form)
            {
                if (char.IsWhiteSpace(c))
                {
                    continue;
                }

                while (k < text.Length && char.IsWhiteSpace(text[k]))
                {
                    k++;
                }

                if (k >= text.Length || text[k] != c)
                {
                    return false;
                }

                k++;
            }
        }

        while (k < text.Length && char.IsWhiteSpace(text[k]))
        {
            k++;
        }

        return k == text.Length;
    }
}

/// <summary>
/// Scores of a system document against a gold document, CoNLL 2018 style: segmentation metrics always, and the
/// metrics of each annotation both documents have (null otherwise). Every figure is an <see cref="EvaluationScore"/>
/// whose F1 counts correct words over all gold and system words.
/// </summary>
/// <param name="Tokens">Surface tokens.</param>
/// <param name="Sentences">Sentences.</param>
/// <param name="Words">Syntactic words.</param>
/// <param name="Upos">Universal part of speech of aligned words.</param>
/// <param name="Xpos">Language-specific tag.</param>
/// <param name="Lemmas">Lemma.</param>
/// <param name="Uas">Unlabelled attachment: the head is aligned to the gold head.</param>
/// <param name="Las">Labelled attachment: head and universal relation (the part before ':') both right.</param>
public sealed record RawTextScores(
    EvaluationScore Tokens,
    EvaluationScore Sentences,
    EvaluationScore Words,
    EvaluationScore? Upos,
    EvaluationScore? Xpos,
    EvaluationScore? Lemmas,
    EvaluationScore? Uas,
    EvaluationScore? Las)
{
    /// <summary>Scores <paramref name="system"/> against <paramref name="gold"/>, aligning them by their tokens.</summary>
    /// <exception cref="ArgumentException">The documents' tokens spell different characters, or one is not tokenized.</exception>
    public static RawTextScores Evaluate(Document gold, Document system) => Evaluate(WordAlignment.Align(gold, system), gold, system);

    /// <summary>Scores with an existing <paramref name="alignment"/> whose word indexes are the documents' token indexes.</summary>
    public static RawTextScores Evaluate(WordAlignment alignment, Document gold, Document system)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(system);
        var both = (bool goldHas, bool systemHas) => goldHas && systemHas;
        EvaluationScore? upos = null, xpos = null, lemmas = null, uas = null, las = null;
        if (both(!gold.Tags.IsDefault, !system.Tags.IsDefault))
        {
            upos = alignment.Score((g, s) => string.Equals(gold.Tags[g].Upos, system.Tags[s].Upos, StringComparison.Ordinal));
            xpos = alignment.Score((g, s) => string.Equals(gold.Tags[g].Xpos, system.Tags[s].Xpos, StringComparison.Ordinal));
        }

        if (both(!gold.Lemmas.IsDefault, !system.Lemmas.IsDefault))
        {
            lemmas = alignment.Score((g, s) => string.Equals(gold.Lemmas[g], system.Lemmas[s], StringComparison.Ordinal));
        }

        if (both(!gold.Dependencies.IsDefault, !system.Dependencies.IsDefault))
        {
            var goldHeads = GlobalHeads(gold);
            var systemHeads = GlobalHeads(system);
            uas = alignment.Attachment(goldHeads, systemHeads);
            las = alignment.Attachment(goldHeads, systemHeads, (g, s) => string.Equals(
                DependencyParser.UniversalRelation(gold.Dependencies[g].Relation), DependencyParser.UniversalRelation(system.Dependencies[s].Relation), StringComparison.Ordinal));
        }

        return new RawTextScores(alignment.Tokens, alignment.Sentences, alignment.Words, upos, xpos, lemmas, uas, las);
    }

    /// <summary>Each token's head as a token index over the whole document, -1 for a root (document heads are sentence-relative).</summary>
    public static int[] GlobalHeads(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var heads = new int[document.Tokens.Length];
        foreach (var sentence in document.Sentences)
        {
            for (var i = sentence.TokenStart; i < sentence.TokenEnd; i++)
            {
                var head = document.Dependencies[i].Head;
                heads[i] = head < 0 ? -1 : sentence.TokenStart + head;
            }
        }

        return heads;
    }
}
