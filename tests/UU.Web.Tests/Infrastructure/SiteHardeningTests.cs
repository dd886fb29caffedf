using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UU.Web.Features.Accounts;

namespace UU.Web.Tests.Infrastructure;

/// <summary>What every answer carries: personal data is never cached, HTTPS is insisted on, the server does not name itself, /health tells strangers little.</summary>
public sealed class SiteHardeningTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] Statuses = ["Healthy", "Degraded", "Unhealthy"];

    [Theory]
    [InlineData("/office")]
    [InlineData("/office/konto")]
    [InlineData("/api/inquiries")]
    [InlineData("/api/leads")]
    [InlineData("/api/leads.atom")]
    [InlineData("/api/agreements")]
    public async Task AnswersWithPersonalData_AreNeverStored(string path)
    {
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        using var response = await coordinator.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control is '{response.Headers.CacheControl}'");
    }

    [Fact]
    public async Task TheInquiryReceipt_IsNeverStored_ButPublicPagesMayBe()
    {
        using var receipt = await app.CreateClient().GetAsync("/forfragan/tack/UU-2026-0001");
        Assert.True(receipt.Headers.CacheControl?.NoStore, $"Cache-Control is '{receipt.Headers.CacheControl}'");
        using var home = await app.CreateClient().GetAsync("/");
        Assert.NotEqual(true, home.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task OverHttps_TheSiteSendsHsts_AndItsCookiesAreSecure()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://uppdrag.example.se"), AllowAutoRedirect = false });
        using var home = await client.GetAsync("/");
        Assert.True(home.Headers.Contains("Strict-Transport-Security"));
        var email = await OfficeUsers.CreateAsync(app, Roles.Editor);
        using var signIn = await OfficeUsers.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("uu.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);

        using var plain = await app.CreateClient().GetAsync("/");
        Assert.False(plain.Headers.Contains("Strict-Transport-Security")); // only over https
    }

    [Fact]
    public void TheServer_DoesNotNameItself()
    {
        Assert.False(app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }

    [Fact]
    public async Task Health_TellsStrangersOnlyTheStatus_AndAdminsAndMonitoringTheDetails()
    {
        using var anonymous = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/health"));
        Assert.Equal(["status"], anonymous.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Contains(anonymous.RootElement.GetProperty("status").GetString(), Statuses);

        using var wrongToken = new HttpRequestMessage(HttpMethod.Get, "/health");
        wrongToken.Headers.Add("X-Health-Token", "gissad");
        using var wrong = JsonDocument.Parse(await (await app.CreateClient().SendAsync(wrongToken)).Content.ReadAsStringAsync());
        Assert.False(wrong.RootElement.TryGetProperty("checks", out _));

        using var monitoring = await UuWebFactory.HealthDetailsAsync(app.CreateClient());
        Assert.True(monitoring.RootElement.GetProperty("checks").TryGetProperty("database", out _));

        var admin = await OfficeUsers.SignedInClientAsync(app, Roles.Admin);
        using var forAdmin = JsonDocument.Parse(await admin.GetStringAsync("/health"));
        Assert.True(forAdmin.RootElement.GetProperty("checks").TryGetProperty("database", out _));
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        using var forEditor = JsonDocument.Parse(await editor.GetStringAsync("/health"));
        Assert.False(forEditor.RootElement.TryGetProperty("checks", out _));
    }

    [Fact]
    public async Task CanonicalLinks_UseThePublicBaseUrl_NotTheRequestsHost()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sitemap.xml");
        request.Headers.Host = "angripare.example";
        using var response = await app.CreateClient().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("https://uppdrag.example.se/", body, StringComparison.Ordinal);
        Assert.DoesNotContain("angripare.example", body, StringComparison.Ordinal);
    }
}

/// <summary>Without Site:PublicBaseUrl the links name the address the server listens on, still not the Host header.</summary>
public sealed class SiteUrlsWithoutPublicBaseUrlTests
{
    [Fact]
    public async Task WithoutAPublicBaseUrl_LinksNameTheServersOwnAddress()
    {
        await using var app = new UuWebFactory(Provider.Sqlite, new Dictionary<string, string?> { ["Site:PublicBaseUrl"] = "", ["urls"] = "http://+:5080" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/robots.txt");
        request.Headers.Host = "angripare.example";
        var body = await (await app.CreateClient().SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("Sitemap: http://localhost:5080/sitemap.xml", body, StringComparison.Ordinal);
    }
}
