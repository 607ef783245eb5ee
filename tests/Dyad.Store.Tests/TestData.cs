using System.Globalization;
using Dyad.Coding.Coding;

namespace Dyad.Store.Tests;

/// <summary>Events and documents built by hand for the store tests.</summary>
internal static class TestData
{
    public const string KnowledgeBase = "kb-test-1";

    /// <summary>An event whose sentence is <paramref name="sentence"/> at offset 0 of its document, with the words found in it.</summary>
    public static EventMention Event(
        string sentence,
        string source,
        string sourceWords,
        string verb,
        string target,
        string targetWords,
        string cameo,
        string? date,
        int sentenceNumber = 1,
        int quadClass = 1,
        double? goldstein = 1.0,
        string? plover = "CONSULT",
        EventLocation? location = null)
    {
        static TextSpan? Find(string text, string words)
        {
            var at = text.IndexOf(words, StringComparison.Ordinal);
            return at < 0 ? null : new TextSpan(words, at, at + words.Length);
        }

        var evidence = new EventEvidence("doc", sentenceNumber, sentence, 0, sentence.Length, Find(sentence, sourceWords), Find(sentence, verb) ?? new TextSpan(verb, 0, verb.Length), Find(sentence, targetWords));
        var record = new EventRecord(date, source, target, cameo, cameo[..2], quadClass, goldstein, new PloverFields(plover, null, null), evidence, "* " + verb.ToUpperInvariant(), "test.verbs:" + cameo);
        return new EventMention(record, date is null ? null : "day", location);
    }

    public static IngestDocument Document(string id, string text, string? outlet, params EventMention[] events) =>
        new(new DocumentInput(text) { Id = id, Source = outlet, Url = "https://" + (outlet ?? "unknown.example") + "/" + id, Title = "Title " + id, Input = "test", Place = id }, events);

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A clock that stands still at a given instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
