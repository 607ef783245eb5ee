using System.Text.Json;
using Dyad.Cli;

namespace Dyad.Cli.Tests;

/// <summary><c>dyad bench load</c> over a real DuckDB store made by <c>dyad ingest</c>: it reports, it never asserts a speed.</summary>
public sealed class BenchLoadCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dyad-load-" + Guid.NewGuid().ToString("N"));

    public BenchLoadCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = DyadCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void BenchLoad_DrivesEveryReadEndpoint_AndReportsEachWithoutErrors()
    {
        // Given a store holding an article's events
        var article = Path.Combine(_folder, "news.txt");
        File.WriteAllText(article, "Talks in Moscow\n\nPublished: 12 November 2015\n\nThe Iraqi delegation arrived in Moscow on Wednesday. Turkey accused Russia of bombing Aleppo.\n");
        var store = Path.Combine(_folder, "t.duckdb");
        var (ingest, _, ingestError) = Run("ingest", article, "--store", store, "--progress", "none");
        Assert.True(ingest == ExitCodes.Ok, ingestError);

        // When four clients load its server for a moment
        var (exit, output, error) = Run("bench", "load", "--store", store, "--clients", "4", "--seconds", "1", "--json");

        // Then every endpoint was asked and answered, and the figures are reported
        Assert.True(exit == ExitCodes.Ok, error + output);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(4, root.GetProperty("clients").GetInt32());
        Assert.Equal(0, root.GetProperty("errors").GetInt32());
        var endpoints = root.GetProperty("endpoints").EnumerateArray().ToList();
        Assert.Equal(6, endpoints.Count);
        foreach (var e in endpoints)
        {
            Assert.True(e.GetProperty("requests").GetInt32() > 0, e.ToString());
            Assert.Equal(0, e.GetProperty("errors").GetInt32());
            Assert.True(e.GetProperty("p99_ms").GetDouble() >= e.GetProperty("p50_ms").GetDouble(), e.ToString());
        }

        Assert.True(root.GetProperty("working_set_after_mb").GetDouble() > 0);
    }

    [Theory]
    [InlineData("--clients", "0")]
    [InlineData("--seconds", "0")]
    public void BenchLoad_OutOfRangeSizes_AreUsageErrors(string option, string value)
    {
        var (exit, _, error) = Run("bench", "load", "--store", Path.Combine(_folder, "none.duckdb"), option, value);
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--clients takes", error, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchLoad_NoStore_IsAnInputProblem()
    {
        var (exit, _, error) = Run("bench", "load", "--store", Path.Combine(_folder, "none.duckdb"), "--seconds", "0.2");
        Assert.Equal(ExitCodes.InputProblem, exit);
        Assert.Contains(ErrorCodes.StoreUnavailable, error, StringComparison.Ordinal);
    }
}
