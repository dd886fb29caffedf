using Microsoft.AspNetCore.Http.HttpResults;
using UU.Web.Features.Accounts;

namespace UU.Web.Features.Content;

public static class MarkdownPreviewEndpoint
{
    /// <summary>POST /office/markdown: the sanitised HTML of a Markdown text, for the editor's live preview.</summary>
    public static IEndpointRouteBuilder MapMarkdownPreview(this IEndpointRouteBuilder app)
    {
        app.MapPost("/office/markdown", async Task<Results<ProblemHttpResult, ContentHttpResult>> (HttpContext context, RichText richText) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var markdown = (string?)form["markdown"] ?? "";
            if (markdown.Length > 50_000)
            {
                return TypedResults.Problem("The text is longer than 50,000 characters.", statusCode: StatusCodes.Status400BadRequest);
            }
            return TypedResults.Text(richText.ToHtml(markdown), "text/html; charset=utf-8");
        })
        .RequireAuthorization(Policies.Editors)
        .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(256 * 1024));
        return app;
    }
}
