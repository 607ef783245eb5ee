namespace Dyad;

/// <summary>One step of the pipeline: takes a document and returns it with more annotations.</summary>
/// <remarks>Implementations hold only read-only state after construction and are safe to call from many threads.</remarks>
public interface IStage
{
    /// <summary>Unique, versioned name such as <c>tagger.v1</c>.</summary>
    string Name { get; }

    /// <summary>Adds this stage's annotations to <paramref name="document"/>.</summary>
    /// <exception cref="StageOrderException">An annotation this stage needs has not been made yet.</exception>
    Document Process(Document document, CancellationToken cancellationToken);
}

/// <summary>Thrown when a stage runs before the stage that makes its input (code <see cref="ErrorCodes.StageOrder"/>).</summary>
public sealed class StageOrderException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="stage"/>, which needs the output of <paramref name="missing"/>.</summary>
    public StageOrderException(string stage, string missing)
        : base($"{ErrorCodes.StageOrder}: stage '{stage}' needs '{missing}' to run first; build the pipeline in order.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StageOrderException() { }

    /// <summary>Creates the exception with a message.</summary>
    public StageOrderException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public StageOrderException(string message, Exception innerException) : base(message, innerException) { }
}
