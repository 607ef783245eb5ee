using System.Globalization;
using Dyad.Ingest;

namespace Dyad.Analysis;

/// <summary>What became of one document in an ingest.</summary>
public enum DocumentStatus
{
    /// <summary>Analysed and stored.</summary>
    Stored,

    /// <summary>Already stored, or met earlier in the same run: neither analysed nor written.</summary>
    Skipped,

    /// <summary>The reader could not make an article of it; it is in the quarantine (stage <c>read</c>).</summary>
    Rejected,

    /// <summary>A stage of the analysis failed on it; it is in the quarantine with the stage's name.</summary>
    Failed,
}

/// <summary>One document's outcome.</summary>
/// <param name="Number">Its 1-based place among the documents read in the run (outcomes are told batch by batch, so sort by this for input order).</param>
/// <param name="Input">The input it was read from.</param>
/// <param name="Location">Where in the input (a line, an item); empty for the whole input.</param>
/// <param name="Key">The store's key for it, or null when it was rejected.</param>
/// <param name="Status">What became of it.</param>
/// <param name="Analyzed">Its analysis, when it was analysed.</param>
/// <param name="Code">The error code when it was rejected or failed.</param>
/// <param name="Message">The reason when it was rejected or failed.</param>
public sealed record DocumentOutcome(long Number, string Input, string Location, string? Key, DocumentStatus Status, AnalyzedArticle? Analyzed, string? Code, string? Message);

/// <summary>What one ingest run did.</summary>
/// <param name="Read">Documents read (accepted and rejected; inputs skipped as not documents are not counted).</param>
/// <param name="Stored">New documents stored.</param>
/// <param name="Skipped">Documents already in the store (or met twice in this run); neither analysed nor written.</param>
/// <param name="Quarantined">Documents that failed a stage in this run (read, an analysis stage, or store); each is in the quarantine.</param>
/// <param name="Events">Events stored.</param>
/// <param name="Sentences">Sentences analysed.</param>
/// <param name="Seconds">Wall-clock seconds of the run, model loading included when it happened in the run.</param>
public sealed record IngestTotals(long Read, long Stored, long Skipped, long Quarantined, long Events, long Sentences, double Seconds)
{
    /// <summary>Documents per second stored and skipped.</summary>
    public double DocumentsPerSecond => Seconds > 0 ? (Stored + Skipped) / Seconds : 0;

    /// <summary>The totals in one line of words.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Read} read, {Stored} stored, {Skipped} skipped, {Quarantined} quarantined, {Events} events, {DocumentsPerSecond:0.0} documents/s");
}

/// <summary>What one re-coding run did.</summary>
/// <param name="Documents">Stored documents read.</param>
/// <param name="Before">Their events before.</param>
/// <param name="After">Their events after.</param>
/// <param name="Failed">Documents whose analysis failed; they keep their old events.</param>
public sealed record RecodeTotals(long Documents, long Before, long After, long Failed);

/// <summary>
/// Hears what an ingest does as it goes, so each caller can report in its own way (the CLI on standard error, the
/// server in its answer). Every member has an empty default.
/// </summary>
public interface IIngestObserver
{
    /// <summary>An input that is not a document was skipped (a FIFO, a link loop, the store itself): not read, not quarantined.</summary>
    /// <param name="skipped">The reader's result, with its DY1006 warning.</param>
    void InputSkipped(ArticleRejected skipped)
    {
    }

    /// <summary>The reader rejected a document; it has been quarantined.</summary>
    /// <param name="rejected">The reader's result.</param>
    void Rejected(ArticleRejected rejected)
    {
    }

    /// <summary>The reader made an article (perhaps with warnings in its diagnostics).</summary>
    /// <param name="article">The article.</param>
    void Read(Article article)
    {
    }

    /// <summary>A stage of the analysis failed on a document.</summary>
    /// <param name="article">The document.</param>
    /// <param name="failure">The failure, naming the stage.</param>
    void Failed(Article article, StageFailedException failure)
    {
    }

    /// <summary>A document's outcome is known.</summary>
    /// <param name="outcome">The outcome.</param>
    void Done(DocumentOutcome outcome)
    {
    }

    /// <summary>A batch was stored (or found stored); the totals so far.</summary>
    /// <param name="totals">The run's totals so far.</param>
    void BatchStored(IngestTotals totals)
    {
    }
}
