using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dyad.Coding.Coding;
using Dyad.Documents;
using Dyad.Events;
using Dyad.Server;
using Dyad.Store;

namespace Dyad.Cli;

/// <summary>
/// <c>dyad bench serve --events N [--repeat N] [--json]</c>: fills a temporary DuckDB store with synthetic events,
/// starts the server in this process on a loopback port, runs the dashboard's requests and prints p50 and p99 latency
/// per request.
/// </summary>
internal static class BenchServeCommand
{
    private const int EventsPerDocument = 5;

    // Countries with a capital's coordinates, so the synthetic events have places to draw.
    private static readonly (string Code, string Iso2, string Capital, double Lat, double Lon)[] Countries =
    [
        ("USA", "US", "Washington", 38.9, -77.04), ("RUS", "RU", "Moscow", 55.75, 37.62), ("UKR", "UA", "Kyiv", 50.45, 30.52),
        ("CHN", "CN", "Beijing", 39.9, 116.4), ("FRA", "FR", "Paris", 48.85, 2.35), ("DEU", "DE", "Berlin", 52.52, 13.4),
        ("GBR", "GB", "London", 51.51, -0.13), ("TUR", "TR", "Ankara", 39.93, 32.86), ("IRN", "IR", "Tehran", 35.69, 51.39),
        ("IRQ", "IQ", "Baghdad", 33.31, 44.36), ("SYR", "SY", "Damascus", 33.51, 36.29), ("ISR", "IL", "Jerusalem", 31.77, 35.21),
        ("EGY", "EG", "Cairo", 30.04, 31.24), ("IND", "IN", "New Delhi", 28.61, 77.21), ("PAK", "PK", "Islamabad", 33.69, 73.06),
        ("JPN", "JP", "Tokyo", 35.68, 139.69), ("KOR", "KR", "Seoul", 37.57, 126.98), ("BRA", "BR", "Brasilia", -15.79, -47.88),
        ("NGA", "NG", "Abuja", 9.07, 7.4), ("ZAF", "ZA", "Pretoria", -25.75, 28.19), ("SAU", "SA", "Riyadh", 24.69, 46.72),
        ("MEX", "MX", "Mexico City", 19.43, -99.13), ("POL", "PL", "Warsaw", 52.23, 21.01), ("AFG", "AF", "Kabul", 34.53, 69.17),
    ];

    // (CAMEO code, QuadClass, Goldstein, PLOVER event, verb)
    private static readonly (string Code, int Quad, double Goldstein, string Plover, string Verb)[] Codes =
    [
        ("010", 1, 0.0, "CONSULT", "said"), ("036", 1, 4.0, "CONSULT", "offered talks with"), ("042", 1, 1.9, "CONSULT", "visited"),
        ("043", 1, 2.8, "CONSULT", "hosted"), ("051", 1, 3.4, "SUPPORT", "praised"), ("057", 1, 8.0, "AGREE", "signed a deal with"),
        ("061", 2, 6.4, "COOPERATE", "cooperated with"), ("071", 2, 7.4, "AID", "sent aid to"), ("111", 3, -2.0, "ACCUSE", "criticised"),
        ("112", 3, -2.0, "ACCUSE", "accused"), ("130", 3, -4.4, "THREATEN", "threatened"), ("172", 4, -5.0, "SANCTION", "sanctioned"),
        ("190", 4, -10.0, "ASSAULT", "attacked"), ("195", 4, -10.0, "ASSAULT", "bombed"),
    ];

