using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Features.Office;

namespace UU.Web.Features.Statistics.Office;

public sealed class StatisticsPageModel(StatisticsService statistics) : PageModel
{
    public StatisticsReport Report { get; private set; } = null!;
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (year, error) = ParseYear(Request.Query["ar"]);
        Error = error;
        Report = await statistics.BuildAsync(year, cancellationToken);
    }

    /// <summary>An empty value is every year; anything else must be a year from 2000 to 2100.</summary>
    public static (int? Year, string? Error) ParseYear(string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? (null, null)
        : int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100 ? (y, null)
        : (null, $"'{raw}' is not a year from 2000 to 2100");
}
