using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Scrapers.Fetching;
using UU.Web.Data;
using UU.Web.Features.Leads;

namespace UU.Web.Features.Office;

[Authorize(Roles = Roles.Coordinators)]
public sealed class LeadModel(UuDbContext db, FileSnapshotStore snapshots, TimeProvider clock, Audit audit, Localization.Texts texts) : PageModel
{
    public Lead Lead { get; private set; } = null!;
    public IReadOnlyList<Lead> EarlierLeads { get; private set; } = [];
    public IReadOnlyList<Inquiry> Inquiries { get; private set; } = [];
    public string? Error { get; private set; }

    [BindProperty] public LeadStatus? Status { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>The raw page a source gave, as plain text: a scraped page is never rendered as HTML here.</summary>
    public async Task<IActionResult> OnGetSnapshotAsync(int id, int source, CancellationToken cancellationToken)
    {
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
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (lead is null)
        {
            return NotFound();
        }
        var note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        if (note is { Length: > 4000 } || (Status is { } s && !Enum.IsDefined(s)) || (Status is null && note is null))
        {
            Error = texts["leads.error.change"];
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
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("lead-changed", "lead", id.ToString(CultureInfo.InvariantCulture), $"{from} → {lead.Status}", cancellationToken: cancellationToken);
        return Redirect($"/office/leads/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var lead = await db.Leads.AsNoTracking().Include(l => l.Sources).Include(l => l.Events.OrderByDescending(e => e.Id)).AsSplitQuery().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (lead is null)
        {
            return false;
        }
        Lead = lead;
        if (lead.Buyer is { } buyer)
        {
            EarlierLeads = await db.Leads.AsNoTracking().Where(l => l.Buyer == buyer && l.Id != id).OrderByDescending(l => l.Id).Take(20).ToListAsync(cancellationToken);
            Inquiries = await db.Inquiries.AsNoTracking().Where(i => i.OrganisationName == buyer).OrderByDescending(i => i.Id).Take(20).ToListAsync(cancellationToken);
        }
        return true;
    }
}
