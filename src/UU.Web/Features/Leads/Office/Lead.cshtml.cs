using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Scrapers.Fetching;
using UU.Web.Data;
using UU.Web.Features.Inquiries;

namespace UU.Web.Features.Leads.Office;

public sealed class LeadModel(UuDbContext db, FileSnapshotStore snapshots, LeadWorkflow workflow) : PageModel
{
    /// <summary>How alike two titles must be (share of their words) to be offered as a possible duplicate.</summary>
    public const double PossibleDuplicateSimilarity = 0.5;

    public IReadOnlyList<Lead> Duplicates { get; private set; } = [];
    /// <summary>Leads with a closely matching title under any buyer (names are spelled differently across sources): candidates to merge.</summary>
    public IReadOnlyList<Lead> PossibleDuplicates { get; private set; } = [];
    public IReadOnlyList<string> SubjectNames { get; private set; } = [];

    /// <summary>The number of another lead to merge into this one as a duplicate.</summary>
    [BindProperty] public int? MergeWith { get; set; }
    /// <summary>The duplicate to take out of this lead again.</summary>
    [BindProperty] public int? Unmerge { get; set; }

    public Lead Lead { get; private set; } = null!;
    public IReadOnlyList<Lead> EarlierLeads { get; private set; } = [];
    public IReadOnlyList<Inquiry> Inquiries { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> Contacts { get; private set; } = [];

    [BindProperty] public int? ContactId { get; set; }
    [BindProperty] public string? FollowUp { get; set; }
    public string? Error { get; private set; }

    /// <summary>The inquiry the lead was converted into, if it was.</summary>
    public Inquiry? ConvertedTo { get; private set; }

    /// <summary>What the coordinator fills in to turn the lead into an inquiry; pre-filled from the lead.</summary>
    [BindProperty] public Inquiries.InquiryForm Convert { get; set; } = new();
    public Dictionary<string, string> ConvertErrors { get; } = [];

    [BindProperty] public LeadStatus? Status { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        !await workflow.CanSeeAsync(id, Actor, cancellationToken) ? Forbid() : await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    private LeadActor Actor => LeadAccess.Actor(User);

    /// <summary>The statuses this user may choose (a subject contact person moves a lead along, coordinators triage too).</summary>
    public IReadOnlyList<LeadStatus> Statuses => LeadWorkflow.StatusesFor(Actor);

    /// <summary>The raw page a source gave, as plain text: a scraped page is never rendered as HTML here.</summary>
    public async Task<IActionResult> OnGetSnapshotAsync(int id, int source, CancellationToken cancellationToken)
    {
        if (!await workflow.CanSeeAsync(id, Actor, cancellationToken))
        {
            return Forbid();
        }
        var snapshotId = await db.LeadSources.Where(s => s.Id == source && s.LeadId == id).Select(s => s.SnapshotId).FirstOrDefaultAsync(cancellationToken);
        if (snapshotId is null || await snapshots.ReadAsync(snapshotId, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        Response.Headers.ContentDisposition = "inline";
        return File(found.Body, "text/plain; charset=utf-8");
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, await workflow.ChangeAsync(id, Status, Note, Actor, cancellationToken), cancellationToken);

    /// <summary>Assigns the lead to a subject's contact person and tells them at once (through the outbox).</summary>
    public async Task<IActionResult> OnPostAssignAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, await workflow.AssignAsync(id, ContactId, FollowUp, Actor, cancellationToken), cancellationToken);

    /// <summary>Turns the lead into an inquiry (see <see cref="LeadWorkflow.ConvertAsync"/>).</summary>
    public async Task<IActionResult> OnPostConvertAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await workflow.ConvertAsync(id, Convert, Actor, cancellationToken);
        foreach (var (field, message) in outcome.Fields)
        {
            ConvertErrors.TryAdd(field, message);
        }
        return await ShowAsync(id, outcome, cancellationToken, keepConvertForm: outcome.Result == LeadResult.Invalid);
    }

    /// <summary>Merges the lead numbered <see cref="MergeWith"/> into this one: it leaves the feed, its sources come here.</summary>
    public async Task<IActionResult> OnPostMergeAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, await workflow.MergeAsync(id, MergeWith, Actor, cancellationToken), cancellationToken);

    /// <summary>Takes the duplicate <see cref="Unmerge"/> out of this lead again, with every source it brought.</summary>
    public async Task<IActionResult> OnPostUnmergeAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, await workflow.UnmergeAsync(id, Unmerge, Actor, cancellationToken), cancellationToken);

