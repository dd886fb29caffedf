using System.Security.Claims;
using UU.Web.Data;
using UU.Web.Features.Commissions;

namespace UU.Web.Features.Agreements;

/// <summary>
/// Who sees which agreements: coordinators and admins keep the whole register; a faculty office reads the agreements
/// that name one of its faculty's departments, and nothing while an admin has not given it a faculty.
/// </summary>
public sealed record AgreementAccess(bool CanEdit, bool IsFacultyOffice, int? FacultyId)
{
    /// <summary>A faculty office user an admin has not yet given a faculty: they see no agreements and are told why.</summary>
    public bool LacksFaculty => IsFacultyOffice && FacultyId is null;

    public static async Task<AgreementAccess> ForAsync(ClaimsPrincipal user, UuDbContext db, CancellationToken cancellationToken)
    {
        var cases = await CaseAccess.ForAsync(user, db, cancellationToken);
        return cases.View switch
        {
            CaseView.All => new AgreementAccess(true, false, null),
            CaseView.Faculty => new AgreementAccess(false, true, cases.FacultyId),
            _ => new AgreementAccess(false, false, null),
        };
    }

    /// <summary>Limits a query to the agreements this user may read.</summary>
    public IQueryable<Agreement> Visible(IQueryable<Agreement> agreements) => this switch
    {
        { CanEdit: true } => agreements,
        { IsFacultyOffice: true, FacultyId: { } faculty } => agreements.Where(a => a.Departments.Any(d => d.Department!.FacultyId == faculty)),
        _ => agreements.Where(a => false),
    };
}
