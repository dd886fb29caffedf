using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using Npgsql;

namespace UU.Nodes.Tests;

/// <summary>
/// Two UU.Web processes (<c>dotnet UU.Web.dll</c>, the built output of src/UU.Web) on free ports against one fresh
/// PostgreSQL database (on the server ./test.sh started) and one shared storage folder, each with its own index
/// folder, behind an nginx (Debian's nginx-light) run in the foreground from deploy/nginx/uu.test.conf.template.
/// Every child process is killed in <see cref="DisposeAsync"/>, whatever happened.
/// </summary>
public sealed class NodeCluster : IAsyncDisposable
{
    public const string ScrapeSchedule = "0/15 * * * * ?";
    public static readonly TimeSpan ScrapeInterval = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(240);

    private readonly string _root = Directory.CreateTempSubdirectory("uu-nodes-").FullName;
    private readonly string _adminConnection;
    private readonly string _database = "uu_nodes_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<Process> _children = [];
    private readonly Dictionary<string, string> _settings;
    private readonly Dictionary<string, Node> _nodes = [];

    private NodeCluster(string adminConnection, Uri scrapeSource)
    {
        _adminConnection = adminConnection;
        // Generous timeouts: the test machine is shared, and a node that cannot open a connection in time fails its start.
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnection) { Database = _database, Timeout = 60, CommandTimeout = 120 }.ConnectionString;
        _settings = new()
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__UU"] = ConnectionString,
            ["Storage__DataPath"] = Path.Combine(_root, "shared"),
            ["Seed__Demo"] = "true",
            ["Seed__DemoCases"] = "false",
            ["Inquiries__RateLimitPerHour"] = "10000",
            ["RateLimits__SearchPerMinute"] = "100000",
            ["RateLimits__SignInPerMinute"] = "1000",
            ["Leads__DigestSchedule"] = "",
            ["Leads__ScrapeLeaseSeconds"] = "6",
            ["Scrapers__MinDelayMilliseconds"] = "0",
            ["Scrapers__MaxRetries"] = "0",
            ["Scrapers__TimeoutSeconds"] = "60",
            ["Scrapers__AllowPrivateAddresses"] = "true",
            ["Scrapers__Sources__KommersAnnons__BaseUrl"] = scrapeSource.AbsoluteUri,
            ["Scrapers__Sources__KommersAnnons__Enabled"] = "true",
            ["Scrapers__Sources__KommersAnnons__Schedule"] = ScrapeSchedule,
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
        };
    }

    public string ConnectionString { get; }

    public Uri Proxy { get; private set; } = null!;

    public Node A => _nodes["a"];

    public Node B => _nodes["b"];

    public static string UserAgentOf(string node) => "UU-omvarldsbevakning/1.0 (uu-nodes-test; node " + node + ")";

    public static async Task<NodeCluster> StartAsync(Uri scrapeSource, CancellationToken cancellationToken)
    {
        var admin = Environment.GetEnvironmentVariable("UU_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("The two-node tests need a PostgreSQL server: run ./test.sh, which starts one and sets UU_TEST_POSTGRES.");
        var cluster = new NodeCluster(admin, scrapeSource);
        try
        {
            await cluster.CreateDatabaseAsync(cancellationToken);
            // One verb first: it migrates and seeds the database, so the two nodes do not race to do it.
            var output = await cluster.RunVerbAsync(["create-user", "admin-nodes@uu-demo.se", "Admin"], cancellationToken);
            Assert.Contains("Created admin-nodes@uu-demo.se", output, StringComparison.Ordinal);
            foreach (var name in new[] { "a", "b" })
            {
                var node = new Node(name, FreePort(), Path.Combine(cluster._root, "index-" + name), Path.Combine(cluster._root, "node-" + name + ".log"));
                cluster._nodes[name] = node;
                await cluster.StartNodeAsync(node, cancellationToken); // one after the other: the first provisions the Quartz tables
            }
            cluster.StartNginx();
            await WaitUntilServingAsync(cluster.Proxy, cluster.Describe, cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <c>dotnet UU.Web.dll VERB ...</c> with the nodes' configuration; returns its standard output.</summary>
    public async Task<string> RunVerbAsync(IReadOnlyList<string> verb, CancellationToken cancellationToken)
    {
        var start = Dotnet(verb);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        lock (_children) { _children.Add(process); }
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(StartLimit);
        await process.WaitForExitAsync(limit.Token);
        Assert.True(process.ExitCode == 0, $"{string.Join(' ', verb)} ended with {process.ExitCode}: {await output}{await error}");
        return await output;
    }

    /// <summary>Kills the node's process (and its children) at once, as a machine that dies would.</summary>
    public static void Kill(Node node)
    {
        node.Process?.Kill(entireProcessTree: true);
        node.Process?.WaitForExit(10_000);
    }

    public async Task StartNodeAsync(Node node, CancellationToken cancellationToken)
    {
        var start = Dotnet(["--urls", $"http://127.0.0.1:{node.Port}"]);
        start.Environment["Search__IndexPath"] = node.IndexPath;
        start.Environment["Scrapers__UserAgent"] = UserAgentOf(node.Name);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start)!;
        lock (_children) { _children.Add(process); }
        node.Process = process;
        var log = new StreamWriter(node.LogPath, append: true, Encoding.UTF8) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.Exited += (_, _) => { lock (log) { log.Dispose(); } };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilServingAsync(node.Url, Describe, cancellationToken, process);
    }

    private ProcessStartInfo Dotnet(IReadOnlyList<string> arguments)
    {
        var dll = Metadata("UU.Web.dll");
        Assert.True(File.Exists(dll), $"UU.Web is not built at {dll}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in _settings)
        {
            start.Environment[key] = value;
        }
        return start;
    }

    private void StartNginx()
    {
        var port = FreePort();
        var folder = Path.Combine(_root, "nginx");
        Directory.CreateDirectory(folder);
        var config = File.ReadAllText(Metadata("nginx-template"))
            .Replace("{{ROOT}}", folder, StringComparison.Ordinal)
            .Replace("{{PORT_A}}", A.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{PORT_B}}", B.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{PORT}}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var path = Path.Combine(folder, "nginx.conf");
        File.WriteAllText(path, config);
        var start = new ProcessStartInfo("/usr/sbin/nginx") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-p", folder, "-c", path, "-e", Path.Combine(folder, "error.log") })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start)!;
        lock (_children) { _children.Add(process); }
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        Proxy = new Uri($"http://127.0.0.1:{port}");
    }

    private static async Task WaitUntilServingAsync(Uri url, Func<string> describe, CancellationToken cancellationToken, Process? process = null)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < StartLimit)
        {
            Assert.False(process?.HasExited == true, $"{url}: the node ended while starting. {describe()}");
            try
            {
                using var response = await client.GetAsync(new Uri(url, "/"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Busy starting.
            }
            await Task.Delay(250, cancellationToken);
        }
        Assert.Fail($"{url} did not serve its home page within {StartLimit.TotalSeconds} s. {describe()}");
    }

    /// <summary>The tail of each node's log, for a failure message.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var node in _nodes.Values.Where(n => File.Exists(n.LogPath)))
        {
            string[] lines;
            using (var reader = new StreamReader(new FileStream(node.LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)))
            {
                lines = reader.ReadToEnd().Split('\n');
            }
            text.Append("\n--- node ").Append(node.Name).Append(" (last lines) ---\n").AppendJoin('\n', lines.TakeLast(40));
        }
        return text.ToString();
    }

    public async Task<T> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return read(reader);
    }

    private async Task CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_adminConnection);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Metadata(string key) =>
        typeof(NodeCluster).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        List<Process> children;
        lock (_children) { children = [.. _children]; }
        foreach (var child in children)
        {
            try
            {
                if (!child.HasExited)
                {
                    child.Kill(entireProcessTree: true);
                    child.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // It was never started or has gone already.
            }
            child.Dispose();
        }
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException ex)
        {
            Console.Error.WriteLine($"[nodes] the test database {_database} was not dropped: {ex.Message}");
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"[nodes] {_root} was not removed: {ex.Message}");
        }
    }
}

public sealed class Node(string name, int port, string indexPath, string logPath)
{
    public string Name { get; } = name;

    public int Port { get; } = port;

    public string IndexPath { get; } = indexPath;

    public string LogPath { get; } = logPath;

    public Uri Url => new($"http://127.0.0.1:{Port}");

    public Process? Process { get; set; }
}
