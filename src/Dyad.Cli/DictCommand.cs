using System.CommandLine;
using System.Globalization;
using Dyad.Coding.KnowledgeBase;

namespace Dyad.Cli;

/// <summary><c>dyad dict check [DIR] [--stats] [--json]</c>: lints Dyad's knowledge base (data/kb by default).</summary>
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
        var check = new Command("check", "Lint a knowledge base: malformed lines, unknown codes, conflicting phrases, overlapping roles, patterns that never match. Exit 0 without errors, 1 with errors.")
        {
            directory, stats, json,
        };
        check.SetAction(parsed => Check(
            KnowledgeBaseLocator.Find(parsed.GetValue(directory)?.ToString()),
            parsed.GetValue(stats),
            parsed.GetValue(json),
            parsed.InvocationConfiguration.Output,
            parsed.InvocationConfiguration.Error));
        return new Command("dict", "Work with Dyad's knowledge base (data/kb/README.md describes its format).") { check };
    }

    private static int Check(string folder, bool withStats, bool asJson, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(folder))
        {
            error.WriteLine($"dyad: {ErrorCodes.InputUnreadable}: the knowledge-base folder {folder} does not exist. Give the folder, or set DYAD_KB.");
            return ExitCodes.InputProblem;
        }

        var report = KnowledgeBaseLint.Check(folder);
        var exit = report.HasErrors ? HasErrors : ExitCodes.Ok;
        if (asJson)
        {
            Json.Write(output, new
            {
                Directory = folder,
                Errors = report.ErrorCount,
                Warnings = report.WarningCount,
                Findings = report.Findings.Select(f => new
                {
                    Severity = f.Severity == Severity.Error ? "error" : "warning",
                    f.Code,
                    File = Path.Join(folder, f.File),
                    f.Line,
                    f.Message,
                }),
                Stats = withStats ? report.Stats : null,
            });
            return exit;
        }

        foreach (var finding in report.Findings)
        {
            output.WriteLine(finding with { File = Path.Join(folder, finding.File) });
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{folder}: {report.ErrorCount} error(s), {report.WarningCount} warning(s)"));
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
