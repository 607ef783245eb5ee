using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Dyad.Store.Export;

/// <summary>One update window written by <see cref="GdeltUpdates.WriteAsync"/>.</summary>
/// <param name="Start">The window's first instant (UTC); its files are named by it.</param>
/// <param name="Events">Rows of its events file (one-a-day events first seen in the window).</param>
/// <param name="Mentions">Rows of its mentions file (mentions whose document arrived in the window).</param>
/// <param name="Files">Its two files' list lines, <c>SIZE MD5 URL</c>: the events file, then the mentions file.</param>
public sealed record UpdateWindow(DateTimeOffset Start, long Events, long Mentions, IReadOnlyList<string> Files);

/// <summary>
/// Writes a store's events in GDELT 2.0's update layout: for each window of arrival time (documents' <c>ingested_at</c>)
/// that holds mentions, <c>YYYYMMDDHHMMSS.export.CSV.zip</c> and <c>YYYYMMDDHHMMSS.mentions.CSV.zip</c> (each zip one
/// entry, the name without <c>.zip</c>), then <c>lastupdate.txt</c> (the newest window's files) and new lines of
/// <c>masterfilelist.txt</c>, each line <c>SIZE MD5 URL</c>.
/// </summary>
public static partial class GdeltUpdates
{
    /// <summary>The file GDELT names the newest update's files in.</summary>
    public const string LastUpdate = "lastupdate.txt";

    /// <summary>The file GDELT lists every update file in.</summary>
    public const string MasterFileList = "masterfilelist.txt";

    /// <summary>Parses a window length: a positive whole number of minutes, hours or days (<c>15m</c>, <c>1h</c>, <c>1d</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="window">The length.</param>
    /// <returns>True when the text is such a length.</returns>
    public static bool TryParseWindow(string? text, out TimeSpan window)
    {
        window = default;
        var match = text is null ? Match.Empty : WindowPattern().Match(text);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0 || count > 366 * 24 * 60)
        {
            return false;
        }

