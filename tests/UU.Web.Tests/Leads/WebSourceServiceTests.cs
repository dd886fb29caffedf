using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Leads;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Leads;

/// <summary>The coordinators' web list sources, saved through the service the sources page calls.</summary>
public abstract class WebSourceServiceTests(Provider provider)
{
    private UuWebFactory App() => new(provider, new Dictionary<string, string?> { ["Scrapers:AllowPrivateAddresses"] = "true" });

    private static WebSourceForm Form() => new()
    {
        Name = "harnosand-upphandlingar",
        Url = "https://www.harnosand.example/naringsliv/upphandling",
        ItemSelector = "article.news-item",
        TitleSelector = "h2.news-title a",
        LinkSelector = "h2.news-title a",
        DeadlineSelector = "span.news-deadline",
        Schedule = "0 45 6 * * ?",
    };

    [Fact]
    public async Task ASaveOverAnotherCoordinatorsNewerVersion_IsRefused_AndTheirVersionIsKept()
    {
        await using var app = App();
        app.CreateClient().Dispose();
        int id, version;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<WebSourceService>().SaveAsync(Form(), "anna@uu-demo.se", CancellationToken.None);
            Assert.Equal(WebSourceResult.Saved, added.Result);
            (id, version) = (added.Source!.Id, added.Source.Version);
        }
        var scheduler = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        Assert.True(await scheduler.Exists(SourceSchedule.KeyFor("harnosand-upphandlingar")));

        // Both open the source at the same version; Anna saves first.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var form = Form();
            (form.Id, form.Version, form.Schedule) = (id, version, "0 0 8 * * ?");
            Assert.Equal(WebSourceResult.Saved, (await scope.ServiceProvider.GetRequiredService<WebSourceService>().SaveAsync(form, "anna@uu-demo.se", CancellationToken.None)).Result);
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var form = Form();
            (form.Id, form.Version, form.Schedule) = (id, version, "0 0 9 * * ?");
            var stale = await scope.ServiceProvider.GetRequiredService<WebSourceService>().SaveAsync(form, "bertil@uu-demo.se", CancellationToken.None);
            Assert.Equal(WebSourceResult.Conflict, stale.Result);
            Assert.Contains("anna@uu-demo.se", stale.Error, StringComparison.Ordinal);
            Assert.Equal("0 0 8 * * ?", stale.Theirs!.Schedule);
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<UuDbContext>().WebSources.SingleAsync();
            Assert.Equal(("0 0 8 * * ?", "anna@uu-demo.se"), (stored.Schedule, stored.UpdatedBy));
        }

        // Deleted: off the schedule, and "run now" says it is not scheduled.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<WebSourceService>();
            Assert.True(await service.DeleteAsync(id, CancellationToken.None));
            Assert.False(await service.DeleteAsync(id, CancellationToken.None));
            Assert.False(await service.RunNowAsync("harnosand-upphandlingar", CancellationToken.None));
        }
        Assert.False(await scheduler.Exists(SourceSchedule.KeyFor("harnosand-upphandlingar")));
    }

    [Fact]
    public async Task ABadSelector_IsNamedWithItsField_WhenSavedOrTested_AndNothingIsSaved()
    {
        await using var app = App();
        app.CreateClient().Dispose();
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<WebSourceService>();
        var form = Form();
        form.DeadlineSelector = "[broken";
        form.Schedule = "varje morgon";

        var saved = await service.SaveAsync(form, "anna@uu-demo.se", CancellationToken.None);
        Assert.Equal(WebSourceResult.Invalid, saved.Result);
        Assert.Contains("'[broken' is not a valid CSS selector", saved.Fields["DeadlineSelector"], StringComparison.Ordinal);
        Assert.Contains("'varje morgon' is not a Quartz cron expression", saved.Fields["Schedule"], StringComparison.Ordinal);
        Assert.Equal("DeadlineSelector, Schedule", string.Join(", ", saved.Fields.Keys.Order()));

        var tested = await service.TestAsync(form, CancellationToken.None);
        Assert.Null(tested.Result);
        Assert.Contains("'[broken' is not a valid CSS selector", tested.FieldErrors["DeadlineSelector"], StringComparison.Ordinal);
        Assert.False(await scope.ServiceProvider.GetRequiredService<UuDbContext>().WebSources.AnyAsync());
    }

    [Fact]
    public async Task AnEmptyForm_NamesEveryRequiredField()
    {
        await using var app = App();
        app.CreateClient().Dispose();
        await using var scope = app.Services.CreateAsyncScope();
        var errors = scope.ServiceProvider.GetRequiredService<WebSourceService>().Validate(new WebSourceForm { Schedule = "" });
        Assert.Superset(new HashSet<string> { "Name", "Url", "ItemSelector", "TitleSelector", "LinkSelector", "Schedule" }, errors.Keys.ToHashSet());
    }
}

public sealed class WebSourceServiceTestsOnSqlite() : WebSourceServiceTests(Provider.Sqlite);

public sealed class WebSourceServiceTestsOnPostgres() : WebSourceServiceTests(Provider.Postgres);
