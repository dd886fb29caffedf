using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Audit;
using UU.Web.Features.Catalogue;

namespace UU.Web.Features.Inventory;

/// <summary>One course of a proposal: the whole course, or a named part with its credits.</summary>
public sealed record ProposalCourse(int CourseId, string? Part, string? PartCredits);

/// <summary>What a subject contact typed to propose a module.</summary>
public sealed record ProposalForm(string? TitleSv, string? SummarySv, bool CreditBearing, string? Credits, string? Hours, string? Comment, IReadOnlyList<ProposalCourse> Courses);

/// <summary>A module that waits for the subject collegium's approval before an editor may publish it.</summary>
public sealed record WaitingModule(int Id, string Slug, string Title, string Subject, bool CreditBearing, string? ProposedBy, DateTimeOffset? ProposedAt, string? Comment);

/// <summary>
/// From candidate courses to a draft module (credit-bearing or not, the same path), and the collegium's approval that
/// lets an editor publish it. The draft is made through the catalogue's module editing, so it is versioned like any other.
/// </summary>
public sealed class ModuleProposals(UuDbContext db, ModuleEditing editing, CourseInventory inventory, AuditTrail audit, TimeProvider clock)
{
    public async Task<InventoryOutcome> ProposeAsync(InventoryActor actor, int subjectId, ProposalForm form, CancellationToken cancellationToken)
    {
        var subject = await db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subjectId, cancellationToken);
        if (subject is null)
        {
            return InventoryOutcome.NotFound;
        }
        if (!await actor.MayWorkOnAsync(db, subjectId, cancellationToken))
        {
            return InventoryOutcome.Forbidden;
        }
        if (form.Courses.Count == 0)
        {
            return InventoryOutcome.Invalid("Courses", "inventory.error.noCourse");
        }
        var rows = await inventory.ListAsync(subjectId, InventoryFilter.None, signals: false, cancellationToken);
        var chosen = form.Courses.Select(c => (Course: c, Row: rows.FirstOrDefault(r => r.CourseId == c.CourseId))).ToList();
        if (chosen.Any(c => c.Row is not { State: InventoryState.Candidate }))
        {
            return InventoryOutcome.Invalid("Courses", "inventory.error.notCandidate");
        }
        var comment = CourseInventory.Blank(form.Comment);
        if (comment is { Length: > CourseMark.CommentMaxLength })
        {
            return InventoryOutcome.Invalid("Comment", "inquiry.error.tooLong");
        }
        var lines = chosen.Select(c => CourseInventory.Blank(c.Course.Part) is { } part
            ? $"{c.Row!.Code} | {part}{(CourseInventory.Blank(c.Course.PartCredits) is { } pc ? " | " + pc : "")}"
            : c.Row!.Code);
        var draft = new ModuleDraft
        {
            TitleSv = form.TitleSv?.Trim() ?? "",
            SummarySv = form.SummarySv?.Trim() ?? "",
            SubjectSlug = subject.Slug,
            CreditBearing = form.CreditBearing,
            Credits = form.CreditBearing ? form.Credits : null,
            Hours = form.CreditBearing ? null : form.Hours,
            Level = form.CreditBearing ? CatalogueCodes.Code(chosen.Max(c => c.Row!.Level)) : null,
            Courses = string.Join("\n", lines),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await editing.SaveDraftAsync(null, draft, 0, cancellationToken);
        if (!created.Succeeded)
        {
            // The slug is made from the title, so a clash is the title's problem to the person proposing.
            return new InventoryOutcome(InventoryResult.Invalid, created.Errors.ToDictionary(e => e.Key == "Slug" ? "TitleSv" : e.Key, e => e.Key == "Slug" ? "inventory.error.titleTaken" : e.Value));
        }
        var round = await db.InventoryRounds.Where(r => r.SubjectId == subjectId && r.ClosedAt == null).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
        db.ModuleProposals.Add(new ModuleProposal
        {
            ModuleId = created.Document!.Id, SubjectId = subjectId, RoundId = round, ProposedBy = actor.Name ?? actor.Email, ProposedAt = clock.GetUtcNow(), Comment = comment,
        });
        audit.Add("module-proposed", "module", created.Document.Id.ToString(CultureInfo.InvariantCulture), subject.Slug);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return InventoryOutcome.Done(created.Document.Id);
    }

    /// <summary>Unpublished modules without the collegium's approval, proposals and editors' new modules alike, oldest first.</summary>
    public async Task<IReadOnlyList<WaitingModule>> WaitingAsync(CancellationToken cancellationToken)
    {
        var modules = await db.Modules.AsNoTracking().Where(m => m.CollegiumApprovedOn == null && m.Status == ContentStatus.Draft)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Slug, m.TitleSv, Subject = m.Subject!.NameSv, m.CreditBearing })
            .ToListAsync(cancellationToken);
        var ids = modules.Select(m => m.Id).ToList();
        var proposals = await db.ModuleProposals.AsNoTracking().Where(p => ids.Contains(p.ModuleId)).ToDictionaryAsync(p => p.ModuleId, cancellationToken);
        return modules.Select(m => proposals.TryGetValue(m.Id, out var p)
            ? new WaitingModule(m.Id, m.Slug, m.TitleSv, m.Subject, m.CreditBearing, p.ProposedBy, p.ProposedAt, p.Comment)
            : new WaitingModule(m.Id, m.Slug, m.TitleSv, m.Subject, m.CreditBearing, null, null, null)).ToList();
    }

    /// <summary>Records the subject collegium's approval (its date) of a module; only then may an editor publish it.</summary>
    public async Task<InventoryOutcome> ApproveAsync(InventoryActor actor, int moduleId, DateOnly? approvedOn, CancellationToken cancellationToken)
    {
        if (!actor.Coordinates)
        {
            return InventoryOutcome.Forbidden;
        }
        var module = await db.Modules.FirstOrDefaultAsync(m => m.Id == moduleId, cancellationToken);
        if (module is null)
        {
            return InventoryOutcome.NotFound;
        }
        if (module.CollegiumApprovedOn is not null) return InventoryOutcome.Invalid("Module", "inventory.error.alreadyApproved");
        if (approvedOn is not { } on) return InventoryOutcome.Invalid("ApprovedOn", "inventory.error.approvalDate");
        if (on > UU.Scrapers.SwedishTime.Today(clock.GetUtcNow())) return InventoryOutcome.Invalid("ApprovedOn", "inventory.error.approvalDateFuture");
        module.CollegiumApprovedOn = on;
        module.CollegiumApprovalRecordedBy = actor.Email;
        audit.Add("module-approved", "module", moduleId.ToString(CultureInfo.InvariantCulture), on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        return InventoryOutcome.Done(moduleId);
    }
}
