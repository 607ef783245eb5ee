namespace Dyad.Tests;

/// <summary>Locates the repository and the shared PETRARCH data, and feeds snippets to readers.</summary>
internal static class TestData
{
    private static readonly Lazy<string?> Root = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dyad.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName;
    });

    /// <summary>The repository root (the folder holding Dyad.slnx).</summary>
    public static string RepositoryRoot => Root.Value ?? throw new InvalidOperationException("Dyad.slnx not found above " + AppContext.BaseDirectory);

    /// <summary><c>&lt;root&gt;/../shared/data/petrarch</c>.</summary>
    public static string PetrarchFolder => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", "petrarch"));

    /// <summary>The validation suite folder.</summary>
    public static string SuiteFolder => Path.Combine(PetrarchFolder, "validate-suite");

    /// <summary>The Phoenix dictionaries folder.</summary>
    public static string PhoenixFolder => Path.Combine(PetrarchFolder, "phoenix");

    /// <summary>Skips the calling test when the shared PETRARCH data (the Phoenix dictionaries and the validation suite) is not checked out next to the repository.</summary>
    public static void RequireSharedData() => Require(PhoenixFolder, SuiteFolder);

    /// <summary>Skips the calling test when the shared validation suite is not checked out next to the repository.</summary>
    public static void RequireSuite() => Require(SuiteFolder);

    /// <summary>Joins snippet lines with '\n'.</summary>
    public static StringReader Lines(params string[] lines) => new(string.Join('\n', lines));

    private static void Require(params string[] folders)
    {
        if (!folders.All(Directory.Exists))
        {
            Assert.Skip($"The shared PETRARCH data is not at {PetrarchFolder}; check out ../shared/data/petrarch next to the repository to run this test.");
        }
    }
}
