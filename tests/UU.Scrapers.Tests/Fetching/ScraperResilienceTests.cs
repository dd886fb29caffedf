using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UU.Scrapers.Fetching;

namespace UU.Scrapers.Tests.Fetching;

/// <summary>Retries and per-attempt timeouts of the polite fetcher, against a real local HTTP server.</summary>
public sealed class ScraperResilienceTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static (PoliteFetcher Fetcher, ServiceProvider Services) Fetcher(Dictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Scrapers:MinDelayMilliseconds"] = "0",
            ["Scrapers:RetryDelayMilliseconds"] = "20",
            ["Scrapers:TimeoutSeconds"] = "5",
            ["Scrapers:MaxRetries"] = "3",
        };
        foreach (var (k, v) in settings ?? []) values[k] = v;
        var services = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }
        var provider = services.AddScrapers().BuildServiceProvider();
        return (provider.GetRequiredService<PoliteFetcher>(), provider);
    }

    /// <summary>
    /// Moves the fake clock on while the fetch waits (a Retry-After, a backoff, the host's spacing), but not while the
    /// server has a request in hand, and with a per-attempt timeout far beyond the steps, so no attempt times out.
    /// </summary>
    private static async Task<T> WhileWaitingAsync<T>(FakeTimeProvider clock, Func<bool> serverBusy, Task<T> fetch)
    {
        while (!fetch.IsCompleted)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(2));
            if (!serverBusy())
            {
                clock.Advance(TimeSpan.FromSeconds(5));
            }
        }
        return await fetch;
    }

    private static readonly Dictionary<string, string?> PatientAttempts = new() { ["Scrapers:TimeoutSeconds"] = "300" };

    [Fact]
    public async Task ServiceUnavailable_IsRetried_AndThePageArrives()
    {
        var calls = 0;
        using var site = new LocalSite(async c =>
        {
            if (c.Request.Url!.AbsolutePath == "/robots.txt") { c.Response.StatusCode = 404; return; }
            await (Interlocked.Increment(ref calls) == 1 ? LocalSite.WriteAsync(c, 503, "underhåll pågår") : LocalSite.WriteAsync(c, 200, "<p>upphandlingar</p>"));
        });
        var (fetcher, services) = Fetcher();
        using (services)
        {
            Assert.Equal("<p>upphandlingar</p>", (await fetcher.GetAsync(site.Url("/upphandlingar"), CancellationToken.None)).Body);
        }
        Assert.Equal(2, site.Requests.Count(r => r.Path == "/upphandlingar"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RetryAfter_InSecondsOrAsADate_IsWaitedFor_OnTheInjectedClock(bool asDate)
    {
        var clock = new FakeTimeProvider(Monday);
        var asked = asDate ? TimeSpan.FromSeconds(60) : TimeSpan.FromSeconds(90);
        var attempts = new List<DateTimeOffset>();
        var busy = 0;
        using var site = new LocalSite(async c =>
        {
            if (c.Request.Url!.AbsolutePath == "/robots.txt") { c.Response.StatusCode = 404; return; }
            Interlocked.Increment(ref busy);
            try
            {
                int attempt;
                lock (attempts)
                {
                    attempts.Add(clock.GetUtcNow());
                    attempt = attempts.Count;
                }
                if (attempt == 1)
                {
                    c.Response.Headers["Retry-After"] = asDate
                        ? (clock.GetUtcNow() + asked).ToString("R", CultureInfo.InvariantCulture)
                        : ((int)asked.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                    await LocalSite.WriteAsync(c, 429, "för många förfrågningar");
                }
                else
                {
                    await LocalSite.WriteAsync(c, 200, "<p>annonser</p>");
                }
            }
            finally
            {
                Interlocked.Decrement(ref busy);
            }
        });
        var (fetcher, services) = Fetcher(PatientAttempts, clock);
        using (services)
        {
            var page = await WhileWaitingAsync(clock, () => Volatile.Read(ref busy) > 0, fetcher.GetAsync(site.Url("/annonser"), CancellationToken.None));
            Assert.Equal("<p>annonser</p>", page.Body);
        }
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1] - attempts[0] >= asked, $"waited {(attempts[1] - attempts[0]).TotalSeconds} s of the {asked.TotalSeconds} s asked");
    }

    [Fact]
    public async Task ARetry_KeepsTheHostsSpacing()
    {
        var clock = new FakeTimeProvider(Monday);
        var attempts = new List<DateTimeOffset>();
        var busy = 0;
        using var site = new LocalSite(async c =>
        {
            if (c.Request.Url!.AbsolutePath == "/robots.txt") { c.Response.StatusCode = 404; return; }
            Interlocked.Increment(ref busy);
            try
            {
                int attempt;
                lock (attempts)
                {
                    attempts.Add(clock.GetUtcNow());
                    attempt = attempts.Count;
                }
                await LocalSite.WriteAsync(c, attempt == 1 ? 502 : 200, attempt == 1 ? "bad gateway" : "ok");
            }
            finally
            {
                Interlocked.Decrement(ref busy);
            }
        });
        var (fetcher, services) = Fetcher(new() { ["Scrapers:TimeoutSeconds"] = "300", ["Scrapers:MinDelayMilliseconds"] = "30000", ["Scrapers:RetryDelayMilliseconds"] = "0" }, clock);
        using (services)
        {
            Assert.Equal("ok", (await WhileWaitingAsync(clock, () => Volatile.Read(ref busy) > 0, fetcher.GetAsync(site.Url("/lista"), CancellationToken.None))).Body);
        }
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1] - attempts[0] >= TimeSpan.FromSeconds(30), $"the retry came {(attempts[1] - attempts[0]).TotalSeconds} s after the first attempt");
    }

    [Fact]
    public async Task TooLongRetryAfter_IsNotWaitedFor_AndFailsWithAMessageSayingSo()
    {
        // The fake clock is months behind the system clock: a date read on the system clock would be long past and retried at once.
        var clock = new FakeTimeProvider(Monday);
        using var site = new LocalSite(async c =>
        {
            switch (c.Request.Url!.AbsolutePath)
            {
                case "/robots.txt": c.Response.StatusCode = 404; break;
                case "/sekunder":
                    c.Response.Headers["Retry-After"] = "3600";
                    await LocalSite.WriteAsync(c, 429, "kom tillbaka om en timme");
                    break;
                default:
                    c.Response.Headers["Retry-After"] = (clock.GetUtcNow() + TimeSpan.FromHours(2)).ToString("R", CultureInfo.InvariantCulture);
                    await LocalSite.WriteAsync(c, 503, "planerat underhåll");
                    break;
            }
        });
        var (fetcher, services) = Fetcher(clock: clock);
        using (services)
        {
            var seconds = await Assert.ThrowsAsync<FetchFailedException>(() => fetcher.GetAsync(site.Url("/sekunder"), CancellationToken.None));
            Assert.Equal(HttpStatusCode.TooManyRequests, seconds.Status);
            Assert.Contains("asked to wait 3600 s", seconds.Message, StringComparison.Ordinal);
            Assert.Contains("Scrapers:MaxRetryAfterSeconds (120 s)", seconds.Message, StringComparison.Ordinal);

            var date = await Assert.ThrowsAsync<FetchFailedException>(() => fetcher.GetAsync(site.Url("/datum"), CancellationToken.None));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, date.Status);
            Assert.Contains("asked to wait 7200 s", date.Message, StringComparison.Ordinal);
        }
        Assert.Single(site.Requests, r => r.Path == "/sekunder");
        Assert.Single(site.Requests, r => r.Path == "/datum");
    }

    [Fact]
    public async Task HangingServer_TimesOutPerAttempt_AndIsRetried()
    {
        using var release = new CancellationTokenSource();
        var calls = 0;
        using var site = new LocalSite(async c =>
        {
            if (c.Request.Url!.AbsolutePath == "/robots.txt") { c.Response.StatusCode = 404; return; }
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.WhenAny(Task.Delay(Timeout.InfiniteTimeSpan, release.Token)); // hangs until the test ends
                return;
            }
            await LocalSite.WriteAsync(c, 200, "<p>svar till slut</p>");
        });
        var (fetcher, services) = Fetcher(new() { ["Scrapers:TimeoutSeconds"] = "1" });
        using (services)
        {
            Assert.Equal("<p>svar till slut</p>", (await fetcher.GetAsync(site.Url("/seg"), CancellationToken.None)).Body);
        }
        await release.CancelAsync();
        Assert.Equal(2, site.Requests.Count(r => r.Path == "/seg"));
    }

    [Fact]
    public async Task DroppedConnection_IsRetried()
    {
        // HttpListener answers even an aborted response, so this server speaks HTTP over a bare socket: it hangs up on
        // the first request for the page without a word, and answers the second.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var paths = new ConcurrentQueue<string>();
        var server = Task.Run(async () =>
        {
            var dropped = false;
            while (true)
            {
                using var connection = await listener.AcceptTcpClientAsync();
                var stream = connection.GetStream();
                var path = (await ReadRequestLineAsync(stream)).Split(' ')[1];
                paths.Enqueue(path);
                if (path == "/avbruten" && !dropped)
                {
                    dropped = true;
                    continue;
                }
                var (status, body) = path == "/robots.txt" ? ("404 Not Found", "") : ("200 OK", "<p>andra försöket</p>");
                var bytes = Encoding.UTF8.GetBytes(body);
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n"));
                await stream.WriteAsync(bytes);
                if (path == "/avbruten")
                {
                    return;
                }
            }
        });
        var (fetcher, services) = Fetcher();
        using (services)
        {
            Assert.Equal("<p>andra försöket</p>", (await fetcher.GetAsync(new Uri($"http://127.0.0.1:{port}/avbruten"), CancellationToken.None)).Body);
        }
        await server;
        Assert.Equal(2, paths.Count(p => p == "/avbruten"));
    }

    /// <summary>Reads a request's head (up to the blank line) and returns its first line.</summary>
    private static async Task<string> ReadRequestLineAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[1024];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }
            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        return head.ToString().Split("\r\n")[0];
    }

    [Fact]
    public async Task NotFound_IsNotRetried()
    {
        using var site = new LocalSite(async c =>
        {
            if (c.Request.Url!.AbsolutePath == "/robots.txt") { c.Response.StatusCode = 404; return; }
            await LocalSite.WriteAsync(c, 404, "sidan finns inte");
        });
        var (fetcher, services) = Fetcher();
        using (services)
        {
            var failed = await Assert.ThrowsAsync<FetchFailedException>(() => fetcher.GetAsync(site.Url("/borttagen"), CancellationToken.None));
            Assert.Equal(HttpStatusCode.NotFound, failed.Status);
            Assert.Contains("answered 404", failed.Message, StringComparison.Ordinal);
        }
        Assert.Single(site.Requests, r => r.Path == "/borttagen");
    }

    [Fact]
    public void RetryAfter_IsReadAsSecondsOrAsADateOnTheGivenClock()
    {
        var clock = new FakeTimeProvider(Monday);
        Assert.Equal(TimeSpan.FromSeconds(5), ScraperResilience.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(5)), clock));
        Assert.Equal(TimeSpan.FromSeconds(30), ScraperResilience.RetryAfter(new RetryConditionHeaderValue(Monday.AddSeconds(30)), clock));
        Assert.Equal(TimeSpan.Zero, ScraperResilience.RetryAfter(new RetryConditionHeaderValue(Monday.AddMinutes(-1)), clock));
        Assert.Null(ScraperResilience.RetryAfter((RetryConditionHeaderValue?)null, clock));
    }
}
