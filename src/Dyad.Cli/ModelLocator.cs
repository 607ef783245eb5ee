namespace Dyad.Cli;

/// <summary>Finds the model directory: an explicit path, then $DYAD_MODELS, then models/en under $DYAD_HOME, then the nearest models/en above the program.</summary>
internal static class ModelLocator
{
    public const string RelativeModelDirectory = "models/en";

    public static string Find(string? explicitPath)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return explicitPath;
        }

        if (Environment.GetEnvironmentVariable("DYAD_MODELS") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (Environment.GetEnvironmentVariable("DYAD_HOME") is { Length: > 0 } home && Directory.Exists(Path.Combine(home, RelativeModelDirectory)))
        {
            return Path.Combine(home, RelativeModelDirectory);
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, RelativeModelDirectory);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return RelativeModelDirectory;
    }
}
