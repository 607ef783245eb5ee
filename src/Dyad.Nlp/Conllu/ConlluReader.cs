using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Dyad.Nlp.Conllu;

/// <summary>Reads CoNLL-U (https://universaldependencies.org/format.html). A malformed sentence is reported and skipped.</summary>
public static class ConlluReader
{
    /// <summary>Reads every sentence of <paramref name="path"/>.</summary>
    /// <param name="path">A CoNLL-U file, UTF-8.</param>
    /// <param name="diagnostics">Receives one diagnostic per skipped sentence.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static List<ConlluSentence> ReadFile(string path, ICollection<Diagnostic> diagnostics)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, Path.GetFileName(path), diagnostics);
    }

    /// <summary>Reads every sentence from <paramref name="reader"/>; <paramref name="source"/> names it in diagnostics.</summary>
    public static List<ConlluSentence> Read(TextReader reader, string source, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var sentences = new List<ConlluSentence>();
        var block = new List<(int Line, string Text)>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
            {
                Flush();
            }
            else
            {
                block.Add((lineNumber, line));
            }
        }

        Flush();
        return sentences;

        void Flush()
        {
            if (block.Count == 0)
            {
                return;
            }

            var sentence = ParseBlock(block, source, sentences.Count, diagnostics);
            if (sentence is not null)
            {
                sentences.Add(sentence);
            }

            block.Clear();
        }
    }

    private static ConlluSentence? ParseBlock(List<(int Line, string Text)> block, string source, int index, ICollection<Diagnostic> diagnostics)
    {
        string? id = null;
        string? text = null;
        var startsParagraph = false;
        var words = ImmutableArray.CreateBuilder<ConlluWord>();
        var multiwords = ImmutableArray.CreateBuilder<ConlluMultiword>();
        foreach (var (line, raw) in block)
        {
            if (raw[0] == '#')
            {
                var comment = raw.AsSpan(1).Trim();
                startsParagraph |= comment.StartsWith("newpar", StringComparison.Ordinal) || comment.StartsWith("newdoc", StringComparison.Ordinal);
                if (comment.StartsWith("sent_id", StringComparison.Ordinal) && comment.IndexOf('=') is var e and > 0)
                {
                    id = comment[(e + 1)..].Trim().ToString();
                }
                else if (comment.StartsWith("text ", StringComparison.Ordinal) || comment.StartsWith("text=", StringComparison.Ordinal))
                {
                    var eq = comment.IndexOf('=');
                    text = eq > 0 ? comment[(eq + 1)..].TrimStart(' ').ToString() : null;
                }

                continue;
            }

            var fields = raw.Split('\t');
            if (fields.Length != 10)
            {
                return Reject(line, $"expected 10 tab-separated fields, found {fields.Length}");
            }

            var idField = fields[0];
            if (idField.Contains('.', StringComparison.Ordinal))
            {
                continue; // An empty node of the enhanced graph: not part of the basic tree.
            }

            var spaceAfter = !fields[9].Contains("SpaceAfter=No", StringComparison.Ordinal);
            var dash = idField.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                if (!int.TryParse(idField.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                    || !int.TryParse(idField.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
                    || first < 1 || last < first)
                {
                    return Reject(line, $"bad multiword range '{idField}'");
                }

                multiwords.Add(new ConlluMultiword(first - 1, last - 1, fields[1], spaceAfter));
                continue;
            }

            if (!int.TryParse(idField, NumberStyles.None, CultureInfo.InvariantCulture, out var wordId) || wordId != words.Count + 1)
            {
                return Reject(line, $"expected word id {words.Count + 1}, found '{idField}'");
            }

            var head = -1;
            if (fields[6] != "_" && (!int.TryParse(fields[6], NumberStyles.None, CultureInfo.InvariantCulture, out head) || head < 0))
            {
                return Reject(line, $"head must be a number or '_', found '{fields[6]}'");
            }

            words.Add(new ConlluWord(fields[1], fields[2], fields[3], fields[4], fields[5], head, fields[7], spaceAfter));
        }

        if (words.Count == 0)
        {
            return Reject(block[0].Line, "sentence has no word lines");
        }

        foreach (var word in words)
        {
            if (word.Head > words.Count)
            {
                return Reject(block[0].Line, $"a head points past the sentence's {words.Count} words");
            }
        }

        foreach (var multiword in multiwords)
        {
            if (multiword.Last >= words.Count)
            {
                return Reject(block[0].Line, "a multiword range runs past the sentence's words");
            }
        }

        var finalWords = words.ToImmutable();
        var finalMultiwords = multiwords.ToImmutable();
        return new ConlluSentence(
            id ?? string.Create(CultureInfo.InvariantCulture, $"{source}#{index + 1}"),
            text ?? RebuildText(finalWords, finalMultiwords),
            finalWords,
            finalMultiwords,
            block[0].Line)
        {
            StartsParagraph = startsParagraph,
        };

        ConlluSentence? Reject(int line, string problem)
        {
            diagnostics.Add(new Diagnostic(ErrorCodes.ConlluMalformed, Severity.Error, problem + "; the sentence was skipped", source, string.Create(CultureInfo.InvariantCulture, $"line {line}")));
            return null;
        }
    }

    /// <summary>Rebuilds a sentence's text from its surface forms and SpaceAfter flags.</summary>
    public static string RebuildText(ImmutableArray<ConlluWord> words, ImmutableArray<ConlluMultiword> multiwords)
    {
        var builder = new StringBuilder();
        foreach (var (form, spaceAfter) in SurfaceTokens(words, multiwords))
        {
            builder.Append(form);
            if (spaceAfter)
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>The surface tokens of a sentence: multiword tokens whole, other words as they are.</summary>
    public static IEnumerable<(string Form, bool SpaceAfter)> SurfaceTokens(ImmutableArray<ConlluWord> words, ImmutableArray<ConlluMultiword> multiwords)
    {
        var next = 0;
        for (var i = 0; i < words.Length; i++)
        {
            if (next < multiwords.Length && multiwords[next].First == i)
            {
                var multiword = multiwords[next++];
                yield return (multiword.Form, multiword.SpaceAfter);
                i = multiword.Last;
                continue;
            }

            yield return (words[i].Form, words[i].SpaceAfter);
        }
    }
}
