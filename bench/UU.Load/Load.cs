using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace UU.Load;

public enum Route
{
    Home,
    Catalogue,
    Module,
    Search,
    Suggest,
    InquiryForm,
    InquirySubmit,
}

public static class RouteNames
{
    public static string Label(this Route route) => route switch
    {
        Route.Home => "home /",
        Route.Catalogue => "catalogue /utbildningar?filters",
        Route.Module => "module /utbildningar/{slug}",
        Route.Search => "search /api/search",
        Route.Suggest => "suggest /api/suggest",
        Route.InquiryForm => "inquiry form GET /forfragan",
        Route.InquirySubmit => "inquiry POST /forfragan",
        _ => route.ToString(),
    };
}

public sealed record Failure(long At, int Status, Route Route);

/// <summary>C workers, each with its own connection and cookies, looping over a weighted mix of routes until the time is up.</summary>
public sealed partial class Load(Uri baseUrl, int connections)
{
    private static readonly string[] Catalogue =
    [
        "/utbildningar?amne=pedagogik&format=distans", "/utbildningar?poang=nej&omfattning=kort", "/utbildningar?malgrupp=larare&niva=grund",
        "/utbildningar?sortera=omfattning-fallande&sida=2", "/utbildningar?format=campus", "/utbildningar",
    ];
    private static readonly string[] Modules = ["/utbildningar/demensvard", "/utbildningar/specialpedagogik-for-larare"];
    private static readonly string[] Queries = ["ledarskap", "specialpedagogik", "förskola", "demens", "digital kompetens", "pedagogik förskola", "vård och omsorg", "hallbarhet", "matematik", "skolan"];
    private static readonly string[] Prefixes = ["led", "spec", "för", "dem", "dig", "ped", "vår", "mat"];

    private ConcurrentDictionary<Route, ConcurrentBag<double>> _samples = new();
    private ConcurrentDictionary<Route, int> _errors = new();

    public ConcurrentQueue<Failure> Failures { get; private set; } = new();

    public ConcurrentQueue<string> Receipts { get; } = new();

    public IReadOnlyList<double> Samples(Route route) => _samples.TryGetValue(route, out var bag) ? [.. bag] : [];

    public int Errors(Route route) => _errors.GetValueOrDefault(route);

    public void Reset()
    {
        _samples = new();
        _errors = new();
        Failures = new();
    }

    public async Task RunAsync(TimeSpan length, Outage? outage, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(length);
        var cut = outage?.RunAsync() ?? Task.CompletedTask;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(n => WorkerAsync(n, stop.Token)));
        await cut;
    }

    private async Task WorkerAsync(int n, CancellationToken stop)
    {
        using var client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            MaxConnectionsPerServer = 1,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var random = new Random(n);
        while (!stop.IsCancellationRequested)
        {
            var pick = random.Next(100);
            try
            {
                if (pick < 15)
                {
                    await GetAsync(client, Route.Home, "/", stop);
                }
                else if (pick < 35)
                {
                    await GetAsync(client, Route.Catalogue, Catalogue[random.Next(Catalogue.Length)], stop);
                }
                else if (pick < 55)
                {
                    await GetAsync(client, Route.Module, Modules[random.Next(Modules.Length)], stop);
                }
                else if (pick < 75)
                {
                    await GetAsync(client, Route.Search, "/api/search?q=" + Uri.EscapeDataString(Queries[random.Next(Queries.Length)]), stop);
                }
                else if (pick < 90)
                {
                    await GetAsync(client, Route.Suggest, "/api/suggest?q=" + Uri.EscapeDataString(Prefixes[random.Next(Prefixes.Length)]), stop);
                }
                else
                {
                    await InquireAsync(client, n, stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return; // the run is over: a request cut short is not counted
            }
        }
    }

    private async Task<string?> GetAsync(HttpClient client, Route route, string url, CancellationToken stop)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await client.GetAsync(url, stop);
            var body = await response.Content.ReadAsStringAsync(stop);
            return Record(route, watch, (int)response.StatusCode, response.StatusCode == HttpStatusCode.OK) ? body : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !stop.IsCancellationRequested)
        {
            Record(route, watch, 0, false);
            return null;
        }
    }

    private async Task InquireAsync(HttpClient client, int worker, CancellationToken stop)
    {
        var form = await GetAsync(client, Route.InquiryForm, "/forfragan", stop);
        var token = form is null ? null : TokenPattern().Match(form) is { Success: true } m ? m.Groups[1].Value : null;
        if (token is null)
        {
            return;
        }
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await client.PostAsync("/forfragan", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
                ["Form.OrganisationName"] = "Timrå kommun",
                ["Form.OrganisationNumber"] = "212000-2247",
                ["Form.ContactName"] = "Eva Lindgren",
                ["Form.Email"] = "eva.lindgren@timra.example.se",
                ["Form.Phone"] = "060-16 30 00",
                ["Form.Participants"] = "25",
                ["Form.PreferredPeriod"] = "hösten 2027",
                ["Form.PreferredFormat"] = "distans",
                ["Form.CreditBearing"] = "ja",
                ["Form.Modules"] = "specialpedagogik-for-larare",
                ["Form.Description"] = $"Lasttest, arbetare {worker}: vi vill stärka lärarnas arbete med extra anpassningar.",
                ["Form.Consent"] = "true",
            }), stop);
            var receipt = response.StatusCode == HttpStatusCode.Redirect
                ? ReceiptPattern().Match(response.Headers.Location?.OriginalString ?? "") is { Success: true } r ? r.Groups[1].Value : null
                : null;
            if (Record(Route.InquirySubmit, watch, (int)response.StatusCode, receipt is not null))
            {
                Receipts.Enqueue(receipt!);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !stop.IsCancellationRequested)
        {
            Record(Route.InquirySubmit, watch, 0, false);
        }
    }

    private bool Record(Route route, Stopwatch watch, int status, bool ok)
    {
        _samples.GetOrAdd(route, _ => []).Add(watch.Elapsed.TotalMilliseconds);
        if (!ok)
        {
            _errors.AddOrUpdate(route, 1, (_, e) => e + 1);
            Failures.Enqueue(new Failure(Stopwatch.GetTimestamp(), status, route));
        }
        return ok;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"|value=\"([^\"]+)\" name=\"__RequestVerificationToken\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("^/forfragan/tack/(UU-[0-9]{4}-[0-9]+)")]
    private static partial Regex ReceiptPattern();
}

