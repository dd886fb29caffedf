using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Agreements;
using UU.Web.Features.Clients;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Agreements;

/// <summary>A faculty office reads the agreements of its faculty's departments, and changes nothing.</summary>
public abstract class FacultyOfficeAgreementTests(Provider provider)
{
    /// <summary>One agreement naming a department of the first faculty, one naming a department of another; returns their ids and the first faculty.</summary>
    private static async Task<(int Ours, int Theirs, int FacultyId)> AddAgreementsAsync(UuWebFactory app, string word)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        var departments = await db.Departments.OrderBy(d => d.Id).ToListAsync();
        var ours = departments[0];
        var theirs = departments.First(d => d.FacultyId != ours.FacultyId);
        var now = app.Clock.GetUtcNow();
        Agreement Make(string client, int department) => new()
        {
            Type = AgreementType.Sko, Client = new Client { Name = client, Type = ClientType.Municipality, CreatedAt = now }, DiaryNumber = "UU 2026/501",
            SignedBy = "Rektor Birgitta Ek", CreatedAt = now, UpdatedAt = now, Departments = [new AgreementDepartment { DepartmentId = department }],
        };
        var a = Make($"Bollnäs kommun {word}", ours.Id);
        var b = Make($"Ovanåkers kommun {word}", theirs.Id);
        db.AddRange(a, b);
        await db.SaveChangesAsync();
        return (a.Id, b.Id, ours.FacultyId);
    }

    private static async Task<HttpClient> FacultyOfficeAsync(UuWebFactory app, int? facultyId)
    {
        var email = await OfficeUsers.CreateAsync(app, Roles.FacultyOffice);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UuUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.FacultyId = facultyId;
            await users.UpdateAsync(user);
        }
        var client = OfficeUsers.Client(app);
        using var signedIn = await OfficeUsers.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    [Fact]
    public async Task FacultyOffice_ReadsItsFacultysAgreements_AndCannotEditOrUpload()
    {
        await using var app = new UuWebFactory(provider);
        var word = "kansli" + Guid.NewGuid().ToString("N")[..6];
        var (ours, theirs, faculty) = await AddAgreementsAsync(app, word);
        var office = await FacultyOfficeAsync(app, faculty);

        var list = await office.GetDocumentAsync("/office/avtal?client=" + word);
        var rows = list.QuerySelectorAll("[data-testid=agreements] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Bollnäs", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains("Ovanåker", StringComparison.Ordinal));
        Assert.Null(list.QuerySelector("a[href='/office/avtal/ny']"));

        var page = await office.GetDocumentAsync($"/office/avtal/{ours}");
        Assert.Contains("UU 2026/501", page.QuerySelector("[data-testid=agreement-facts]")!.TextContent, StringComparison.Ordinal);
        // No edit form and no upload: the only form they get is signing out.
        Assert.All(page.QuerySelectorAll("form[method=post]"), f => Assert.Equal("/office/logga-ut", f.GetAttribute("action")));
        Assert.Empty(page.QuerySelectorAll("input[type=file]"));
        Assert.NotNull(page.QuerySelector("[data-testid=read-only]"));

        using (var other = await office.GetAsync($"/office/avtal/{theirs}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }
        using (var create = await office.GetAsync("/office/avtal/ny"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        }

        // Posting the edit or the upload anyway (with a valid token from a page they may read) changes nothing.
        var token = (await office.GetDocumentAsync("/office/konto")).AntiforgeryToken();
        using (var edit = await office.PostAsync($"/office/avtal/{ours}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Form.Type"] = "Sko", ["Form.DiaryNumber"] = "UU 2026/999",
        })))
        {
            Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        }
        using (var upload = new MultipartFormDataContent())
        {
            upload.Add(new StringContent(token), "__RequestVerificationToken");
            upload.Add(new ByteArrayContent("%PDF-1.7\n%%EOF\n"u8.ToArray()), "document", "avtal.pdf");
            using var uploaded = await office.PostAsync($"/office/avtal/{ours}?handler=Document", upload);
            Assert.Equal(HttpStatusCode.Forbidden, uploaded.StatusCode);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        var kept = await db.Set<Agreement>().SingleAsync(a => a.Id == ours);
        Assert.Equal("UU 2026/501", kept.DiaryNumber);
        Assert.Null(kept.DocumentFile);
    }

    [Fact]
    public async Task FacultyOfficeWithoutAFaculty_SeesNoAgreementsOrCases_AndIsToldWhy()
    {
        await using var app = new UuWebFactory(provider);
        var word = "utan" + Guid.NewGuid().ToString("N")[..6];
        var (ours, _, _) = await AddAgreementsAsync(app, word);
        var office = await FacultyOfficeAsync(app, null);

        var list = await office.GetDocumentAsync("/office/avtal");
        Assert.Empty(list.QuerySelectorAll("[data-testid=agreements] tbody tr"));
        Assert.Contains("ingen fakultet", list.QuerySelector("[data-testid=no-faculty]")!.TextContent, StringComparison.Ordinal);
        using (var one = await office.GetAsync($"/office/avtal/{ours}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, one.StatusCode);
        }
        var cases = await office.GetDocumentAsync("/office/forfragningar");
        Assert.Empty(cases.QuerySelectorAll("[data-testid=cases] tbody tr"));
        Assert.NotNull(cases.QuerySelector("[data-testid=no-faculty]"));
    }
}

public sealed class FacultyOfficeAgreementTestsOnSqlite() : FacultyOfficeAgreementTests(Provider.Sqlite);

public sealed class FacultyOfficeAgreementTestsOnPostgres() : FacultyOfficeAgreementTests(Provider.Postgres);
