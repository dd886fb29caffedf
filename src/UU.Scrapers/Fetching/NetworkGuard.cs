using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace UU.Scrapers.Fetching;

/// <summary>
/// An office-added source could not be fetched: its host resolves only to addresses the guard refuses, the
/// connection failed, or what answered was not HTTP. One message for all of them, so the office cannot be used to
/// learn which hosts and ports exist behind the server.
/// </summary>
public class SourceUnreachableException(string host, Exception? inner = null) : HttpRequestException(NeutralMessage(host), inner)
{
    public static string NeutralMessage(string host) => $"{host} could not be reached.";
}

/// <summary>The network guard refused to connect: the host resolves only to loopback, private, reserved or the server's own addresses.</summary>
public sealed class AddressNotPublicException(string host) : SourceUnreachableException(host);

/// <summary>
/// Keeps web list sources that coordinators add in the office on the public internet: their requests go through their
/// own HttpClient whose connections are refused to loopback, private, link-local and other non-public addresses
/// (checked on the addresses actually connected to, so a name that resolves inward is caught too). Configured sources
/// are trusted and use the ordinary client. <see cref="ScraperOptions.AllowPrivateAddresses"/> lifts the rule.
/// </summary>
public static class NetworkGuard
{
    /// <summary>The named HttpClient for office-added sources.</summary>
    public const string PublicOnlyClient = "scrapers-public-only";

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || b[0] >= 224
                // Reserved (RFC 6890): IETF protocol assignments, the documentation networks TEST-NET-1/2/3, benchmarking.
                || (b[0] == 192 && b[1] == 0 && b[2] == 0) || (b[0] == 192 && b[1] == 0 && b[2] == 2)
                || (b[0] == 198 && b[1] is 18 or 19) || (b[0] == 198 && b[1] == 51 && b[2] == 100) || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }
        var v6 = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (v6[0] & 0xFE) == 0xFC
            || (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == 0xb8) // 2001:db8::/32, documentation
            || (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b)); // 64:ff9b::/96, NAT64 of any IPv4 address
    }

    /// <summary>Whether the guard lets a connection go to the address: public, and none of the server's own interfaces' addresses.</summary>
    public static bool IsAllowed(IPAddress address, IReadOnlySet<IPAddress> ownAddresses)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return IsPublic(plain) && !ownAddresses.Contains(plain);
    }

    /// <summary>The addresses of this machine's network interfaces (a public one reaches the server's own services, too).</summary>
    public static IReadOnlySet<IPAddress> OwnAddresses()
    {
        var own = new HashSet<IPAddress>();
        foreach (var unicast in NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses))
        {
            var a = unicast.Address;
            own.Add(a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a);
        }
        return own;
    }

    /// <summary>Whether an address typed into the office visibly points inward: localhost, or a non-public IP literal (other names are checked when connecting).</summary>
    public static bool PointsInward(Uri url) => url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && !IsPublic(ip));

    /// <summary>
    /// The connections of office-added sources, checked on the address actually connected to (after DNS, on every
    /// connection: so a name that resolves inward, a DNS answer that changes between checks, and a redirect to an
    /// inner host are all caught). Unless <see cref="ScraperOptions.AllowPrivateAddresses"/> (tests only).
    /// </summary>
    internal static SocketsHttpHandler Handler(IServiceProvider services) => new()
    {
        ConnectTimeout = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<ScraperOptions>>().Value.TimeoutSeconds),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var allowPrivate = services.GetRequiredService<IOptions<ScraperOptions>>().Value.AllowPrivateAddresses;
            var host = context.DnsEndPoint.Host;
            IPAddress[] addresses;
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            }
            catch (SocketException ex)
            {
                throw new SourceUnreachableException(host, ex);
            }
            var own = allowPrivate ? null : OwnAddresses();
            var allowed = own is null ? addresses : addresses.Where(a => IsAllowed(a, own)).ToArray();
            if (allowed.Length == 0)
            {
                throw new AddressNotPublicException(host);
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                throw new SourceUnreachableException(host, ex);
            }
            catch (OperationCanceledException)
            {
                socket.Dispose();
                throw;
            }
        },
    };
}

/// <summary>
/// Outermost on the office-added sources' client: any failure to get an HTTP answer (refused, reset, not HTTP,
/// guarded) leaves as the one neutral <see cref="SourceUnreachableException"/>, whatever the socket said.
/// </summary>
internal sealed class NeutralErrorsHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex) when (ex is not SourceUnreachableException)
        {
            throw new SourceUnreachableException(request.RequestUri?.Host ?? "the source", ex);
        }
    }
}

/// <summary>Makes the polite fetcher for a source: the ordinary one for configured sources, the public-only one for office-added ones.</summary>
public sealed class PageFetchers(IHttpClientFactory clients, IServiceProvider services)
{
    public PoliteFetcher PublicOnly() => ActivatorUtilities.CreateInstance<PoliteFetcher>(services, clients.CreateClient(NetworkGuard.PublicOnlyClient));
}
