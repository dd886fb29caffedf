using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Accounts;

/// <summary>Personal tokens: an API token may expire; a feed token opens the lead feed and nothing else.</summary>
public sealed class TokenTests
{
    private static async Task<string> CreateAsync(HttpClient client, string handler, string name, int expiresInDays = 0)
    {
        using var created = await OfficeUsers.PostFormAsync(client, "/office/konto", handler,
            new() { ["TokenName"] = name, ["ExpiresInDays"] = expiresInDays.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        return (await Html.ParseAsync(created)).QuerySelector("[data-testid=new-token]")!.TextContent.Trim();
    }

    private static HttpClient Bearer(UuWebFactory app, string secret)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        return client;
    }

    [Fact]
    public async Task AnApiTokenWithAnExpiry_StopsWorkingWhenItExpires()
    {
        await using var app = new SqliteApp();
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var secret = await CreateAsync(coordinator, "CreateToken", "Kvartalsrapport", expiresInDays: 30);
        var script = Bearer(app, secret);
        using (var ok = await script.GetAsync("/api/inquiries"))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        app.Clock.Advance(TimeSpan.FromDays(31));
        using var expired = await script.GetAsync("/api/inquiries");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);

        using var badExpiry = await OfficeUsers.PostFormAsync(await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator), "/office/konto", "CreateToken",
            new() { ["TokenName"] = "För evigt", ["ExpiresInDays"] = "100000" });
        Assert.Equal(HttpStatusCode.BadRequest, badExpiry.StatusCode);
        Assert.Contains("giltighetstiderna", (await Html.ParseAsync(badExpiry)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFeedToken_OpensTheFeedOnly_AndIsRevocable()
    {
        await using var app = new SqliteApp();
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var feedToken = await CreateAsync(coordinator, "CreateFeedToken", "Flödesläsare");
        var apiToken = await CreateAsync(coordinator, "CreateToken", "Skript");
        var reader = app.CreateClient();

        using (var feed = await reader.GetAsync("/api/leads.atom?token=" + Uri.EscapeDataString(feedToken)))
        {
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        }
        // The feed token as a bearer token opens nothing; the API token in the feed's address neither.
        using (var asBearer = await Bearer(app, feedToken).GetAsync("/api/leads"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, asBearer.StatusCode);
        }
        using (var inquiries = await Bearer(app, feedToken).GetAsync("/api/inquiries"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, inquiries.StatusCode);
        }
        using (var apiInAddress = await reader.GetAsync("/api/leads.atom?token=" + Uri.EscapeDataString(apiToken)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, apiInAddress.StatusCode);
        }

        int id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<UuDbContext>().ApiTokens.Where(t => t.Prefix == feedToken.Substring(0, 10)).Select(t => t.Id).SingleAsync();
        }
        using (var revoked = await OfficeUsers.PostFormAsync(coordinator, "/office/konto", "RevokeToken", new() { ["TokenId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }
        using var after = await reader.GetAsync("/api/leads.atom?token=" + Uri.EscapeDataString(feedToken));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task TheFeedsLinks_UseThePublicBaseUrl_NotTheRequestsHost()
    {
        await using var app = new SqliteApp();
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var feedToken = await CreateAsync(coordinator, "CreateFeedToken", "Flödesläsare");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/leads.atom?token=" + Uri.EscapeDataString(feedToken));
        request.Headers.Host = "angripare.example";
        using var feed = await app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        var xml = System.Xml.Linq.XDocument.Parse(await feed.Content.ReadAsStringAsync());
        var links = xml.Descendants(System.Xml.Linq.XName.Get("link", "http://www.w3.org/2005/Atom")).Select(l => (string)l.Attribute("href")!).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.StartsWith("https://uppdrag.example.se/", l, StringComparison.Ordinal));
    }
}
