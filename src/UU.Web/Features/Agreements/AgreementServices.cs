using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using UU.Scrapers;
using UU.Web.Data;
using UU.Web.Features.Inquiries;
using UU.Web.Features.Leads;
using UU.Web.Features.Notifications;

namespace UU.Web.Features.Agreements;

public static class AgreementFormat
{
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// Signed agreement documents: the content decides what a file is (a PDF's "%PDF-" header, or a ZIP holding word/document.xml),
/// never its name or the browser's content type. Files live in the data folder's "agreements" folder, outside the web root.
/// </summary>
public sealed class AgreementDocuments(DataPaths paths)
{
    public static AgreementDocumentKind? Sniff(Stream content) => Infrastructure.FileSniffer.Sniff(content) switch
    {
        Infrastructure.FileKind.Pdf => AgreementDocumentKind.Pdf,
        Infrastructure.FileKind.Docx => AgreementDocumentKind.Docx,
        _ => null,
    };

    public async Task<string> SaveAsync(int agreementId, Stream content, AgreementDocumentKind kind, CancellationToken cancellationToken)
    {
        var file = string.Create(CultureInfo.InvariantCulture, $"{agreementId}-{Guid.NewGuid():N}.{(kind == AgreementDocumentKind.Pdf ? "pdf" : "docx")}");
        content.Position = 0;
        await using var target = File.Create(Path.Combine(paths.Folder("agreements"), file));
        await content.CopyToAsync(target, cancellationToken);
        return file;
    }

    public string PathOf(string file) => Path.Combine(paths.Folder("agreements"), Path.GetFileName(file));

    public static string ContentType(AgreementDocumentKind kind) => kind == AgreementDocumentKind.Pdf
        ? "application/pdf"
        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}

public sealed class AgreementOptions
{
    public const string Section = "Agreements";

    /// <summary>Quartz cron expression (Swedish time) of the daily look for agreements that end in 90 or 30 days; empty turns it off.</summary>
    public string ReminderSchedule { get; set; } = "0 0 6 * * ?";
}

public sealed class AgreementOptionsValidator : IValidateOptions<AgreementOptions>
{
    public ValidateOptionsResult Validate(string? name, AgreementOptions options) =>
        string.IsNullOrWhiteSpace(options.ReminderSchedule) || ScheduleValidator.IsCron(options.ReminderSchedule)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Agreements:ReminderSchedule '{options.ReminderSchedule}' is not a valid Quartz cron expression.");
}

/// <summary>
/// Tells the coordinators 90 and 30 days before an agreement ends, once each (a reminder row per agreement, threshold and end date,
/// so an agreement that is extended is reminded of again). A named lease held to the end of the Swedish day makes one node do it.
/// </summary>
public sealed partial class AgreementReminders(UuDbContext db, TimeProvider clock, IOptions<InquiryOptions> inquiries, EmailComposer mails, ILogger<AgreementReminders> logger)
{
    private const string LeaseKey = "agreement-reminders";
    public static readonly int[] Thresholds = [90, 30];

    /// <returns>How many reminders (agreement and threshold) went out.</returns>
    public async Task<int> SendAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = SwedishTime.Today(now);
        var endOfDay = SwedishTime.At(today.AddDays(1).ToDateTime(TimeOnly.MinValue)).ToUniversalTime();
        if (!await db.TryClaimAsync(LeaseKey, Leases.NewHolder(), now, endOfDay, cancellationToken))
        {
            return 0;
        }
        var horizon = today.AddDays(Thresholds.Max());
        var ending = await db.Set<Agreement>().AsNoTracking().Include(a => a.Client)
            .Where(a => a.EndsOn != null && a.EndsOn >= today && a.EndsOn <= horizon)
            .ToListAsync(cancellationToken);
        var ids = ending.Select(a => a.Id).ToList();
        var sent = (await db.Set<AgreementReminder>().AsNoTracking().Where(r => ids.Contains(r.AgreementId)).ToListAsync(cancellationToken))
            .Select(r => (r.AgreementId, r.DaysBefore, r.EndsOn)).ToHashSet();
        var recipients = inquiries.Value.CoordinatorAddresses();
        var count = 0;
        foreach (var agreement in ending)
        {
            var end = agreement.EndsOn!.Value;
            var left = end.DayNumber - today.DayNumber;
            // The nearest threshold reached: an agreement registered 20 days before its end gets the 30-day reminder only.
            var due = Thresholds.Where(t => left <= t).Min();
            if (sent.Contains((agreement.Id, due, end)))
            {
                continue;
            }
            db.Add(new AgreementReminder { AgreementId = agreement.Id, DaysBefore = due, EndsOn = end, SentAt = now });
            db.OutboxMessages.AddRange(await mails.AgreementEndingAsync(agreement.Type.ToString(), agreement.Client!.Name, end, left, agreement.DiaryNumber,
                recipients.Select(a => new MailRecipient(a)).ToList(), string.Create(CultureInfo.InvariantCulture, $"agreement-{agreement.Id}-{due}"),
                string.Create(CultureInfo.InvariantCulture, $"/office/avtal/{agreement.Id}"), now, cancellationToken));
            count++;
        }
        if (count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            Log.RemindersSent(logger, count);
        }
        return count;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "{Count} agreement reminders queued")]
        public static partial void RemindersSent(ILogger logger, int count);
    }
}

[DisallowConcurrentExecution]
public sealed class AgreementReminderJob(AgreementReminders reminders) : IJob
{
    public static readonly JobKey Key = new("agreement-reminders", "agreements");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await reminders.SendAsync(cancellationToken);
}
