namespace Dyad.Core.Tests;

public sealed class ReadmeTests
{
    [Fact]
    public void Readme_ListsEveryErrorCode()
    {
        // Given the README at the repository root
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dyad.slnx")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var readme = File.ReadAllText(Path.Combine(directory.FullName, "README.md"));

        // Then every code of the catalog has a row there
        foreach (var code in ErrorCodes.Descriptions.Keys)
        {
            Assert.Contains($"| {code} |", readme, StringComparison.Ordinal);
        }
    }
}
