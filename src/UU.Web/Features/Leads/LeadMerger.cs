using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Office;
using UU.Web.Features.Audit;

namespace UU.Web.Features.Leads;

public enum MergeOutcome
{
    Merged,
    Unmerged,
    NotFound,
    SameLead,
    AlreadyMerged,
    NotMerged,
}

/// <summary>
/// Coordinators' merge of duplicate leads the scrapers did not recognise as one: the duplicate leaves the feed and its
/// sources join the kept lead, remembering where they came from, so an unmerge puts every one of them back.
/// Each change is one SaveChanges with both leads' history entries and the audit entry.
/// </summary>
public sealed class LeadMerger(UuDbContext db, TimeProvider clock, AuditTrail audit)
{
    public async Task<MergeOutcome> MergeAsync(int duplicateId, int keptId, string? by, CancellationToken cancellationToken)
    {
        if (duplicateId == keptId)
        {
            return MergeOutcome.SameLead;
        }
        var duplicate = await db.Leads.Include(l => l.Sources).FirstOrDefaultAsync(l => l.Id == duplicateId, cancellationToken);
        var kept = await db.Leads.FirstOrDefaultAsync(l => l.Id == keptId, cancellationToken);
        if (duplicate is null || kept is null)
        {
            return MergeOutcome.NotFound;
        }
        if (duplicate.MergedIntoId is not null || kept.MergedIntoId is not null)
        {
            return MergeOutcome.AlreadyMerged;
        }
        foreach (var source in duplicate.Sources.ToList())
        {
            source.MergedFromLeadId ??= duplicate.Id;
            source.LeadId = kept.Id;
            source.Lead = kept;
        }
        // Leads merged into the duplicate earlier now belong to the kept lead, so merges never chain.
        await db.Leads.Where(l => l.MergedIntoId == duplicate.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.MergedIntoId, kept.Id), cancellationToken);
        duplicate.MergedIntoId = kept.Id;
        var now = clock.GetUtcNow();
        duplicate.UpdatedAt = kept.UpdatedAt = now;
        db.LeadEvents.Add(new LeadEvent { LeadId = kept.Id, Note = $"Dubblett #{Id(duplicate.Id)} sammanslagen hit: {duplicate.Title}", At = now, By = by });
        db.LeadEvents.Add(new LeadEvent { LeadId = duplicate.Id, Note = $"Sammanslagen med #{Id(kept.Id)}: {kept.Title}", At = now, By = by });
        audit.Add("lead-merged", "lead", Id(kept.Id), "#" + Id(duplicate.Id));
        await db.SaveChangesAsync(cancellationToken);
        return MergeOutcome.Merged;
    }

    public async Task<MergeOutcome> UnmergeAsync(int duplicateId, string? by, CancellationToken cancellationToken)
    {
        var duplicate = await db.Leads.FirstOrDefaultAsync(l => l.Id == duplicateId, cancellationToken);
        if (duplicate is null)
        {
            return MergeOutcome.NotFound;
        }
        if (duplicate.MergedIntoId is not { } keptId)
        {
            return MergeOutcome.NotMerged;
        }
        foreach (var source in await db.LeadSources.Where(s => s.LeadId == keptId && s.MergedFromLeadId == duplicate.Id).ToListAsync(cancellationToken))
        {
            source.LeadId = duplicate.Id;
            source.MergedFromLeadId = null;
        }
        duplicate.MergedIntoId = null;
        var now = clock.GetUtcNow();
        duplicate.UpdatedAt = now;
        db.LeadEvents.Add(new LeadEvent { LeadId = keptId, Note = $"Dubblett #{Id(duplicate.Id)} åter egen lead", At = now, By = by });
        db.LeadEvents.Add(new LeadEvent { LeadId = duplicate.Id, Note = $"Isärtagen från #{Id(keptId)}", At = now, By = by });
        audit.Add("lead-unmerged", "lead", Id(keptId), "#" + Id(duplicate.Id));
        await db.SaveChangesAsync(cancellationToken);
        return MergeOutcome.Unmerged;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
