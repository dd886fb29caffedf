using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using UU.Search;
using UU.Search.Indexing;
using UU.Web.Data;

namespace UU.Web.Features.Search;

public static class SearchSetup
{
    public static IServiceCollection AddCatalogueSearch(this IServiceCollection services)
    {
        services.AddSearch();
        services.AddOptions<SearchSyncOptions>().BindConfiguration(SearchSyncOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The index lives in the data folder unless Search:IndexPath says otherwise.
        services.AddOptions<SearchOptions>().Configure<DataPaths>((o, paths) =>
        {
            if (string.IsNullOrWhiteSpace(o.IndexPath))
            {
                o.IndexPath = paths.Folder("index");
            }
        });
        services.AddSingleton<IndexJournalInterceptor>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor>(sp => sp.GetRequiredService<IndexJournalInterceptor>());
        services.AddScoped<SearchDocuments>();
        services.AddScoped<CatalogueSearch>();
        services.AddSingleton<IndexSynchronizer>();
        services.AddHostedService<IndexSynchronizerService>();
        services.AddHealthChecks().AddCheck<SearchIndexHealthCheck>("search");
        return services;
    }
}

public sealed class SearchIndexHealthCheck(SearchIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var description = $"{index.DocumentCount} documents, journal position {index.JournalPosition}";
        return Task.FromResult(index.Fault is { } fault
            ? HealthCheckResult.Degraded($"faulted, rebuilding from the database until it succeeds: {fault}; {description}")
            : index.State == IndexState.Rebuilding || index.NeedsRebuild
            ? HealthCheckResult.Degraded("rebuilding: " + description)
            : HealthCheckResult.Healthy(description));
    }
}
