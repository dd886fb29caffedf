using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Quartz;
using UU.Scrapers.Fetching;
using UU.Scrapers.Runs;
using UU.Web.Data;

namespace UU.Web.Features.Leads;

/// <summary>A named lease (a source, or a job such as the lead digest): who holds it and until when. Claimed with one conditional UPDATE.</summary>
public sealed class ScrapeLease
{
    public required string Source { get; set; }
    public DateTimeOffset LockedUntil { get; set; }
    public string? Holder { get; set; }
}

/// <summary>Named leases (one ScrapeLease row each) so a scheduled job runs on one node at a time however many fire it.</summary>
public static class Leases
{
    /// <summary>Claims the lease until <paramref name="until"/> unless another holder has it now; one conditional UPDATE decides.</summary>
    public static async Task<bool> TryClaimAsync(this UuDbContext db, string name, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (!await db.ScrapeLeases.AnyAsync(l => l.Source == name, cancellationToken))
        {
            try
            {
                db.ScrapeLeases.Add(new ScrapeLease { Source = name, LockedUntil = DateTimeOffset.UnixEpoch });
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // another node created it first
            }
        }
        return await db.ScrapeLeases.Where(l => l.Source == name && l.LockedUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LockedUntil, until).SetProperty(l => l.Holder, holder), cancellationToken) > 0;
    }

    public static Task ReleaseAsync(this UuDbContext db, string name, string holder) =>
        db.ScrapeLeases.Where(l => l.Source == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LockedUntil, DateTimeOffset.UnixEpoch), CancellationToken.None);

    /// <summary>Who holds a lease: this machine and this process's instance.</summary>
    public static string NewHolder() => Environment.MachineName + "/" + Guid.NewGuid().ToString("N")[..8];
}

/// <summary>
/// Runs a source unless another node holds its lease. The lease is short and renewed while the run lasts, so a node that
/// dies in the middle of a run (killed, its machine gone) frees the source within one lease, and the next trigger on
/// another node runs it; it is released after a run that ends.
/// </summary>
public sealed partial class LeasedScrapeRunner(
    UuDbContext db,
    ScrapeRunner runner,
    Infrastructure.Scoped<UuDbContext> renewals,
    TimeProvider clock,
    IOptions<LeadOptions> options,
    ILogger<LeasedScrapeRunner> logger)
{
    private readonly string _holder = Leases.NewHolder();

    /// <returns>The run's report, or null when another node is running the source.</returns>
    public async Task<ScrapeRunReport?> RunAsync(string source, CancellationToken cancellationToken)
    {
        var lease = TimeSpan.FromSeconds(options.Value.ScrapeLeaseSeconds);
        var now = clock.GetUtcNow();
        if (!await db.TryClaimAsync(source, _holder, now, now + lease, cancellationToken))
        {
            LogSkipped(logger, source);
            return null;
        }
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewAsync(source, lease, running.Token);
        try
        {
            return await runner.RunAsync(source, cancellationToken);
        }
        finally
        {
            await running.CancelAsync();
            await renewing;
            await db.ReleaseAsync(source, _holder);
        }
    }

    /// <summary>Extends the lease every third of its length until the run ends (its own context: the run's is busy).</summary>
    private async Task RenewAsync(string source, TimeSpan lease, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(lease / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var until = clock.GetUtcNow() + lease;
                await renewals.RunAsync(renewal => renewal.ScrapeLeases.Where(l => l.Source == source && l.Holder == _holder)
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.LockedUntil, until), cancellationToken));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run ended: the lease is released by the caller.
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            // The database is away: the run goes on, and the lease lapses at worst (another node may then run the source).
            LogRenewalFailed(logger, ex, source);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scrape of {Source} skipped: another node is running it")]
    private static partial void LogSkipped(ILogger logger, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease of {Source} could not be renewed")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception, string source);
}

[DisallowConcurrentExecution]
public sealed class ScrapeJob(LeasedScrapeRunner runner) : IJob
{
    public const string SourceKey = "source";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runner.RunAsync(context.MergedJobDataMap.GetString(SourceKey)!, cancellationToken);
}

/// <summary>At start, schedules every enabled source (see <see cref="SourceSchedule"/>) and the lead digest on their cron expressions.</summary>
public sealed class ScrapeScheduler(ISchedulerFactory schedulers, SourceSchedule sources, IOptions<LeadOptions> leadOptions) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await sources.SyncAsync(cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (string.IsNullOrWhiteSpace(leadOptions.Value.DigestSchedule))
        {
            await scheduler.DeleteJob(LeadDigestJob.Key, cancellationToken);
            return;
        }
        var digest = JobBuilder.Create<LeadDigestJob>().WithIdentity(LeadDigestJob.Key).Build();
        await scheduler.ScheduleCronAsync(digest, new TriggerKey("lead-digest-trigger", "leads"), leadOptions.Value.DigestSchedule, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class ScrapeLeaseConfiguration : IEntityTypeConfiguration<ScrapeLease>
{
    public void Configure(EntityTypeBuilder<ScrapeLease> builder)
    {
        builder.HasKey(x => x.Source);
        builder.Property(x => x.Source).HasMaxLength(40);
        builder.Property(x => x.Holder).HasMaxLength(120);
    }
}
