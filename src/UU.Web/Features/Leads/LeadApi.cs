using Microsoft.AspNetCore.Http.HttpResults;
using UU.Web.Features.Accounts;
using UU.Web.Infrastructure;

namespace UU.Web.Features.Leads;

public static class LeadApi
{
    /// <summary>The coordinators' private Atom feed of leads (same filters as the list), for feed readers.</summary>
    public const string LeadFeedPath = "/api/leads.atom";

    /// <summary>Coordinators' JSON and Atom of leads: a personal token or the office cookie.</summary>
    public static IEndpointRouteBuilder MapLeadApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/leads", ListAsync).RequireAuthorization(Policies.CoordinatorApi);
        app.MapGet(LeadFeedPath, FeedAsync).RequireAuthorization(Policies.CoordinatorApi);
        return app;
    }

    private static async Task<Results<Ok<ApiPage<LeadListItem>>, ValidationProblem>> ListAsync(HttpContext context, LeadList list, CancellationToken cancellationToken)
    {
        var (filter, errors) = LeadList.Parse(context.Request.Query);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Some filters are not valid.");
        }
        var (items, total) = await list.ListAsync(filter, cancellationToken);
        return TypedResults.Ok(new ApiPage<LeadListItem>(total, filter.Page, filter.PageSize, items));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> FeedAsync(HttpContext context, LeadList list, SiteUrls urls, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (filter, errors) = LeadList.Parse(context.Request.Query);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Some filters are not valid.");
        }
        var (items, _) = await list.ListAsync(filter with { Page = 1, PageSize = Math.Min(filter.PageSize, 100) }, cancellationToken);
        // Site:PublicBaseUrl when set: a Host header sent by anyone must not become the links a feed reader follows.
        var origin = urls.BaseUrl;
        return TypedResults.Bytes(LeadAtom.Write(items, origin, clock.GetUtcNow()), "application/atom+xml; charset=utf-8");
    }
}
