using System.Collections.Immutable;
using System.Text;
using Dyad.Coding.Coding;
using Dyad.Nlp.Conllu;

namespace Dyad.Analysis.Validation;

/// <summary>Counts of a validation run, overall or for one category.</summary>
/// <param name="Records">Records scored.</param>
/// <param name="GoldEvents">Gold events in those records.</param>
/// <param name="Correct">Gold events coded with the same source, target and event code.</param>
/// <param name="Uncoded">Gold events not coded that way.</param>
/// <param name="Extra">Coded events that match no gold event (every event of a gold no-event record is extra).</param>
/// <param name="Passed">Records with every gold event coded and no extra event.</param>
public sealed record ValidationCounts(int Records, int GoldEvents, int Correct, int Uncoded, int Extra, int Passed)
{
    /// <summary>Nothing counted yet.</summary>
    public static ValidationCounts Zero { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Percentage of gold events coded correctly, 0 to 100; 100 when there are none.</summary>
    public double CorrectPercent => GoldEvents == 0 ? 100 : 100.0 * Correct / GoldEvents;

    /// <summary>The sum of two counts.</summary>
    /// <param name="other">Counts to add.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public ValidationCounts Add(ValidationCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Records + other.Records, GoldEvents + other.GoldEvents, Correct + other.Correct, Uncoded + other.Uncoded, Extra + other.Extra, Passed + other.Passed);
    }
}

/// <summary>What the coder made of one record, against its gold codings.</summary>
/// <param name="Record">The record.</param>
/// <param name="Coding">The events and notes.</param>
/// <param name="Counts">This record's counts (<see cref="ValidationCounts.Records"/> is 1).</param>
public sealed record RecordOutcome(ValidationRecord Record, CodingResult Coding, ValidationCounts Counts)
{
    /// <summary>True when every gold event was coded and nothing else.</summary>
    public bool Passed => Counts.Passed == 1;
}

/// <summary>The result of coding a validation suite.</summary>
/// <param name="Total">Counts over all scored records.</param>
/// <param name="ByCategory">Counts per record category, ordered by category name (ordinal).</param>
/// <param name="Outcomes">Each scored record's outcome, in file order.</param>
public sealed record ValidationReport(ValidationCounts Total, ImmutableSortedDictionary<string, ValidationCounts> ByCategory, ImmutableArray<RecordOutcome> Outcomes);

/// <summary>Codes the records of a validation suite from their own CoNLL-U parses and scores them against the gold codings.</summary>
/// <remarks>Stateless; safe to call from several threads with different suites.</remarks>
public static class ValidationRunner
{
    /// <summary>
    /// Codes every record that has <c>evaluate</c> not false and whose category the environment includes, with the
    /// record's date and <c>&lt;Config&gt;</c> options, and scores it.
    /// </summary>
    /// <param name="suite">The suite.</param>
    /// <param name="coder">The coder, usually over the suite's own dictionaries.</param>
    /// <param name="diagnostics">Where to report malformed parse rows, or null.</param>
    /// <param name="parse">
    /// Makes the parsed document of a record; null uses the record's own CoNLL-U parse (<see cref="ToDocument"/>). Pass
    /// a parser here to code the records' text with it instead.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="suite"/> or <paramref name="coder"/> is null.</exception>
    public static ValidationReport Run(ValidationSuite suite, EventCoder coder, ICollection<Diagnostic>? diagnostics = null, Func<ValidationRecord, Document>? parse = null)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(coder);
        var outcomes = ImmutableArray.CreateBuilder<RecordOutcome>();
        var total = ValidationCounts.Zero;
        var byCategory = new SortedDictionary<string, ValidationCounts>(StringComparer.Ordinal);
        foreach (var record in suite.Records)
        {
            if (!record.Evaluate || !suite.Environment.Includes(record.Category))
            {
                continue;
            }

            var document = parse is null ? ToDocument(record, diagnostics) : parse(record);
            var recordCoder = record.Options.IsEmpty ? coder : coder.WithOptions(CodingOptions.FromSettings(record.Options, coder.Options));
            var coding = recordCoder.Code(document, record.Date);
            var counts = Score(record, coding.Events);
            outcomes.Add(new RecordOutcome(record, coding, counts));
            total = total.Add(counts);
            byCategory[record.Category] = byCategory.GetValueOrDefault(record.Category, ValidationCounts.Zero).Add(counts);
        }

        return new ValidationReport(total, byCategory.ToImmutableSortedDictionary(StringComparer.Ordinal), outcomes.ToImmutable());
    }

    /// <summary>Builds a document (tokens, tags, lemmas, tree) from the record's CoNLL-U parse.</summary>
    /// <param name="record">The record.</param>
    /// <param name="diagnostics">Where to report malformed rows, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public static Document ToDocument(ValidationRecord record, ICollection<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var text = new StringBuilder();
        foreach (var row in record.ParseRows(diagnostics))
        {
            text.AppendJoin('\t', row).Append('\n');
        }

        text.Append('\n');
        var sink = diagnostics ?? new List<Diagnostic>();
        using var reader = new StringReader(text.ToString());
        var sentences = ConlluReader.Read(reader, record.Source.File, sink);
        return ConlluDocuments.ToDocument(record.Id, sentences);
    }

    /// <summary>Scores coded events against a record's gold codings; codes compare ignoring case.</summary>
    /// <param name="record">The record with its gold codings.</param>
    /// <param name="events">The coded events.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ValidationCounts Score(ValidationRecord record, IReadOnlyList<CodedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(events);
        var unmatched = events.ToList();
        var gold = record.Events.ToList();
        var correct = 0;
        foreach (var g in gold)
        {
            var index = unmatched.FindIndex(e =>
                string.Equals(e.EventCode, g.EventCode, StringComparison.OrdinalIgnoreCase)
                && string.Equals(e.SourceCode, g.SourceCode, StringComparison.OrdinalIgnoreCase)
                && string.Equals(e.TargetCode, g.TargetCode, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                correct++;
                unmatched.RemoveAt(index);
            }
        }

        var uncoded = gold.Count - correct;
        var extra = unmatched.Count;
        return new ValidationCounts(1, gold.Count, correct, uncoded, extra, uncoded == 0 && extra == 0 ? 1 : 0);
    }
}