    /// <summary>Back to the lead when the step was done; else the page again with what was wrong.</summary>
    private async Task<IActionResult> ShowAsync(int id, LeadOutcome outcome, CancellationToken cancellationToken, bool keepConvertForm = false)
    {
        switch (outcome.Result)
        {
            case LeadResult.Done:
                return Redirect($"/office/leads/{id}");
            case LeadResult.Forbidden:
                return Forbid();
            case LeadResult.NotFound:
                return NotFound();
        }
        if (!await LoadAsync(id, cancellationToken, keepConvertForm))
        {
            return NotFound();
        }
        Error = outcome.Error;
        Response.StatusCode = outcome.Result == LeadResult.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken, bool keepConvertForm = false)
    {
        Contacts = (await db.SubjectContacts.AsNoTracking().Include(c => c.Subject).OrderBy(c => c.Subject!.NameSv).ToListAsync(cancellationToken))
            .Select(c => (c.Id, $"{c.Subject!.NameSv}: {c.Name}, {c.Role}")).ToList();
        var lead = await db.Leads.AsNoTracking().Include(l => l.Sources).Include(l => l.Events.OrderByDescending(e => e.Id)).AsSplitQuery().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (lead is null)
        {
            return false;
        }
        Lead = lead;
        Duplicates = await db.Leads.AsNoTracking().Where(l => l.MergedIntoId == id).OrderBy(l => l.Id).ToListAsync(cancellationToken);
        if (LeadAccess.SeesAll(User) && lead.MergedIntoId is null)
        {
            // The latest 500 leads, compared by title words; the buyer's own leads are listed below anyway.
            var recent = await db.Leads.AsNoTracking().Where(l => l.Id != id && l.MergedIntoId == null && l.Buyer != lead.Buyer)
                .OrderByDescending(l => l.Id).Take(500).Select(l => new Lead { Id = l.Id, Title = l.Title, Buyer = l.Buyer, Status = l.Status }).ToListAsync(cancellationToken);
            PossibleDuplicates = recent.Select(l => (Lead: l, Similarity: UU.Scrapers.Normalisation.Deduplicator.Similarity(l.Title, lead.Title)))
                .Where(p => p.Similarity >= PossibleDuplicateSimilarity).OrderByDescending(p => p.Similarity).Take(5).Select(p => p.Lead).ToList();
        }
        SubjectNames = await db.LeadSubjects.Where(s => s.LeadId == id).Join(db.Subjects, s => s.SubjectId, x => x.Id, (s, x) => x.NameSv).OrderBy(n => n).ToListAsync(cancellationToken);
        ConvertedTo = await db.Inquiries.AsNoTracking().FirstOrDefaultAsync(i => i.LeadId == id, cancellationToken);
        if (!keepConvertForm)
        {
            Convert = new Inquiries.InquiryForm
            {
                OrganisationName = lead.Buyer,
                Description = string.Join("\n\n", new[] { lead.Title, lead.Description, lead.Url }.Where(t => !string.IsNullOrWhiteSpace(t))),
                Modules = lead.MatchedModuleLinks().Select(m => m.Slug).ToList(),
            };
        }
        if (lead.Buyer is { } buyer)
        {
            EarlierLeads = await db.Leads.AsNoTracking().Where(l => l.Buyer == buyer && l.Id != id && l.MergedIntoId == null).VisibleTo(db, LeadAccess.ContactEmail(User)).OrderByDescending(l => l.Id).Take(20).ToListAsync(cancellationToken);
            Inquiries = await db.Inquiries.AsNoTracking().Where(i => i.OrganisationName == buyer).OrderByDescending(i => i.Id).Take(20).ToListAsync(cancellationToken);
        }
        return true;
    }
}
