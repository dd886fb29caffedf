using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Statistics;

/// <summary>The demo history with its cases (2019–2025), shared by the tests of one class: they only read.</summary>
public class DemoHistoryApp(Provider provider) : UuWebFactory(provider, new Dictionary<string, string?> { ["Seed:DemoCases"] = "true" });

public sealed class SqliteDemoHistoryApp() : DemoHistoryApp(Provider.Sqlite);

public sealed class PostgresDemoHistoryApp() : DemoHistoryApp(Provider.Postgres);

/// <summary>
/// The audit's tables (../AUDIT-TABLES.md), typed in here from the report, come out of the seeded case history figure for figure
/// on both databases; the filters, the downloads, the charts and the way from a figure to the cases behind it.
/// </summary>
public abstract class AuditTablesTests(UuWebFactory app)
{
    private async Task<JsonElement> TablesAsync(string query = "")
    {
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var json = await coordinator.GetStringAsync("/api/statistics" + query);
        return JsonDocument.Parse(json).RootElement.GetProperty("tables").Clone();
    }

    /// <summary>The figure of a row (by its key or its label) in a year's column; null when the year has none.</summary>
    private static decimal? Figure(JsonElement tables, string table, string row, int year)
    {
        var t = tables.GetProperty(table);
        var column = t.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToList().IndexOf(year.ToString(CultureInfo.InvariantCulture));
        var found = t.GetProperty("rows").EnumerateArray().FirstOrDefault(r => r.GetProperty("key").GetString() == row || r.GetProperty("label").GetString() == row);
        if (column < 0 || found.ValueKind == JsonValueKind.Undefined)
        {
            return null;
        }
        var value = found.GetProperty("cells")[column].GetProperty("value");
        return value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal();
    }

    private static void Expect(JsonElement tables, string table, string row, int[] years, decimal?[] expected) =>
        Assert.Equal(expected, years.Select(y => Figure(tables, table, row, y)).ToArray());

    [Fact]
    public async Task Tables5And6_RevenueAndCommissionsPerType_AreTheAudits_WithTheShareThroughTheSupport()
    {
        var tables = await TablesAsync();
        int[] years = [2024, 2023, 2022];
        // Table 5, tkr.
        Expect(tables, "revenue-per-type", "Rektorsprogrammet", years, [4340, 6328, 7602]);
        Expect(tables, "revenue-per-type", "Samverkan för bästa skola", years, [8256, 6368, 7654]);
        Expect(tables, "revenue-per-type", "Lärarlyftet", years, [2463, 6943, 11640]);
        Expect(tables, "revenue-per-type", "other", years, [3895, 1811, 3150]);
        Expect(tables, "revenue-per-type", "other-through", years, [3732, 1530, 1243]);
        Expect(tables, "revenue-per-type", "other-outside", years, [163, 281, 1907]);
        Expect(tables, "revenue-per-type", "share-through", years, [97, 97, 87]);
        // Table 6.
        Expect(tables, "commissions-per-type", "Rektorsprogrammet", years, [9, 6, 7]);
        Expect(tables, "commissions-per-type", "Samverkan för bästa skola", years, [8, 8, 9]);
        Expect(tables, "commissions-per-type", "Lärarlyftet", years, [16, 21, 34]);
        Expect(tables, "commissions-per-type", "other", years, [29, 22, 39]);
        Expect(tables, "commissions-per-type", "other-through", years, [26, 13, 23]);
        Expect(tables, "commissions-per-type", "other-outside", years, [3, 9, 16]);
        Expect(tables, "commissions-per-type", "share-through", years, [93, 79, 78]);
    }

    [Fact]
    public async Task Tables4And7_RevenueCostResult_AndCreditBearingParticipants_AreTheAudits()
    {
        var tables = await TablesAsync();
        int[] years = [2023, 2022, 2021, 2020, 2019];
        // Table 4, tkr.
        Expect(tables, "economy", "revenue", years, [21449, 30046, 23883, 18456, 21777]);
        Expect(tables, "economy", "cost", years, [23637, 22399, 18831, 18162, 22042]);
        Expect(tables, "economy", "result", years, [-2188, 7647, 5052, 294, -265]);
        // Table 7.
        Expect(tables, "participants", "hst", years, [58, 107, 108, 74, 107]);
        Expect(tables, "participants", "hpr", years, [87, 92, 99, 67, 106]);
        Expect(tables, "participants", "participants", years, [677, 1007, 1025, 841, 1144]);
        Expect(tables, "participants", "share-women", years, [87, 85, 81, 87, 82]);
    }

