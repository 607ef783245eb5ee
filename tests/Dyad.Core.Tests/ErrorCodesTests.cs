using System.Reflection;

namespace Dyad.Core.Tests;

public sealed class ErrorCodesTests
{
    [Fact]
    public void ErrorCodes_EveryCodeIsDocumentedAndUnique()
    {
        // Given every public constant of the catalog
        var codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        // Then each has a description, none repeats, and all follow the DYnnnn form
        Assert.NotEmpty(codes);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        foreach (var code in codes)
        {
            Assert.Matches("^DY[1-6][0-9]{3}$", code);
            Assert.True(ErrorCodes.Descriptions.ContainsKey(code), $"{code} has no description");
        }

        Assert.Equal(codes.Count, ErrorCodes.Descriptions.Count);
    }
}
