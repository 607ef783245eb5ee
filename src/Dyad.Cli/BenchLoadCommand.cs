using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dyad.Server;

namespace Dyad.Cli;

/// <summary>
/// <c>dyad bench load [--store ...] [--clients 50] [--seconds 30] [--json]</c>: serves the store in this process on a
/// loopback port and has N concurrent clients request the read endpoints for S seconds; prints requests per second,
/// p50, p99 and maximum latency and errors per endpoint, and this process's memory before and after (the server and the
/// clients share it). Every request goes to 127.0.0.1 and the run stops by itself.
/// </summary>
internal static class BenchLoadCommand
{
    // The endpoints a dashboard and API users read, each asked in turn by every client.
    private static readonly (string Name, string Path)[] Endpoints =
    [
        ("events", "/api/events?limit=50"),
        ("events filtered", "/api/events?root=19&limit=50"),
        ("series", "/api/series?bucket=month&top=10"),
        ("timeline", "/api/timeline?bucket=month"),
        ("dyads", "/api/dyads?top=50"),
        ("summary", "/api/summary"),
    ];

    public static Command Create()
    {
        var store = CliStore.StoreOption();
        var clients = new Option<int>("--clients") { Description = "Concurrent clients (1 to 1000).", DefaultValueFactory = _ => 50 };
        var seconds = new Option<double>("--seconds") { Description = "How long to run (0.1 to 600 seconds); every client asks every endpoint at least once.", DefaultValueFactory = _ => 30 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("load", "Serve the store on loopback and drive its read endpoints with concurrent clients; prints requests/s, p50/p99/max latency and errors per endpoint, and memory before and after.") { store, clients, seconds, json };
        command.SetAction(parsed => CliStore.Run(async cancellationToken =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            var clientCount = parsed.GetValue(clients);
            var duration = parsed.GetValue(seconds);
            if (clientCount is < 1 or > 1000 || duration is < 0.1 or > 600 || double.IsNaN(duration))
            {
                error.WriteLine("dyad: --clients takes 1 to 1000 and --seconds 0.1 to 600.");
                return ExitCodes.Usage;
            }

            var opened = await CliStore.OpenAsync(CliStore.Location(parsed, store), create: false, error, cancellationToken).ConfigureAwait(false);
            if (opened is null)
            {
                return ExitCodes.InputProblem;
            }

            await using (opened.ConfigureAwait(false))
            {
                var app = DyadServer.Build(new DyadServerOptions { Store = opened, Token = WriteToken.Generate(), Urls = ["http://127.0.0.1:0"] });
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var report = await DriveAsync(DyadServer.Address(app), clientCount, TimeSpan.FromSeconds(duration), cancellationToken).ConfigureAwait(false);
                    if (parsed.GetValue(json))
                    {
                        Json.Write(output, report);
                    }
                    else
                    {
                        output.WriteLine($"{"endpoint",-16} {"requests",9} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"errors",7}");
                        foreach (var e in report.Endpoints)
                        {
                            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Name,-16} {e.Requests,9} {e.RequestsPerSecond,9:0.0} {e.P50Ms,8:0.0} {e.P99Ms,8:0.0} {e.MaxMs,8:0.0} {e.Errors,7}"));
                        }

                        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.Clients} clients, {report.Seconds:0.0} s: {report.RequestsPerSecond:0.0} requests/s in all, {report.Errors} errors; working set {report.WorkingSetBeforeMb:0} MB before, {report.WorkingSetAfterMb:0} MB after"));
                    }

                    return report.Errors == 0 ? ExitCodes.Ok : ExitCodes.InputProblem;
                }
                finally
                {
                    await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                    await app.DisposeAsync().ConfigureAwait(false);
                }
            }
        }));
        return command;
    }

    private static async Task<LoadBenchmark> DriveAsync(Uri address, int clientCount, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clientCount }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var latencies = Endpoints.Select(_ => new ConcurrentBag<double>()).ToArray();
        var errors = new int[Endpoints.Length];
        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64;
        var clock = Stopwatch.StartNew();
        var deadline = duration;
        var workers = Enumerable.Range(0, clientCount).Select(c => Task.Run(
            async () =>
            {
                // Every client asks every endpoint at least once, so a short run on a slow machine still covers them all.
                for (var i = c; (i - c < Endpoints.Length || clock.Elapsed < deadline) && !cancellationToken.IsCancellationRequested; i++)
                {
                    var e = i % Endpoints.Length;
                    var start = Stopwatch.GetTimestamp();
                    try
                    {
                        using var response = await client.GetAsync(Endpoints[e].Path, cancellationToken).ConfigureAwait(false);
                        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                        if (!response.IsSuccessStatusCode)
                        {
                            Interlocked.Increment(ref errors[e]);
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref errors[e]);
                    }

                    latencies[e].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            },
            cancellationToken)).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var after = Process.GetCurrentProcess().WorkingSet64;
        var endpoints = Endpoints.Select((endpoint, e) =>
        {
            var sorted = latencies[e].Order().ToArray();
            return new EndpointLoad(
                endpoint.Name,
                endpoint.Path,
                sorted.Length,
                Math.Round(sorted.Length / seconds, 1),
                Math.Round(Percentile(sorted, 0.50), 1),
                Math.Round(Percentile(sorted, 0.99), 1),
                Math.Round(sorted.Length == 0 ? 0 : sorted[^1], 1),
                errors[e]);
        }).ToList();
        return new LoadBenchmark(
            clientCount,
            Math.Round(seconds, 2),
            Math.Round(endpoints.Sum(e => e.Requests) / seconds, 1),
            endpoints.Sum(e => e.Errors),
            Math.Round(before / 1048576.0, 1),
            Math.Round(after / 1048576.0, 1),
            endpoints);
    }

    /// <summary>The nearest-rank percentile of sorted values; 0 when there are none.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>What <c>dyad bench load</c> measured.</summary>
internal sealed record LoadBenchmark(int Clients, double Seconds, double RequestsPerSecond, int Errors, double WorkingSetBeforeMb, double WorkingSetAfterMb, IReadOnlyList<EndpointLoad> Endpoints);

/// <summary>One endpoint's share of a load run.</summary>
internal sealed record EndpointLoad(string Name, string Path, int Requests, double RequestsPerSecond, double P50Ms, double P99Ms, double MaxMs, int Errors);
