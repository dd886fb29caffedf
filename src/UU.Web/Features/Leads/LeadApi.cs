using UU.Web.Features.Accounts;

namespace UU.Web.Features.Leads;

public static class LeadApi
{
    /// <summary>The coordinators' private Atom feed of leads (same filters as the list), for feed readers.</summary>
    public const string LeadFeedPath = "/api/leads.atom";

    /// <summary>Coordinators' JSON and Atom of leads: a personal token or the office cookie.</summary>
    public static IEndpointRouteBuilder MapLeadApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/leads", async (HttpContext context, LeadList list, CancellationToken cancellationToken) =>
        {
            var (filter, errors) = LeadList.Parse(context.Request.Query);
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "Some filters are not valid.");
            }
            var (items, total) = await list.ListAsync(filter, cancellationToken);
            return Results.Ok(new { total, page = filter.Page, pageSize = filter.PageSize, items });
        }).RequireAuthorization(Policies.CoordinatorApi);
        app.MapGet(LeadFeedPath, async (HttpContext context, LeadList list, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var (filter, errors) = LeadList.Parse(context.Request.Query);
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "Some filters are not valid.");
            }
            var (items, _) = await list.ListAsync(filter with { Page = 1, PageSize = Math.Min(filter.PageSize, 100) }, cancellationToken);
            var origin = $"{context.Request.Scheme}://{context.Request.Host}";
            return Results.Bytes(LeadAtom.Write(items, origin, clock.GetUtcNow()), "application/atom+xml; charset=utf-8");
        }).RequireAuthorization(Policies.CoordinatorApi);
        return app;
    }
}
