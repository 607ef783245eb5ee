using System.CommandLine;
using Dyad.Analysis;
using Dyad.Analysis.Evaluation;
using Dyad.Coding.Coding;

namespace Dyad.Cli;

/// <summary>What <c>eval events</c> and <c>train events</c> share: the coder they learn from and the gold files read, parsed and coded by its rules.</summary>
internal static class CliEventGold
{
    /// <summary>
    /// The coder (with the conventions its dictionaries call for) and each gold file parsed and coded by its rules; the
    /// records that could not be used are reported on <paramref name="error"/>. Null, with a message, when a file is missing.
    /// </summary>
    public static (EventCoder Coder, IReadOnlyList<ParsedGoldSet> Sets)? Load(ParseResult parsed, IReadOnlyList<FileInfo> files, Option<DirectoryInfo?> dictionaries, Option<DirectoryInfo?> models, Option<int?> beam, Option<bool> fast, TextWriter error)
    {
        var missing = files.FirstOrDefault(f => !f.Exists);
        if (missing is not null)
        {
            error.WriteLine($"dyad: {ErrorCodes.InputUnreadable}: gold file {missing.FullName} does not exist.");
            return null;
        }

        var folder = parsed.GetValue(dictionaries);
        var coder = new EventCoder(CliDictionaries.Load(folder, error), CliDictionaries.CodingOptionsFor(null, CliDictionaries.IsPhoenix(folder)));
        var analyzer = new ArticleAnalyzer(CliPipeline.Load(parsed, models, beam, fast), coder, geocoder: null);
        var problems = new List<string>();
        var sets = files.Select(f => EventEvaluation.Parse(f.FullName, analyzer, problems)).ToList();
        problems.ForEach(error.WriteLine);
        return (coder, sets);
    }
}
