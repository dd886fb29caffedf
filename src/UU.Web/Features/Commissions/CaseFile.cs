using Microsoft.EntityFrameworkCore;
using UU.Scrapers;
using UU.Web.Data;
using UU.Web.Features.Inquiries;

namespace UU.Web.Features.Commissions;

public sealed record CaseSubjectView(int Id, string Slug, string Name, string? Department, string? Faculty, IReadOnlyList<CaseContactView> Contacts);

public sealed record CaseContactView(string Name, string Role, string Email);

public sealed record CaseOtherView(string ReferenceNumber, DateTimeOffset ReceivedAt, CasePhase Phase, InquiryStatus Status);

/// <summary>Everything about one case, as the case page and GET /api/inquiries/{reference} show it.</summary>
public sealed record CaseFile(
    Inquiry Case,
    string? TypeName,
    IReadOnlyList<CaseSubjectView> Subjects,
    IReadOnlyList<(string Slug, string Title)> Modules,
    IReadOnlyList<ChecklistItem> Checklist,
    IReadOnlyList<CaseNote> Notes,
    IReadOnlyList<CaseDocument> Documents,
    IReadOnlyList<CaseEvent> History,
    IReadOnlyList<CaseOtherView> ClientsOtherCases,
    (int Id, string Title)? Lead,
    bool Overdue)
{
    public bool NeedsSubject => CasePhases.IsOpen(Case.Phase) && Subjects.Count == 0;
    public IReadOnlyList<ChecklistItem> Blocking => Checklist.Where(s => s.Phase == Case.Phase && s.Required && s.IsOpen).ToList();
}

public sealed class CaseFiles(UuDbContext db, CaseWorkflow workflow, TimeProvider clock)
{
    /// <summary>The case if <paramref name="access"/> may see it; null for an unknown reference and for a case they may not see (404 either way).</summary>
    public async Task<CaseFile?> LoadAsync(string reference, CaseAccess access, CancellationToken cancellationToken)
    {
        var inquiry = await db.Inquiries.AsNoTracking().VisibleTo(db, access).FirstOrDefaultAsync(i => i.ReferenceNumber == reference, cancellationToken);
        if (inquiry is null)
        {
            return null;
        }
        var type = inquiry.CommissionTypeId is { } typeId ? await db.CommissionTypes.Where(t => t.Id == typeId).Select(t => t.NameSv).FirstOrDefaultAsync(cancellationToken) : null;
        var subjects = await db.CaseSubjects.AsNoTracking().Where(s => s.InquiryId == inquiry.Id)
            .Select(s => new
            {
                s.Subject!.Id, s.Subject.Slug, s.Subject.NameSv,
                Department = s.Subject.Department != null ? s.Subject.Department.NameSv : null,
                Faculty = s.Subject.Department != null ? s.Subject.Department.Faculty!.NameSv : null,
                Contacts = s.Subject.Contacts.Select(c => new CaseContactView(c.Name, c.Role, c.Email)).ToList(),
            })
            .ToListAsync(cancellationToken);
        var modules = await db.InquiryModules.AsNoTracking().Where(m => m.InquiryId == inquiry.Id).Select(m => new { m.Module!.Slug, m.Module.TitleSv }).ToListAsync(cancellationToken);
        var notes = await db.CaseNotes.AsNoTracking().Where(n => n.InquiryId == inquiry.Id).OrderByDescending(n => n.Id).ToListAsync(cancellationToken);
        var documents = await db.CaseDocuments.AsNoTracking().Where(d => d.InquiryId == inquiry.Id).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var history = await db.CaseEvents.AsNoTracking().Where(e => e.InquiryId == inquiry.Id).OrderByDescending(e => e.Id).ToListAsync(cancellationToken);
        var others = inquiry.ClientId is { } clientId
            ? await db.Inquiries.AsNoTracking().VisibleTo(db, access).Where(i => i.ClientId == clientId && i.Id != inquiry.Id)
                .OrderByDescending(i => i.Id).Take(50).Select(i => new CaseOtherView(i.ReferenceNumber, i.ReceivedAt, i.Phase, i.Status)).ToListAsync(cancellationToken)
            : [];
        var lead = inquiry.LeadId is { } leadId
            ? await db.Leads.AsNoTracking().Where(l => l.Id == leadId).Select(l => new { l.Id, l.Title }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var today = SwedishTime.Today(clock.GetUtcNow());
        return new CaseFile(
            inquiry,
            type,
            subjects.Select(s => new CaseSubjectView(s.Id, s.Slug, s.NameSv, s.Department, s.Faculty, s.Contacts)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList(),
            modules.Select(m => (m.Slug, m.TitleSv)).ToList(),
            await workflow.ChecklistAsync(inquiry, cancellationToken),
            notes,
            documents,
            history,
            others,
            lead is null ? null : (lead.Id, lead.Title),
            CaseOverdue.Expression(today).Compile()(inquiry));
    }
}
