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

/// <summary>Runs a source unless another node holds its lease; the lease outlives a run's worst case, and is released after.</summary>
public sealed partial class LeasedScrapeRunner(UuDbContext db, ScrapeRunner runner, TimeProvider clock, ILogger<LeasedScrapeRunner> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(30);
    private readonly string _holder = Leases.NewHolder();

    /// <returns>The run's report, or null when another node is running the source.</returns>
    public async Task<ScrapeRunReport?> RunAsync(string source, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!await db.TryClaimAsync(source, _holder, now, now + Lease, cancellationToken))
        {
            LogSkipped(logger, source);
            return null;
        }
        try
        {
            return await runner.RunAsync(source, cancellationToken);
        }
        finally
        {
            await db.ReleaseAsync(source, _holder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scrape of {Source} skipped: another node is running it")]
    private static partial void LogSkipped(ILogger logger, string source);
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
