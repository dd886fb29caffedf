using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Audit;
using UU.Web.Features.Notifications;
using UU.Web.Infrastructure;
using UU.Web.Localization;

namespace UU.Web.Features.Inventory;

/// <summary>Inventory rounds: a coordinator opens one for a subject and invites its contacts; it ends with the collegium's decision, kept as a record.</summary>
public sealed class InventoryRounds(UuDbContext db, CourseInventory inventory, AuditTrail audit, TimeProvider clock, SiteUrls urls, Texts texts)
{
    public Task<InventoryRound?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.InventoryRounds.AsNoTracking().Include(r => r.Subject).Include(r => r.Invitees).Include(r => r.Record.OrderBy(x => x.Code)).AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public Task<List<InventoryRound>> OfSubjectAsync(int subjectId, CancellationToken cancellationToken) =>
        db.InventoryRounds.AsNoTracking().Include(r => r.Invitees).Where(r => r.SubjectId == subjectId).OrderByDescending(r => r.OpenedAt).ToListAsync(cancellationToken);

    /// <summary>Opens a round for the subject and invites the chosen contact persons by e-mail. One open round per subject.</summary>
    public async Task<InventoryOutcome> OpenAsync(InventoryActor actor, int subjectId, IReadOnlyCollection<int> contactIds, CancellationToken cancellationToken)
    {
        if (!actor.Coordinates)
        {
            return InventoryOutcome.Forbidden;
        }
        var subject = await db.Subjects.AsNoTracking().Include(s => s.Contacts).FirstOrDefaultAsync(s => s.Id == subjectId, cancellationToken);
        if (subject is null)
        {
            return InventoryOutcome.NotFound;
        }
        if (await db.InventoryRounds.AnyAsync(r => r.SubjectId == subjectId && r.ClosedAt == null, cancellationToken))
        {
            return InventoryOutcome.Invalid("Round", "inventory.error.roundOpen");
        }
        var invited = subject.Contacts.Where(c => contactIds.Contains(c.Id)).ToList();
        if (invited.Count == 0 || invited.Count != contactIds.Distinct().Count())
        {
            return InventoryOutcome.Invalid("Invitees", "inventory.error.invitees");
        }
        var now = clock.GetUtcNow();
        var round = new InventoryRound
        {
            SubjectId = subjectId, OpenedAt = now, OpenedBy = actor.Email,
            Invitees = invited.Select(c => new InventoryInvitee { Name = c.Name, Role = c.Role, Email = c.Email }).ToList(),
        };
        db.InventoryRounds.Add(round);
        var link = urls.Absolute("/office/inventering/" + subject.Slug);
        foreach (var c in invited)
        {
            db.Set<OutboxMessage>().Add(new OutboxMessage
            {
                ToAddress = c.Email, ToName = c.Name,
                Subject = texts["inventory.mail.subject", subject.NameSv],
                TextBody = texts["inventory.mail.body", c.Name, subject.NameSv, link],
                CreatedAt = now, NextAttemptAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        audit.Add("inventory-round-opened", "inventory-round", round.Id.ToString(CultureInfo.InvariantCulture), subject.Slug);
        await db.SaveChangesAsync(cancellationToken);
        return InventoryOutcome.Done(round.Id);
    }

    /// <summary>Ends the round with the collegium's decision date and a summary; the courses' states are kept as its record.</summary>
    public async Task<InventoryOutcome> DecideAsync(InventoryActor actor, int roundId, DateOnly? decisionOn, string? summary, IReadOnlyCollection<int> decidedCourseIds, CancellationToken cancellationToken)
    {
        if (!actor.Coordinates)
        {
            return InventoryOutcome.Forbidden;
        }
        var round = await db.InventoryRounds.FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return InventoryOutcome.NotFound;
        }
        if (!round.IsOpen) return InventoryOutcome.Invalid("Round", "inventory.error.roundClosed");
        var today = UU.Scrapers.SwedishTime.Today(clock.GetUtcNow());
        if (decisionOn is not { } on) return InventoryOutcome.Invalid("DecisionOn", "inventory.error.decisionDate");
        if (on > today || on < UU.Scrapers.SwedishTime.Today(round.OpenedAt)) return InventoryOutcome.Invalid("DecisionOn", "inventory.error.decisionDateRange");
        summary = CourseInventory.Blank(summary);
        if (summary is { Length: > InventoryRound.SummaryMaxLength }) return InventoryOutcome.Invalid("Summary", "inquiry.error.tooLong");
        var rows = await inventory.ListAsync(round.SubjectId, InventoryFilter.None, signals: false, cancellationToken);
        if (decidedCourseIds.Any(id => rows.All(r => r.CourseId != id || r.State != InventoryState.Candidate)))
        {
            return InventoryOutcome.Invalid("Decided", "inventory.error.decidedNotCandidate");
        }
        round.CollegiumDecisionOn = on;
        round.Summary = summary;
        round.ClosedAt = clock.GetUtcNow();
        round.ClosedBy = actor.Email;
        foreach (var r in rows)
        {
            db.Set<InventoryRecordRow>().Add(new InventoryRecordRow
            {
                RoundId = round.Id, CourseId = r.CourseId, Code = r.Code, Title = r.TitleSv, Credits = r.Credits, State = r.State,
                Reason = r.State == InventoryState.NotSuitable ? r.LastMark?.Reason : null, Comment = r.LastMark?.Comment,
                MarkedBy = r.LastMark?.ByName ?? r.LastMark?.ByEmail, MarkedAt = r.LastMark?.At, Decided = decidedCourseIds.Contains(r.CourseId),
            });
        }
        audit.Add("inventory-round-decided", "inventory-round", round.Id.ToString(CultureInfo.InvariantCulture), on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        return InventoryOutcome.Done(round.Id);
    }

    /// <summary>The decided round's record as a table: its header and one row per course.</summary>
    public (IReadOnlyList<string> Header, IEnumerable<string?[]> Rows) Table(InventoryRound round)
    {
        string[] header =
        [
            texts["inventory.col.code"], texts["inventory.col.title"], texts["inventory.col.credits"], texts["inventory.col.state"],
            texts["inventory.col.reason"], texts["inventory.col.comment"], texts["inventory.col.markedBy"], texts["inventory.col.markedAt"],
            texts["inventory.col.decided"], texts["inventory.col.decisionOn"],
        ];
        var decision = round.CollegiumDecisionOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rows = round.Record.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => new string?[]
        {
            r.Code, r.Title, r.Credits.ToString(CultureInfo.InvariantCulture), texts["inventory.state." + r.State], r.Reason, r.Comment, r.MarkedBy,
            r.MarkedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Decided ? texts["inventory.yes"] : "", decision,
        });
        return (header, rows);
    }
}
