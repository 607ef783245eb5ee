using System.Collections.Immutable;

namespace Dyad.Geo;

/// <summary>
/// The geocoder as a pipeline stage: finds and resolves the place names of a tokenized document and sets
/// <see cref="Document.Toponyms"/>. When the coder has run, its events' actor countries are the document's country
/// context ("Alexandria" in a story whose actors are Egyptian is in Egypt).
/// </summary>
/// <remarks>Thread-safe: the geocoder holds no per-call state.</remarks>
public sealed class ToponymStage : IStage
{
    /// <summary>The stage's name.</summary>
    public const string StageName = "toponyms.v1";

    private readonly Geocoder _geocoder;

    /// <summary>Creates the stage over <paramref name="geocoder"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="geocoder"/> is null.</exception>
    public ToponymStage(Geocoder geocoder)
    {
        ArgumentNullException.ThrowIfNull(geocoder);
        _geocoder = geocoder;
    }

    /// <inheritdoc/>
    public string Name => StageName;

    /// <inheritdoc/>
    /// <exception cref="StageOrderException">The document has no tokens.</exception>
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        var context = document.Events.IsDefault
            ? null
            : document.Events.SelectMany(e => new[] { e.Source, e.Target }).Where(c => c.IsKnown).Select(c => c.Value).ToList();
        return document with { Toponyms = [.. _geocoder.Geocode(document, context)] };
    }
}
