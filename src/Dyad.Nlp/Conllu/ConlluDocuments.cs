using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Dyad.Nlp.Conllu;

/// <summary>Converts between CoNLL-U sentences and <see cref="Document"/>s. 1-based heads become 0-based here and only here.</summary>
public static class ConlluDocuments
{
    /// <summary>
    /// Builds one document from gold sentences: the sentences' texts joined by new lines, with the gold tokens, tags,
    /// lemmas and tree. Tokens are found in each sentence's <c># text</c>; where the text and the forms disagree the
    /// sentence's text is rebuilt from its forms.
    /// </summary>
    /// <param name="id">The document's id.</param>
    /// <param name="sentences">Gold sentences in order.</param>
    public static Document ToDocument(string id, IReadOnlyList<ConlluSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var text = new StringBuilder();
        var tokens = ImmutableArray.CreateBuilder<Token>();
        var spans = ImmutableArray.CreateBuilder<Sentence>();
        var tags = ImmutableArray.CreateBuilder<MorphTag>();
        var lemmas = ImmutableArray.CreateBuilder<string>();
        var dependencies = ImmutableArray.CreateBuilder<Dependency>();
        foreach (var sentence in sentences)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            var offset = text.Length;
            var sentenceText = sentence.Text;
            var ranges = Locate(sentenceText, sentence);
            if (ranges is null)
            {
                sentenceText = ConlluReader.RebuildText(sentence.Words, sentence.Multiwords);
                ranges = Locate(sentenceText, sentence)!;
            }

            text.Append(sentenceText);
            var first = tokens.Count;
            for (var i = 0; i < sentence.Words.Length; i++)
            {
                var (range, surfaceEnd) = ranges[i];
                tokens.Add(new Token(new TextRange(range.Start + offset, range.End + offset), surfaceEnd + offset));
                var word = sentence.Words[i];
                tags.Add(new MorphTag(word.Upos, word.Xpos, word.Feats));
                lemmas.Add(word.Lemma);
                dependencies.Add(new Dependency(word.Head - 1, word.Relation));
            }

            spans.Add(new Sentence(first, tokens.Count));
        }

