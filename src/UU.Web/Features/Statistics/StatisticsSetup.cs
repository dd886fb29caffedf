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
        services.AddScoped<CaseStatistics>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Statistics/Office", Policies.Coordinators));
        return services;
    }

    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/statistics", ReportAsync).RequireAuthorization(Policies.CoordinatorApi);
        app.MapGet("/api/statistics/{table}.csv", (string table, HttpContext context, CaseStatistics statistics, CancellationToken cancellationToken) =>
            DownloadAsync(table, "csv", context, statistics, cancellationToken)).RequireAuthorization(Policies.CoordinatorApi);
        app.MapGet("/api/statistics/{table}.xlsx", (string table, HttpContext context, CaseStatistics statistics, CancellationToken cancellationToken) =>
            DownloadAsync(table, "xlsx", context, statistics, cancellationToken)).RequireAuthorization(Policies.CoordinatorApi);
        return app;
    }

    /// <summary>The filters of the query, each bad one named (the year, a period that ends before it starts, a faculty that does not exist...).</summary>
    public static async Task<(StatisticsFilter Filter, Dictionary<string, string[]> Errors)> FiltersAsync(IQueryCollection query, CaseStatistics statistics, CancellationToken cancellationToken)
    {
        var (filter, errors) = StatisticsFilter.Parse(query);
        foreach (var (key, value) in await statistics.CheckAsync(filter, cancellationToken))
        {
            errors[key] = value;
        }
        return (filter, errors);
    }

    private static async Task<Results<Ok<StatisticsReport>, ValidationProblem>> ReportAsync(HttpContext context, StatisticsService report, CaseStatistics statistics, CancellationToken cancellationToken)
    {
        var (year, error) = StatisticsPageModel.ParseYear(context.Request.Query["year"]);
        var (filter, errors) = await FiltersAsync(context.Request.Query, statistics, cancellationToken);
        if (error is not null)
        {
            errors["year"] = [error];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Some filters are not valid.");
        }
        var tables = await statistics.BuildAsync(filter, cancellationToken);
        return TypedResults.Ok(await report.BuildAsync(year, cancellationToken) with { Filters = filter, Tables = tables.ToDictionary(t => t.Key) });
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> DownloadAsync(string table, string format, HttpContext context, CaseStatistics statistics, CancellationToken cancellationToken)
    {
        if (!CaseStatistics.Keys.Contains(table, StringComparer.Ordinal))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such table.",
                detail: $"There is no statistics table '{table}'. The tables are: {string.Join(", ", CaseStatistics.Keys)}.");
        }
        var (filter, errors) = await FiltersAsync(context.Request.Query, statistics, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Some filters are not valid.");
        }
        var found = (await statistics.BuildAsync(filter, cancellationToken)).Single(t => t.Key == table);
        var name = $"statistik-{table}.{format}";
        return format == "csv"
            ? TypedResults.File(StatisticsExport.Csv(found), "text/csv; charset=utf-8", name)
            : TypedResults.File(StatisticsExport.Excel(found), StatisticsExport.ExcelType, name);
    }
}
