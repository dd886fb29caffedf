using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using UU.Scrapers;
using UU.Web.Data;
using UU.Web.Features.Inquiries;
using UU.Web.Features.Notifications;

namespace UU.Web.Features.Leads;

public sealed class LeadOptions
{
    public const string Section = "Leads";

    /// <summary>Quartz cron expression (Swedish time) for the coordinators' digest of new leads; empty turns it off.</summary>
    public string DigestSchedule { get; set; } = "0 0 7 ? * MON-FRI";

    /// <summary>Leads scoring below this are left out of the digest (they are still in the list).</summary>
    public int DigestMinScore { get; set; }

    /// <summary>
    /// How long a node's claim on a source lasts without renewal (renewed every third of it while the run goes on): a node
    /// that dies in a run holds the source at most this long, so the next trigger after it runs on another node.
    /// </summary>
    public int ScrapeLeaseSeconds { get; set; } = 120;
}

/// <summary>
/// The morning email: to the coordinators, the leads that came in since the last digest, best first, with links; to each
/// subject's contact person, the new leads matched to their subject and their own assigned leads due for follow-up.
/// A named lease makes it go out once a day however many nodes run the schedule.
/// </summary>
public sealed class LeadDigest(UuDbContext db, TimeProvider clock, IOptions<InquiryOptions> inquiries, IOptions<LeadOptions> options, EmailComposer mails)
{
    private const string LeaseKey = "lead-digest";

    /// <returns>How many emails were queued (0 when there was nothing new or another node already sent today's).</returns>
    public async Task<int> SendAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = SwedishTime.Today(now);
        // Held to the end of the Swedish day: however many nodes fire the schedule, and however often, one digest a day.
        var endOfDay = SwedishTime.At(today.AddDays(1).ToDateTime(TimeOnly.MinValue)).ToUniversalTime();
        if (!await db.TryClaimAsync(LeaseKey, Leases.NewHolder(), now, endOfDay, cancellationToken))
        {
            return 0;
        }

        // What is new is what came in after the last digest that went out (the outbox keeps it).
        var since = await db.OutboxMessages.Where(m => m.Reference!.StartsWith(LeaseKey + "-")).MaxAsync(m => (DateTimeOffset?)m.CreatedAt, cancellationToken)
            ?? now.AddDays(-1);
        var minScore = options.Value.DigestMinScore;
        var leads = await db.Leads.AsNoTracking()
            .Where(l => l.CreatedAt > since && l.CreatedAt <= now && l.Status == LeadStatus.New && l.Score >= minScore)
            .ToListAsync(cancellationToken);
        leads = leads.OrderByDescending(l => l.Score).ThenBy(l => l.Deadline ?? DateTimeOffset.MaxValue).ToList();
        var coordinators = inquiries.Value.CoordinatorAddresses().Select(a => new MailRecipient(a)).ToList();
        var reference = string.Create(CultureInfo.InvariantCulture, $"{LeaseKey}-{today:yyyy-MM-dd}");
        var sent = 0;
        // The coordinators' part also lists the cases that are overdue (no first response in time, or a next step past its date).
        var overdue = (await db.Inquiries.AsNoTracking().Where(UU.Web.Features.Commissions.CaseOverdue.Expression(today))
            .OrderBy(i => i.Id).Select(i => new { i.ReferenceNumber, i.OrganisationName, i.NextStep, i.NextStepDue, i.FirstResponseDue }).Take(100).ToListAsync(cancellationToken))
            .Select(c => new OverdueCase(c.ReferenceNumber, c.OrganisationName, c.NextStep, c.NextStepDue, c.FirstResponseDue, UU.Web.Features.Commissions.CaseRoutes.Case(c.ReferenceNumber)))
            .ToList();
        if (leads.Count > 0 || overdue.Count > 0)
        {
            var digests = await mails.NewLeadsDigestAsync(coordinators, leads, overdue, today, reference, now, cancellationToken);
            db.OutboxMessages.AddRange(digests);
            sent += digests.Count;
        }

        // Each subject's contact person: the new leads in their subject, and their own leads due for follow-up.
        var ids = leads.Select(l => l.Id).ToList();
        var subjectsOf = (await db.LeadSubjects.AsNoTracking().Where(s => ids.Contains(s.LeadId)).ToListAsync(cancellationToken)).ToLookup(s => s.SubjectId, s => s.LeadId);
        var open = LeadStatuses.InProgress;
        var due = (await db.Leads.AsNoTracking().Where(l => l.AssignedToEmail != null && l.FollowUpOn <= today && open.Contains(l.Status) && l.MergedIntoId == null).ToListAsync(cancellationToken))
            .ToLookup(l => l.AssignedToEmail!, StringComparer.OrdinalIgnoreCase);
        foreach (var person in (await db.SubjectContacts.AsNoTracking().Include(c => c.Subject).ToListAsync(cancellationToken)).GroupBy(c => c.Email.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            var mine = leads.Where(l => person.Any(c => subjectsOf[c.SubjectId].Contains(l.Id))).ToList();
            var followUps = due[person.Key].ToList();
            if (mine.Count == 0 && followUps.Count == 0)
            {
                continue;
            }
            var subjects = person.Select(c => c.Subject!).DistinctBy(s => s.Id).ToList();
            db.OutboxMessages.Add(await mails.PersonalDigestAsync(new MailRecipient(person.Key, person.First().Name), subjects, mine, followUps, today, reference, now, cancellationToken));
            sent++;
        }
        if (sent > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return sent;
    }
}

[DisallowConcurrentExecution]
public sealed class LeadDigestJob(LeadDigest digest) : IJob
{
    public static readonly JobKey Key = new("lead-digest", "leads");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await digest.SendAsync(cancellationToken);
}

/// <summary>Leads:DigestSchedule must be empty (off) or a valid Quartz cron expression; the message names the key.</summary>
public sealed class LeadOptionsValidator : IValidateOptions<LeadOptions>
{
    public ValidateOptionsResult Validate(string? name, LeadOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.DigestSchedule) && !ScheduleValidator.IsCron(options.DigestSchedule))
        {
            return ValidateOptionsResult.Fail($"Leads:DigestSchedule '{options.DigestSchedule}' is not a valid Quartz cron expression.");
        }
        return options.ScrapeLeaseSeconds is < 3 or > 3600
            ? ValidateOptionsResult.Fail($"Leads:ScrapeLeaseSeconds must be between 3 and 3600 (it is {options.ScrapeLeaseSeconds}).")
            : ValidateOptionsResult.Success;
    }
}
