using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using UU.Scrapers.Fetching;

namespace UU.Scrapers.Tests.Fetching;

/// <summary>
/// Office-added sources reach neither the reserved ranges nor the server's own addresses, and whatever stops a fetch
/// (refused by the guard, nothing listening, something that does not speak HTTP) reads the same.
/// </summary>
public sealed class NetworkGuardHardeningTests
{
    [Theory]
    [InlineData("192.0.0.8")]      // IETF protocol assignments
    [InlineData("192.0.2.10")]     // TEST-NET-1
    [InlineData("198.18.0.1")]     // benchmarking
    [InlineData("198.19.255.254")]
    [InlineData("198.51.100.7")]   // TEST-NET-2
    [InlineData("203.0.113.99")]   // TEST-NET-3
    [InlineData("2001:db8::1")]    // IPv6 documentation
    [InlineData("64:ff9b::a00:1")] // NAT64 of 10.0.0.1
    public void ReservedRanges_AreNotPublic(string address) =>
        Assert.False(NetworkGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("192.0.3.1")]
    [InlineData("198.20.0.1")]
    [InlineData("203.0.114.1")]
    public void TheirNeighbours_Are(string address) =>
        Assert.True(NetworkGuard.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void TheServersOwnAddresses_AreRefused_EvenWhenPublic()
    {
        var own = new HashSet<IPAddress> { IPAddress.Parse("193.10.5.20") };
        Assert.False(NetworkGuard.IsAllowed(IPAddress.Parse("193.10.5.20"), own));
        Assert.False(NetworkGuard.IsAllowed(IPAddress.Parse("::ffff:193.10.5.20"), own));
        Assert.True(NetworkGuard.IsAllowed(IPAddress.Parse("193.10.5.21"), own));
        // The machine's own interfaces are found, and none of them is allowed.
        var mine = NetworkGuard.OwnAddresses();
        Assert.Contains(IPAddress.Loopback, mine);
        Assert.All(mine, a => Assert.False(NetworkGuard.IsAllowed(a, mine)));
    }

    private static PoliteFetcher PublicOnly(bool allowPrivate)
    {
        var values = new Dictionary<string, string?>
        {
            ["Scrapers:MinDelayMilliseconds"] = "0",
            ["Scrapers:MaxRetries"] = "0",
            ["Scrapers:TimeoutSeconds"] = "10",
            ["Scrapers:AllowPrivateAddresses"] = allowPrivate ? "true" : "false",
        };
        var services = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build())
            .AddScrapers().BuildServiceProvider();
        return services.GetRequiredService<PageFetchers>().PublicOnly();
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    [Fact]
    public async Task Refused_Closed_AndNotHttp_AllReadTheSame()
    {
        // Something listening that does not speak HTTP: it answers garbage and hangs up.
        using var garbage = new TcpListener(IPAddress.Loopback, 0);
        garbage.Start();
        var garbagePort = ((IPEndPoint)garbage.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var socket = await garbage.AcceptSocketAsync(stop.Token);
                await socket.SendAsync("SSH-2.0-OpenSSH_9.6\r\n"u8.ToArray());
                socket.Shutdown(SocketShutdown.Both);
            }
        });
        var closedPort = FreePort();

        var guarded = await Assert.ThrowsAnyAsync<HttpRequestException>(() => PublicOnly(allowPrivate: false).GetFreshAsync(new Uri($"http://127.0.0.1:{garbagePort}/lista"), CancellationToken.None));
        var closed = await Assert.ThrowsAnyAsync<HttpRequestException>(() => PublicOnly(allowPrivate: true).GetFreshAsync(new Uri($"http://127.0.0.1:{closedPort}/lista"), CancellationToken.None));
        var notHttp = await Assert.ThrowsAnyAsync<HttpRequestException>(() => PublicOnly(allowPrivate: true).GetFreshAsync(new Uri($"http://127.0.0.1:{garbagePort}/lista"), CancellationToken.None));

        Assert.Equal("127.0.0.1 could not be reached.", guarded.Message);
        Assert.Equal(guarded.Message, closed.Message);
        Assert.Equal(guarded.Message, notHttp.Message);
        await stop.CancelAsync();
    }
}
