using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Leads;
using UU.Web.Features.Accounts;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Inquiries;
using UU.Web.Features.Commissions;

namespace UU.Web.Features.Office;

public sealed class IndexModel(UuDbContext db, TimeProvider clock) : PageModel
{
    public int NewInquiries { get; private set; }
    public int PublishedModules { get; private set; }
    public int DraftModules { get; private set; }

    /// <summary>For those who work with leads: how many are new, which of their own are due for follow-up, which sources fail.</summary>
    public bool WorksWithLeads { get; private set; }
    public int NewLeads { get; private set; }
    public IReadOnlyList<Lead> FollowUps { get; private set; } = [];
    public IReadOnlyList<string> FailingSources { get; private set; } = [];

    /// <summary>The office inbox of cases: new ones waiting for a first response, overdue ones, and (for coordinators) those without a subject.</summary>
    public bool WorksWithCases { get; private set; }
    public IReadOnlyList<Inquiry> WaitingCases { get; private set; } = [];
    public IReadOnlyList<Inquiry> OverdueCases { get; private set; } = [];
    public IReadOnlyList<Inquiry> CasesWithoutSubject { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NewInquiries = await db.Inquiries.CountAsync(i => i.Status == InquiryStatus.Received, cancellationToken);
        PublishedModules = await db.Modules.CountAsync(m => m.Status == ContentStatus.Published, cancellationToken);
        DraftModules = await db.Modules.CountAsync(m => m.Status == ContentStatus.Draft, cancellationToken);
        var access = await CaseAccess.ForAsync(User, db, cancellationToken);
        WorksWithCases = access.View != CaseView.None;
        if (WorksWithCases)
        {
            var cases = db.Inquiries.AsNoTracking().VisibleTo(db, access).Where(i => i.Phase != CasePhase.Closed);
            var caseToday = UU.Scrapers.SwedishTime.Today(clock.GetUtcNow());
            WaitingCases = await cases.Where(i => i.FirstResponseAt == null).OrderByDescending(i => i.Id).Take(20).ToListAsync(cancellationToken);
            OverdueCases = await cases.Where(CaseOverdue.Expression(caseToday)).OrderBy(i => i.Id).Take(50).ToListAsync(cancellationToken);
            if (access.SeesAll)
            {
                CasesWithoutSubject = await cases.Where(i => !i.Subjects.Any()).OrderBy(i => i.Id).Take(50).ToListAsync(cancellationToken);
            }
        }
        WorksWithLeads = LeadAccess.SeesAll(User) || User.IsInRole(Roles.SubjectContact);
        if (!WorksWithLeads)
        {
            return;
        }
        var visibleTo = LeadAccess.ContactEmail(User);
        var mine = LeadAccess.UserEmail(User);
        var today = UU.Scrapers.SwedishTime.Today(clock.GetUtcNow());
        var open = LeadStatuses.InProgress;
        var leads = db.Leads.AsNoTracking().Where(l => l.MergedIntoId == null).VisibleTo(db, visibleTo);
        NewLeads = await leads.CountAsync(l => l.Status == LeadStatus.New, cancellationToken);
#pragma warning disable CA1862 // translated to SQL lower()
        FollowUps = await leads.Where(l => l.AssignedToEmail != null && l.AssignedToEmail.ToLower() == mine && l.FollowUpOn <= today && open.Contains(l.Status))
#pragma warning restore CA1862
            .OrderBy(l => l.FollowUpOn).Take(20).ToListAsync(cancellationToken);
        if (LeadAccess.SeesAll(User))
        {
            FailingSources = (await db.LatestRunsAsync(cancellationToken)).Where(r => r.Failing).Select(r => r.Source).Order().ToList();
        }
    }
}
