using System.Collections.Immutable;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dyad.Geo;
using Dyad.Ingest;

namespace Dyad.Cli;

/// <summary>
/// <c>dyad eval event-locations --gold labeled_text.jsonl.gz [--half first|second] [--limit N] [--json] [--misses]</c>:
/// analyses each gold sentence as <c>dyad code</c> does and scores the places of the events whose verbs are the gold
/// verbs (see <see cref="EventLocationScores"/>).
/// </summary>
internal static class EvalEventLocationsCommand
{
    private const string Definitions = """
        Score the place of each coded event against verb -> location annotations (ahalterman/event_location).
        Each gold sentence is analysed alone, as `dyad code` analyses a JSON Lines article (no publication date).
          coded:     a gold verb is coded when a Dyad event's verb overlaps it by at least one character; the first
                     such event (in Dyad's order) stands for it. Annotations of the same verb in the same text are
                     merged, their places joined.
          right:     the coded event's location (its words in the text) overlaps one of that verb's gold LOCATION spans.
          precision: right / coded verbs whose event has a location (a location where the gold names none is wrong).
          recall:    right / coded verbs that have at least one gold LOCATION.
        --half splits the sentences, in the order of their first record, into the first half (floor(n/2)) and the rest.
        """;

    public static Command Create()
    {
        var gold = new Option<FileInfo>("--gold") { Description = "Gold file: JSON Lines (gzipped when it ends in .gz), records of text and spans labelled VERB and LOCATION.", Required = true };
        var half = new Option<string?>("--half") { Description = "Score only the first or the second half of the sentences (file order): first | second." };
        half.AcceptOnlyFromAmong("first", "second");
        var limit = new Option<int?>("--limit") { Description = "Score only the first N sentences (after --half)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var misses = new Option<bool>("--misses") { Description = "Write every coded verb whose place is wrong or missing to standard error (tab-separated)." };
        var rulesOnly = CliArticles.RulesOnlyOption();
        var dictionaries = CliDictionaries.Option();
        var models = CliPipeline.ModelsOption();
        var beam = CliPipeline.BeamOption();
        var fast = CliPipeline.FastOption();
        var command = new Command("event-locations", Definitions) { gold, half, limit, json, misses, rulesOnly, dictionaries, models, beam, fast };
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            var path = parsed.GetValue(gold)!.FullName;
            if (parsed.GetValue(limit) is < 0)
            {
                error.WriteLine("dyad: --limit takes a number of sentences, 0 or more.");
                return ExitCodes.Usage;
            }

            if (!File.Exists(path))
            {
                error.WriteLine($"dyad: {ErrorCodes.InputUnreadable}: gold file {path} does not exist.");
                return ExitCodes.InputProblem;
            }

            var problems = new List<string>();
            IReadOnlyList<GoldEventSentence> sentences;
            try
            {
                sentences = EventLocationScores.Read(path, problems);
            }
            catch (Exception e) when (e is JsonException or IOException or InvalidDataException)
            {
                error.WriteLine($"dyad: {ErrorCodes.InputUnreadable}: {path}: not a gold file: {e.Message}");
                return ExitCodes.InputProblem;
            }

            problems.ForEach(p => error.WriteLine($"dyad: {path}: {p}"));
            IEnumerable<GoldEventSentence> selected = parsed.GetValue(half) switch
            {
                "first" => sentences.Take(sentences.Count / 2),
                "second" => sentences.Skip(sentences.Count / 2),
                _ => sentences,
            };
            if (parsed.GetValue(limit) is { } n)
            {
                selected = selected.Take(n);
            }

            var analyzer = CliArticles.LoadAnalyzer(parsed, dictionaries, models, beam, fast, error, rulesOnly);
            var showMisses = parsed.GetValue(misses);
            var reader = new ArticleReader(new ReadOptions { Format = ArticleFormat.JsonLines });
            var scores = new EventLocationScores();
            var clock = Stopwatch.StartNew();
            var number = 0;
            foreach (var sentence in selected)
            {
                number++;
                var id = string.Create(CultureInfo.InvariantCulture, $"sentence {number}");
                var article = AsArticle(reader, sentence.Text, id, path);
                var events = analyzer.Analyze(article).Events;
                var located = events
                    .Select(e => new LocatedEvent(new TextRange(e.Evidence.Verb.Start, e.Evidence.Verb.End), e.Location is { Start: { } start, End: { } end } ? new TextRange(start, end) : null))
                    .ToList();
                var outcomes = scores.Add(sentence.Verbs, located);
                if (showMisses)
                {
                    WriteMisses(error, id, sentence, outcomes, located);
                }
            }

            clock.Stop();
            var seconds = clock.Elapsed.TotalSeconds;
            if (parsed.GetValue(json))
            {
                Json.Write(output, new Summary(
                    scores.Sentences, scores.GoldVerbs, scores.GoldVerbsWithPlace, scores.Coded, scores.CodedWithGoldPlace, scores.Located, scores.Right,
                    scores.NoPlaceAgreed, Round(scores.CodedShare), Round(scores.Precision), Round(scores.Recall), Round(scores.F1), Math.Round(seconds, 1)));
            }
            else
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sentences {scores.Sentences}, gold verbs {scores.GoldVerbs} ({scores.GoldVerbsWithPlace} with a place)"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"coded {scores.Coded} ({scores.CodedShare:F3}), {scores.CodedWithGoldPlace} of them with a gold place; located {scores.Located}, right {scores.Right}, no place agreed {scores.NoPlaceAgreed}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"precision {scores.Precision:F3}  recall {scores.Recall:F3}  F1 {scores.F1:F3}"));
            }

            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dyad: {scores.Sentences} sentences in {seconds:F1} s"));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The sentence as <c>dyad code</c> reads a JSON Lines article (so a dateline such as "BAGHDAD --" is found and
    /// blanked); when reading changes the text (offsets would no longer match the gold), the text as it stands.
    /// </summary>
    private static Article AsArticle(ArticleReader reader, string text, string id, string path)
    {
        var line = JsonSerializer.Serialize(new { id, text }) + "\n";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(line));
        var read = reader.Read(stream, path).FirstOrDefault();
        return read is ArticleAccepted { Article: { } article } && string.Equals(article.Text, text, StringComparison.Ordinal)
            ? article
            : new Article(id, null, null, null, null, null, null, null, text, ArticleFormat.JsonLines, path, id, ImmutableArray<Diagnostic>.Empty);
    }

    private static double Round(double value) => Math.Round(value, 4);

    private static void WriteMisses(TextWriter error, string id, GoldEventSentence sentence, IReadOnlyList<EventLocationOutcome> outcomes, List<LocatedEvent> events)
    {
        var text = sentence.Text;
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (outcomes[i] is not (EventLocationOutcome.Missed or EventLocationOutcome.Wrong))
            {
                continue;
            }

            var verb = sentence.Verbs[i];
            var chosen = events.First(e => e.Verb.Start < verb.Verb.End && verb.Verb.Start < e.Verb.End).Location;
            var goldPlaces = string.Join("|", verb.Locations.Select(l => text[l.Start..l.End]));
            var ours = chosen is { } c ? text[c.Start..c.End] : "-";
            error.WriteLine($"{outcomes[i].ToString().ToLowerInvariant()}\t{id}\t{text[verb.Verb.Start..verb.Verb.End]}\tgold {goldPlaces}\tdyad {ours}\t{text.ReplaceLineEndings(" ")}");
        }
    }

    private sealed record Summary(
        int Sentences, int GoldVerbs, int GoldVerbsWithPlace, int Coded, int CodedWithGoldPlace, int Located, int Right, int NoPlaceAgreed,
        double CodedShare, double Precision, double Recall, double F1, double Seconds);
}
