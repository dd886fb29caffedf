using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using UU.Web.Data;

namespace UU.Web.Features.Notifications;

/// <summary>Delivers one message, or throws.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var client = new SmtpClient { Timeout = o.SmtpTimeoutSeconds * 1000 };
        await client.ConnectAsync(o.SmtpHost!, o.SmtpPort, o.SmtpStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(o.SmtpUser))
        {
            await client.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

/// <summary>Without an SMTP server the messages are written as .eml files, for a person or a mail client to pick up.</summary>
public sealed class PickupFolderMailTransport(IOptions<MailOptions> options, DataPaths paths, TimeProvider clock) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var folder = Path.IsPathRooted(options.Value.PickupPath) ? options.Value.PickupPath : paths.Folder(options.Value.PickupPath);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(file, cancellationToken);
    }
}

public sealed record OutboxRunResult(int Sent, int Failed);

/// <summary>
/// Sends what is due in the outbox. Each message is claimed with a short lease first, so several nodes never
/// send the same message twice; a failure records the error and schedules a retry with growing backoff.
/// </summary>
public sealed partial class OutboxProcessor(
    UuDbContext db,
    IMailTransport transport,
    TimeProvider clock,
    IOptions<MailOptions> options,
    ILogger<OutboxProcessor> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    /// <summary>The next attempt of a message the server refused for good: none.</summary>
    public static readonly DateTimeOffset Never = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How the error of a message the server refused for good begins.</summary>
    public const string RefusedPrefix = "Refused for good, not retried: ";

    public async Task<OutboxRunResult> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(50)
            .ToListAsync(cancellationToken);

        int sent = 0, failed = 0;
        foreach (var id in due)
        {
            var leaseEnd = now + Lease;
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, leaseEnd), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }
            var message = await db.OutboxMessages.AsNoTracking().FirstAsync(m => m.Id == id, cancellationToken);
            try
            {
                await transport.SendAsync(ToMime(message), cancellationToken);
                var sentAt = clock.GetUtcNow();
                await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.SentAt, sentAt)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var attempts = message.Attempts + 1;
                // A server that refuses for good (5xx: no such mailbox, relaying denied) would refuse every retry too.
                var refused = ex is SmtpCommandException smtp && (int)smtp.StatusCode >= 500;
                var backoff = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, 30 * Math.Pow(2, attempts - 1)));
                var next = refused ? Never : clock.GetUtcNow() + backoff;
                var reason = refused ? RefusedPrefix + ex.Message : ex.Message;
                var error = reason.Length > 1900 ? reason[..1900] : reason;
                await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.NextAttemptAt, next)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
                if (refused)
                {
                    LogRefused(logger, ex, id, attempts);
                }
                else
                {
                    LogSendFailed(logger, ex, id, attempts, backoff);
                }
                failed++;
            }
        }
        return new OutboxRunResult(sent, failed);
    }

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.ToAddress));
        mime.Subject = message.Subject;
        mime.MessageId = $"outbox-{message.Id}@uu";
        mime.Body = new TextPart("plain") { Text = message.TextBody };
        return mime;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} was refused for good by the mail server on attempt {Attempts}; it is not retried")]
    private static partial void LogRefused(ILogger logger, Exception exception, long id, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} failed on attempt {Attempts}; next try in {Backoff}")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, long id, int attempts, TimeSpan backoff);
}

/// <summary>Runs the outbox on a timer for the life of the app.</summary>
public sealed partial class OutboxDispatcher(Infrastructure.Scoped<OutboxProcessor> processors, IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Dispatch)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), clock);
        do
        {
            try
            {
                await processors.RunAsync(p => p.DispatchDueAsync(stoppingToken));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRunFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox run failed; it will run again on the next tick")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}

public static class NotificationSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<OutboxProcessor>();
        services.AddScoped<EmailComposer>();
        services.AddSingleton<IMailTransport>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<MailOptions>>().Value.SmtpHost)
                ? ActivatorUtilities.CreateInstance<PickupFolderMailTransport>(sp)
                : ActivatorUtilities.CreateInstance<SmtpMailTransport>(sp));
        services.AddHostedService<OutboxDispatcher>();
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
            o.Conventions.AuthorizeFolder("/Notifications/Office", Accounts.Policies.Admins));
        return services;
    }
}
