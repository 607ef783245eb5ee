using Dyad.Coding.Codes;
using Dyad.Events;

namespace Dyad.Coding.Coding;

/// <summary>Turns a coded event (token indexes and dictionary lines) into the event contract (<see cref="EventRecord"/>).</summary>
public static class EventRecords
{
    /// <summary>
    /// The <see cref="EventRecord"/> of <paramref name="coded"/>, an event coded in <paramref name="document"/>: the dyad and
    /// code, the code's facts from the CAMEO table, and the evidence with the rule. Date precision, place and document
    /// are left for the analysis to fill.
    /// </summary>
    /// <param name="document">The coded document.</param>
    /// <param name="coded">One of its events.</param>
    /// <param name="date">The event's date, or null.</param>
    /// <param name="table">The CAMEO table; <see cref="CameoTable.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="coded"/> is null.</exception>
    public static EventRecord From(Document document, CodedEvent coded, DateOnly? date, CameoTable? table = null)
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
            date,
            null,
            null,
            coded.SourceCode,
            coded.TargetCode,
            coded.EventCode,
            code is null ? 0 : (int)code.QuadClass,
            code?.Goldstein,
            new PloverFields(NullIfEmpty(code?.Plover.Event), NullIfEmpty(code?.Plover.Mode), NullIfEmpty(code?.Plover.Context)),
            null,
            evidence,
            coded.Rule,
            (coded.PatternRule ?? coded.VerbRule).ToString(),
            null);
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
