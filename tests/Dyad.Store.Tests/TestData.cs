using System.Globalization;
using Dyad.Documents;
using Dyad.Events;

namespace Dyad.Store.Tests;

/// <summary>Events and documents built by hand for the store tests.</summary>
internal static class TestData
{
    public const string KnowledgeBase = "kb-test-1";

    /// <summary>An event whose sentence is <paramref name="sentence"/> at offset 0 of its document, with the words found in it.</summary>
    public static EventRecord Event(
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
        EventPlace? location = null)
    {
        static TextSpan? Find(string text, string words)
        {
            var at = text.IndexOf(words, StringComparison.Ordinal);
            return at < 0 ? null : new TextSpan(words, at, at + words.Length);
        }

        var evidence = new EventEvidence("doc", sentenceNumber, sentence, 0, sentence.Length, Find(sentence, sourceWords), Find(sentence, verb) ?? new TextSpan(verb, 0, verb.Length), Find(sentence, targetWords));
        DateOnly? day = date is null ? null : Day(date);
        return new EventRecord(day, date is null ? null : "day", null, source, target, cameo, quadClass, goldstein, new PloverFields(plover, null, null), location, evidence, "* " + verb.ToUpperInvariant(), "test.verbs:" + cameo, null);
    }

    public static IngestDocument Document(string id, string text, string? outlet, params EventRecord[] events) =>
        new(new DocumentInput(text) { Id = id, Source = outlet, Url = "https://" + (outlet ?? "unknown.example") + "/" + id, Title = "Title " + id, Input = "test", Place = id }, events);

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A clock that stands still at a given instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
