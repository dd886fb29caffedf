using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Audit;

namespace UU.Web.Features.Notifications.Office;

/// <summary>
/// The mail queue for admins: what has not gone out yet and why (the server's last answer), what the server
/// refused for good, and a way to send a refused message again once its cause (an address, a relay rule) is fixed.
/// </summary>
public sealed class MailQueueModel(UuDbContext db, AuditTrail audit, TimeProvider clock) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<OutboxMessage> Unsent { get; private set; } = [];
    public int Waiting { get; private set; }
    public int Retrying { get; private set; }
    public int Refused { get; private set; }
    public int SentLastDay { get; private set; }
    /// <summary>The text key of what the last action did, shown once.</summary>
    public string? MessageKey { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        MessageKey = TempData["mailqueue.message"] as string;
        var now = clock.GetUtcNow();
        var dayAgo = now.AddDays(-1);
        var unsent = db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null);
        Waiting = await unsent.CountAsync(m => m.Attempts == 0, cancellationToken);
        Refused = await unsent.CountAsync(m => m.NextAttemptAt == OutboxProcessor.Never, cancellationToken);
        Retrying = await unsent.CountAsync(m => m.Attempts > 0 && m.NextAttemptAt != OutboxProcessor.Never, cancellationToken);
        SentLastDay = await db.OutboxMessages.CountAsync(m => m.SentAt != null && m.SentAt >= dayAgo, cancellationToken);
        // Failed ones first (they need someone), then the oldest waiting; ids follow the order of creation.
        Unsent = await unsent.OrderByDescending(m => m.Attempts > 0).ThenBy(m => m.Id).Take(Shown).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var changed = await db.OutboxMessages
            .Where(m => m.Id == id && m.SentAt == null && m.NextAttemptAt == OutboxProcessor.Never)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now), cancellationToken);
        if (changed == 0)
        {
            TempData["mailqueue.message"] = "mailqueue.retryGone";
            return RedirectToPage();
        }
        await audit.RecordAsync("mail.retry", "outbox", id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        TempData["mailqueue.message"] = "mailqueue.retried";
        return RedirectToPage();
    }
}
