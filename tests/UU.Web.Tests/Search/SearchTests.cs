using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Cli;
using UU.Web.Tests.Infrastructure;
using UU.Web.Features.Catalogue;

namespace UU.Web.Tests.Search;

public abstract class SearchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : UuWebFactory
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<JsonElement> SearchAsync(string query)
    {
        using var response = await _client.GetAsync("/api/search?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    private async Task<List<string>> SlugsAsync(string q) =>
        (await SearchAsync("pageSize=50&q=" + Uri.EscapeDataString(q))).GetProperty("hits").EnumerateArray()
            .Select(h => h.GetProperty("slug").GetString()!).ToList();

    private static Task EventuallyAsync(Func<Task<bool>> condition, string what) => Eventually.HoldsAsync(condition, what, 15);

    private async Task ChangeAsync(Func<UuDbContext, Task> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Api_ReturnsHitsAndFacetsInTheDesignedShape()
    {
        await EventuallyAsync(async () => (await SearchAsync("q=demens")).GetProperty("total").GetInt32() > 0, "the index is built");
        var result = await SearchAsync("q=demens");
        var first = result.GetProperty("hits")[0];
        foreach (var property in new[] { "type", "id", "code", "slug", "title", "score", "highlight" })
        {
            Assert.True(first.TryGetProperty(property, out _), property);
        }
        Assert.Equal("module", first.GetProperty("type").GetString());
        Assert.Equal("demensvard", first.GetProperty("slug").GetString());
        Assert.Contains("<mark>", first.GetProperty("highlight").GetString(), StringComparison.Ordinal);
        var subjects = result.GetProperty("facets").GetProperty("subject");
        Assert.Contains(subjects.EnumerateArray(), f => f.GetProperty("value").GetString() == "omvardnad" && f.GetProperty("count").GetInt32() >= 2);
    }

    [Fact]
    public async Task Api_FiltersCombineAndFacetsCount()
    {
        await EventuallyAsync(async () => (await SearchAsync("q=")).GetProperty("total").GetInt32() > 100, "the index is built");
        var result = await SearchAsync("type=module&subject=pedagogik&level=grund&pageSize=50");
        var hits = result.GetProperty("hits").EnumerateArray().ToList();
        await using var scope = app.Services.CreateAsyncScope();
        var expected = await scope.ServiceProvider.GetRequiredService<UuDbContext>().Modules
            .CountAsync(m => m.Status == ContentStatus.Published && m.Subject!.Slug == "pedagogik" && m.Level == CourseLevel.First);
        Assert.Equal(expected, result.GetProperty("total").GetInt32());
        Assert.All(hits, h => Assert.Equal("module", h.GetProperty("type").GetString()));
        // The type facet ignores its own filter, so courses stay visible as an alternative.
        Assert.Contains(result.GetProperty("facets").GetProperty("type").EnumerateArray(), f => f.GetProperty("value").GetString() == "course");
    }

    [Theory]
    [InlineData("page=abc", "page")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=5000", "pageSize")]
    [InlineData("type=spaceship", "type")]
    [InlineData("level=doktor", "level")]
    [InlineData("subject=%3Cscript%3E", "subject")]
    public async Task Api_BadParameters_AreRefusedNamingTheParameter(string query, string field)
    {
        using var response = await _client.GetAsync("/api/search?q=lärare&" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("title:x AND (")]
    [InlineData("*~^:!")]
    [InlineData("%00%01%1b")]
    [InlineData("%ED%A0%80")]
    public async Task HostileQueries_AnswerNormally(string raw)
    {
        using var api = await _client.GetAsync("/api/search?q=" + raw);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        using var suggest = await _client.GetAsync("/api/suggest?q=" + raw);
        Assert.Equal(HttpStatusCode.OK, suggest.StatusCode);
        using var page = await _client.GetAsync("/sok?q=" + raw);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var huge = await _client.GetAsync("/api/search?q=" + new string('ö', 10_000));
        Assert.Equal(HttpStatusCode.OK, huge.StatusCode);
    }

    [Fact]
    public async Task Suggest_CompletesModuleTitles()
    {
        await EventuallyAsync(async () => (await SearchAsync("q=demens")).GetProperty("total").GetInt32() > 0, "the index is built");
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/suggest?q=palli"));
        var first = json.RootElement.GetProperty("suggestions")[0];
        Assert.Equal("Palliativ vård i kommunen", first.GetProperty("title").GetString());
        Assert.Equal("/utbildningar/palliativ-vard", first.GetProperty("url").GetString());
    }

    [Fact]
    public async Task ResultsPage_ShowsHighlightsFacetsAndDidYouMean()
    {
        await EventuallyAsync(async () => (await SearchAsync("q=demens")).GetProperty("total").GetInt32() > 0, "the index is built");
        var page = await _client.GetDocumentAsync("/sok?q=demensv%C3%A5rd");
        Assert.Equal("Demensvård och personcentrerat bemötande", page.QuerySelector(".hit h3 a")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector(".hit mark"));
        Assert.NotNull(page.QuerySelector("fieldset input[name=subject][value=omvardnad]"));
        var nothing = await _client.GetDocumentAsync("/sok?q=femensv%C3%A5rd");
        Assert.Equal("demensvård", nothing.QuerySelector(".did-you-mean a")!.TextContent.Trim());
    }

    [Fact]
    public async Task Publish_Unpublish_Rename_AndDelete_ReachSearch()
    {
        await EventuallyAsync(async () => (await SearchAsync("q=demens")).GetProperty("total").GetInt32() > 0, "the index is built");
        // A draft is not searchable until it is published.
        Assert.DoesNotContain("ekonomistyrning-i-kommunen", await SlugsAsync("ekonomistyrning kommunen"));
        await ChangeAsync(async db => (await db.Modules.SingleAsync(m => m.Slug == "ekonomistyrning-i-kommunen")).Status = ContentStatus.Published);
        await EventuallyAsync(async () => (await SlugsAsync("ekonomistyrning kommunen")).Contains("ekonomistyrning-i-kommunen"), "a published module is found");

        await ChangeAsync(async db => (await db.Modules.SingleAsync(m => m.Slug == "ekonomistyrning-i-kommunen")).TitleSv = "Budgetarbete för enhetschefer");
        await EventuallyAsync(async () => (await SlugsAsync("budgetarbete")).Contains("ekonomistyrning-i-kommunen"), "a new title is found");

        await ChangeAsync(async db => (await db.Modules.SingleAsync(m => m.Slug == "ekonomistyrning-i-kommunen")).Status = ContentStatus.Draft);
        await EventuallyAsync(async () => !(await SlugsAsync("budgetarbete")).Contains("ekonomistyrning-i-kommunen"), "an unpublished module is gone");

        await ChangeAsync(async db => db.Modules.Remove(await db.Modules.SingleAsync(m => m.Slug == "klarsprak")));
        await EventuallyAsync(async () => !(await SlugsAsync("klarspråk")).Contains("klarsprak"), "a deleted module is gone");
    }

    [Fact]
    public async Task Api_ShowsAModuleWithTheCoursesItBuildsOnUnderIt_AndTypeStillFilters()
    {
        await EventuallyAsync(async () => (await SearchAsync("q=demens")).GetProperty("total").GetInt32() > 0, "the index is built");
        var hits = (await SearchAsync("pageSize=50&q=" + Uri.EscapeDataString("demensvård"))).GetProperty("hits").EnumerateArray().ToList();
        var module = hits.Single(h => h.GetProperty("slug").GetString() == "demensvard");
        Assert.Equal("module", hits[0].GetProperty("type").GetString());
        var course = Assert.Single(module.GetProperty("courses").EnumerateArray(), c => c.GetProperty("code").GetString() == "OM031G");
        Assert.Equal("/kurser/OM031G", course.GetProperty("url").GetString());
        Assert.DoesNotContain(hits, h => h.GetProperty("slug").GetString() == "OM031G"); // not a second hit with the same title

        var courses = (await SearchAsync("type=course&q=" + Uri.EscapeDataString("demensvård"))).GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal("OM031G", courses[0].GetProperty("slug").GetString());
        Assert.All(courses, h => Assert.Equal("course", h.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task ResultsPage_ShowsTheModulesCoursesCollapsedUnderIt()
    {
        await EventuallyAsync(async () => (await SearchAsync("q=demens")).GetProperty("total").GetInt32() > 0, "the index is built");
        var page = await _client.GetDocumentAsync("/sok?q=demensv%C3%A5rd");
        var first = page.QuerySelector(".hit")!;
        Assert.Equal("/utbildningar/demensvard", first.QuerySelector("h3 a")!.GetAttribute("href"));
        var collapsed = first.QuerySelector("details.hit-courses")!;
        Assert.Null(collapsed.GetAttribute("open"));
        Assert.Contains(collapsed.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/kurser/OM031G");
        Assert.DoesNotContain(page.QuerySelectorAll(".hits > li > h3 a"), a => a.GetAttribute("href") == "/kurser/OM031G");
    }

    [Fact]
    public async Task ImportedCourses_BecomeSearchable()
    {
        var code = $"GR{Random.Shared.Next(100, 999)}G";
        var path = Path.Combine(app.DataPath, code + ".csv");
        await File.WriteAllTextAsync(path, $"code,title,credits,level,subject\n{code},Glaciärer och klimatförändringar,7.5,grund,Naturgeografi\n");
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["import-courses", path]));
        await EventuallyAsync(async () => (await SlugsAsync("glaciärer")).Contains(code), "an imported course is found");
    }

    [Fact]
    public async Task AShortPage_GoesOnWithRelatedHits_InTheApiAndOnThePage_InBothLanguages()
    {
        var both = $"SN{Random.Shared.Next(100, 999)}G";
        var one = $"SN{Random.Shared.Next(100, 999)}A";
        var path = Path.Combine(app.DataPath, Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(path, $"code,title,credits,level,subject\n{both},Glaciärer och snöskred,7.5,grund,Naturgeografi\n{one},Snöskred i fjällen,7.5,grund,Naturgeografi\n");
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["import-courses", path]));
        await EventuallyAsync(async () => (await SlugsAsync("snöskred")).Contains(one), "the imported courses are found");

        var result = await SearchAsync("q=" + Uri.EscapeDataString("glaciärer snöskred"));
        Assert.Equal([both], result.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("slug").GetString()));
        Assert.Equal(1, result.GetProperty("total").GetInt32());
        var related = result.GetProperty("related").EnumerateArray().Select(h => h.GetProperty("slug").GetString()).ToList();
        Assert.Contains(one, related);
        Assert.DoesNotContain(both, related);

        foreach (var (address, heading) in new[] { ("/sok", "Nära er sökning"), ("/en/sok", "Close to your search") })
        {
            var page = await _client.GetDocumentAsync(address + "?q=" + Uri.EscapeDataString("glaciärer snöskred"));
            Assert.Equal($"/kurser/{both}", page.QuerySelector(".results > .hits .hit h3 a")!.GetAttribute("href")?.Replace("/en", "", StringComparison.Ordinal));
            var section = page.QuerySelector("section.related-hits")!;
            Assert.Equal(heading, section.QuerySelector("h2")!.TextContent.Trim());
            Assert.Contains(section.QuerySelectorAll(".hit h3 a"), a => a.GetAttribute("href")!.EndsWith($"/kurser/{one}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task LadokCodeWithSwedishLetters_IsFoundTypedWithOrWithoutThem()
    {
        var code = $"FÖ{Random.Shared.Next(100, 999)}G";
        var path = Path.Combine(app.DataPath, Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(path, $"code,title,credits,level,subject\n{code},Förvaltningsrättens grunder,7.5,grund,Juridik\n");
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["import-courses", path]));
        await EventuallyAsync(async () => (await SlugsAsync(code)).FirstOrDefault() == code, "the course is first for its code");
        Assert.Equal(code, (await SlugsAsync(code.ToLowerInvariant()))[0]);
        Assert.Equal(code, (await SlugsAsync(code.Replace("Ö", "O", StringComparison.Ordinal)))[0]);
        Assert.Equal(code, (await SlugsAsync(code.Replace("Ö", "o", StringComparison.Ordinal).ToLowerInvariant()))[0]);
    }
}

public sealed class SearchTestsOnSqlite(SqliteApp app) : SearchTests<SqliteApp>(app);

public sealed class SearchTestsOnPostgres(PostgresApp app) : SearchTests<PostgresApp>(app);
