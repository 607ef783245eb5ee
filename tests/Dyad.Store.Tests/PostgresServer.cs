using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(Dyad.Store.Tests.PostgresServer))]

namespace Dyad.Store.Tests;

/// <summary>
/// A PostgreSQL server for the store tests: the one <c>DYAD_TEST_POSTGRES</c> names (a connection string or
/// <c>postgres://</c> URI), else a throwaway cluster this fixture makes with the machine's <c>initdb</c> and
/// <c>pg_ctl</c> in a temporary folder, listening on a free loopback port, with trust authentication, and removes
/// afterwards. PostgreSQL refuses to run as root, so as root the cluster is made and run as the <c>postgres</c> user
/// (through <c>runuser</c>). When neither works, <see cref="SkipReason"/> says why and the PostgreSQL tests skip.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _folder;
    private string? _pgCtl;
    private bool _asPostgresUser;

    /// <summary>The server's connection string (database <c>postgres</c>), or null when there is none.</summary>
    public string? ConnectionString { get; private set; }

    /// <summary>Why there is no server, for the skip message.</summary>
    public string SkipReason { get; private set; } = "PostgreSQL was not started.";

    /// <summary>A connection string to a new, empty schema of the server.</summary>
    /// <returns>The connection string, with <c>Search Path</c> set to the new schema.</returns>
    public async Task<string> NewSchemaAsync()
    {
        if (ConnectionString is null)
        {
            Assert.Skip(SkipReason);
        }

        var schema = "t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString;
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable("DYAD_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(given))
        {
            var connectionString = EventStore.ToNpgsql(given);
            SkipReason = await ProbeAsync(connectionString) is { } problem
                ? $"DYAD_TEST_POSTGRES is set but the server cannot be used: {problem}"
                : string.Empty;
            ConnectionString = SkipReason.Length == 0 ? connectionString : null;
            return;
        }

        try
        {
            await StartAsync();
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            SkipReason = "No PostgreSQL server: DYAD_TEST_POSTGRES is not set and a throwaway server could not be started (" + exception.Message
                + "). Install PostgreSQL (apt-get install postgresql) or set DYAD_TEST_POSTGRES.";
            await DisposeAsync();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_pgCtl is not null && _folder is not null)
        {
            await RunAsync(_pgCtl, ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], TimeSpan.FromSeconds(30), throwOnError: false);
            _pgCtl = null;
        }

        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        _folder = null;
    }

    private async Task StartAsync()
    {
        var bin = FindBin() ?? throw new InvalidOperationException("initdb and pg_ctl were not found on PATH or under /usr/lib/postgresql/*/bin");
        _asPostgresUser = Environment.UserName == "root";
        if (_asPostgresUser && !File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser"))
        {
            throw new InvalidOperationException("running as root and runuser is missing, so the server cannot run as the postgres user");
        }

        // Under /tmp rather than $TMPDIR: the postgres user must be able to reach it.
        _folder = Path.Combine("/tmp", "dyad-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);
        if (_asPostgresUser)
        {
            await RunAsync("chown", ["postgres", _folder], TimeSpan.FromSeconds(10), throwOnError: true);
        }

        var data = Path.Combine(_folder, "data");
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "--auth=trust", "-U", "dyad", "-E", "UTF8", "--no-locale", "--no-sync"], TimeSpan.FromSeconds(120), throwOnError: true);
        var port = FreePort();
        _pgCtl = Path.Combine(bin, "pg_ctl");
        var options = string.Create(CultureInfo.InvariantCulture, $"-p {port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        await RunAsync(_pgCtl, ["-D", data, "-o", options, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "start"], TimeSpan.FromSeconds(90), throwOnError: true);
        var connectionString = string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={port};Username=dyad;Database=postgres");
        if (await ProbeAsync(connectionString) is { } problem)
        {
            throw new InvalidOperationException("the server started but does not answer: " + problem);
        }

        ConnectionString = connectionString;
        SkipReason = string.Empty;
    }

    private static string? FindBin()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql").OrderDescending(StringComparer.Ordinal).Select(d => Path.Combine(d, "bin")));
        }

        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string?> ProbeAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            return null;
        }
        catch (Exception exception) when (exception is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            return exception.Message;
        }
    }

    private async Task RunAsync(string program, string[] arguments, TimeSpan limit, bool throwOnError)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (_asPostgresUser && program != "chown")
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", program, .. arguments])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} took longer than {limit.TotalSeconds} s");
        }

        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {(await error).Trim()} {(await output).Trim()}");
        }
    }
}