/// <summary>Cuts the database (through the proxy) after <paramref name="after"/> for <paramref name="length"/>.</summary>
public sealed class Outage(TcpCutProxy proxy, TimeSpan after, TimeSpan length)
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public long CutAtTicks { get; private set; }

    public long RestoredAt { get; private set; } = long.MaxValue;

    public double CutAt => Stopwatch.GetElapsedTime(_started, CutAtTicks).TotalSeconds;

    public double RestoredAtSeconds => Stopwatch.GetElapsedTime(_started, RestoredAt).TotalSeconds;

    public async Task RunAsync()
    {
        // Not cancellable: the database always comes back, even when the run ends first.
        await Task.Delay(after, CancellationToken.None);
        CutAtTicks = Stopwatch.GetTimestamp();
        proxy.Cut();
        Console.WriteLine($"database cut at {CutAt:F1} s");
        await Task.Delay(length, CancellationToken.None);
        proxy.Restore();
        RestoredAt = Stopwatch.GetTimestamp();
        Console.WriteLine($"database back at {RestoredAtSeconds:F1} s");
    }
}

/// <summary>A TCP proxy in front of PostgreSQL that can be cut: open connections are reset and new ones refused.</summary>
public sealed class TcpCutProxy : IDisposable
{
    private readonly string _host;
    private readonly int _port;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _cut;

    public TcpCutProxy(string host, int port)
    {
        _host = host;
        _port = port;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public void Cut()
    {
        _cut = true;
        foreach (var socket in _open.Keys)
        {
            Reset(socket);
        }
    }

    public void Restore() => _cut = false;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            if (_cut)
            {
                Reset(client);
                continue;
            }
            _ = Task.Run(() => PipeAsync(client));
        }
    }

    private async Task PipeAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _open[client] = 0;
        _open[server] = 0;
        try
        {
            await server.ConnectAsync(_host, _port, _stop.Token);
            await Task.WhenAny(CopyAsync(client, server), CopyAsync(server, client));
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Reset by a cut, or the end of the run.
        }
        finally
        {
            _open.TryRemove(client, out _);
            _open.TryRemove(server, out _);
            Reset(client);
            Reset(server);
        }
    }

    private async Task CopyAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0)
                {
                    return;
                }
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The other side went away, or the connection was cut.
        }
    }

    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0); // RST, as a dead server or a cut cable would
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
            // Closed already by the other direction.
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        Cut();
        _stop.Dispose();
    }
}

public static class Sql
{
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<List<string>> PostgresReferencesAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await ReadAsync(connection);
    }

    public static async Task<List<string>> SqliteReferencesAsync(string path)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return await ReadAsync(connection);
    }

    private static async Task<List<string>> ReadAsync(System.Data.Common.DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"ReferenceNumber\" FROM \"Inquiries\"";
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<string>();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetString(0));
        }
        return list;
    }
}
