using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace UU.Scrapers.Fetching;

public static class ScraperServiceCollectionExtensions
{
    /// <summary>The polite fetching pipeline: robots.txt → per-host spacing → retries → the network.</summary>
    public static IServiceCollection AddScrapers(this IServiceCollection services)
    {
        services.AddOptions<ScraperOptions>().BindConfiguration(ScraperOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IValidatorStore, InMemoryValidatorStore>();
        services.AddSingleton<HostPoliteness>();
        services.AddTransient<RobotsTxtHandler>();
        services.AddTransient<HostThrottleHandler>();
        services.AddTransient<RetryHandler>();
        services.AddHttpClient<PoliteFetcher>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<RobotsTxtHandler>()
            .AddHttpMessageHandler<HostThrottleHandler>()
            .AddHttpMessageHandler<RetryHandler>();
        return services;
    }
}
