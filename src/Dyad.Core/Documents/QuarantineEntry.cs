namespace Dyad.Documents;

/// <summary>An input that failed a stage, kept with the reason so it can be fixed and ingested again.</summary>
/// <param name="Input">The input's name (file, feed or document key).</param>
/// <param name="Place">Where in the input (line, entry); empty when the whole input failed.</param>
/// <param name="Stage">The stage that failed (such as <c>read</c>, <c>parse</c>, <c>code</c>, <c>store</c>).</param>
/// <param name="Reason">The error, with its code where it has one.</param>
/// <param name="Content">The content that failed, when there was any.</param>
/// <param name="At">When it was quarantined (UTC).</param>
public sealed record QuarantineEntry(string Input, string Place, string Stage, string Reason, string? Content, DateTimeOffset At);
