using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using UU.Web.Data;
using UU.Web.Features.Content;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Content;

public sealed class SchedulingTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<int> CreateAsync(string slug)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ContentService>().CreateAsync(ContentTypes.Page,
            new ContentFields { TitleSv = "Nyheter inför hösten", Slug = slug, BodySv = "Nya utbildningar." }, CancellationToken.None);
        Assert.True(result.Succeeded);
        return result.Item!.Id;
    }

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    [Fact]
    public async Task ScheduledPublishAndUnpublish_HappenWhenTheClockReachesThem_AndOnlyOnce()
    {
        var slug = "hosten-" + Guid.NewGuid().ToString("N")[..8];
        var id = await CreateAsync(slug);
        var now = app.Clock.GetUtcNow();
        var version = await WithAsync(sp => sp.GetRequiredService<UuDbContext>().ContentItems.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
        var scheduled = await WithAsync(sp => sp.GetRequiredService<ContentService>().ScheduleAsync(id, now.AddHours(2), now.AddDays(1), version, CancellationToken.None));
        Assert.True(scheduled.Succeeded);
        var visitor = app.CreateClient();

        Assert.Equal((0, 0), await WithAsync(sp => sp.GetRequiredService<ScheduledPublisher>().RunDueAsync(CancellationToken.None)));
        using (var early = await visitor.GetAsync("/sidor/" + slug))
        {
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromHours(2));
        // Two nodes running the job at the same moment: exactly one publishes.
        var runs = await Task.WhenAll(
            WithAsync(sp => sp.GetRequiredService<ScheduledPublisher>().RunDueAsync(CancellationToken.None)),
            WithAsync(sp => sp.GetRequiredService<ScheduledPublisher>().RunDueAsync(CancellationToken.None)));
        Assert.True(runs.Sum(r => r.Published) <= 1); // the app's own Quartz job may have been first
        using (var published = await visitor.GetAsync("/sidor/" + slug))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromDays(1));
        await WithAsync(sp => sp.GetRequiredService<ScheduledPublisher>().RunDueAsync(CancellationToken.None));
        using (var gone = await visitor.GetAsync("/sidor/" + slug))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
        // Whoever ran it, each scheduled change happened exactly once.
        var events = await WithAsync(sp => sp.GetRequiredService<UuDbContext>().ContentVersions.Where(v => v.ContentItemId == id).Select(v => v.Event).ToListAsync());
        Assert.Single(events, e => e == "published by schedule");
        Assert.Single(events, e => e == "unpublished by schedule");
    }

    [Fact]
    public async Task PastOrMisorderedSchedules_AreRefused()
    {
        var id = await CreateAsync("tid-" + Guid.NewGuid().ToString("N")[..8]);
        var now = app.Clock.GetUtcNow();
        var service = (Func<DateTimeOffset?, DateTimeOffset?, Task<ContentOutcome>>)(async (p, u) =>
        {
            var version = await WithAsync(sp => sp.GetRequiredService<UuDbContext>().ContentItems.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
            return await WithAsync(sp => sp.GetRequiredService<ContentService>().ScheduleAsync(id, p, u, version, CancellationToken.None));
        });
        Assert.Equal("content.error.pastDate", (await service(now.AddMinutes(-1), null)).Errors["PublishAt"]);
        Assert.Equal("content.error.unpublishOrder", (await service(now.AddDays(2), now.AddDays(1))).Errors["UnpublishAt"]);
    }

    [Fact]
    public async Task TheQuartzSchedulerRunsThePublishingJob()
    {
        app.CreateClient().Dispose();
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.True(await scheduler.Exists(ScheduledPublishingJob.Key, CancellationToken.None));
        // Active: waiting for its next fire, or firing right now.
        var state = await scheduler.GetTriggerState(new TriggerKey("scheduled-publishing-trigger", "content"), CancellationToken.None);
        Assert.Contains(state, new[] { TriggerState.Normal, TriggerState.Executing, TriggerState.Blocked });
    }
}
