namespace Dyad.Store;

/// <summary>
/// The embedded store: one DuckDB database file (by default <c>./dyad.duckdb</c>). One process at a time may write it;
/// within it, reads may run on several threads at once, and writes should come one at a time.
/// </summary>
public static class DuckDbEventStore
{
    /// <summary>Opens (creating when missing) the store in the DuckDB file at <paramref name="path"/>.</summary>
    /// <param name="path">The file; its folder must exist.</param>
    /// <param name="clock">Stamps ingest and quarantine times; the system clock when null.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The open store; dispose it to close the file.</returns>
    /// <exception cref="InvalidDataException">The file was written by a newer schema version.</exception>
    public static async Task<SqlEventStore> OpenAsync(string path, TimeProvider? clock, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var dialect = await DuckDbDialect.OpenFileAsync(path, cancellationToken).ConfigureAwait(false);
        return await SqlEventStore.OpenAsync(dialect, clock, cancellationToken).ConfigureAwait(false);
    }
}
