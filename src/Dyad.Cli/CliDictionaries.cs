using System.CommandLine;
using Dyad.Coding.Dictionaries;

namespace Dyad.Cli;

/// <summary>Finds and loads the dictionaries a coding command uses: a folder of PETRARCH/Phoenix files given with <c>--dictionaries</c>.</summary>
internal static class CliDictionaries
{
    public static Option<DirectoryInfo?> Option() => new("--dictionaries") { Description = "A folder of dictionaries: PETRARCH's Phoenix files (CAMEO.2.0.txt, Phoenix.*.txt)." };

    /// <summary>
    /// Writes the first few dictionary errors and how many there were in all: the lines were skipped, coding goes on,
    /// and a long list on every run would hide the command's own messages.
    /// </summary>
    public static void Report(IEnumerable<Diagnostic> diagnostics, TextWriter error, int shown = 3)
    {
        var errors = diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        foreach (var diagnostic in errors.Take(shown))
        {
            error.WriteLine(diagnostic);
        }

        if (errors.Count > shown)
        {
            error.WriteLine($"dyad: {errors.Count} dictionary lines in all were skipped as malformed ({errors.Count - shown} more not shown).");
        }
    }

    /// <summary>Loads the dictionaries of <paramref name="directory"/>; diagnostics that are errors are written to <paramref name="error"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist or holds no dictionaries Dyad knows.</exception>
    public static DictionarySet Load(DirectoryInfo? directory, TextWriter error)
    {
        if (directory is null)
        {
            throw new DirectoryNotFoundException("no dictionaries given: pass --dictionaries DIR (a folder of PETRARCH/Phoenix files).");
        }

        if (!directory.Exists)
        {
            throw new DirectoryNotFoundException($"{ErrorCodes.InputUnreadable}: the dictionary folder {directory.FullName} does not exist.");
        }

        if (!File.Exists(Path.Combine(directory.FullName, "CAMEO.2.0.txt")))
        {
            throw new DirectoryNotFoundException($"{ErrorCodes.InputUnreadable}: {directory.FullName} holds no dictionaries Dyad knows (expected CAMEO.2.0.txt and Phoenix.*.txt).");
        }

        var set = DictionarySet.Load(DictionaryFiles.Phoenix(directory.FullName));
        Report(set.Diagnostics, error);
        return set;
    }
}
