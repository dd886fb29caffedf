using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Inquiries;
using UU.Web.Features.Leads;

namespace UU.Web.Features.Commissions;

/// <summary>Whose view of the cases a signed-in user has.</summary>
public enum CaseView
{
    None = 0,
    /// <summary>Coordinators and admins: every case, every action.</summary>
    All = 1,
    /// <summary>A subject's contact person: the cases of their subjects, which they work.</summary>
    Subjects = 2,
    /// <summary>A faculty office: its faculty's cases, read-only.</summary>
    Faculty = 3,
}

/// <summary>
/// Who sees which cases. The same rule as for leads (<see cref="LeadAccess"/>): a subject contact person is recognised
/// by the address they sign in with being recorded as a subject's contact; a faculty office user by their FacultyId.
/// </summary>
public sealed record CaseAccess(CaseView View, string Email, int? FacultyId)
{
    public bool SeesAll => View == CaseView.All;
    public bool CanWork => View is CaseView.All or CaseView.Subjects;

    public static async Task<CaseAccess> ForAsync(ClaimsPrincipal user, UuDbContext db, CancellationToken cancellationToken)
    {
        var email = LeadAccess.UserEmail(user);
        if (LeadAccess.SeesAll(user))
        {
            return new CaseAccess(CaseView.All, email, null);
        }
        if (user.IsInRole(Roles.SubjectContact))
        {
            return new CaseAccess(CaseView.Subjects, email, null);
        }
        if (user.IsInRole(Roles.FacultyOffice))
        {
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
            var faculty = await db.Users.Where(u => u.Id == id).Select(u => u.FacultyId).FirstOrDefaultAsync(cancellationToken);
            return new CaseAccess(CaseView.Faculty, email, faculty);
        }
        return new CaseAccess(CaseView.None, email, null);
    }
}

public static class CaseQueries
{
    /// <summary>Limits a query to the cases <paramref name="access"/> may see.</summary>
#pragma warning disable CA1862 // translated to SQL lower(): the string.Equals overload with a comparison has no SQL translation
    public static IQueryable<Inquiry> VisibleTo(this IQueryable<Inquiry> cases, UuDbContext db, CaseAccess access) => access.View switch
    {
        CaseView.All => cases,
        CaseView.Subjects => cases.Where(i => i.Subjects.Any(s => db.SubjectContacts.Any(c => c.SubjectId == s.SubjectId && c.Email.ToLower() == access.Email))),
        CaseView.Faculty when access.FacultyId is { } faculty => cases.Where(i => i.Subjects.Any(s => s.Subject!.Department != null && s.Subject.Department.FacultyId == faculty)),
        _ => cases.Where(i => false),
    };

    /// <summary>Whether the user is a contact person of one of these subjects (and so does the subject contact's steps).</summary>
    public static Task<bool> IsContactForAsync(this UuDbContext db, CaseAccess access, IReadOnlyCollection<int> subjectIds, CancellationToken cancellationToken) =>
        db.SubjectContacts.AnyAsync(c => subjectIds.Contains(c.SubjectId) && c.Email.ToLower() == access.Email, cancellationToken);
#pragma warning restore CA1862
}
