using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Agreements;
using UU.Web.Features.Clients;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Agreements;

/// <summary>The agreements register: signed documents, reminders before the end, and the coordinators' API.</summary>
public abstract class AgreementTests(Provider provider)
{
    private static DateOnly Today(UuWebFactory app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    private static async Task<int> AddAsync(UuWebFactory app, string client, AgreementType type, DateOnly? starts, DateOnly? ends)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        var owner = await db.Clients.FirstOrDefaultAsync(c => c.Name == client) ?? new Client { Name = client, Type = ClientType.Municipality, CreatedAt = app.Clock.GetUtcNow() };
        var agreement = new Agreement { Type = type, Client = owner, StartsOn = starts, EndsOn = ends, DiaryNumber = "UU 2026/77", CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() };
        db.Add(agreement);
        await db.SaveChangesAsync();
        return agreement.Id;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int id, byte[] content, string name, string contentType)
    {
        var page = await client.GetDocumentAsync($"/office/avtal/{id}");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "document", name);
        return await client.PostAsync($"/office/avtal/{id}?handler=Document", form);
    }

    [Fact]
    public async Task TheSignedDocument_IsJudgedByItsContent_AndServedOnlyToCoordinators()
    {
        await using var app = new UuWebFactory(provider);
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var id = await AddAsync(app, "Ludvika kommun", AgreementType.Sko, Today(app), Today(app).AddYears(2));

        // A program renamed to .pdf and sent as a PDF is refused, with the file named.
        byte[] exe = [.. "MZ\u0090\0\u0003\0\0\0"u8, .. new byte[200]];
        using (var refused = await UploadAsync(coordinator, id, exe, "avtal.pdf", "application/pdf"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("avtal.pdf är inte en PDF eller ett Word-dokument", (await Html.ParseAsync(refused)).QuerySelector("[data-testid=errors]")!.TextContent, StringComparison.Ordinal);
        }
        using (var none = await coordinator.GetAsync($"/office/avtal/{id}?handler=Document"))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode); // nothing was kept
        }

        // A real PDF, whatever it is called, is kept outside the web root and served back as a PDF.
        byte[] pdf = [.. "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8];
        using (var kept = await UploadAsync(coordinator, id, pdf, "skannat-avtal.bin", "application/octet-stream"))
        {
            Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        }
        using (var served = await coordinator.GetAsync($"/office/avtal/{id}?handler=Document"))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("application/pdf", served.Content.Headers.ContentType!.MediaType);
            Assert.Equal(pdf, await served.Content.ReadAsByteArrayAsync());
        }
        Assert.Single(Directory.GetFiles(Path.Combine(app.DataPath, "agreements")));
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        using var forbidden = await editor.GetAsync($"/office/avtal/{id}?handler=Document");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task TheCoordinatorsAreReminded90And30DaysBeforeTheEnd_OnceEach()
    {
        await using var app = new UuWebFactory(provider);
        app.CreateClient().Dispose();
        var end = Today(app).AddDays(100);
        var id = await AddAsync(app, "Ludvika kommun", AgreementType.Sko, Today(app).AddYears(-2), end);
        async Task<List<string>> RunAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AgreementReminders>().SendAsync(CancellationToken.None);
            return await scope.ServiceProvider.GetRequiredService<UuDbContext>().OutboxMessages
                .Where(m => m.Reference!.StartsWith($"agreement-{id}-")).OrderBy(m => m.Id).Select(m => m.Reference + " " + m.ToAddress + " " + m.Subject).ToListAsync();
        }
        void At(DateOnly day) => app.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero));

        Assert.Empty(await RunAsync()); // 100 days left
        At(end.AddDays(-91));
        Assert.Empty(await RunAsync());
        At(end.AddDays(-90));
        var first = Assert.Single(await RunAsync());
        Assert.Equal($"agreement-{id}-90 samordnare@uu-demo.se Avtal upphör om 90 dagar: Ludvika kommun ({end:yyyy-MM-dd})", first);
        Assert.Single(await RunAsync()); // the same day again: nothing more
        At(end.AddDays(-89));
        Assert.Single(await RunAsync()); // the next day: the 90-day reminder went already
        At(end.AddDays(-30));
        var both = await RunAsync();
        Assert.Equal(2, both.Count);
        Assert.StartsWith($"agreement-{id}-30 ", both[1], StringComparison.Ordinal);
        At(end.AddDays(-10));
        Assert.Equal(2, (await RunAsync()).Count);
    }

    [Fact]
    public async Task TheApi_FiltersByTypeClientAndInForce_AndIsForCoordinatorsOnly()
    {
        await using var app = new UuWebFactory(provider);
        var today = Today(app);
        await AddAsync(app, "Ludvika kommun", AgreementType.Sko, today.AddYears(-1), today.AddYears(1));
        await AddAsync(app, "Ludvika kommun", AgreementType.SingleCommission, today.AddYears(-3), today.AddYears(-2));
        await AddAsync(app, "Region Dalarna", AgreementType.Framework, today.AddMonths(-6), null);

        using (var anonymous = await app.CreateClient().GetAsync("/api/agreements"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        using (var forbidden = await editor.GetAsync("/api/agreements"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        async Task<List<(string Client, string Type, bool InForce)>> ListAsync(string query)
        {
            using var json = JsonDocument.Parse(await coordinator.GetStringAsync("/api/agreements" + query));
            return json.RootElement.GetProperty("items").EnumerateArray()
                .Select(i => (i.GetProperty("client").GetProperty("name").GetString()!, i.GetProperty("type").GetString()!, i.GetProperty("inForce").GetBoolean())).ToList();
        }
        Assert.Equal([("Ludvika kommun", "Sko", true)], await ListAsync("?client=ludvika&inForce=1"));
        Assert.Equal([("Ludvika kommun", "SingleCommission", false)], await ListAsync("?client=Ludvika&inForce=0"));
        Assert.Equal([("Region Dalarna", "Framework", true)], await ListAsync("?type=ramavtal&client=dalarna"));
        Assert.DoesNotContain(await ListAsync("?inForce=1"), a => !a.InForce);

        using var bad = await coordinator.GetAsync("/api/agreements?type=hyresavtal&inForce=kanske");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Contains("hyresavtal", problem.RootElement.GetProperty("errors").GetProperty("type")[0].GetString(), StringComparison.Ordinal);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("inForce", out _));

        // The office list has the same filters.
        var list = await coordinator.GetDocumentAsync("/office/avtal?type=sko&client=ludvika");
        Assert.Single(list.QuerySelectorAll("[data-testid=agreements] tbody tr"));
    }
}

public sealed class AgreementTestsOnSqlite() : AgreementTests(Provider.Sqlite);

public sealed class AgreementTestsOnPostgres() : AgreementTests(Provider.Postgres);
