using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Scrapers.Fetching;
using UU.Web.Data;
using UU.Web.Features.Leads;
using UU.Web.Features.Audit;
using UU.Web.Features.Inquiries;
using UU.Web.Features.Notifications;

namespace UU.Web.Features.Leads.Office;

public sealed class LeadModel(UuDbContext db, FileSnapshotStore snapshots, TimeProvider clock, AuditTrail audit, Localization.Texts texts, Inquiries.InquiryService inquiryService, LeadMerger merger) : PageModel
{
    /// <summary>How alike two titles must be (share of their words) to be offered as a possible duplicate.</summary>
    public const double PossibleDuplicateSimilarity = 0.5;

    /// <summary>Statuses that close a lead without a win: the coordinator says why.</summary>
    public static readonly LeadStatus[] NeedReason = [LeadStatus.Lost, LeadStatus.NotPursued];

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
        !await VisibleAsync(id, cancellationToken) ? Forbid() : await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>Whether this user may see the lead: coordinators all; a subject contact person the leads they hold (an unknown id too, to answer 404).</summary>
    private async Task<bool> VisibleAsync(int id, CancellationToken cancellationToken) =>
        LeadAccess.SeesAll(User) || await db.Leads.Where(l => l.Id == id).VisibleTo(db, LeadAccess.ContactEmail(User)).AnyAsync(cancellationToken)
        || !await db.Leads.AnyAsync(l => l.Id == id, cancellationToken);

