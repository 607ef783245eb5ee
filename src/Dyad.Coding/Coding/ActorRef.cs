namespace Dyad.Coding.Coding;

/// <summary>A resolved actor: its code (agents applied) and the document tokens it spans.</summary>
/// <param name="Code">The actor code, <c>---</c> when unknown.</param>
/// <param name="Span">The words it was found in, as document indexes.</param>
internal sealed record ActorRef(string Code, TokenSpan Span)
{
    /// <summary>No actor: code <c>---</c>, no words.</summary>
    public static ActorRef Unknown { get; } = new("---", TokenSpan.None);
}
