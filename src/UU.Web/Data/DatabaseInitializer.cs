using Microsoft.EntityFrameworkCore;

namespace UU.Web.Data;

/// <summary>
/// Work a feature needs done once the database is migrated and before the app serves requests (roles and the first
/// admin, demo content). Run in the order registered, each in the initializer's scope.
/// </summary>
public interface IDatabaseStartupTask
{
    Task RunAsync(UuDbContext db, CancellationToken cancellationToken);
}

/// <summary>Migrates the database, then runs every feature's <see cref="IDatabaseStartupTask"/>, before the app serves requests.</summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes) : IHostedService
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
        foreach (var task in scope.ServiceProvider.GetServices<IDatabaseStartupTask>())
        {
            await task.RunAsync(db, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