        return new Document(id, text.ToString())
        {
            Tokens = tokens.ToImmutable(),
            Sentences = spans.ToImmutable(),
            Tags = tags.ToImmutable(),
            Lemmas = lemmas.ToImmutable(),
            Dependencies = dependencies.ToImmutable(),
        };
    }

    /// <summary>Finds every word of <paramref name="sentence"/> in <paramref name="text"/>; null when a form is not where it should be.</summary>
    private static (TextRange Range, int SurfaceEnd)[]? Locate(string text, ConlluSentence sentence)
    {
        var result = new (TextRange, int)[sentence.Words.Length];
        var cursor = 0;
        var word = 0;
        var nextMultiword = 0;
        while (word < sentence.Words.Length)
        {
            while (cursor < text.Length && char.IsWhiteSpace(text[cursor]))
            {
                cursor++;
            }

            var isMultiword = nextMultiword < sentence.Multiwords.Length && sentence.Multiwords[nextMultiword].First == word;
            var surface = isMultiword ? sentence.Multiwords[nextMultiword].Form : sentence.Words[word].Form;
            if (string.CompareOrdinal(text, cursor, surface, 0, surface.Length) != 0 || cursor + surface.Length > text.Length)
            {
                return null;
            }

            var end = cursor + surface.Length;
            if (!isMultiword)
            {
                result[word++] = (new TextRange(cursor, end), end);
            }
            else
            {
                // The parts of a multiword token split its surface by their own lengths ("do" + "n't"); a part that would
                // run past the surface (forms that don't concatenate) is clipped to it.
                var multiword = sentence.Multiwords[nextMultiword++];
                var partStart = cursor;
                for (var part = multiword.First; part <= multiword.Last; part++)
                {
                    var partEnd = part == multiword.Last ? end : Math.Min(end, partStart + sentence.Words[part].Form.Length);
                    result[part] = (new TextRange(partStart, partEnd), end);
                    partStart = partEnd;
                }

                word = multiword.Last + 1;
            }

            cursor = end;
        }

        return result;
    }

    /// <summary>Writes <paramref name="document"/> as CoNLL-U, one block per sentence, with <c># sent_id</c> and <c># text</c>.</summary>
    /// <remarks>Columns a stage has not produced are written as <c>_</c>.</remarks>
    /// <param name="document">The document to write.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="firstSentenceNumber">Number of the first sentence in <c># sent_id</c>, for documents written in pieces.</param>
    public static void Write(Document document, TextWriter writer, int firstSentenceNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(writer);
        var line = new StringBuilder();
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            var sentence = document.Sentences[s];
            writer.Write("# sent_id = ");
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{document.Id}-{s + firstSentenceNumber}"));
            writer.Write("# text = ");
            writer.WriteLine(Flatten(document.SentenceText(sentence)));
            for (var i = sentence.TokenStart; i < sentence.TokenEnd; i++)
            {
                var token = document.Tokens[i];
                var local = i - sentence.TokenStart + 1;
                if (token.IsPartOfWord && (i == sentence.TokenStart || document.Tokens[i - 1].SurfaceEnd != token.SurfaceEnd))
                {
                    var last = i;
                    while (last + 1 < sentence.TokenEnd && document.Tokens[last + 1].SurfaceEnd == token.SurfaceEnd)
                    {
                        last++;
                    }

                    line.Clear();
                    line.Append(CultureInfo.InvariantCulture, $"{local}-{last - sentence.TokenStart + 1}\t");
                    line.Append(Flatten(document.Text.AsSpan(token.Start, token.SurfaceEnd - token.Start)));
                    line.Append("\t_\t_\t_\t_\t_\t_\t_\t");
                    line.Append(SpaceAfterField(document, last, sentence));
                    writer.WriteLine(line);
                }

                line.Clear();
                line.Append(local.ToString(CultureInfo.InvariantCulture)).Append('\t');
                line.Append(Flatten(document.FormSpan(i))).Append('\t');
                line.Append(document.Lemmas.IsDefault ? "_" : Field(document.Lemmas[i])).Append('\t');
                if (document.Tags.IsDefault)
                {
                    line.Append("_\t_\t_\t");
                }
                else
                {
                    var tag = document.Tags[i];
                    line.Append(Field(tag.Upos)).Append('\t').Append(Field(tag.Xpos)).Append('\t').Append(Field(tag.Feats)).Append('\t');
                }

                if (document.Dependencies.IsDefault)
                {
                    line.Append("_\t_\t");
                }
                else
                {
                    var dependency = document.Dependencies[i];
                    line.Append((dependency.Head + 1).ToString(CultureInfo.InvariantCulture)).Append('\t').Append(Field(dependency.Relation)).Append('\t');
                }

                line.Append("_\t");
                line.Append(token.IsPartOfWord || (i > sentence.TokenStart && document.Tokens[i - 1].SurfaceEnd == token.SurfaceEnd && token.SurfaceEnd == token.End)
                    ? "_"
                    : SpaceAfterField(document, i, sentence));
                writer.WriteLine(line);
            }

            writer.WriteLine();
        }
    }

    private static string SpaceAfterField(Document document, int index, Sentence sentence)
    {
        var end = document.Tokens[index].SurfaceEnd;
        var nextStart = index + 1 < sentence.TokenEnd ? document.Tokens[index + 1].Start : -1;
        return nextStart == end ? "SpaceAfter=No" : "_";
    }

    private static string Field(string value) => string.IsNullOrEmpty(value) ? "_" : value;

    /// <summary>CoNLL-U forbids tabs and new lines inside a field or the text comment; they become spaces.</summary>
    private static string Flatten(ReadOnlySpan<char> value)
    {
        if (value.IndexOfAny('\t', '\n', '\r') < 0)
        {
            return value.ToString();
        }

        var chars = value.ToArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is '\t' or '\n' or '\r')
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }
}
