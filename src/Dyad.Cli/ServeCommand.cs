using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using Dyad.Server;
using Dyad.Store;
using Microsoft.Extensions.Hosting;

namespace Dyad.Cli;

/// <summary>
/// <c>dyad serve [--store PATH|postgres://...] [--urls URL]</c>: opens the store over HTTP (the API and the dashboard
/// page) until stopped with Ctrl-C or SIGTERM.
/// </summary>
internal static class ServeCommand
{
    public static Option<string> StoreOption() => new("--store") { Description = "The store: a DuckDB file (default dyad.duckdb, or $DYAD_STORE) or a postgres:// URI.", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("DYAD_STORE") is { Length: > 0 } s ? s : EventStore.DefaultPath };

    public static Command Create()
    {
        var store = StoreOption();
        var urls = new Option<string[]>("--urls") { Description = "Addresses to listen on (default http://127.0.0.1:5080: loopback only).", AllowMultipleArgumentsPerToken = true };
        var token = new Option<string?>("--token") { Description = "The write token (default: $DYAD_TOKEN, else the token file's, made at first start)." };
        var tokenFile = new Option<string?>("--token-file") { Description = "Where the token is kept (default ~/.config/dyad/token)." };
        var maxRequest = new Option<int>("--max-request-mb") { Description = "The largest request body, in MiB.", DefaultValueFactory = _ => 8 };
        var allowedHosts = new Option<string[]>("--allowed-hosts")
        {
            Description = "Host names (the Host header) that requests over loopback may carry besides localhost, 127.0.0.1 and [::1]; '*' allows any. Guards the open loopback reads against DNS rebinding.",
            AllowMultipleArgumentsPerToken = true,
        };
        var dictionaries = CliDictionaries.Option();
        var models = CliPipeline.ModelsOption();
        var beam = CliPipeline.BeamOption();
        var fast = CliPipeline.FastOption();
        var command = new Command("serve", "Serve the store over HTTP: the JSON API (/api, described at /openapi/v1.json) and the dashboard page (/).")
        {
            store, urls, token, tokenFile, maxRequest, allowedHosts, dictionaries, models, beam, fast,
        };
        command.SetAction(parsed =>
        {
            var error = parsed.InvocationConfiguration.Error;
            var megabytes = parsed.GetValue(maxRequest);
            if (megabytes is < 1 or > 1024)
            {
                error.WriteLine("dyad: --max-request-mb must be between 1 and 1024.");
                return ExitCodes.Usage;
            }

            var secret = parsed.GetValue(token) ?? Environment.GetEnvironmentVariable("DYAD_TOKEN");
            if (string.IsNullOrEmpty(secret))
            {
                var path = parsed.GetValue(tokenFile) ?? WriteToken.DefaultPath();
                secret = WriteToken.LoadOrCreate(path, out var created);
                error.WriteLine(created ? $"dyad: made a write token (kept in {path}): {secret}" : $"dyad: the write token is in {path}");
            }
            else if (secret.Length < WriteToken.MinimumLength)
            {
                error.WriteLine($"dyad: the token must have at least {WriteToken.MinimumLength} characters.");
                return ExitCodes.Usage;
            }

            var location = parsed.GetValue(store)!;
            var opened = CliStore.OpenAsync(location, create: true, error, CancellationToken.None).GetAwaiter().GetResult();
            if (opened is null)
            {
                return ExitCodes.InputProblem;
            }

            try
            {
                var kb = KnowledgeBaseLocator.Find(parsed.GetValue(dictionaries)?.FullName);
                var options = new DyadServerOptions
                {
                    Store = opened,
                    Token = secret,
                    Urls = parsed.GetValue(urls) is { Length: > 0 } given ? given : [DyadServerOptions.DefaultUrl],
                    MaxRequestBytes = megabytes * 1024L * 1024L,
                    AllowedHosts = parsed.GetValue(allowedHosts) ?? [],
                    KnowledgeBase = KnowledgeBaseVersion(kb),
                    Analyzer = () => CliArticles.LoadAnalyzer(parsed, dictionaries, models, beam, fast, error),
                    LogRequests = true,
                };
                var app = DyadServer.Build(options);
                app.StartAsync().GetAwaiter().GetResult();
                error.WriteLine($"dyad: serving {(opened.Kind == "duckdb" ? location : "PostgreSQL")} at {DyadServer.Address(app)} (page at /, API at /api, OpenAPI at /openapi/v1.json); Ctrl-C stops");
                app.WaitForShutdownAsync().GetAwaiter().GetResult();
                app.DisposeAsync().AsTask().GetAwaiter().GetResult();
                return ExitCodes.Ok;
            }
            finally
            {
                opened.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        });
        return command;
    }

    /// <summary>A short fingerprint of a knowledge-base folder: <c>kb-</c> and 12 hex digits of the SHA-256 of its files' names and contents.</summary>
    public static string KnowledgeBaseVersion(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return "kb-unknown";
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return "kb-" + Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
