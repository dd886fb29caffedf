using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace UU.Scrapers.Fetching;

public static class ScraperServiceCollectionExtensions
{
    /// <summary>The polite fetching pipeline: robots.txt → retries → per-host spacing → per-attempt timeout → the network.</summary>
    public static IServiceCollection AddScrapers(this IServiceCollection services)
    {
        services.AddOptions<ScraperOptions>().BindConfiguration(ScraperOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IValidatorStore, InMemoryValidatorStore>();
        services.AddSingleton<HostPoliteness>();
        services.AddTransient<RobotsTxtHandler>();
        services.AddTransient<HostThrottleHandler>();
        services.AddSingleton(sp => new FileSnapshotStore(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ScraperOptions>>().Value.SnapshotPath is { Length: > 0 } path ? path : Path.Combine(Path.GetTempPath(), "uu-snapshots"),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Runs.IScrapeSource, Sources.TedSource>(_ => new Sources.TedSource());
        services.AddSingleton<Runs.IScrapeSource, Sources.KommersSource>(_ => new Sources.KommersSource());
        services.AddSingleton<Runs.IScrapeSource, Sources.EAvropSource>();
        services.AddSingleton<Runs.IScrapeSource>(sp => new Sources.JobTechSource(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Runs.IScrapeSource>(_ => new Sources.WebListSource("Skolverket", Sources.WebListDefinition.Skolverket));
        services.AddScoped<Runs.ScrapeRunner>();
        services.AddTransient<Sources.WebListTester>();
        services.AddHttpClient<PoliteFetcher>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddPoliteHandlers();
        // The same pipeline on a connection pool of its own that reaches only public addresses (office-added sources).
        services.AddHttpClient(NetworkGuard.PublicOnlyClient, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(NetworkGuard.Handler)
            .AddHttpMessageHandler(() => new NeutralErrorsHandler())
            .AddPoliteHandlers();
        services.AddTransient<PageFetchers>();
        return services;
    }
}
