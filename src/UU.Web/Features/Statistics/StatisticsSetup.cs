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
        app.MapGet("/api/statistics", async (HttpContext context, StatisticsService statistics, CancellationToken cancellationToken) =>
        {
            var (year, error) = StatisticsPageModel.ParseYear(context.Request.Query["year"]);
            return error is not null
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [error] }, title: "Some filters are not valid.")
                : Results.Ok(await statistics.BuildAsync(year, cancellationToken));
        }).RequireAuthorization(Policies.CoordinatorApi);
        return app;
    }
}
