using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Agreements;
using UU.Web.Features.Inquiries;
using UU.Web.Features.Notifications;

namespace UU.Web.Features.Commissions;

/// <summary>The two moments of the agreement phase that the handling order hands to others than the case's workers.</summary>
public enum CaseMilestone
{
    /// <summary>A calculation waits for the head of department's decision.</summary>
    DecisionRequested = 1,

    /// <summary>The agreement is signed and registered: the faculty office takes it over.</summary>
    AgreementSigned = 2,
}

/// <summary>
/// Tells the heads of department of a case's subjects and the faculty offices of their faculties when the case reaches the decision
/// and the signed agreement. A head of department is the subject contact whose role names one (prefekt, biträdande prefekt,
/// head of department); a faculty office is a user in the FacultyOffice role given that faculty.
/// </summary>
public sealed class CaseMilestones(UuDbContext db, EmailComposer mails) : ICasePhaseListener
{
    private static readonly string[] HeadOfDepartmentWords = ["prefekt", "head of department"];

    public static bool IsHeadOfDepartment(string role) =>
        HeadOfDepartmentWords.Any(w => role.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>A case leaving the agreement phase has its agreement signed: those who take it over are told, and the history says whom.</summary>
    public async Task PhaseChangedAsync(Inquiry inquiry, CasePhase from, CasePhase to, string? by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (to != CasePhase.Delivery)
        {
            return;
        }
        var told = await NotifyAsync(inquiry, CaseMilestone.AgreementSigned, new MilestoneDetail(), now, cancellationToken);
        if (told.Count > 0)
        {
            db.CaseEvents.Add(CaseEvent.Of(inquiry.Id, now, by, "milestoneNotified", string.Join(", ", told.Select(r => r.Address))));
        }
    }

    /// <summary>Queues the milestone's mail to everyone it concerns and returns them (none when the case has no one to tell).</summary>
    /// <remarks>For <see cref="CaseMilestone.AgreementSigned"/> the mail names the agreements the case is registered under; the caller saves.</remarks>
    public async Task<IReadOnlyList<MailRecipient>> NotifyAsync(Inquiry inquiry, CaseMilestone milestone, MilestoneDetail detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recipients = await RecipientsAsync(inquiry.Id, cancellationToken);
        if (recipients.Count == 0)
        {
            return recipients;
        }
        if (milestone == CaseMilestone.AgreementSigned)
        {
            detail = detail with { Agreements = await AgreementsOfAsync(inquiry.Id, cancellationToken) };
        }
        db.OutboxMessages.AddRange(await mails.CaseMilestoneAsync(inquiry, milestone == CaseMilestone.AgreementSigned, detail, recipients, CaseRoutes.Case(inquiry.ReferenceNumber), now, cancellationToken));
        return recipients;
    }

    /// <summary>The heads of department of the case's subjects, then the faculty offices of their faculties, each address once.</summary>
    public async Task<IReadOnlyList<MailRecipient>> RecipientsAsync(int inquiryId, CancellationToken cancellationToken)
    {
        var subjects = await db.Set<CaseSubject>().AsNoTracking()
            .Where(s => s.InquiryId == inquiryId)
            .Select(s => new { s.Subject!.Department!.FacultyId, Contacts = s.Subject.Contacts.Select(c => new { c.Name, c.Role, c.Email }).ToList() })
            .ToListAsync(cancellationToken);
        var recipients = new Dictionary<string, MailRecipient>(StringComparer.OrdinalIgnoreCase);
        foreach (var contact in subjects.SelectMany(s => s.Contacts).Where(c => IsHeadOfDepartment(c.Role)))
        {
            recipients.TryAdd(contact.Email.Trim(), new MailRecipient(contact.Email.Trim(), contact.Name));
        }
        var faculties = subjects.Select(s => (int?)s.FacultyId).Distinct().ToList();
        if (faculties.Count > 0)
        {
            var offices = await (
                from user in db.Users
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                where role.Name == Roles.FacultyOffice && faculties.Contains(user.FacultyId) && user.Email != null
                select new { user.Email, user.DisplayName }).AsNoTracking().ToListAsync(cancellationToken);
            foreach (var office in offices.OrderBy(o => o.Email, StringComparer.Ordinal))
            {
                recipients.TryAdd(office.Email!, new MailRecipient(office.Email!, office.DisplayName));
            }
        }
        return [.. recipients.Values];
    }

    /// <summary>The agreements the case is registered under: their type and diary number.</summary>
    public async Task<IReadOnlyList<(string TypeKey, string? DiaryNumber)>> AgreementsOfAsync(int inquiryId, CancellationToken cancellationToken)
    {
        var agreements = await db.Set<Agreement>().AsNoTracking()
            .Where(a => a.Inquiries.Any(i => i.InquiryId == inquiryId))
            .OrderBy(a => a.Id)
            .Select(a => new { a.Type, a.DiaryNumber })
            .ToListAsync(cancellationToken);
        return [.. agreements.Select(a => (a.Type.ToString(), a.DiaryNumber))];
    }
}
