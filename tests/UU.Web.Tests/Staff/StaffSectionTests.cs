using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Content;
using UU.Web.Tests.Infrastructure;
using UU.Web.Tests.Office;

namespace UU.Web.Tests.Staff;

/// <summary>The staff section's access rules, its editing by editors, and what of it the public site never shows.</summary>
public abstract class StaffSectionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : UuWebFactory
{
    private async Task<ContentItem> StaffPageAsync(string slug)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UuDbContext>().ContentItems.AsNoTracking().SingleAsync(c => c.Type == ContentTypes.Staff && c.PublishedSlug == slug);
    }

    private static Dictionary<string, string> Form(ContentFields f) => new()
    {
        ["Form.TitleSv"] = f.TitleSv, ["Form.TitleEn"] = f.TitleEn ?? "", ["Form.Slug"] = f.Slug, ["Form.SummarySv"] = f.SummarySv ?? "", ["Form.BodySv"] = f.BodySv ?? "", ["Form.BodyEn"] = f.BodyEn ?? "",
    };

    private static async Task<HttpResponseMessage> PostEditorAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        var document = await client.GetDocumentAsync(page);
        var values = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = document.QuerySelector("form.content-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Form.Version"] = document.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!,
        };
        var separator = page.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return await client.PostAsync($"{page}{separator}handler={handler}", new FormUrlEncodedContent(values));
    }

    private static async Task CreateAndPublishAsync(HttpClient editor, string type, Dictionary<string, string> fields)
    {
        using var created = await PostEditorAsync(editor, "/office/innehall/ny?typ=" + type, "Save", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = created.Headers.Location!.OriginalString.Split('/', '?')[3];
        using var published = await PostEditorAsync(editor, "/office/innehall/" + id, "Publish", fields);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
    }

    [Fact]
    public async Task Anonymous_AreAskedToSignIn_AndTheFormerPublicPageLeadsThere()
    {
        var client = OfficeUsers.Client(app);
        using (var home = await client.GetAsync("/personal/vem-gor-vad"))
        {
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.StartsWith("/office/logga-in", home.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
            Assert.Contains("ReturnUrl=%2Fpersonal%2Fvem-gor-vad", home.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        using var old = await client.GetAsync("/sidor/for-institutioner");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/personal/for-institutioner", old.Headers.Location!.OriginalString);
        using var moved = await client.GetAsync("/personal/for-institutioner");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.StartsWith("/office/logga-in", moved.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);

        // Signing in from there brings a department's staff member back to the page.
        var email = await OfficeUsers.CreateAsync(app, Roles.DepartmentStaff);
        var form = await client.GetDocumentAsync("/office/logga-in?ReturnUrl=%2Fpersonal%2Ffor-institutioner");
        using var signedIn = await client.PostAsync("/office/logga-in?ReturnUrl=%2Fpersonal%2Ffor-institutioner", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.AntiforgeryToken(), ["Email"] = email, ["Password"] = OfficeUsers.Password,
        }));
        Assert.Equal("/personal/for-institutioner", signedIn.Headers.Location!.OriginalString);
        var page = await client.GetDocumentAsync("/personal/for-institutioner");
        Assert.Equal("För institutioner: vägen in", page.QuerySelector("article h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task DepartmentStaff_ReadThePagesFromTheNavigation_ButCannotEditThem()
    {
        var staff = OfficeUsers.Client(app);
        using (var signIn = await OfficeUsers.SignInAsync(staff, await OfficeUsers.CreateAsync(app, Roles.DepartmentStaff)))
        {
            Assert.Equal("/personal", signIn.Headers.Location!.OriginalString); // their home is the staff section, not the office
        }
        var home = await staff.GetDocumentAsync("/personal");
        var nav = home.QuerySelector("nav.office-side")!;
        Assert.NotNull(nav.QuerySelector("a[href='/personal']"));
        Assert.Null(nav.QuerySelector("a[href='/office/innehall']"));
        Assert.Null(nav.QuerySelector("a[href='/office']"));
        Assert.Contains(home.QuerySelectorAll(".staff-pages a"), a => a.TextContent.Contains("Vem gör vad", StringComparison.Ordinal));
        Assert.Null(home.QuerySelector("a[href='/office/innehall/ny?typ=staff']"));

        var item = await StaffPageAsync("vem-gor-vad");
        var page = await staff.GetDocumentAsync("/personal/vem-gor-vad");
        Assert.Contains("Prefekten", page.QuerySelector("article")!.TextContent, StringComparison.Ordinal);
        using (var editor = await staff.GetAsync($"/office/innehall/{item.Id}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, editor.StatusCode);
        }
        var token = page.AntiforgeryToken();
        using var save = await staff.PostAsync($"/office/innehall/{item.Id}?handler=Save",
            new FormUrlEncodedContent(new Dictionary<string, string>(Form(item.Draft with { TitleSv = "Ändrad av fel person" })) { ["__RequestVerificationToken"] = token, ["Form.Version"] = "1" }));
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal(item.Draft.TitleSv, (await StaffPageAsync("vem-gor-vad")).Draft.TitleSv);
    }

    [Fact]
    public async Task AnEditor_WritesAndPublishesAStaffPage_ThatStaffReadAndPublicSearchAndSitemapNeverShow()
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        var word = "Rutinparmsmetoden" + Guid.NewGuid().ToString("N")[..6];
        await CreateAndPublishAsync(editor, ContentTypes.Staff, new()
        {
            ["Form.TitleSv"] = "Checklista inför kursstart " + word, ["Form.Slug"] = "checklista-" + word.ToLowerInvariant(),
            ["Form.SummarySv"] = "Vad institutionen gör veckan före start.", ["Form.BodySv"] = "Skicka välkomstbrevet. " + word + " hjälper.",
        });
        // A public page with the same word: once public search finds it, the index has caught up with both.
        await CreateAndPublishAsync(editor, ContentTypes.Page, new()
        {
            ["Form.TitleSv"] = "Nyhet " + word, ["Form.Slug"] = "nyhet-" + word.ToLowerInvariant(), ["Form.BodySv"] = word + " på webben.",
        });

        var staff = await OfficeUsers.SignedInClientAsync(app, Roles.DepartmentStaff);
        var results = await staff.GetDocumentAsync("/personal/sok?q=" + Uri.EscapeDataString(word.ToLowerInvariant()));
        var hit = Assert.Single(results.QuerySelectorAll(".search-results a"));
        Assert.Equal("/personal/checklista-" + word.ToLowerInvariant(), hit.GetAttribute("href"));

        var visitor = app.CreateClient();
        string json = "";
        await Eventually.HoldsAsync(async () => (json = await visitor.GetStringAsync("/api/search?q=" + word)).Contains("nyhet-", StringComparison.Ordinal), "public search finds the public page");
        Assert.DoesNotContain("checklista-", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"staff\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("checklista-", await visitor.GetStringAsync("/api/suggest?q=Checklista"), StringComparison.Ordinal);
        var sitemap = await visitor.GetStringAsync("/sitemap.xml");
        Assert.Contains("/sidor/nyhet-", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain("/personal/", sitemap, StringComparison.Ordinal);
        Assert.Contains("Disallow: /personal/", await visitor.GetStringAsync("/robots.txt"), StringComparison.Ordinal);
        using var delivery = await visitor.GetAsync("/api/content/pages/checklista-" + word.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.NotFound, delivery.StatusCode);
    }

    [Fact]
    public async Task StaffSearch_FindsPagesByInflectedWords_AndOnlyStaffPages()
    {
        var staff = await OfficeUsers.SignedInClientAsync(app, Roles.DepartmentStaff);
        var results = await staff.GetDocumentAsync("/personal/sok?q=kalkylen");
        var hrefs = results.QuerySelectorAll(".search-results a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("/personal/sa-gor-du-en-kalkyl", hrefs);
        Assert.All(hrefs, h => Assert.StartsWith("/personal/", h, StringComparison.Ordinal));
        Assert.Empty((await staff.GetDocumentAsync("/personal/sok?q=kalkyl+zzzxqq")).QuerySelectorAll(".search-results a")); // every word must match

        using var tooLong = await staff.GetAsync("/personal/sok?q=" + new string('a', 201));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("högst 200 tecken", (await Html.ParseAsync(tooLong)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdmin_GivesSomeoneTheDepartmentStaffRole()
    {
        var admin = await OfficeUsers.SignedInClientAsync(app, Roles.Admin);
        var users = await admin.GetDocumentAsync("/office/anvandare");
        Assert.Contains(users.QuerySelectorAll("#Role option"), o => o.GetAttribute("value") == Roles.DepartmentStaff && o.TextContent == "Institutionspersonal");
        var email = $"larare-{Guid.NewGuid():N}@uu-demo.se";
        using var created = await OfficeUsers.PostFormAsync(admin, "/office/anvandare", "Create", new() { ["Email"] = email, ["Role"] = Roles.DepartmentStaff });
        Assert.True(created.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, created.StatusCode.ToString());
        await using var scope = app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<UuUser>>();
        var user = await manager.FindByEmailAsync(email);
        Assert.NotNull(user);
        Assert.Equal([Roles.DepartmentStaff], await manager.GetRolesAsync(user));
    }
}

public sealed class StaffSectionTestsOnSqlite(SqliteApp app) : StaffSectionTests<SqliteApp>(app);

public sealed class StaffSectionTestsOnPostgres(PostgresApp app) : StaffSectionTests<PostgresApp>(app);
