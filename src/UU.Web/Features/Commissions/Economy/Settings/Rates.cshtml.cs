using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Audit;
using UU.Web.Localization;

namespace UU.Web.Features.Commissions.Economy.Settings;

/// <summary>The admins' rates: a new value of a rate is added with the day it becomes valid; earlier values stay for the calculations that used them.</summary>
public sealed class RatesModel(UuDbContext db, TimeProvider clock, AuditTrail audit, Texts texts) : PageModel
{
    public IReadOnlyList<CostRate> All { get; private set; } = [];
    public IReadOnlyDictionary<string, AppliedRate> Now { get; private set; } = new Dictionary<string, AppliedRate>();
    public Dictionary<string, string> Errors { get; } = [];

    [BindProperty] public string? Key { get; set; }
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public string? ValidFrom { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Key is null || !RateKeys.All.Contains(Key))
        {
            Errors["Key"] = texts["rates.error.key"];
        }
        var cleaned = Value?.Trim().Replace(" ", "", StringComparison.Ordinal).Replace(',', '.');
        var max = Key is not null && RateKeys.IsPercent(Key) ? 100m : 100000m;
        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > max || decimal.Round(value, 2) != value)
        {
            Errors["Value"] = texts["rates.error.value", Value ?? "", max];
        }
        if (!DateOnly.TryParseExact(ValidFrom?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            Errors["ValidFrom"] = texts["economy.error.date", texts["rates.validFrom"], ValidFrom ?? ""];
        }
        else if (Errors.Count == 0 && await db.Set<CostRate>().AnyAsync(r => r.Key == Key && r.ValidFrom == from, cancellationToken))
        {
            Errors["ValidFrom"] = texts["rates.error.exists", texts["rate." + Key], ValidFrom!];
        }
        if (Errors.Count > 0)
        {
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        db.Add(new CostRate { Key = Key!, Value = value, ValidFrom = from, CreatedAt = clock.GetUtcNow(), CreatedBy = User.Identity?.Name });
        audit.Add("rate-added", "rate", Key, string.Create(CultureInfo.InvariantCulture, $"{value} from {from:yyyy-MM-dd}"));
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/office/kalkylsatser");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        All = await db.Set<CostRate>().AsNoTracking().OrderBy(r => r.Key).ThenByDescending(r => r.ValidFrom).ToListAsync(cancellationToken);
        Now = Calculator.RatesOn(All, Today);
    }

    public DateOnly Today => UU.Scrapers.SwedishTime.Today(clock.GetUtcNow());
}
