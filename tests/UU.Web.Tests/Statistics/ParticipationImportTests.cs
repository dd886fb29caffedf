using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Commissions;
using UU.Web.Features.Commissions.FollowUp;
using UU.Web.Features.Inquiries;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Statistics;

/// <summary>Participants per case from a CSV extract, uploaded in the office: all or nothing, every bad row named by line and column.</summary>
public abstract class ParticipationImportTests(Provider provider)
{
    private static async Task<T> QueryAsync<T>(UuWebFactory app, Func<UuDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<UuDbContext>());
    }

    private static async Task<string> CaseAsync(UuWebFactory app, HttpClient coordinator, CasePhase phase, bool credits)
    {
        using var response = await OfficeUsers.PostFormAsync(coordinator, "/office/forfragningar/ny", "", new()
        {
            ["Form.WayIn"] = "Phone", ["Form.OrganisationName"] = "Ånge kommun", ["Form.ContactName"] = "Per Ek", ["Form.Email"] = "per.ek@ange.example",
            ["Form.Description"] = "Engelska för 20 lärare.",
        });
        var reference = Uri.UnescapeDataString(response.Headers.Location!.OriginalString.Split('/').Last());
        await QueryAsync(app, async db =>
        {
            var c = await db.Inquiries.SingleAsync(i => i.ReferenceNumber == reference);
            (c.Phase, c.GivesCredits, c.Status) = (phase, credits, phase == CasePhase.Delivery ? InquiryStatus.Won : InquiryStatus.InDialogue);
            return await db.SaveChangesAsync();
        });
        return reference;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv)
    {
        var form = await client.GetDocumentAsync("/office/statistik/deltagare");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.AntiforgeryToken()), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "Upload", "deltagare.csv");
        return await client.PostAsync("/office/statistik/deltagare", content);
    }

    [Fact]
    public async Task Import_WithBadRows_NamesEachByLineAndColumn_AndWritesNothing_ThenAGoodFileIsImported()
    {
        await using var app = new UuWebFactory(provider);
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var credit = await CaseAsync(app, coordinator, CasePhase.Delivery, credits: true);
        var plain = await CaseAsync(app, coordinator, CasePhase.Delivery, credits: false);
        var open = await CaseAsync(app, coordinator, CasePhase.Initiation, credits: true);

        var bad = $"""
            reference,participants,women,hst,hpr
            {credit},32,27,4.5,"4,1"
            UU-2099-0001,10,5,,
            {plain},20,21,,
            {plain},20,10,2,
            {open},12,6,,
            {credit},tolv,6,,
            """;
        using (var refused = await UploadAsync(coordinator, bad))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problems = (await Html.ParseAsync(refused)).QuerySelectorAll("[data-testid=import-problems] li").Select(li => li.TextContent).ToList();
            Assert.Contains(problems, p => p.StartsWith("Rad 3, kolumn reference:", StringComparison.Ordinal) && p.Contains("UU-2099-0001", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.StartsWith("Rad 4, kolumn women:", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.StartsWith("Rad 5, kolumn reference:", StringComparison.Ordinal) && p.Contains("line 4", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.StartsWith("Rad 6, kolumn reference:", StringComparison.Ordinal) && p.Contains("not a commission", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.StartsWith("Rad 7, kolumn reference:", StringComparison.Ordinal));
            Assert.DoesNotContain(problems, p => p.StartsWith("Rad 2,", StringComparison.Ordinal));
        }
        Assert.False(await QueryAsync(app, db => db.CaseParticipations.AnyAsync()));

        using (var hstOnPlain = await UploadAsync(coordinator, $"referensnummer;deltagare;kvinnor;hst;hpr\n{plain};20;10;2;\n"))
        {
            var problem = (await Html.ParseAsync(hstOnPlain)).QuerySelector("[data-testid=import-problems] li")!.TextContent;
            Assert.StartsWith("Rad 2, kolumn hst:", problem, StringComparison.Ordinal);
            Assert.Contains("credit-bearing", problem, StringComparison.Ordinal);
        }
        using (var missing = await UploadAsync(coordinator, "reference,participants\nUU-2026-0001,3\n"))
        {
            Assert.Contains("'women' is missing", (await Html.ParseAsync(missing)).QuerySelector("[data-testid=import-problems]")!.TextContent, StringComparison.Ordinal);
        }

        using (var imported = await UploadAsync(coordinator, $"reference,participants,women,hst,hpr\r\n{credit},32,27,4.5,\"4,1\"\r\n{plain},20,11,,\r\n"))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
            Assert.Contains("2 ärenden", (await Html.ParseAsync(imported)).QuerySelector("[data-testid=import-done]")!.TextContent, StringComparison.Ordinal);
        }
        var rows = await QueryAsync(app, db => db.CaseParticipations.OrderByDescending(p => p.Participants).Select(p => new { p.Participants, p.Women, p.Hst, p.Hpr }).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal((32, 27, 4.5m, 4.1m), (rows[0].Participants, rows[0].Women, rows[0].Hst!.Value, rows[0].Hpr!.Value));
        Assert.Equal((20, 11, (decimal?)null), (rows[1].Participants, rows[1].Women, rows[1].Hst));
        Assert.Contains("32 deltagare, varav 27 kvinnor", (await coordinator.GetDocumentAsync(CaseRoutes.Case(credit))).QuerySelector("[data-testid=participation]")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class ParticipationImportTestsOnSqlite() : ParticipationImportTests(Provider.Sqlite);

public sealed class ParticipationImportTestsOnPostgres() : ParticipationImportTests(Provider.Postgres);
