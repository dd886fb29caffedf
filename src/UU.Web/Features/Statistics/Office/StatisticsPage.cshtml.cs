using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;

namespace UU.Web.Features.Statistics.Office;

public sealed class StatisticsPageModel(StatisticsService statistics, CaseStatistics cases, UuDbContext db) : PageModel
{
    public StatisticsReport Report { get; private set; } = null!;
    public string? Error { get; private set; }
    public StatisticsFilter Filter { get; private set; } = null!;
    public Dictionary<string, string[]> FilterErrors { get; private set; } = [];
    public IReadOnlyList<StatTable> Tables { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Faculties { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Departments { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name)> Subjects { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Types { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (year, error) = ParseYear(Request.Query["ar"]);
        Error = error;
        Report = await statistics.BuildAsync(year, cancellationToken);
        (Filter, FilterErrors) = await StatisticsSetup.FiltersAsync(Request.Query, cases, cancellationToken);
        if (FilterErrors.Count > 0 || error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        // A bad filter shows what is wrong and the tables without any filter, never a half-filtered page.
        Tables = await cases.BuildAsync(FilterErrors.Count > 0 ? new StatisticsFilter(null, null, null, null, null, null) : Filter, cancellationToken);
        Faculties = (await db.Faculties.AsNoTracking().OrderBy(f => f.NameSv).Select(f => new { f.Id, f.NameSv }).ToListAsync(cancellationToken)).Select(f => (f.Id, f.NameSv)).ToList();
        Departments = (await db.Departments.AsNoTracking().OrderBy(f => f.NameSv).Select(f => new { f.Id, f.NameSv }).ToListAsync(cancellationToken)).Select(f => (f.Id, f.NameSv)).ToList();
        Subjects = (await db.Subjects.AsNoTracking().OrderBy(s => s.NameSv).Select(s => new { s.Slug, s.NameSv }).ToListAsync(cancellationToken)).Select(s => (s.Slug, s.NameSv)).ToList();
        Types = (await db.Set<Commissions.CommissionType>().AsNoTracking().OrderBy(t => t.SortOrder).Select(t => new { t.Id, t.NameSv }).ToListAsync(cancellationToken)).Select(t => (t.Id, t.NameSv)).ToList();
    }

    /// <summary>An empty value is every year; anything else must be a year from 2000 to 2100.</summary>
    public static (int? Year, string? Error) ParseYear(string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? (null, null)
        : int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100 ? (y, null)
        : (null, $"'{raw}' is not a year from 2000 to 2100");

    /// <summary>A figure as the reader reads it: thousands grouped, a percent sign on shares, a dash for none.</summary>
    public static string Show(StatCell cell, string unit) => cell.Value is not { } v ? "–"
        : unit == "percent" ? v.ToString("0", CultureInfo.CurrentCulture) + " %"
        : unit == "hours" ? v.ToString("N1", CultureInfo.CurrentCulture)
        : v.ToString("N0", CultureInfo.CurrentCulture);
}
