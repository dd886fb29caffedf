using UU.Web.Features.Accounts;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Office;

public abstract class OfficeLayoutTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : UuWebFactory
{
    [Fact]
    public async Task Admin_SeesTheMenuGroupedByTaskWithTheCurrentSectionMarked()
    {
        var client = await OfficeUsers.SignedInClientAsync(app, Roles.Admin);
        var page = await client.GetDocumentAsync("/office/leads");
        var side = page.QuerySelector("nav.office-side")!;
        Assert.Equal(["Innehåll", "Katalog", "Ärenden och leads", "Kunder och statistik", "Administration"],
            side.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()).ToArray());
        var current = side.QuerySelectorAll("a[aria-current=page]");
        Assert.Equal("/office/leads", Assert.Single(current).GetAttribute("href"));
        // A page below a section marks that section.
        var sources = await client.GetDocumentAsync("/office/leads/kallor");
        Assert.Equal("/office/leads", Assert.Single(sources.QuerySelectorAll("nav.office-side a[aria-current=page]")).GetAttribute("href"));
    }

    [Fact]
    public async Task OfficePage_ShowsWhoIsSignedInAndSignOutButNoPublicSearch()
    {
        var email = await OfficeUsers.CreateAsync(app, Roles.Coordinator);
        var client = OfficeUsers.Client(app);
        using var signIn = await OfficeUsers.SignInAsync(client, email);
        var page = await client.GetDocumentAsync("/office");
        Assert.Contains(email, page.QuerySelector(".office-user")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/office/logga-ut", page.QuerySelector("form.office-user")!.GetAttribute("action"));
        Assert.Null(page.QuerySelector("form[role=search]"));
        Assert.Null(page.QuerySelector("footer.site-footer"));
        // A coordinator has no content or administration of users.
        var links = page.QuerySelectorAll("nav.office-side a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/office/forfragningar", links);
        Assert.DoesNotContain("/office/innehall", links);
        Assert.DoesNotContain("/office/anvandare", links);
    }

    [Fact]
    public async Task SignInPage_HasNoMenu()
    {
        var page = await OfficeUsers.Client(app).GetDocumentAsync("/office/logga-in");
        Assert.Null(page.QuerySelector("nav.office-side"));
        Assert.NotNull(page.QuerySelector("main#main"));
    }
}

public sealed class OfficeLayoutTestsOnSqlite(SqliteApp app) : OfficeLayoutTests<SqliteApp>(app);

public sealed class OfficeLayoutTestsOnPostgres(PostgresApp app) : OfficeLayoutTests<PostgresApp>(app);
