namespace Dyad.Analysis.Tests;

/// <summary>Locates the repository and the shared PETRARCH data.</summary>
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

    /// <summary>Skips the calling test when the shared validation suite is not checked out next to the repository.</summary>
    public static void RequireSharedData()
    {
        if (!Directory.Exists(SuiteFolder))
        {
            Assert.Skip($"The shared PETRARCH data is not at {PetrarchFolder}; check out ../shared/data/petrarch next to the repository to run this test.");
        }
    }
}