    [Fact]
    public async Task Tables9And10_ContactsPerClientAndRequestsPerSubject_ByTheYearTheCommissionIsFor_AreTheAudits()
    {
        var tables = await TablesAsync();
        int[] years = [2023, 2024, 2025];
        // Table 9 (the report's extract: every client it lists, with a dash where it has none).
        foreach (var (client, figures) in new (string, decimal?[])[]
        {
            ("Skolverket", [12, 22, 14]), ("Härnösands kommun", [null, 4, 1]), ("Sundsvalls kommun", [2, null, 1]), ("Nordanstigs kommun", [1, 1, null]),
            ("Region Västernorrland", [1, 1, null]), ("Försäkringskassan", [null, 2, null]), ("Parasportsförbundet", [null, 1, 1]), ("Sveriges Television AB", [1, 1, null]),
            ("Region Gävleborg", [1, null, null]), ("Region Jämtland Härjedalen", [1, null, null]), ("Knivsta kommun", [1, null, null]), ("Sandvikens kommun", [null, 1, null]),
            ("Luleå gymnasieskola", [null, 1, null]), ("Lekebergs kommun och Omställningsfonden", [null, 1, null]),
        })
        {
            Assert.True(figures.SequenceEqual(years.Select(y => Figure(tables, "contacts-per-client", client, y))), client);
        }
        // Table 10.
        foreach (var (subject, figures) in new (string, decimal?[])[]
        {
            ("Pedagogik", [4, 9, 1]), ("Engelska", [4, 2, 4]), ("Historia, Kulturgeografi, Samhällsvetenskap", [2, 4, 2]), ("Juridik", [1, 4, 2]),
            ("Genusvetenskap", [null, 4, 2]), ("Omvårdnad", [3, 1, null]), ("Sociologi", [2, null, null]), ("Journalistik", [1, 1, null]),
            ("Datavetenskap", [null, 2, null]), ("Företagsekonomi", [null, 1, 1]), ("Idrottsvetenskap", [null, 1, 1]), ("Psykologi", [null, 1, 1]),
            ("Informatik", [1, null, null]), ("Arkiv- och informationsvetenskap", [null, 1, null]),
        })
        {
            Assert.True(figures.SequenceEqual(years.Select(y => Figure(tables, "requests-per-subject", subject, y))), subject);
        }
    }

