using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using UU.Web.Data;
using UU.Web.Features.Leads;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Leads;

/// <summary>Quartz keeps its schedules in the project's database (clustered on PostgreSQL), not in a node's memory.</summary>
public abstract class JobStoreTests(Provider provider)
{
    protected static Dictionary<string, string?> Kommers(bool enabled, string? connectionString = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Scrapers:Sources:KommersAnnons:BaseUrl"] = "http://127.0.0.1:9/",
            ["Scrapers:Sources:KommersAnnons:Enabled"] = enabled ? "true" : "false",
            ["Scrapers:Sources:KommersAnnons:Schedule"] = "0 15 6 * * ?",
        };
        if (connectionString is not null)
        {
            settings["ConnectionStrings:UU"] = connectionString;
        }
        return settings;
    }

    protected static async Task<int> StoredJobsAsync(UuWebFactory app, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        return await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM qrtz_job_details WHERE job_name = {0}", name).SingleAsync();
    }

    [Fact]
    public async Task Schedules_LiveInTheDatabase_AndASourceSwitchedOffIsTakenOffOnTheNextStart()
    {
        await using var first = new UuWebFactory(provider, Kommers(enabled: true));
        first.CreateClient().Dispose();
        var scheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var metadata = await scheduler.GetMetadata();
        Assert.True(metadata.JobStorePersistent);
        Assert.Equal(1, await StoredJobsAsync(first, SourceSchedule.KeyFor("KommersAnnons").Name));
        Assert.Equal(1, await StoredJobsAsync(first, LeadDigestJob.Key.Name));

        // A restart with the same schedule keeps the stored trigger (and so a run missed while down); a new schedule replaces it.
        var triggerKey = new TriggerKey("scrape-KommersAnnons-trigger", "scrapers");
        var firstStart = (await scheduler.GetTrigger(triggerKey, CancellationToken.None))!.StartTimeUtc;
        await Task.Delay(1100);
        await using (var same = new UuWebFactory(provider, Kommers(enabled: true, first.ConnectionString)))
        {
            same.CreateClient().Dispose();
            Assert.Equal(firstStart, (await scheduler.GetTrigger(triggerKey, CancellationToken.None))!.StartTimeUtc);
        }
        await using (var changed = new UuWebFactory(provider, new Dictionary<string, string?>(Kommers(enabled: true, first.ConnectionString)) { ["Scrapers:Sources:KommersAnnons:Schedule"] = "0 30 5 * * ?" }))
        {
            changed.CreateClient().Dispose();
            Assert.Equal("0 30 5 * * ?", ((ICronTrigger)(await scheduler.GetTrigger(triggerKey, CancellationToken.None))!).CronExpressionString);
        }

        // Another node starts on the same database with the source switched off (a changed configuration):
        // the stored job goes, and the first node, reading the same store, no longer has it either.
        await using var second = new UuWebFactory(provider, Kommers(enabled: false, first.ConnectionString));
        second.CreateClient().Dispose();
        Assert.Equal(0, await StoredJobsAsync(first, SourceSchedule.KeyFor("KommersAnnons").Name));
        Assert.False(await scheduler.Exists(SourceSchedule.KeyFor("KommersAnnons"), CancellationToken.None));
        Assert.True(await scheduler.Exists(LeadDigestJob.Key, CancellationToken.None));
    }
}

public sealed class JobStoreTestsOnSqlite() : JobStoreTests(Provider.Sqlite)
{
    [Fact]
    public async Task TheSqliteFile_UsesWriteAheadLogging()
    {
        await using var app = new UuWebFactory(Provider.Sqlite);
        app.CreateClient().Dispose();
        await using var scope = app.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<UuDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}

public sealed class JobStoreTestsOnPostgres() : JobStoreTests(Provider.Postgres)
{
    [Fact]
    public async Task OnPostgres_TheNodesFormOneQuartzCluster()
    {
        await using var nodeA = new UuWebFactory(Provider.Postgres, Kommers(enabled: true));
        nodeA.CreateClient().Dispose();
        var shared = nodeA.ConnectionString;
        await using var nodeB = new UuWebFactory(Provider.Postgres, Kommers(enabled: true, shared));
        nodeB.CreateClient().Dispose();

        var a = await (await nodeA.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).GetMetadata();
        var b = await (await nodeB.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).GetMetadata();
        Assert.True(a.JobStoreClustered);
        Assert.True(b.JobStoreClustered);
        Assert.NotEqual(a.SchedulerInstanceId, b.SchedulerInstanceId);
        // Both nodes have checked in to the shared store, and there is one stored job for the source, not one per node.
        await using var scope = nodeA.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        async Task<bool> BothCheckedIn()
        {
            var instances = await db.Database.SqlQueryRaw<string>("SELECT instance_name AS \"Value\" FROM qrtz_scheduler_state").ToListAsync();
            return instances.Contains(a.SchedulerInstanceId) && instances.Contains(b.SchedulerInstanceId);
        }
        await Eventually.HoldsAsync(BothCheckedIn, "both nodes have checked in to the cluster");
        Assert.Equal(1, await StoredJobsAsync(nodeA, SourceSchedule.KeyFor("KommersAnnons").Name));

        // /health says how the scheduler runs.
        using var health = await UuWebFactory.HealthDetailsAsync(nodeB.CreateClient());
        var scheduler = health.RootElement.GetProperty("checks").GetProperty("scheduler");
        Assert.Equal("Healthy", scheduler.GetProperty("status").GetString());
        Assert.Contains("clustered", scheduler.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
