using Dyad.Coding.Codes;

namespace Dyad.Coding.Tests;

public class CameoTableTests
{
    [Fact]
    public void The_shipped_table_holds_every_code_with_its_facts()
    {
        var table = CameoTable.Default;
        Assert.Equal(312, table.Count);
        var aid = table.Find("0332")!;
        Assert.Equal("03", aid.Root);
        Assert.Equal(5.2, aid.Goldstein);
        Assert.Equal(QuadClass.VerbalCooperation, aid.QuadClass);
        Assert.Equal(new PloverCoding("AGREE", "", "military"), aid.Plover);

        var air = table.Find("195")!;
        Assert.Equal(QuadClass.MaterialConflict, air.QuadClass);
        Assert.Equal(-10, air.Goldstein);
        Assert.Equal("ASSAULT", air.Plover.Event);

        Assert.Equal("visit", table.Find("042")!.Plover.Mode);
    }

    [Theory]
    [InlineData("01", QuadClass.VerbalCooperation)]
    [InlineData("057", QuadClass.VerbalCooperation)]
    [InlineData("06", QuadClass.MaterialCooperation)]
    [InlineData("0874", QuadClass.MaterialCooperation)]
    [InlineData("10", QuadClass.VerbalConflict)]
    [InlineData("1411", QuadClass.VerbalConflict)]
    [InlineData("15", QuadClass.MaterialConflict)]
    [InlineData("204", QuadClass.MaterialConflict)]
    public void QuadClass_follows_the_root(string code, QuadClass expected) => Assert.Equal(expected, CameoTable.Default.Find(code)!.QuadClass);

    [Fact]
    public void A_finer_code_than_CAMEO_takes_its_parent_and_nonsense_gives_null()
    {
        Assert.Equal("087", CameoTable.Default.Find("0879")!.Code);
        Assert.Null(CameoTable.Default.Find("99"));
        Assert.Null(CameoTable.Default.Find("---"));
        Assert.Null(CameoTable.Default.Find(""));
    }

    [Fact]
    public void A_malformed_row_names_its_line()
    {
        var e = Assert.Throws<FormatException>(() => CameoTable.Read(new StringReader("# c\nheader\n010\t01\t1\tx\t\t\t\tMake statement\n")));
        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
    }
}
