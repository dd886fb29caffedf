using UU.Web.Features.Accounts;

namespace UU.Web.Features.Inquiries;

public static class InquiryApi
{
    /// <summary>Coordinators' JSON for scripts and BI tools: a personal token or the office cookie.</summary>
    public static IEndpointRouteBuilder MapInquiryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/inquiries", async (HttpContext context, InquiryList list, CancellationToken cancellationToken) =>
        {
            var (filter, errors) = InquiryList.Parse(context.Request.Query);
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "Some filters are not valid.");
            }
            var (items, total) = await list.ListAsync(filter, cancellationToken);
            return Results.Ok(new { total, page = filter.Page, pageSize = filter.PageSize, items });
        }).RequireAuthorization(Policies.CoordinatorApi);
        return app;
    }
}
