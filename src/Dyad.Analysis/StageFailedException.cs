namespace Dyad.Analysis;

/// <summary>
/// A stage of the analysis failed on one document: the tokenizer, tagger, lemmatizer or parser (<c>language</c>), the
/// rule coder (<c>coding</c>), the learned layer (<c>learned</c>), the geocoder (<c>places</c>), or the step that
/// dates and places each event (<c>date-and-place</c>). It names the stage, so the quarantine says where the document
/// broke, and wraps what the stage threw.
/// </summary>
public sealed class StageFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StageFailedException()
        : this("analysis", "The analysis failed.", null)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public StageFailedException(string message)
        : this("analysis", message, null)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">What the stage threw.</param>
    public StageFailedException(string message, Exception? innerException)
        : this("analysis", message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="stage"/>.</summary>
    /// <param name="stage">The stage's name.</param>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">What the stage threw.</param>
    public StageFailedException(string stage, string message, Exception? innerException)
        : base(message, innerException) => Stage = stage;

    /// <summary>The stage that failed.</summary>
    public string Stage { get; }

    /// <summary>Runs one stage's step, turning what it throws (but cancellation) into a <see cref="StageFailedException"/> naming the stage.</summary>
    /// <typeparam name="T">What the step gives.</typeparam>
    /// <param name="stage">The stage's name.</param>
    /// <param name="step">The step.</param>
    /// <returns>What the step gave.</returns>
    public static T Run<T>(string stage, Func<T> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        try
        {
            return step();
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not StageFailedException)
        {
            throw new StageFailedException(stage, $"The {stage} stage failed: {exception.GetType().Name}: {exception.Message}", exception);
        }
    }
}
