using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Leads;

namespace UU.Web.Features.Inventory;

/// <summary>
/// Who works on which subject's inventory. Coordinators and admins: every subject, and they alone open and decide rounds
/// and record the collegium's approval. A subject contact (recognised, as for leads and cases, by the address they sign in
/// with being one of the subject's contact persons) marks, comments and proposes modules for the subjects they hold.
/// </summary>
public sealed record InventoryActor(string Email, string? Name, bool Coordinates)
{
    public static InventoryActor For(ClaimsPrincipal user) =>
        new(LeadAccess.UserEmail(user), user.Identity?.Name, LeadAccess.SeesAll(user));

    public static bool MaySeeInventory(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.SubjectContact);

#pragma warning disable CA1862 // translated to SQL lower(): the string.Equals overload with a comparison has no SQL translation
    /// <summary>Whether this person may mark the subject's courses and propose modules from them.</summary>
    public async Task<bool> MayWorkOnAsync(UuDbContext db, int subjectId, CancellationToken cancellationToken) =>
        Coordinates || await db.SubjectContacts.AnyAsync(c => c.SubjectId == subjectId && c.Email.ToLower() == Email, cancellationToken);

    /// <summary>The ids of the subjects this person may work on; null for coordinators (all of them).</summary>
    public async Task<List<int>?> SubjectIdsAsync(UuDbContext db, CancellationToken cancellationToken) =>
        Coordinates ? null : await db.SubjectContacts.Where(c => c.Email.ToLower() == Email).Select(c => c.SubjectId).Distinct().ToListAsync(cancellationToken);
#pragma warning restore CA1862
}
