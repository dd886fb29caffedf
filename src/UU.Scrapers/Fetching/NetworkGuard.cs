using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace UU.Scrapers.Fetching;

/// <summary>The network guard refused to connect: the host resolves only to loopback, private or other non-public addresses.</summary>
public sealed class AddressNotPublicException(string host) : HttpRequestException($"{host} is not on the public internet; a web list source added in the office must be.");

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
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || b[0] >= 224);
        }
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (address.GetAddressBytes()[0] & 0xFE) == 0xFC);
    }

    /// <summary>Whether an address typed into the office visibly points inward: localhost, or a non-public IP literal (other names are checked when connecting).</summary>
    public static bool PointsInward(Uri url) => url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && !IsPublic(ip));

    internal static SocketsHttpHandler Handler(IServiceProvider services) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var allowPrivate = services.GetRequiredService<IOptions<ScraperOptions>>().Value.AllowPrivateAddresses;
            var host = context.DnsEndPoint.Host;
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            var allowed = allowPrivate ? addresses : addresses.Where(IsPublic).ToArray();
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
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}

/// <summary>Makes the polite fetcher for a source: the ordinary one for configured sources, the public-only one for office-added ones.</summary>
public sealed class PageFetchers(IHttpClientFactory clients, IServiceProvider services)
{
    public PoliteFetcher PublicOnly() => ActivatorUtilities.CreateInstance<PoliteFetcher>(services, clients.CreateClient(NetworkGuard.PublicOnlyClient));
}