    /// <summary>The raw page a source gave, as plain text: a scraped page is never rendered as HTML here.</summary>
    public async Task<IActionResult> OnGetSnapshotAsync(int id, int source, CancellationToken cancellationToken)
    {
        if (!await VisibleAsync(id, cancellationToken))
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

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await VisibleAsync(id, cancellationToken))
        {
            return Forbid();
        }
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (lead is null)
        {
            return NotFound();
        }
        var note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        if (note is { Length: > 4000 } || (Status is { } s && !Enum.IsDefined(s)) || (Status is null && note is null) || (Status is { } closing && NeedReason.Contains(closing) && note is null))
        {
            Error = Status is { } c && NeedReason.Contains(c) && note is null ? texts["leads.error.reason"] : texts["leads.error.change"];
            await LoadAsync(id, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var from = lead.Status;
        if (Status is { } to && to != from)
        {
            lead.Status = to;
        }
        db.LeadEvents.Add(new LeadEvent { LeadId = id, FromStatus = Status is null ? null : from, ToStatus = Status, Note = note, At = clock.GetUtcNow(), By = User.Identity?.Name });
        lead.UpdatedAt = clock.GetUtcNow();
        audit.Add("lead-changed", "lead", id.ToString(CultureInfo.InvariantCulture), $"{from} → {lead.Status}");
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/office/leads/{id}");
    }

    /// <summary>Assigns the lead to a subject's contact person and tells them at once (through the outbox).</summary>
    public async Task<IActionResult> OnPostAssignAsync(int id, CancellationToken cancellationToken)
    {
        if (!LeadAccess.SeesAll(User))
        {
            return Forbid();
        }
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (lead is null)
        {
            return NotFound();
        }
        var contact = ContactId is null ? null : await db.SubjectContacts.Include(c => c.Subject).FirstOrDefaultAsync(c => c.Id == ContactId, cancellationToken);
        DateOnly? followUp = null;
        if (!string.IsNullOrWhiteSpace(FollowUp))
        {
            if (DateOnly.TryParseExact(FollowUp, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) followUp = day;
            else contact = null;
        }
        if (contact is null)
        {
            Error = texts["leads.error.assign"];
            await LoadAsync(id, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var now = clock.GetUtcNow();
        var from = lead.Status;
        lead.Status = LeadStatus.Assigned;
        lead.AssignedToEmail = contact.Email;
        lead.AssignedToName = contact.Name;
        lead.FollowUpOn = followUp;
        lead.UpdatedAt = now;
        db.LeadEvents.Add(new LeadEvent { LeadId = id, FromStatus = from, ToStatus = LeadStatus.Assigned, Note = $"{contact.Name} ({contact.Subject!.NameSv})", At = now, By = User.Identity?.Name });
        db.OutboxMessages.Add(new OutboxMessage
        {
            ToAddress = contact.Email,
            ToName = contact.Name,
            Subject = $"Lead till dig: {(lead.Title.Length > 120 ? lead.Title[..120] + "…" : lead.Title)}",
            TextBody = $"{User.Identity?.Name} har tilldelat dig en lead inom {contact.Subject.NameSv}.\n\n{lead.Title}\nKöpare: {lead.Buyer}\nSista anbudsdag: {Shared.Display.When(lead.Deadline)}\nMatchade på: {lead.MatchReasons ?? "–"}\n{(followUp is { } f ? "Följ upp senast " + Shared.Display.Day(f) + "\n" : "")}\nSe leaden i kontoret: /office/leads/{id}\n",
            Reference = "lead-" + id.ToString(CultureInfo.InvariantCulture),
            CreatedAt = now,
            NextAttemptAt = now,
        });
        audit.Add("lead-assigned", "lead", id.ToString(CultureInfo.InvariantCulture), contact.Email);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/office/leads/{id}");
    }

    /// <summary>
    /// Turns the lead into an inquiry: stored with its client, the coordinators and the subjects' contact persons
    /// told at once, the lead moved to "in dialogue" with the inquiry's number in its history; all in one transaction.
    /// </summary>
    public async Task<IActionResult> OnPostConvertAsync(int id, CancellationToken cancellationToken)
    {
        if (!LeadAccess.SeesAll(User))
        {
            return Forbid();
        }
        if (!await db.Leads.AnyAsync(l => l.Id == id, cancellationToken))
        {
            return NotFound();
        }
        Convert.Consent = true; // not a person's consent: the buyer's contact details come from a public notice
        foreach (var (field, key) in Convert.Validate())
        {
            ConvertErrors.TryAdd(field, texts[key]);
        }
        if (ConvertErrors.Count == 0)
        {
            try
            {
                var inquiry = await inquiryService.SubmitAsync(Convert, "sv", new Inquiries.LeadConversion(id, User.Identity?.Name), cancellationToken);
                await audit.RecordAsync("lead-converted", "lead", id.ToString(CultureInfo.InvariantCulture), inquiry.ReferenceNumber, cancellationToken: cancellationToken);
                return Redirect($"/office/leads/{id}");
            }
            catch (Inquiries.LeadConversionException)
            {
                Error = texts["leads.error.converted"];
                db.ChangeTracker.Clear();
                await LoadAsync(id, cancellationToken);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }
        }
        Error = texts["leads.error.convert"];
        await LoadAsync(id, cancellationToken, keepConvertForm: true);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Merges the lead numbered <see cref="MergeWith"/> into this one: it leaves the feed, its sources come here.</summary>
    public async Task<IActionResult> OnPostMergeAsync(int id, CancellationToken cancellationToken) =>
        !LeadAccess.SeesAll(User) ? Forbid()
        : await MergeResultAsync(id, MergeWith is { } other ? await merger.MergeAsync(other, id, User.Identity?.Name, cancellationToken) : MergeOutcome.NotFound, cancellationToken);

    /// <summary>Takes the duplicate <see cref="Unmerge"/> out of this lead again, with every source it brought.</summary>
    public async Task<IActionResult> OnPostUnmergeAsync(int id, CancellationToken cancellationToken)
    {
        if (!LeadAccess.SeesAll(User))
        {
            return Forbid();
        }
        var duplicate = Unmerge ?? id;
        var belongsHere = duplicate == id || await db.Leads.AnyAsync(l => l.Id == duplicate && l.MergedIntoId == id, cancellationToken);
        return await MergeResultAsync(id, belongsHere ? await merger.UnmergeAsync(duplicate, User.Identity?.Name, cancellationToken) : MergeOutcome.NotMerged, cancellationToken);
    }

    private async Task<IActionResult> MergeResultAsync(int id, MergeOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome is MergeOutcome.Merged or MergeOutcome.Unmerged)
        {
            return Redirect($"/office/leads/{id}");
        }
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Error = texts["leads.error.merge." + outcome];
        Response.StatusCode = outcome == MergeOutcome.AlreadyMerged ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
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
