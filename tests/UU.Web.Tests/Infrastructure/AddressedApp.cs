using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace UU.Web.Tests.Infrastructure;

/// <summary>
/// The app as several clients reach it: a request with the header <see cref="Header"/> arrives from that address
/// (the test server has no network connection of its own, so every request would otherwise come from nowhere).
/// </summary>
public sealed class AddressedApp(Provider provider, IDictionary<string, string?>? settings = null) : UuWebFactory(provider, settings)
{
    public const string Header = "X-Test-Client-Address";

    public HttpClient ClientFrom(string address)
    {
        var client = OfficeUsers.Client(this);
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFilter>());
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Headers[Header] is [{ } address] && IPAddress.TryParse(address, out var ip))
                {
                    context.Connection.RemoteIpAddress = ip;
                }
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
