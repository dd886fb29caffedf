using Microsoft.Extensions.Logging.Console;
using UU.Web.Features.Search;

namespace UU.Web.Features.Cli;

public static class CliSetup
{
    /// <summary>The verbs' handlers; each is resolved in a scope of its own when its verb runs.</summary>
    public static IServiceCollection AddCli(this IServiceCollection services)
    {
        services.AddScoped<ReindexVerb>();
        services.AddScoped<CreateUserVerb>();
        services.AddScoped<CreateTokenVerb>();
        services.AddScoped<ScrapeVerb>();
        services.AddScoped<RescrapeVerb>();
        services.AddScoped<ImportCoursesVerb>();
        services.AddScoped<BackupVerb>();
        services.AddScoped<RestoreVerb>();
        // The index opens when it is first resolved and refuses when a running site holds it: reindex asks for it
        // late, so that it can say so and leave the rebuild to that site.
        services.AddTransient<Func<IndexSynchronizer>>(sp => sp.GetRequiredService<IndexSynchronizer>);
        return services;
    }

    /// <summary>
    /// On the command line the framework (EF Core, hosting, Quartz) logs warnings and errors only, unless
    /// <c>--verbose</c>; every log line goes to standard error so that standard output holds only the verb's output.
    /// </summary>
    public static ILoggingBuilder ForCommandLine(this ILoggingBuilder logging, bool verbose)
    {
        if (!verbose)
        {
            foreach (var category in new[] { "Microsoft", "System", "Quartz" })
            {
                logging.AddFilter(category, LogLevel.Warning);
            }
        }
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        return logging;
    }
}