    [Fact]
    public async Task Filters_NarrowEveryTable_ByPeriodTypeSubjectAndFaculty()
    {
        var (teachers, science) = await QueryAsync(async db => (
            await db.Set<UU.Web.Features.Commissions.CommissionType>().Where(t => t.NameSv == "Lärarlyftet").Select(t => t.Id).SingleAsync(),
            await db.Faculties.Where(f => f.NameSv == "Fakulteten för naturvetenskap, teknik och medier").Select(f => f.Id).SingleAsync()));

        var period = await TablesAsync("?from=2023&to=2024");
        Assert.Equal(["2024", "2023"], period.GetProperty("revenue-per-type").GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(6943m, Figure(period, "revenue-per-type", "Lärarlyftet", 2023));

        var type = await TablesAsync($"?type={teachers}");
        Assert.Equal(21m, Figure(type, "commissions-per-type", "Lärarlyftet", 2023));
        Assert.Equal(0m, Figure(type, "commissions-per-type", "Rektorsprogrammet", 2023));
        Assert.Equal(6943m, Figure(type, "economy", "revenue", 2023));

        var subject = await TablesAsync("?subject=juridik");
        var rows = subject.GetProperty("requests-per-subject").GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("label").GetString()).ToList();
        Assert.Equal(["Juridik"], rows);
        Assert.Equal(4m, Figure(subject, "requests-per-subject", "Juridik", 2024));

        // The science faculty's requests are informatics, journalism and computer science only.
        var faculty = await TablesAsync($"?faculty={science}");
        var subjects = faculty.GetProperty("requests-per-subject").GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("label").GetString()).ToHashSet();
        Assert.Subset(new HashSet<string?> { "Informatik", "Journalistik", "Datavetenskap", "Kvalitetsteknik", "Matematikdidaktik", "Naturvetenskapernas didaktik" }, subjects);
        Assert.Contains("Datavetenskap", subjects);
        Assert.Equal(2m, Figure(faculty, "requests-per-subject", "Datavetenskap", 2024));
    }

    [Fact]
    public async Task Api_NamesABadFilterOrTableKey_InProblemDetails()
    {
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        foreach (var (query, field) in new[] { ("?from=tjugo", "from"), ("?from=2024&to=2022", "to"), ("?faculty=99999", "faculty"), ("?subject=alkemi", "subject"), ("?type=0", "type") })
        {
            using var bad = await coordinator.GetAsync("/api/statistics" + query);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), query);
            using var csv = await coordinator.GetAsync("/api/statistics/economy.csv" + query);
            Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        }
        using var unknown = await coordinator.GetAsync("/api/statistics/vinst.csv");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
        Assert.Contains("'vinst'", detail, StringComparison.Ordinal);
        Assert.Contains("revenue-per-type", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downloads_HoldTheTablesFigures_AsCsvAndAsExcel_WithTheFilters()
    {
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        using var csv = await coordinator.GetAsync("/api/statistics/commissions-per-type.csv?from=2022&to=2024");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Uppdragstyp,2024,2023,2022,unit", lines[0]);
        Assert.Contains("Lärarlyftet,16,21,34,count", lines);
        Assert.Contains("– varav genom stödet,26,13,23,count", lines);
        Assert.Contains("Andel genom stödet,93,79,78,percent", lines);

        using var xlsx = await coordinator.GetAsync("/api/statistics/economy.xlsx?from=2019&to=2023");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        Assert.Equal(["2023", "2022", "2021", "2020", "2019"], Enumerable.Range(2, 5).Select(c => sheet.Cell(1, c).GetString()));
        Assert.Equal("Intäkter", sheet.Cell(2, 1).GetString());
        Assert.Equal("21449", sheet.Cell(2, 2).GetString());
        Assert.Equal("Resultat", sheet.Cell(4, 1).GetString());
        Assert.Equal("-2188", sheet.Cell(4, 2).GetString());
        Assert.Equal("-265", sheet.Cell(4, 6).GetString());
    }

    [Fact]
    public async Task Page_DrawsTrendsAsSvg_WithTheTableBesideEach_AndEveryTableDownloads()
    {
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var page = await coordinator.GetDocumentAsync("/office/statistik");
        foreach (var key in new[] { "revenue-per-type", "commissions-per-type", "economy", "participants", "conversion" })
        {
            var section = page.QuerySelector($"[data-testid=table-{key}]")!;
            var svg = section.QuerySelector("svg[role=img]")!;
            Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("title")!.TextContent));
            Assert.NotEmpty(svg.QuerySelectorAll("polyline"));
            Assert.NotNull(section.QuerySelector("table caption"));
            Assert.NotEmpty(section.QuerySelectorAll("table tbody tr"));
        }
        Assert.Contains("2\u00a0463", page.QuerySelector("[data-testid=table-revenue-per-type] tbody")!.TextContent, StringComparison.Ordinal);
        foreach (var section in page.QuerySelectorAll("section[data-testid^=table-]"))
        {
            Assert.NotNull(section.QuerySelector("a[href$='.csv'], a[href*='.csv?']"));
            Assert.NotNull(section.QuerySelector("a[href$='.xlsx'], a[href*='.xlsx?']"));
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.GetAsync("/office/statistik?from=nyss")).StatusCode);
    }

    [Fact]
    public async Task WhichCommissionsWentThroughTheSupport_IsTheCaseListOneClickFromTheTable()
    {
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var page = await coordinator.GetDocumentAsync("/office/statistik");
        var row = page.QuerySelector("[data-testid=table-commissions-per-type] tr[data-row=other-through]")!;
        var link = row.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("year=2024", StringComparison.Ordinal));
        var list = await coordinator.GetDocumentAsync(link);
        Assert.Contains("26 förfrågningar", list.Body!.TextContent, StringComparison.Ordinal);
        var share = page.QuerySelector("[data-testid=table-commissions-per-type] tr[data-row=share-through]")!.QuerySelectorAll("a")
            .Select(a => a.GetAttribute("href")!).Single(h => h.Contains("year=2024", StringComparison.Ordinal));
        // Lärarlyftet (always through the support) and the other commissions through it: 16 + 26.
        Assert.Contains("42 förfrågningar", (await coordinator.GetDocumentAsync(share)).Body!.TextContent, StringComparison.Ordinal);
        using var bad = await coordinator.GetAsync("/office/forfragningar?support=kanske");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private async Task<T> QueryAsync<T>(Func<UuDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<UuDbContext>());
    }
}

public sealed class AuditTablesTestsOnSqlite(SqliteDemoHistoryApp app) : AuditTablesTests(app), IClassFixture<SqliteDemoHistoryApp>;

public sealed class AuditTablesTestsOnPostgres(PostgresDemoHistoryApp app) : AuditTablesTests(app), IClassFixture<PostgresDemoHistoryApp>;
