using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Shared;

namespace UU.Web.Features.Audit.Office;

public sealed class AuditLogModel(UuDbContext db) : SortedListPageModel(DefaultSort)
{
    [BindProperty(SupportsGet = true, Name = "atgard")] public string? ActionFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "anvandare")] public string? UserFilter { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> Actions { get; private set; } = [];

    /// <summary>The columns the trail sorts by (<c>sortera=</c>): when, who, what was done.</summary>
    public static readonly IReadOnlyList<string> SortKeys = ["tid", "anvandare", "atgard"];

    public static readonly ListSort DefaultSort = new("tid", Descending: true);

    public const int PageSize = 100;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Actions = await db.AuditEntries.Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        ReadSort(SortKeys);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(ActionFilter)) query = query.Where(a => a.Action == ActionFilter);
        if (!string.IsNullOrWhiteSpace(UserFilter))
        {
            var user = UserFilter.Trim().ToLowerInvariant(); // addresses are compared without regard to case, on both databases
            query = query.Where(a => a.UserEmail != null && UuDbContext.Fold(a.UserEmail).Contains(user));
        }
        SetTotal(await query.CountAsync(cancellationToken), PageSize);
        // Entries are written in time order, so the id orders by time without ties.
        var ordered = Sort.Key switch
        {
            "anvandare" => Sort.Apply(query, a => a.UserEmail).ThenByDescending(a => a.Id),
            "atgard" => Sort.Apply(query, a => a.Action).ThenByDescending(a => a.Id),
            _ => Sort.Apply(query, a => a.Id),
        };
        Entries = await ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
    }
}
