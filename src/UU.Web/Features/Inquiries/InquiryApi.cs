using Microsoft.AspNetCore.Http.HttpResults;
using UU.Web.Features.Accounts;
using UU.Web.Infrastructure;

namespace UU.Web.Features.Inquiries;

public static class InquiryApi
{
    /// <summary>Coordinators' JSON for scripts and BI tools: a personal token or the office cookie.</summary>
    public static IEndpointRouteBuilder MapInquiryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/inquiries", ListAsync).RequireAuthorization(Policies.CoordinatorApi);
        return app;
    }

    private static async Task<Results<Ok<ApiPage<InquiryListItem>>, ValidationProblem>> ListAsync(HttpContext context, InquiryList list, CancellationToken cancellationToken)
    {
        var (filter, errors) = InquiryList.Parse(context.Request.Query);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Some filters are not valid.");
        }
        var (items, total) = await list.ListAsync(filter, cancellationToken);
        return TypedResults.Ok(new ApiPage<InquiryListItem>(total, filter.Page, filter.PageSize, items));
    }
}
