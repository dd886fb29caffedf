// Load on one Release UU.Web: its own process on 127.0.0.1 with demo data (SQLite in a temporary folder by default;
// PostgreSQL with --postgres="Host=...;Username=..." in a fresh database), the inquiry and search rate limits raised
// through configuration, then N seconds at C connections mixing the home page, the catalogue with filters, a module
// page, search, suggest and inquiry submissions (the antiforgery token taken from the form). It prints requests/s,
// p50/p99 and errors per route and the process's peak memory (VmHWM), then checks that every inquiry that got a
// receipt is in the database and that no two share a reference. --outage (PostgreSQL only) cuts the database for 10 s
// in the middle (a TCP proxy in front of it refuses new connections and resets the open ones) and prints the failed
// requests by status code and how long after the database's return the last one failed.
// Run: dotnet run -c Release --project bench/UU.Load -- --seconds=60 --connections=64 [--postgres="..."] [--outage]
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.RegularExpressions;
using UU.Load;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
string? Arg(string name) => args.FirstOrDefault(a => a.StartsWith("--" + name + "=", StringComparison.Ordinal))?[(name.Length + 3)..];
var seconds = int.Parse(Arg("seconds") ?? "60", CultureInfo.InvariantCulture);
var connections = int.Parse(Arg("connections") ?? "64", CultureInfo.InvariantCulture);
var postgres = Arg("postgres") ?? Environment.GetEnvironmentVariable("UU_TEST_POSTGRES");
if (Arg("postgres") is null && !args.Contains("--outage"))
{
    postgres = null; // SQLite unless asked
}
var outage = args.Contains("--outage");
if (outage && postgres is null)
{
    Console.Error.WriteLine("--outage needs PostgreSQL: give --postgres=\"Host=...;Username=...\" (or set UU_TEST_POSTGRES).");
    return 2;
}

var data = Directory.CreateTempSubdirectory("uu-load-").FullName;
var dll = typeof(Route).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "UU.Web.dll").Value!;
var port = FreePort();
var baseUrl = new Uri($"http://127.0.0.1:{port}");
string? database = null;
TcpCutProxy? proxy = null;
string? connectionString = null;
if (postgres is not null)
{
    database = "uu_load_" + Guid.NewGuid().ToString("N")[..10];
    await Sql.ExecuteAsync(postgres, $"CREATE DATABASE \"{database}\"");
    var builder = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = database };
    if (outage)
    {
        proxy = new TcpCutProxy(builder.Host!, builder.Port);
        builder.Host = "127.0.0.1";
        builder.Port = proxy.Port;
    }
    connectionString = builder.ConnectionString;
}

