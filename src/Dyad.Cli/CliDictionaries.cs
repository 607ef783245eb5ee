using System.CommandLine;
using Dyad.Coding.Coding;
using Dyad.Coding.Dictionaries;

namespace Dyad.Cli;

/// <summary>Finds and loads the dictionaries a coding command uses: Dyad's knowledge base by default, or a folder given with <c>--dictionaries</c>.</summary>
internal static class CliDictionaries
{
    public static Option<DirectoryInfo?> Option() => new("--dictionaries") { Description = "A folder of dictionaries: a knowledge base in Dyad's format (default: Dyad's own, data/kb or $DYAD_KB) or PETRARCH's Phoenix files (CAMEO.2.0.txt, Phoenix.*.txt)." };

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

    /// <summary>The value of <c>--conventions</c> that codes by PETRARCH-2's conventions (<see cref="CodingOptions.Petrarch"/>).</summary>
    public const string PetrarchConventions = "petrarch";

    /// <summary>The value of <c>--conventions</c> that codes by Dyad's own (<see cref="CodingOptions.Default"/>).</summary>
    public const string DyadConventions = "dyad";

    /// <summary><c>--conventions dyad|petrarch</c>; when absent, the dictionaries decide (see <see cref="CodingOptionsFor"/>).</summary>
    public static Option<string?> ConventionsOption(string whenAbsent)
    {
        var option = new Option<string?>("--conventions")
        {
            Description = "Coding conventions: 'petrarch' codes as PETRARCH-2 does, for a like-for-like comparison (no intent rules: "
                + "'pledged to expel' is 174, not 137; future acts as the acts; a story discard drops the whole story), 'dyad' by "
                + "Dyad's own. " + whenAbsent,
        };
        option.AcceptOnlyFromAmong(DyadConventions, PetrarchConventions);
        return option;
    }

    /// <summary>
    /// The coding options for <paramref name="conventions"/> (<see cref="DyadConventions"/> or <see cref="PetrarchConventions"/>);
    /// when null, PETRARCH-2's with PETRARCH's dictionaries (<paramref name="petrarchDictionaries"/>) and Dyad's otherwise.
    /// </summary>
    public static CodingOptions CodingOptionsFor(string? conventions, bool petrarchDictionaries) =>
        (conventions ?? (petrarchDictionaries ? PetrarchConventions : DyadConventions)) == PetrarchConventions ? CodingOptions.Petrarch : CodingOptions.Default;

    /// <summary>True when <paramref name="directory"/> holds PETRARCH's Phoenix dictionaries (CAMEO.2.0.txt) rather than a Dyad knowledge base.</summary>
    public static bool IsPhoenix(DirectoryInfo? directory) => directory is not null && File.Exists(Path.Combine(directory.FullName, "CAMEO.2.0.txt"));

    /// <summary>The folder <c>--dictionaries</c> names, else Dyad's knowledge base.</summary>
    public static string Folder(DirectoryInfo? directory) => directory?.FullName ?? KnowledgeBaseLocator.Find(null);

    /// <summary>
    /// Loads the dictionaries of <paramref name="directory"/>: PETRARCH's Phoenix files when it holds CAMEO.2.0.txt, else a
    /// knowledge base in Dyad's format; with no folder given, Dyad's own knowledge base (see <see cref="KnowledgeBaseLocator"/>).
    /// Errors in the files are written to <paramref name="error"/> and the lines skipped.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static DictionarySet Load(DirectoryInfo? directory, TextWriter error)
    {
        var path = Folder(directory);
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"{ErrorCodes.InputUnreadable}: the dictionary folder {path} does not exist.");
        }

        var set = IsPhoenix(new DirectoryInfo(path))
            ? DictionarySet.Load(DictionaryFiles.Phoenix(path))
            : DictionarySet.LoadKnowledgeBase(path);
        Report(set.Diagnostics, error);
        return set;
    }
}
