using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Tests.Infrastructure;
using UU.Web.Features.Catalogue;

namespace UU.Web.Tests.Catalogue;

public abstract class CatalogueTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : UuWebFactory
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<T> QueryAsync<T>(Func<UuDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<UuDbContext>());
    }

    [Fact]
    public async Task Seed_GivesALivingCatalogue()
    {
        var (subjects, courses, modules, faculties) = await QueryAsync(async db => (
            await db.Subjects.CountAsync(), await db.Courses.CountAsync(),
            await db.Modules.CountAsync(m => m.Status == ContentStatus.Published), await db.Faculties.CountAsync()));
        Assert.True(subjects >= 12, $"{subjects} subjects");
        Assert.True(courses >= 60, $"{courses} courses");
        Assert.True(modules >= 30, $"{modules} published modules");
        Assert.Equal(2, faculties);
        var sizes = await QueryAsync(db => db.Modules.Select(m => new { m.CreditBearing, m.Credits, m.Hours }).ToListAsync());
        Assert.Contains(sizes, s => s.Credits == 1.5 || s.Credits == 4.5 || s.Credits == 7.5);
        Assert.Contains(sizes, s => s.Credits >= 15);
        Assert.Contains(sizes, s => !s.CreditBearing && s.Hours > 0);
    }

    [Fact]
    public async Task Home_ShowsProcessFeaturedModulesAndInquiryCall()
    {
        var page = await _client.GetDocumentAsync("/");
        Assert.Equal("sv", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(5, page.QuerySelectorAll("ol.process > li").Length);
        Assert.NotEmpty(page.CardTitles());
        Assert.NotNull(page.QuerySelector("main a[href='/forfragan']"));
        Assert.NotNull(page.QuerySelector("a.skip-link[href='#main']"));
        Assert.Single(page.QuerySelectorAll("h1"));
    }

    [Fact]
    public async Task Catalogue_FilterBySubjectAndFormat_ListsExactlyTheMatchingModules()
    {
        var expected = await QueryAsync(db => db.Modules
            .Where(m => m.Status == ContentStatus.Published && m.Subject!.Slug == "pedagogik" && m.Format == DeliveryFormat.Distance)
            .Select(m => m.TitleSv).ToListAsync());
        Assert.NotEmpty(expected);

        var page = await _client.GetDocumentAsync("/utbildningar?amne=pedagogik&format=distans");

        Assert.Equal(expected.Order(StringComparer.Ordinal), page.CardTitles().OrderBy(t => t, StringComparer.Ordinal).ToList());
        Assert.All(page.QuerySelectorAll(".card .card-meta"), m => Assert.Equal("Pedagogik", m.TextContent.Trim()));
        Assert.NotNull(page.QuerySelector("input#amne-pedagogik[checked]"));
        Assert.NotNull(page.QuerySelector("input#format-distans[checked]"));
    }

    [Fact]
    public async Task Catalogue_ShortNonCreditFilter_ListsOnlyHourModulesOfAtMost40Hours()
    {
        var expected = await QueryAsync(db => db.Modules
            .CountAsync(m => m.Status == ContentStatus.Published && !m.CreditBearing && m.StudyHours <= 40));
        var page = await _client.GetDocumentAsync("/utbildningar?poang=nej&omfattning=kort");
        var titles = page.CardTitles();
        Assert.Equal(Math.Min(expected, 12), titles.Count);
        Assert.Contains($"{expected} utbildningar", page.QuerySelector("#results-heading")!.TextContent, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll(".card .tags li:first-child"), li => Assert.EndsWith("timmar", li.TextContent.Trim(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Catalogue_TargetLevelAndLanguageFilters_Combine()
    {
        var expected = await QueryAsync(db => db.Modules
            .Where(m => m.Status == ContentStatus.Published && (m.TargetGroups & TargetGroups.Teachers) != 0 && m.Level == CourseLevel.First && m.Language == "en")
            .Select(m => m.TitleSv).ToListAsync());
        Assert.NotEmpty(expected);
        var page = await _client.GetDocumentAsync("/utbildningar?malgrupp=larare&niva=grund&sprak=en");
        Assert.Equal(expected.Order(StringComparer.Ordinal), page.CardTitles().OrderBy(t => t, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Catalogue_SortsBySizeAndPages()
    {
        var first = await _client.GetDocumentAsync("/utbildningar?sortera=omfattning-fallande");
        var second = await _client.GetDocumentAsync("/utbildningar?sortera=omfattning-fallande&sida=2");
        var firstTitles = first.CardTitles();
        Assert.Equal(12, firstTitles.Count);
        Assert.Empty(firstTitles.Intersect(second.CardTitles()));
        Assert.Contains("15 hp", first.QuerySelector(".card .tags li")!.TextContent, StringComparison.Ordinal);
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href");
        Assert.Equal("/utbildningar?sortera=omfattning-fallande&sida=2", next);
    }

    [Fact]
    public async Task Catalogue_UnknownFilterValues_AreNamedAndIgnored()
    {
        var all = await QueryAsync(db => db.Modules.CountAsync(m => m.Status == ContentStatus.Published));
        var page = await _client.GetDocumentAsync("/utbildningar?format=teleportering&sida=abc&amne=%3Cscript%3E&niva=" + new string('x', 5000));
        var notice = page.QuerySelector(".notice")!.TextContent;
        Assert.Contains("teleportering", notice, StringComparison.Ordinal);
        Assert.Contains("abc", notice, StringComparison.Ordinal);
        Assert.Contains("<script>", notice, StringComparison.Ordinal); // shown as text, never as markup
        Assert.Null(page.QuerySelector(".notice script"));
        Assert.Contains($"{all} utbildningar", page.QuerySelector("#results-heading")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftModules_AreNeitherListedNorReachable()
    {
        var draft = await QueryAsync(db => db.Modules.FirstAsync(m => m.Status == ContentStatus.Draft));
        var listed = new List<string>();
        for (var p = 1; p <= 6; p++)
        {
            listed.AddRange((await _client.GetDocumentAsync($"/utbildningar?sida={p}")).CardTitles());
        }
        Assert.DoesNotContain(draft.TitleSv, listed);
        using var response = await _client.GetAsync("/utbildningar/" + draft.Slug);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ModulePage_HasCoursesContactStructuredDataAndSocialTags()
    {
        var page = await _client.GetDocumentAsync("/utbildningar/upphandling-i-praktiken");
        Assert.Equal("Offentlig upphandling i praktiken", page.QuerySelector("h1")!.TextContent.Trim());
        var rows = page.QuerySelectorAll("#courses-heading ~ table tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Contains(rows, r => r.TextContent.Contains("RV012G", StringComparison.Ordinal) && r.TextContent.Contains("Del 1", StringComparison.Ordinal));
        Assert.Contains("cecilia.nord@uu-demo.se", page.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/forfragan?modul=upphandling-i-praktiken", page.QuerySelector(".facts a.button")!.GetAttribute("href"));
        Assert.Equal("https://uppdrag.example.se/utbildningar/upphandling-i-praktiken", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("Offentlig upphandling i praktiken", page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));

        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var course = json.RootElement;
        Assert.Equal("Course", course.GetProperty("@type").GetString());
        Assert.Equal("Offentlig upphandling i praktiken", course.GetProperty("name").GetString());
        var instance = course.GetProperty("hasCourseInstance")[0];
        Assert.Equal("CourseInstance", instance.GetProperty("@type").GetString());
        Assert.Equal("online", instance.GetProperty("courseMode").GetString());
        Assert.Equal("CollegeOrUniversity", course.GetProperty("provider").GetProperty("@type").GetString());
        Assert.Equal(7.5, course.GetProperty("numberOfCredits").GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task CoursePage_ShowsTheCourseAndTheModulesThatUseIt()
    {
        var page = await _client.GetDocumentAsync("/kurser/rv012g");
        Assert.Contains("Offentlig upphandling: juridik", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Offentlig upphandling i praktiken", page.CardTitles());
        using var missing = await _client.GetAsync("/kurser/XX999X");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task SubjectPages_ListSubjectsContactsModulesAndCourses()
    {
        var list = await _client.GetDocumentAsync("/amnen");
        Assert.True(list.QuerySelectorAll(".subject-list li").Length >= 12);
        var page = await _client.GetDocumentAsync("/amnen/omvardnad");
        Assert.Equal("Omvårdnad", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Sara Eklund", page.QuerySelector("#contacts-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Demensvård och personcentrerat bemötande", page.CardTitles());
        Assert.NotNull(page.QuerySelector("a[href='/kurser/OM031G']"));
    }

    [Fact]
    public async Task Sitemap_ListsEveryPublishedModuleAndNoDraft()
    {
        var modules = await QueryAsync(db => db.Modules.Select(m => new { m.Slug, m.Status }).ToListAsync());
        var xml = await _client.GetStringAsync("/sitemap.xml");
        var doc = System.Xml.Linq.XDocument.Parse(xml);
        System.Xml.Linq.XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = doc.Descendants(ns + "loc").Select(l => l.Value).ToHashSet();
        foreach (var m in modules)
        {
            var url = "https://uppdrag.example.se/utbildningar/" + m.Slug;
            Assert.Equal(m.Status == ContentStatus.Published, locs.Contains(url));
        }
        Assert.Contains("https://uppdrag.example.se/kurser/PE031G", locs);
        var robots = await _client.GetStringAsync("/robots.txt");
        Assert.Contains("Sitemap: https://uppdrag.example.se/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /office/", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_ReportsTheDatabase()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Health-Token", UuWebFactory.HealthToken);
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        // Overall it may be Degraded for a moment after start, while the search index is still being built.
        var overall = json.RootElement.GetProperty("status").GetString();
        Assert.True(overall is "Healthy" or "Degraded", overall);
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task LanguageSwitch_ShowsEnglishAndFallsBackToSwedishContent()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        using var switched = await client.GetAsync("/sprak/en?returnUrl=%2Futbildningar%2Fdemensvard");
        var page = await client.GetDocumentAsync("/utbildningar/demensvard");
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Dementia Care and Person-Centred Approach", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Facts", page.QuerySelector("#facts-heading")!.TextContent, StringComparison.Ordinal);
        // The module has no English target-group text: the Swedish one is shown rather than nothing.
        Assert.Contains("Sjuksköterskor", page.QuerySelector("#target-heading + p")!.TextContent, StringComparison.Ordinal);

        var swedish = await client.GetDocumentAsync("/utbildningar/demensvard?culture=sv");
        Assert.Equal("sv", swedish.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task LanguageSwitch_NeverRedirectsOffSite()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var target in new[] { "https://evil.example/", "//evil.example/", "/\\evil.example" })
        {
            using var response = await client.GetAsync("/sprak/en?returnUrl=" + Uri.EscapeDataString(target));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task UnknownPage_GetsAFriendly404()
    {
        var page = await _client.GetDocumentAsync("/finns-inte", HttpStatusCode.NotFound);
        Assert.Equal("Sidan finns inte", page.QuerySelector("h1")!.TextContent.Trim());
    }
}

public sealed class CatalogueTestsOnSqlite(SqliteApp app) : CatalogueTests<SqliteApp>(app);

public sealed class CatalogueTestsOnPostgres(PostgresApp app) : CatalogueTests<PostgresApp>(app);
