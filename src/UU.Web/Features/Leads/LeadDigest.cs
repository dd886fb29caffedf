using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using UU.Web.Data;
using UU.Web.Features.Inquiries;

namespace UU.Web.Features.Leads;

public sealed class LeadOptions
{
    public const string Section = "Leads";

    /// <summary>Quartz cron expression (Swedish time) for the coordinators' digest of new leads; empty turns it off.</summary>
    public string DigestSchedule { get; set; } = "0 0 7 ? * MON-FRI";

    /// <summary>Leads scoring below this are left out of the digest (they are still in the list).</summary>
    public int DigestMinScore { get; set; }
}

/// <summary>
/// The morning email to the coordinators: the leads that came in since the last digest, best first, with links.
/// A database lease makes it go out once a day however many nodes run the schedule.
/// </summary>
public sealed class LeadDigest(UuDbContext db, TimeProvider clock, IOptions<InquiryOptions> inquiries, IOptions<LeadOptions> options)
{
    private const string LeaseKey = "lead-digest";
    private const int MaxItems = 50;

    /// <returns>How many emails were queued (0 when there was nothing new or another node already sent today's).</returns>
    public async Task<int> SendAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, stockholm).DateTime);
        if (!await db.ScrapeLeases.AnyAsync(l => l.Source == LeaseKey, cancellationToken))
        {
            try
            {
                db.ScrapeLeases.Add(new ScrapeLease { Source = LeaseKey, LockedUntil = DateTimeOffset.UnixEpoch, Holder = null });
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // another node created it first
            }
        }
        // The lease's Holder keeps the last digest's time; LockedUntil keeps the rest of today from sending again.
        var lease = await db.ScrapeLeases.AsNoTracking().FirstAsync(l => l.Source == LeaseKey, cancellationToken);
        var since = lease.Holder is { } last && DateTimeOffset.TryParse(last, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : now.AddDays(-1);
        var endOfDay = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), stockholm.GetUtcOffset(now)).ToUniversalTime();
        var claimed = await db.ScrapeLeases.Where(l => l.Source == LeaseKey && l.LockedUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LockedUntil, endOfDay).SetProperty(l => l.Holder, now.ToString("O", CultureInfo.InvariantCulture)), cancellationToken);
        if (claimed == 0)
        {
            return 0;
        }

        var minScore = options.Value.DigestMinScore;
        var leads = await db.Leads.AsNoTracking()
            .Where(l => l.CreatedAt > since && l.CreatedAt <= now && l.Status == LeadStatus.New && l.Score >= minScore)
            .ToListAsync(cancellationToken);
        leads = leads.OrderByDescending(l => l.Score).ThenBy(l => l.Deadline ?? DateTimeOffset.MaxValue).ToList();
        var recipients = inquiries.Value.CoordinatorEmails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (leads.Count == 0 || recipients.Count == 0)
        {
            return 0;
        }
        var body = Body(leads, stockholm);
        var subject = string.Create(CultureInfo.InvariantCulture, $"Nya leads {today:yyyy-MM-dd}: {leads.Count}");
        foreach (var address in recipients)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                ToAddress = address,
                Subject = subject,
                TextBody = body,
                Reference = string.Create(CultureInfo.InvariantCulture, $"{LeaseKey}-{today:yyyy-MM-dd}"),
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        return recipients.Count;
    }

    private static string Body(List<Lead> leads, TimeZoneInfo stockholm)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{leads.Count} nya leads sedan förra sammanställningen, bäst matchade först.");
        text.AppendLine();
        foreach (var lead in leads.Take(MaxItems))
        {
            var deadline = lead.Deadline is { } d ? TimeZoneInfo.ConvertTime(d, stockholm).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "–";
            text.AppendLine(CultureInfo.InvariantCulture, $"[{lead.Score}] {lead.Title}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    {lead.Buyer ?? "–"} · sista anbudsdag {deadline} · /office/leads/{lead.Id}");
        }
        if (leads.Count > MaxItems)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"… och {leads.Count - MaxItems} till: /office/leads?status=New");
        }
        return text.ToString();
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
    public ValidateOptionsResult Validate(string? name, LeadOptions options) =>
        string.IsNullOrWhiteSpace(options.DigestSchedule) || ScheduleValidator.IsCron(options.DigestSchedule)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Leads:DigestSchedule '{options.DigestSchedule}' is not a valid Quartz cron expression.");
}
