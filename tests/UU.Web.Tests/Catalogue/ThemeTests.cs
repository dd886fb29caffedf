using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Catalogue;

/// <summary>Themes: editors keep the list and tag modules; visitors filter the catalogue (a plain form, no script needed), search by them and read each theme's page.</summary>
public sealed class ThemeTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<(string Slug, int ModuleId, string ModuleSlug)> ThemeOnAModuleAsync(string name, string moduleSlug)
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        using (var created = await OfficeUsers.PostFormAsync(editor, "/office/teman", "Create", new() { ["NameSv"] = name, ["NameEn"] = name + " (en)" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        var theme = await db.Themes.SingleAsync(t => t.NameSv == name);
        var moduleId = await db.Modules.Where(m => m.Slug == moduleSlug).Select(m => m.Id).SingleAsync();
        using (var tagged = await OfficeUsers.PostFormAsync(editor, $"/office/utbildningar/{moduleId}", "Themes", new() { ["themeIds"] = theme.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, tagged.StatusCode);
        }
        return (theme.Slug, moduleId, moduleSlug);
    }

    [Fact]
    public async Task ATheme_FiltersTheCatalogueWithoutJavaScript_AndHasItsOwnPageInBothLanguages()
    {
        var (slug, _, moduleSlug) = await ThemeOnAModuleAsync("Arbetsmiljö och hälsa", "stress-och-aterhamtning");
        var visitor = app.CreateClient();
        var catalogue = await visitor.GetDocumentAsync("/utbildningar");
        var box = catalogue.QuerySelector($"form.filters input[name=tema][value='{slug}']");
        Assert.NotNull(box);
        Assert.Contains("(1)", box!.ParentElement!.TextContent, StringComparison.Ordinal);

        var filtered = await visitor.GetDocumentAsync("/utbildningar?tema=" + slug);
        var listed = filtered.QuerySelectorAll(".results .cards a[href^='/utbildningar/']").Select(a => a.GetAttribute("href")).Distinct().ToList();
        Assert.Equal(["/utbildningar/" + moduleSlug], listed);
        Assert.NotNull(filtered.QuerySelector($"input[name=tema][value='{slug}'][checked]"));

        var unknown = await visitor.GetDocumentAsync("/utbildningar?tema=finns-inte");
        Assert.Contains("finns-inte", unknown.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);

        var page = await visitor.GetDocumentAsync("/teman/" + slug);
        Assert.Equal("Arbetsmiljö och hälsa", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"a[href='/utbildningar/{moduleSlug}']"));
        var english = await visitor.GetDocumentAsync("/en/themes/" + slug);
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Arbetsmiljö och hälsa (en)", english.QuerySelector("h1")!.TextContent.Trim());
        using var missing = await visitor.GetAsync("/teman/finns-inte");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task ATheme_IsASearchFacet_InTheApiAndOnTheResultsPage()
    {
        var (slug, moduleId, _) = await ThemeOnAModuleAsync("Samtalsmetodik", "motiverande-samtal");
        var client = app.CreateClient();
        JsonElement body = default;
        await Eventually.HoldsAsync(async () =>
        {
            body = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=samtal&theme=" + slug)).RootElement.Clone();
            return body.GetProperty("total").GetInt32() == 1;
        }, "the tagged module is found by its theme");
        Assert.Equal(moduleId, body.GetProperty("hits")[0].GetProperty("id").GetInt32());
        var facet = body.GetProperty("facets").GetProperty("theme").EnumerateArray().Single(f => f.GetProperty("value").GetString() == slug);
        Assert.Equal(1, facet.GetProperty("count").GetInt32());

        using var bad = await client.GetAsync("/api/search?theme=" + Uri.EscapeDataString("<script>"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("theme", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var results = await client.GetDocumentAsync("/sok?q=samtal");
        Assert.NotNull(results.QuerySelector($"form.filters input[name=theme][value='{slug}']"));
    }
}
