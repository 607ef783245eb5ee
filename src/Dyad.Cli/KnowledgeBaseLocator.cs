namespace Dyad.Cli;

/// <summary>
/// Finds the knowledge-base folder: an explicit path (<c>--dictionaries DIR</c> or a command's argument), then
/// $DYAD_KB, then data/kb under $DYAD_HOME, then the nearest data/kb above the program, then above the current directory.
/// </summary>
internal static class KnowledgeBaseLocator
{
    public const string RelativeDirectory = "data/kb";

    public static string Find(string? explicitPath)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return explicitPath;
        }

        if (Environment.GetEnvironmentVariable("DYAD_KB") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (Environment.GetEnvironmentVariable("DYAD_HOME") is { Length: > 0 } home && Directory.Exists(Path.Combine(home, RelativeDirectory)))
        {
            return Path.Combine(home, RelativeDirectory);
        }

        foreach (var start in (string[])[AppContext.BaseDirectory, Environment.CurrentDirectory])
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, RelativeDirectory);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return RelativeDirectory;
    }
}
