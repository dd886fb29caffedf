using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Features.Accounts;
using UU.Web.Features.Statistics.Office;

namespace UU.Web.Features.Statistics;

public static class StatisticsSetup
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddScoped<StatisticsService>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Statistics/Office", Policies.Coordinators));
        return services;
    }

    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/statistics", ReportAsync).RequireAuthorization(Policies.CoordinatorApi);
        return app;
    }

    private static async Task<Results<Ok<StatisticsReport>, ValidationProblem>> ReportAsync(HttpContext context, StatisticsService statistics, CancellationToken cancellationToken)
    {
        var (year, error) = StatisticsPageModel.ParseYear(context.Request.Query["year"]);
        if (error is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [error] }, title: "Some filters are not valid.");
        }
        return TypedResults.Ok(await statistics.BuildAsync(year, cancellationToken));
    }
}
