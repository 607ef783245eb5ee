using Dyad.Analysis;
using Dyad.Coding.Coding;
using Dyad.Coding.Dictionaries;
using Dyad.Geo;
using Dyad.Ingest;
using Dyad.Nlp;
using Dyad.Store;

[assembly: AssemblyFixture(typeof(Dyad.Server.Tests.ArticleStore))]

namespace Dyad.Server.Tests;

/// <summary>
/// A DuckDB store made by the real pipeline (Dyad's models, knowledge base and gazetteer) from the articles in
/// <c>Articles/articles.jsonl</c>, served on a loopback port for the whole test run.
/// </summary>
public sealed class ArticleStore : IAsyncLifetime
{
    public const string Token = "test-token-0123456789abcdef";
    public const string KnowledgeBase = "kb-test";

    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-server-tests-").FullName;
    private Microsoft.AspNetCore.Builder.WebApplication? _app;

    public IEventStore Store { get; private set; } = null!;

    public ArticleAnalyzer Analyzer { get; private set; } = null!;

    /// <summary>The analyzed articles, in file order, as they were stored.</summary>
    public IReadOnlyList<AnalyzedArticle> Articles { get; private set; } = [];

    public Uri Address { get; private set; } = null!;

    public static string Root { get; } = FindRoot();

    public async ValueTask InitializeAsync()
    {
        Analyzer = LoadAnalyzer();
        var reader = new ArticleReader();
        Articles = [.. reader.Read(Path.Combine(AppContext.BaseDirectory, "Articles", "articles.jsonl")).OfType<ArticleAccepted>().Select(a => Analyzer.Analyze(a.Article))];
        Store = await EventStore.OpenAsync(Path.Combine(_folder, "articles.duckdb"));
        await Store.StoreAsync([.. Articles.Select(a => a.ToIngestDocument())], KnowledgeBase, CancellationToken.None);
        (_app, Address) = await StartAsync(Store, () => Analyzer);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A client of the shared server.</summary>
    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Starts a server over <paramref name="store"/> on a free loopback port.</summary>
    public static async Task<(Microsoft.AspNetCore.Builder.WebApplication App, Uri Address)> StartAsync(IEventStore store, Func<ArticleAnalyzer>? analyzer, long maxRequestBytes = 8 * 1024 * 1024, IReadOnlyList<string>? allowedHosts = null)
    {
        var app = DyadServer.Build(new DyadServerOptions
        {
            Store = store,
            Token = Token,
            Analyzer = analyzer,
            KnowledgeBase = KnowledgeBase,
            Urls = ["http://127.0.0.1:0"],
            MaxRequestBytes = maxRequestBytes,
            AllowedHosts = allowedHosts ?? [],
        });
        await app.StartAsync();
        return (app, DyadServer.Address(app));
    }

    public static ArticleAnalyzer LoadAnalyzer()
    {
        var pipeline = Pipeline.Load(Path.Combine(Root, "models", "en"), fast: true);
        var coder = new EventCoder(DictionarySet.LoadKnowledgeBase(Path.Combine(Root, "data", "kb")));
        var gazetteer = Gazetteer.FindDefaultPath(Root) ?? throw new FileNotFoundException("models/geo/gazetteer.tsv.gz is missing.");
        return new ArticleAnalyzer(pipeline, coder, new Geocoder(Gazetteer.Load(gazetteer)));
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dyad.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (with Dyad.slnx) is not above the test's folder.");
    }
}