    public static Command Create()
    {
        var events = new Option<int>("--events") { Description = "Synthetic events to store.", DefaultValueFactory = _ => 100_000 };
        var repeat = new Option<int>("--repeat") { Description = "Times each request is timed (after one warm-up).", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("serve", "Time the server's dashboard requests on a temporary store of synthetic events (p50/p99 per request).") { events, repeat, json };
        command.SetAction(parsed => Run(parsed.GetValue(events), parsed.GetValue(repeat), parsed.GetValue(json), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error).GetAwaiter().GetResult());
        return command;
    }

    private static async Task<int> Run(int eventCount, int repeat, bool json, TextWriter output, TextWriter error)
    {
        if (eventCount < EventsPerDocument || repeat < 1)
        {
            error.WriteLine($"dyad: --events must be at least {EventsPerDocument} and --repeat at least 1.");
            return ExitCodes.Usage;
        }

        var folder = Directory.CreateTempSubdirectory("dyad-bench-serve-").FullName;
        try
        {
            await using var store = await EventStore.OpenAsync(Path.Combine(folder, "bench.duckdb"));
            var fill = Stopwatch.StartNew();
            await FillAsync(store, eventCount);
            var fillSeconds = fill.Elapsed.TotalSeconds;
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dyad: stored {eventCount} synthetic events in {fillSeconds:0.0} s; timing {repeat} runs of each request"));

            var app = DyadServer.Build(new DyadServerOptions { Store = store, Token = WriteToken.Generate(), Urls = ["http://127.0.0.1:0"] });
            await app.StartAsync();
            try
            {
                using var client = new HttpClient { BaseAddress = DyadServer.Address(app) };
                var first = await FirstEventIdAsync(client);
                var requests = new (string Name, string Path)[]
                {
                    ("summary", "/api/summary"),
                    ("timeline month", "/api/timeline?bucket=month"),
                    ("timeline day, one year", "/api/timeline?bucket=day&from=2023-01-01&to=2023-12-31"),
                    ("dyad series", "/api/series?bucket=month&top=10"),
                    ("top dyads", "/api/dyads?top=50"),
                    ("top actors", "/api/actors?top=20"),
                    ("places", "/api/places?limit=2000"),
                    ("events page 1", "/api/events?limit=50"),
                    ("events page 200", "/api/events?limit=50&offset=10000"),
                    ("events filtered", "/api/events?country=RUS&from=2023-03-01&to=2023-09-30&root=19&limit=50"),
                    ("events text search", "/api/events?text=sanctioned&limit=50"),
                    ("timeline filtered", "/api/timeline?bucket=month&actor=UKR&code=19"),
                    ("event detail", $"/api/events/{first}"),
                };
                var results = new List<RequestTiming>();
                foreach (var (name, path) in requests)
                {
                    await GetAsync(client, path);
                    var times = new double[repeat];
                    for (var i = 0; i < repeat; i++)
                    {
                        var start = Stopwatch.GetTimestamp();
                        await GetAsync(client, path);
                        times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    }

                    Array.Sort(times);
                    results.Add(new RequestTiming(name, path, Math.Round(Percentile(times, 0.50), 2), Math.Round(Percentile(times, 0.99), 2), Math.Round(times[^1], 2)));
                }

                var report = new ServeBenchmark(eventCount, eventCount / EventsPerDocument, repeat, Math.Round(fillSeconds, 2), Math.Round(results.Max(r => r.P99Ms), 2), results);
                if (json)
                {
                    Json.Write(output, report);
                }
                else
                {
                    output.WriteLine($"{"request",-24} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
                    foreach (var r in results)
                    {
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Name,-24} {r.P50Ms,8:0.00} {r.P99Ms,8:0.00} {r.MaxMs,8:0.00}"));
                    }

                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"worst p99: {report.WorstP99Ms:0.00} ms over {eventCount} events"));
                }
            }
            finally
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }

            return ExitCodes.Ok;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        _ = await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<long> FirstEventIdAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/events?limit=1", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var page = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return page.RootElement.GetProperty("items")[0].GetProperty("id").GetInt64();
    }

    /// <summary>Stores synthetic documents of <see cref="EventsPerDocument"/> events each, dated over 2022 to 2024, in batches.</summary>
    private static async Task FillAsync(IEventStore store, int eventCount)
    {
        var random = new Random(20240301);
        var start = new DateOnly(2022, 1, 1);
        var batch = new List<IngestDocument>();
        for (var d = 0; d < eventCount / EventsPerDocument; d++)
        {
            var day = start.AddDays(random.Next(3 * 365));
            var text = new System.Text.StringBuilder();
            var mentions = new List<EventRecord>();
            for (var k = 0; k < EventsPerDocument; k++)
            {
                // A few countries dominate, as in news.
                var source = Countries[Math.Min(random.Next(Countries.Length), random.Next(Countries.Length))];
                var target = Countries[Math.Min(random.Next(Countries.Length), random.Next(Countries.Length))];
                var code = Codes[random.Next(Codes.Length)];
                var sentence = $"{Name(source.Code)} {code.Verb} {Name(target.Code)} in {target.Capital} (report {d}).";
                var at = text.Length;
                text.Append(sentence).Append(' ');
                var verbAt = at + Name(source.Code).Length + 1;
                var targetAt = verbAt + code.Verb.Length + 1;
                var evidence = new EventEvidence(
                    "doc",
                    k + 1,
                    sentence,
                    at,
                    at + sentence.Length,
                    new TextSpan(Name(source.Code), at, at + Name(source.Code).Length),
                    new TextSpan(code.Verb, verbAt, verbAt + code.Verb.Length),
                    new TextSpan(Name(target.Code), targetAt, targetAt + Name(target.Code).Length));
                var location = random.Next(4) == 0 ? null : new EventPlace(target.Capital, target.Iso2, null, target.Lat, target.Lon, null, "city");
                mentions.Add(new EventRecord(day, "day", null, source.Code, target.Code, code.Code, code.Quad, code.Goldstein, new PloverFields(code.Plover, null, null), location, evidence, "* " + code.Verb.ToUpperInvariant(), "synthetic:" + code.Code, null));
            }

            batch.Add(new IngestDocument(
                new DocumentInput(text.ToString()) { Id = "synthetic-" + d.ToString(CultureInfo.InvariantCulture), Title = "Synthetic report " + d.ToString(CultureInfo.InvariantCulture), Source = "bench.example", Published = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) },
                mentions));
            if (batch.Count == 2000)
            {
                await store.StoreAsync(batch, "kb-bench", CancellationToken.None);
                batch.Clear();
            }
        }

        await store.StoreAsync(batch, "kb-bench", CancellationToken.None);
    }

    private static string Name(string code) => code switch
    {
        "USA" => "The United States",
        "GBR" => "Britain",
        _ => code[0] + code[1..].ToLowerInvariant(),
    };

    private sealed record RequestTiming(string Name, string Path, double P50Ms, double P99Ms, double MaxMs);

    private sealed record ServeBenchmark(int Events, int Documents, int Repeat, double FillSeconds, double WorstP99Ms, IReadOnlyList<RequestTiming> Requests);
}
