using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using UU.Search.Analysis;
using UU.Search.Indexing;

namespace UU.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>Registers the index singleton and its refresh loop; the host sets Search:IndexPath (or its default).</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ILinguisticsLoader, HostedLinguisticsLoader>();
        services.AddSingleton<SearchIndex>();
        services.AddHostedService<SearchIndexRefresher>();
        return services;
    }
}

internal sealed class SearchIndexRefresher(SearchIndex index) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => index.RunRefreshLoopAsync(stoppingToken);
}
