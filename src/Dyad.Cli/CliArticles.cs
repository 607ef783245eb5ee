using System.CommandLine;
using System.Globalization;
using Dyad.Analysis;
using Dyad.Coding.Coding;
using Dyad.Coding.Learned;
using Dyad.Geo;
using Dyad.Ingest;

namespace Dyad.Cli;

/// <summary>
/// What the article commands (<c>code</c>, <c>places</c>, <c>ingest</c>) share: the <c>--date</c> option, the article reader
/// and the loaded analyzer (models, knowledge base, gazetteer).
/// </summary>
internal static class CliArticles
{
    public static Option<string?> DateOption() => new("--date") { Description = "The publication date (YYYY-MM-DD) of every input; it wins over dates found in the inputs. Events are dated from their text against it." };

    /// <summary>Reads <c>--date</c>; false (with a message) when it is not a date.</summary>
    public static bool TryReadDate(ParseResult parsed, Option<string?> option, TextWriter error, out DateOnly? date)
    {
        date = null;
        if (parsed.GetValue(option) is not { } text)
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            error.WriteLine($"dyad: --date '{text}' is not a date of the form YYYY-MM-DD.");
            return false;
        }

        date = d;
        return true;
    }

    /// <summary>Every input's results, in order: files, directories, or standard input for <c>-</c> or none.</summary>
    public static IEnumerable<IngestResult> Read(IReadOnlyList<string> paths, DateOnly? date, CancellationToken cancellationToken = default) =>
        Read(paths, date, null, cancellationToken);

    /// <summary>Every input's results, in order: files, directories, or standard input for <c>-</c> or none.</summary>
    /// <param name="paths">Files, folders, or <c>-</c>.</param>
    /// <param name="date">The publication date of every input, or null.</param>
    /// <param name="store">The DuckDB store being written, if any: a folder walk skips it and its write-ahead log.</param>
    /// <param name="cancellationToken">Stops between documents.</param>
    public static IEnumerable<IngestResult> Read(IReadOnlyList<string> paths, DateOnly? date, string? store, CancellationToken cancellationToken)
    {
        var skip = store is null || Dyad.Store.EventStore.IsPostgres(store) ? [] : (string[])[store, store + ".wal"];
        var reader = new ArticleReader(new ReadOptions { PublicationDate = date is { } d ? new PublicationDate(d) : null, SkipPaths = skip });
        foreach (var path in paths.Count == 0 ? ["-"] : paths)
        {
            foreach (var result in reader.Read(path, cancellationToken))
            {
                yield return result;
            }
        }
    }

    /// <summary>
    /// The accepted articles of <paramref name="results"/>, in order; each rejected document and each article's errors
    /// and warnings are written to <paramref name="error"/>, and <paramref name="problem"/> is called once for every rejection that is an error.
    /// </summary>
    public static IEnumerable<Article> Accepted(IEnumerable<IngestResult> results, TextWriter error, Action problem)
    {
        foreach (var result in results)
        {
            if (result is ArticleRejected rejected)
            {
                Report(rejected, error);
                if (rejected.Problem.Severity == Severity.Error)
                {
                    problem();
                }

                continue;
            }

            var article = ((ArticleAccepted)result).Article;
            ReportDiagnostics(article, error);
            yield return article;
        }
    }

    /// <summary>Writes an accepted article's errors and warnings (invalid bytes, control characters, an unreadable date), one a line; returns how many were warnings.</summary>
    public static int ReportDiagnostics(Article article, TextWriter error)
    {
        var warnings = 0;
        foreach (var diagnostic in article.Diagnostics)
        {
            error.WriteLine($"{article.Input}: {diagnostic}");
            warnings += diagnostic.Severity == Severity.Warning ? 1 : 0;
        }

        return warnings;
    }

    /// <summary>Writes a rejected document's reason: input, place and problem.</summary>
    public static void Report(ArticleRejected rejected, TextWriter error)
    {
        var place = string.IsNullOrEmpty(rejected.Location) ? string.Empty : " " + rejected.Location;
        error.WriteLine($"{rejected.Input}{place}: {rejected.Problem.Severity.ToString().ToLowerInvariant()} {rejected.Problem.Code}: {rejected.Problem.Message}");
    }

    /// <summary>Writes that a stage of the analysis failed on <paramref name="article"/> (DY2005), naming the article and what became of it.</summary>
    public static void ReportFailure(Article article, StageFailedException failure, string outcome, TextWriter error)
    {
        var place = article.Location.Length > 0 ? " " + article.Location : string.Empty;
        error.WriteLine($"{article.Input}{place}: error: {ErrorCodes.AnalysisFailed}: {failure.Message}; {outcome}.");
    }

    /// <summary>The gazetteer shipped in models/geo (or <c>$DYAD_GAZETTEER</c>), or null with a warning when it is missing.</summary>
    public static Geocoder? LoadGeocoder(TextWriter error)
    {
        var path = Gazetteer.FindDefaultPath(AppContext.BaseDirectory) ?? Gazetteer.FindDefaultPath(Directory.GetCurrentDirectory());
        if (path is null)
        {
            error.WriteLine("dyad: warning: no gazetteer found (models/geo/gazetteer.tsv.gz or $DYAD_GAZETTEER): events get no location.");
            return null;
        }

        return new Geocoder(Gazetteer.Load(path));
    }

    public static Option<bool> RulesOnlyOption() => new("--rules-only") { Description = "Code with the rules alone, without the learned event model (models/en/events.model) that vetoes, re-types and adds events." };

    /// <summary>
    /// Loads everything an article needs: language models, dictionaries (the knowledge base by default), the gazetteer,
    /// and the learned event model when the dictionaries are Dyad's knowledge base (the model learned from its rules'
    /// proposals; with PETRARCH's dictionaries the rules code alone, like for like) and <paramref name="rulesOnly"/> is not set.
    /// The coder follows <paramref name="conventions"/> when given and set, else PETRARCH-2's conventions with PETRARCH's
    /// dictionaries and Dyad's otherwise.
    /// </summary>
    public static ArticleAnalyzer LoadAnalyzer(ParseResult parsed, Option<DirectoryInfo?> dictionaries, Option<DirectoryInfo?> models, Option<int?> beam, Option<bool> fast, TextWriter error, Option<bool>? rulesOnly = null, Option<string?>? conventions = null)
    {
        var folder = parsed.GetValue(dictionaries);
        var options = CliDictionaries.CodingOptionsFor(conventions is null ? null : parsed.GetValue(conventions), CliDictionaries.IsPhoenix(folder));
        var coder = new EventCoder(CliDictionaries.Load(folder, error), options);
        var pipeline = CliPipeline.Load(parsed, models, beam, fast);
        var model = (rulesOnly is not null && parsed.GetValue(rulesOnly)) || CliDictionaries.IsPhoenix(folder) ? null : LoadEventModel(parsed, models);
        return new ArticleAnalyzer(pipeline, coder, LoadGeocoder(error)) { Model = model };
    }

    /// <summary>The event model of the model directory, or null when it has none (the rules then code alone).</summary>
    public static EventModel? LoadEventModel(ParseResult parsed, Option<DirectoryInfo?> models)
    {
        var path = Path.Combine(ModelLocator.Find(parsed.GetValue(models)?.FullName), EventModel.FileName);
        return File.Exists(path) ? EventModel.Load(path) : null;
    }
}
