using System.Security.Claims;
using UU.Web.Data;
using UU.Web.Features.Accounts;

namespace UU.Web.Features.Leads;

/// <summary>
/// Who sees which leads. Coordinators and admins see them all and do everything; a subject's contact person sees the
/// leads assigned to them and those matched to a subject they are the contact for, and may note and move them along.
/// </summary>
public static class LeadAccess
{
    /// <summary>The signed-in user as the lead workflow sees them.</summary>
    public static LeadActor Actor(ClaimsPrincipal user) => new(user.Identity?.Name, SeesAll(user), UserEmail(user));

    public static bool SeesAll(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin);

    /// <summary>The signed-in user's address, lower case (as leads are assigned and contact persons recorded, compared without case).</summary>
    public static string UserEmail(ClaimsPrincipal user) =>
        (user.FindFirstValue(ClaimTypes.Email) is { Length: > 0 } email ? email : user.Identity?.Name ?? "").Trim().ToLowerInvariant();

    /// <summary>The user's address as subject contact persons are recorded, or null for coordinators (no limit).</summary>
    public static string? ContactEmail(ClaimsPrincipal user) => SeesAll(user) ? null : UserEmail(user);

    /// <summary>Limits a query to the leads a subject contact person holds; unchanged when <paramref name="contactEmail"/> is null.</summary>
#pragma warning disable CA1862 // translated to SQL lower(): the string.Equals overload with a comparison has no SQL translation
    public static IQueryable<Lead> VisibleTo(this IQueryable<Lead> leads, UuDbContext db, string? contactEmail) =>
        contactEmail is null
            ? leads
            : leads.Where(l => (l.AssignedToEmail != null && l.AssignedToEmail.ToLower() == contactEmail)
                || l.Subjects.Any(s => db.SubjectContacts.Any(c => c.SubjectId == s.SubjectId && c.Email.ToLower() == contactEmail)));
#pragma warning restore CA1862
}

/// <summary>
/// Who works a lead: their name for the history, whether they are a coordinator (or admin) who does everything,
/// and their address as subject contact persons are recorded (for the leads a subject contact holds).
/// </summary>
public sealed record LeadActor(string? Name, bool SeesAll, string Email)
{
    /// <summary>Null for coordinators (no limit), else the address that limits what they see.</summary>
    public string? ContactEmail => SeesAll ? null : Email;
}
