using System.Collections.Immutable;
using System.Globalization;

namespace Dyad.Coding.KnowledgeBase;

/// <summary>One problem the lint found in a knowledge base.</summary>
/// <param name="Severity">An error (the knowledge base should not ship with it) or a warning.</param>
/// <param name="Code">Stable code from <see cref="ErrorCodes"/>, such as <c>DY3013</c>.</param>
/// <param name="File">The file, relative to the knowledge-base folder with <c>/</c> separators, such as <c>verbs/04-consult.txt</c>.</param>
/// <param name="Line">1-based line number; 0 when the finding concerns the whole file or folder.</param>
/// <param name="Message">What was expected, what was found and what to do.</param>
public sealed record KnowledgeBaseFinding(Severity Severity, string Code, string File, int Line, string Message)
{
    /// <summary>Formats as <c>file:line: error|warning: message [CODE]</c>, the way compilers print.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? File + ":" + Line.ToString(CultureInfo.InvariantCulture) : File;
        return $"{where}: {(Severity == Severity.Error ? "error" : "warning")}: {Message} [{Code}]";
    }
}

/// <summary>What a knowledge base holds, as <c>dyad dict check --stats</c> prints it.</summary>
/// <param name="Countries">Lines of countries.txt.</param>
/// <param name="Agents">Lines of agents.txt (one concept each).</param>
/// <param name="Organisations">Lines of organisations.txt.</param>
/// <param name="People">People of people.txt.</param>
/// <param name="PersonRoles">Role lines of people.txt.</param>
/// <param name="Verbs">Distinct verb lemmas.</param>
/// <param name="VerbPatterns">Pattern lines.</param>
/// <param name="SynonymSets">Declared synonym sets.</param>
/// <param name="Discards">Lines of discards.txt.</param>
/// <param name="CameoCodesCovered">Distinct CAMEO event codes (of the code table) that some pattern gives.</param>
public sealed record KnowledgeBaseStats(int Countries, int Agents, int Organisations, int People, int PersonRoles, int Verbs, int VerbPatterns, int SynonymSets, int Discards, int CameoCodesCovered);

/// <summary>The lint's result for one knowledge-base folder: its findings (by file, then line) and its counts.</summary>
public sealed class KnowledgeBaseReport
{
    internal KnowledgeBaseReport(string directory, ImmutableArray<KnowledgeBaseFinding> findings, KnowledgeBaseStats stats)
    {
        Directory = directory;
        Findings = findings;
        Stats = stats;
    }

    /// <summary>The folder checked, as given.</summary>
    public string Directory { get; }

    /// <summary>The findings, ordered by file and line.</summary>
    public ImmutableArray<KnowledgeBaseFinding> Findings { get; }

    /// <summary>The counts.</summary>
    public KnowledgeBaseStats Stats { get; }

    /// <summary>Number of findings that are errors.</summary>
    public int ErrorCount => Findings.Count(f => f.Severity == Severity.Error);

    /// <summary>Number of findings that are warnings.</summary>
    public int WarningCount => Findings.Count(f => f.Severity == Severity.Warning);

    /// <summary>True when at least one finding is an error.</summary>
    public bool HasErrors => ErrorCount > 0;
}
