namespace Dyad.Core.Tests;

/// <summary>The error-code reference (docs/errors.md, linked from the README) keeps up with the catalogue.</summary>
public sealed class ErrorCodesDocTests
{
    [Fact]
    public void ErrorsDoc_ListsEveryErrorCode()
    {
        // Given docs/errors.md under the repository root
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dyad.slnx")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var errors = File.ReadAllText(Path.Combine(directory.FullName, "docs", "errors.md"));

        // Then every code of the catalog has a row there
        foreach (var code in ErrorCodes.Descriptions.Keys)
        {
            Assert.Contains($"| {code} |", errors, StringComparison.Ordinal);
        }
    }
}