        window = match.Groups[2].Value switch
        {
            "m" => TimeSpan.FromMinutes(count),
            "h" => TimeSpan.FromHours(count),
            _ => TimeSpan.FromDays(count),
        };
        return window <= TimeSpan.FromDays(366);
    }

    /// <summary>Parses a time: ISO 8601 (<c>2024-03-01T10:15:00Z</c>, <c>2024-03-01</c>; UTC when no offset is given) or GDELT's <c>YYYYMMDDHHMMSS</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="time">The time, in UTC.</param>
    /// <returns>True when the text is such a time.</returns>
    public static bool TryParseTime(string? text, out DateTimeOffset time)
    {
        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (!string.IsNullOrWhiteSpace(text)
            && (DateTimeOffset.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, Styles, out time)
                || (text.Length >= 10 && char.IsAsciiDigit(text[0]) && text[4] == '-' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Styles, out time))))
        {
            time = time.ToUniversalTime();
            return true;
        }

        time = default;
        return false;
    }

    /// <summary>The start of the window holding <paramref name="time"/>: windows are counted from 1970-01-01T00:00Z.</summary>
    /// <param name="time">A time.</param>
    /// <param name="window">The window length.</param>
    /// <returns>The window's first instant, in UTC.</returns>
    public static DateTimeOffset Floor(DateTimeOffset time, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var ticks = (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / window.Ticks * window.Ticks;
        return DateTimeOffset.UnixEpoch.AddTicks(ticks);
    }

    /// <summary>
    /// Writes the update files of every window from the one holding <paramref name="since"/> to the one holding the latest
    /// arrival, skipping windows without mentions, then <see cref="LastUpdate"/> (when a window was written) and the new
    /// lines of <see cref="MasterFileList"/> (a line already there is not written again).
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="filters">Filters besides arrival time; its paging and arrival window are not used.</param>
    /// <param name="since">The first time (rounded down to its window).</param>
    /// <param name="window">The window length.</param>
    /// <param name="folder">The folder to write (created when missing).</param>
    /// <param name="baseUrl">A URL the list lines put before each file name, or null for the bare name.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The windows written, oldest first.</returns>
    public static async Task<IReadOnlyList<UpdateWindow>> WriteAsync(IEventStore store, EventQuery filters, DateTimeOffset since, TimeSpan window, string folder, string? baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var query = filters with { Limit = null, Offset = 0, AddedFrom = Floor(since, window), AddedTo = null };

        // One pass over the mentions since the first window finds the windows that hold any.
        var starts = new SortedSet<DateTimeOffset>();
        await foreach (var mention in store.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            starts.Add(Floor(mention.Document.IngestedAt, window));
        }

        Directory.CreateDirectory(folder);
        var written = new List<UpdateWindow>();
        foreach (var start in starts)
        {
            var inWindow = query with { AddedFrom = start, AddedTo = start + window };
            var name = GdeltFormat.Timestamp(start);
            var (events, eventsLine) = await WriteZipAsync(store, ExportFormat.Gdelt, inWindow, folder, name + ".export.CSV", start, baseUrl, cancellationToken).ConfigureAwait(false);
            var (mentions, mentionsLine) = await WriteZipAsync(store, ExportFormat.Mentions, inWindow, folder, name + ".mentions.CSV", start, baseUrl, cancellationToken).ConfigureAwait(false);
            written.Add(new UpdateWindow(start, events, mentions, [eventsLine, mentionsLine]));
        }

        if (written.Count > 0)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, LastUpdate), string.Concat(written[^1].Files.Select(l => l + "\n")), cancellationToken).ConfigureAwait(false);
            var master = Path.Combine(folder, MasterFileList);
            var listed = File.Exists(master) ? new HashSet<string>(await File.ReadAllLinesAsync(master, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal) : [];
            var fresh = written.SelectMany(w => w.Files).Where(listed.Add).ToList();
            if (fresh.Count > 0)
            {
                var prefix = File.Exists(master) && new FileInfo(master).Length > 0 && !EndsWithNewline(master) ? "\n" : string.Empty;
                await File.AppendAllTextAsync(master, prefix + string.Concat(fresh.Select(l => l + "\n")), cancellationToken).ConfigureAwait(false);
            }
        }

        return written;
    }

    private static async Task<(long Rows, string Line)> WriteZipAsync(IEventStore store, ExportFormat format, EventQuery query, string folder, string entryName, DateTimeOffset start, string? baseUrl, CancellationToken cancellationToken)
    {
        var fileName = entryName + ".zip";
        var path = Path.Combine(folder, fileName);
        long rows;
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        await using (file.ConfigureAwait(false))
        {
            var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: false);
            await using (zip.ConfigureAwait(false))
            {
                var entry = zip.CreateEntry(entryName, CompressionLevel.Optimal);

                // The entry's time is the window's, not the clock's, so the same rows give the same bytes (and MD5) again.
                entry.LastWriteTime = start;
                var stream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
                var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
                await using (writer.ConfigureAwait(false))
                {
                    rows = await EventExport.WriteAsync(store, format, writer, query, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        var size = new FileInfo(path).Length;
        var md5 = await Md5Async(path, cancellationToken).ConfigureAwait(false);
        var url = baseUrl is null ? fileName : baseUrl.EndsWith('/') ? baseUrl + fileName : baseUrl + "/" + fileName;
        return (rows, string.Create(CultureInfo.InvariantCulture, $"{size} {md5} {url}"));
    }

    private static async Task<string> Md5Async(string path, CancellationToken cancellationToken)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
#pragma warning disable CA5351 // GDELT's update lists name each file by its MD5; it is a checksum here, not a security measure.
            var hash = await MD5.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
#pragma warning restore CA5351
            return Convert.ToHexStringLower(hash);
        }
    }

    private static bool EndsWithNewline(string path)
    {
        using var stream = File.OpenRead(path);
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }

    [GeneratedRegex("^([0-9]{1,6})([mhd])$", RegexOptions.CultureInvariant)]
    private static partial Regex WindowPattern();
}
