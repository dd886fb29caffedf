using Quartz;
using UU.Web.Data;
using UU.Web.Infrastructure;

namespace UU.Web.Features.Scheduling;

public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>How often due publishes and unpublishes are looked for.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3600)]
    public int PublishingIntervalSeconds { get; set; } = 30;
}

public static class SchedulingSetup
{
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var persistent = configuration.GetValue(SchedulingOptions.Section + ":PersistentStore", true);
        var provider = configuration.GetValue(DatabaseOptions.Section + ":Provider", DatabaseProvider.Sqlite);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "UU";
                o.GenerateInstanceId = persistent && provider == DatabaseProvider.Postgres; // each node of a cluster its own id
            });
            q.AddTriggerListener<OvertakenFires>(GroupMatcher<TriggerKey>.AnyGroup());
            if (persistent)
            {
                // Jobs, triggers and fire times live in the project's database, so a schedule survives a restart and
                // a run missed while every node was down is fired once when one comes back. On PostgreSQL the nodes
                // form a Quartz cluster: each trigger fires on one node, and a dead node's jobs are taken over.
                q.UsePersistentStore(s =>
                {
                    s.UseSystemTextJsonSerializer();
                    s.ProvisionSchema();
                    s.ConfigureStore(o => o.StoreJobDataAsStrings = true);
                    if (provider == DatabaseProvider.Postgres)
                    {
                        s.UsePostgres(o => o.DataSourceFactory = sp => Npgsql.NpgsqlDataSource.Create(DataServiceCollectionExtensions.ConnectionString(sp)));
                        s.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                    }
                    else
                    {
                        s.UseSqlite(o => o.DataSourceFactory = sp => Microsoft.Data.Sqlite.SqliteFactory.Instance.CreateDataSource(DataServiceCollectionExtensions.ConnectionString(sp)));
                    }
                });
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