var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
start.ArgumentList.Add(dll);
start.ArgumentList.Add("--urls");
start.ArgumentList.Add(baseUrl.AbsoluteUri.TrimEnd('/'));
start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
start.Environment["Storage__DataPath"] = data;
start.Environment["Seed__DemoCases"] = "false";
start.Environment["Inquiries__RateLimitPerHour"] = "100000"; // the most the options allow
start.Environment["RateLimits__SearchPerMinute"] = "1000000"; // the most the options allow
start.Environment["Logging__LogLevel__Default"] = "Warning";
start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "None";
if (connectionString is not null)
{
    start.Environment["Database__Provider"] = "Postgres";
    start.Environment["ConnectionStrings__UU"] = connectionString;
}
using var site = Process.Start(start)!;
var siteLog = new ConcurrentQueue<string>();
site.OutputDataReceived += (_, e) => { if (e.Data is not null && siteLog.Count < 2000) { siteLog.Enqueue(e.Data); } };
site.ErrorDataReceived += (_, e) => { if (e.Data is not null && siteLog.Count < 2000) { siteLog.Enqueue(e.Data); } };
site.BeginOutputReadLine();
site.BeginErrorReadLine();
var status = 0;
try
{
    Console.WriteLine($"UU.Web (Release) pid {site.Id} on {baseUrl} with {(postgres is null ? "SQLite" : "PostgreSQL")}{(outage ? " behind a cuttable TCP proxy" : "")}; data in {data}");
    using var probe = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(10) };
    await Until(async () => (await probe.GetAsync("/")).StatusCode == HttpStatusCode.OK, TimeSpan.FromMinutes(4), "the site's home page");
    await Until(async () => (await probe.GetStringAsync("/api/search?q=ledarskap")).Contains("\"url\"", StringComparison.Ordinal), TimeSpan.FromMinutes(4), "the search index");

    var load = new Load(baseUrl, connections);
    await load.RunAsync(TimeSpan.FromSeconds(3), null, CancellationToken.None); // warm-up, not counted
    load.Reset();
    Outage? cut = null;
    if (proxy is not null)
    {
        cut = new Outage(proxy, TimeSpan.FromSeconds(seconds / 2.0 - 5), TimeSpan.FromSeconds(10));
    }
    var watch = Stopwatch.StartNew();
    await load.RunAsync(TimeSpan.FromSeconds(seconds), cut, CancellationToken.None);
    var elapsed = watch.Elapsed;
    var peak = PeakMemory(site.Id);

    Console.WriteLine();
    Console.WriteLine($"{seconds} s at {connections} connections, {(postgres is null ? "SQLite" : "PostgreSQL")}{(outage ? ", database cut for 10 s in the middle" : "")} (a shared 2-core machine: figures are noisy)");
    Console.WriteLine();
    Console.WriteLine("| route | requests | req/s | p50 ms | p99 ms | errors |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    foreach (var route in Enum.GetValues<Route>())
    {
        var samples = load.Samples(route);
        Console.WriteLine($"| {route.Label()} | {samples.Count} | {samples.Count / elapsed.TotalSeconds:F0} | {Percentile(samples, 0.50):F1} | {Percentile(samples, 0.99):F1} | {load.Errors(route)} |");
    }
    var all = Enum.GetValues<Route>().SelectMany(load.Samples).ToList();
    Console.WriteLine($"| all | {all.Count} | {all.Count / elapsed.TotalSeconds:F0} | {Percentile(all, 0.50):F1} | {Percentile(all, 0.99):F1} | {Enum.GetValues<Route>().Sum(load.Errors)} |");
    Console.WriteLine();
    Console.WriteLine($"Peak memory of UU.Web (VmHWM): {peak}");
    var failures = load.Failures.ToList();
    if (failures.Count > 0)
    {
        Console.WriteLine("Failed requests by status: " + string.Join(", ", failures.GroupBy(f => f.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
    }
    if (cut is not null)
    {
        var after = failures.Where(f => f.At > cut.RestoredAt).ToList();
        var recovery = after.Count == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(cut.RestoredAt, after.Max(f => f.At));
        Console.WriteLine($"Database cut {cut.CutAt:F1} s .. {cut.RestoredAtSeconds:F1} s into the run; failures during the cut {failures.Count(f => f.At >= cut.CutAtTicks && f.At <= cut.RestoredAt)}, after it {after.Count}; the last failure {recovery.TotalSeconds:F2} s after the database came back");
    }

    // Every receipt is in the database, and no two inquiries share a reference.
    var receipts = load.Receipts.ToList();
    var references = postgres is null
        ? await Sql.SqliteReferencesAsync(Path.Combine(data, "uu.db"))
        : await Sql.PostgresReferencesAsync(new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString);
    var stored = references.ToHashSet(StringComparer.Ordinal);
    var missing = receipts.Where(r => !stored.Contains(r)).ToList();
    var shared = references.GroupBy(r => r, StringComparer.Ordinal).Count(g => g.Count() > 1);
    var twice = receipts.Count - receipts.Distinct(StringComparer.Ordinal).Count();
    Console.WriteLine($"Inquiries with a receipt: {receipts.Count}; in the database: {receipts.Count - missing.Count}; missing: {missing.Count}; references shared by two inquiries: {shared}; receipts repeated: {twice}; stored in all: {references.Count}");
    status = missing.Count == 0 && shared == 0 && twice == 0 ? 0 : 1;
}
catch (Exception ex) when (ex is TimeoutException or HttpRequestException or InvalidOperationException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(string.Join('\n', siteLog.TakeLast(40)));
    status = 1;
}
finally
{
    site.Kill(entireProcessTree: true);
    await site.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
    proxy?.Dispose();
    if (database is not null)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await Sql.ExecuteAsync(postgres!, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }
    Directory.Delete(data, recursive: true);
}
return status;

static async Task Until(Func<Task<bool>> check, TimeSpan limit, string what)
{
    var watch = Stopwatch.StartNew();
    while (watch.Elapsed < limit)
    {
        try
        {
            if (await check())
            {
                Console.WriteLine($"{what}: ready after {watch.Elapsed.TotalSeconds:F1} s");
                return;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // Not up yet.
        }
        await Task.Delay(250);
    }
    throw new TimeoutException($"{what} not ready within {limit.TotalSeconds} s");
}

static double Percentile(IReadOnlyList<double> samples, double p)
{
    if (samples.Count == 0)
    {
        return 0;
    }
    var sorted = samples.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

static string PeakMemory(int pid)
{
    var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return line is null ? "unknown" : Regex.Replace(line["VmHWM:".Length..].Trim(), @"(\d+) kB", m => $"{long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / 1024} MB");
}

static int FreePort()
{
    var probe = new TcpListener(IPAddress.Loopback, 0);
    probe.Start();
    var port = ((IPEndPoint)probe.LocalEndpoint).Port;
    probe.Stop();
    return port;
}
