using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UU.Web.Features.Office;
using UU.Web.Features.Seed;
using UU.Web.Infrastructure;

namespace UU.Web.Data;

/// <summary>Migrates the database and seeds demo content into an empty one before the app serves requests.</summary>
public sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IOptions<SeedOptions> seed,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging: readers (pages, the scheduler's polling) never wait for a writer, and a write never waits for readers.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        await scope.ServiceProvider.GetRequiredService<IdentityBootstrapper>().RunAsync();
        if (seed.Value.Demo && !await db.Subjects.AnyAsync(cancellationToken))
        {
            var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider);
            var counts = await seeder.SeedAsync(cancellationToken);
            LogSeeded(logger, counts.Subjects, counts.Courses, counts.Modules);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo content: {Subjects} subjects, {Courses} courses, {Modules} modules")]
    private static partial void LogSeeded(ILogger logger, int subjects, int courses, int modules);
}
