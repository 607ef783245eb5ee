using System.Globalization;
using Dyad.Coding.Codes;

namespace Dyad.Coding.Coding;

/// <summary>A span of the document's text: its words and its character range <c>[Start, End)</c> in <see cref="Document.Text"/>.</summary>
/// <param name="Text">The words as written.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset one past the last character.</param>
public sealed record TextSpan(string Text, int Start, int End);

/// <summary>Where an event was read: the document, the sentence and the words of its source, verb and target.</summary>
/// <param name="Doc">The document's id.</param>
/// <param name="Sentence">1-based number of the sentence in the document.</param>
/// <param name="Text">The sentence as written.</param>
/// <param name="Start">Character offset of the sentence in the document.</param>
/// <param name="End">Character offset one past the sentence's end.</param>
/// <param name="Source">The source actor's words, or null when the source was not in the text.</param>
/// <param name="Verb">The verb.</param>
/// <param name="Target">The target actor's words, or null.</param>
public sealed record EventEvidence(string Doc, int Sentence, string Text, int Start, int End, TextSpan? Source, TextSpan Verb, TextSpan? Target);

/// <summary>The PLOVER view of an event; null fields where PLOVER has no value.</summary>
/// <param name="Event">PLOVER event type, such as <c>AGREE</c>.</param>
/// <param name="Mode">PLOVER mode, such as <c>visit</c>.</param>
/// <param name="Context">PLOVER contexts, <c>;</c>-separated.</param>
public sealed record PloverFields(string? Event, string? Mode, string? Context);

/// <summary>
/// One event as Dyad prints, stores and serves it: the dyad and code, the code's facts from the CAMEO table, and the
/// evidence with the rule that fired. Property names map to the JSON fields of <c>dyad code --format jsonl</c>.
/// </summary>
/// <param name="Date">The event's date (ISO), or null when none is known.</param>
/// <param name="Source">Source actor code, <c>---</c> when unknown.</param>
/// <param name="Target">Target actor code, <c>---</c> when unknown.</param>
/// <param name="Cameo">CAMEO event code.</param>
/// <param name="Root">Its two-digit root.</param>
/// <param name="QuadClass">GDELT QuadClass, 1 to 4 (0 when the code is not in the CAMEO table).</param>
/// <param name="Goldstein">Goldstein value (null when the code is not in the table).</param>
/// <param name="Plover">PLOVER event, mode and context.</param>
/// <param name="Evidence">The sentence and words.</param>
/// <param name="Rule">The rule in dictionary syntax.</param>
/// <param name="RuleSource">File and line of the pattern (or verb) that gave the code.</param>
public sealed record EventRecord(
    string? Date,
    string Source,
    string Target,
    string Cameo,
    string Root,
    int QuadClass,
    double? Goldstein,
    PloverFields Plover,
    EventEvidence Evidence,
    string Rule,
    string RuleSource)
{
    /// <summary>Builds the record of <paramref name="coded"/>, an event coded in <paramref name="document"/>.</summary>
    /// <param name="document">The coded document.</param>
    /// <param name="coded">One of its events.</param>
    /// <param name="date">The event's date, or null.</param>
    /// <param name="table">The CAMEO table; <see cref="CameoTable.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="coded"/> is null.</exception>
    public static EventRecord Create(Document document, CodedEvent coded, DateOnly? date, CameoTable? table = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(coded);
        var code = (table ?? CameoTable.Default).Find(coded.EventCode);
        var sentenceIndex = SentenceOf(document, coded.Verb);
        var sentence = document.Sentences[sentenceIndex];
        var start = document.Tokens[sentence.TokenStart].Start;
        var end = document.Tokens[sentence.TokenStart + sentence.Length - 1].End;
        var evidence = new EventEvidence(
            document.Id,
            sentenceIndex + 1,
            document.Text[start..end],
            start,
            end,
            Span(document, coded.Source),
            Span(document, new TokenSpan(coded.Verb, coded.Verb + 1))!,
            Span(document, coded.Target));
        return new EventRecord(
            date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            coded.SourceCode,
            coded.TargetCode,
            coded.EventCode,
            code?.Root ?? (coded.EventCode.Length >= 2 ? coded.EventCode[..2] : coded.EventCode),
            code is null ? 0 : (int)code.QuadClass,
            code?.Goldstein,
            new PloverFields(NullIfEmpty(code?.Plover.Event), NullIfEmpty(code?.Plover.Mode), NullIfEmpty(code?.Plover.Context)),
            evidence,
            coded.Rule,
            (coded.PatternRule ?? coded.VerbRule).ToString());
    }

    private static int SentenceOf(Document document, int token)
    {
        var sentences = document.Sentences;
        int lo = 0, hi = sentences.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (sentences[mid].TokenStart <= token)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    private static TextSpan? Span(Document document, TokenSpan tokens)
    {
        if (tokens.Length <= 0)
        {
            return null;
        }

        var start = document.Tokens[tokens.Start].Start;
        var end = document.Tokens[tokens.End - 1].End;
        return new TextSpan(document.Text[start..end], start, end);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
