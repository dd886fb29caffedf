using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UU.Web.Data;
using UU.Web.Infrastructure;

namespace UU.Web.Features.Seed;

public static class SeedSetup
{
    /// <summary>Demo content for an empty database when Seed:Demo is on; registered after every other startup task.</summary>
    public static IServiceCollection AddDemoSeed(this IServiceCollection services)
    {
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        services.AddScoped<DemoSeeder>();
        services.AddScoped<IDatabaseStartupTask, DemoSeedTask>();
        return services;
    }
}

/// <summary>Seeds the demo catalogue and content once, into a database that has no subjects yet.</summary>
public sealed partial class DemoSeedTask(DemoSeeder seeder, IOptions<SeedOptions> seed, ILogger<DemoSeedTask> logger) : IDatabaseStartupTask
{
    public async Task RunAsync(UuDbContext db, CancellationToken cancellationToken)
    {
        if (!seed.Value.Demo || await db.Subjects.AnyAsync(cancellationToken))
        {
            return;
        }
        var counts = await seeder.SeedAsync(cancellationToken);
        LogSeeded(logger, counts.Subjects, counts.Courses, counts.Modules);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo content: {Subjects} subjects, {Courses} courses, {Modules} modules")]
    private static partial void LogSeeded(ILogger logger, int subjects, int courses, int modules);
}
