using Microsoft.AspNetCore.Http.HttpResults;
using UU.Web.Features.Accounts;

namespace UU.Web.Features.Content;

public static class MarkdownPreviewEndpoint
{
    public const int MaxLength = 50_000;
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>
    /// POST /office/markdown: the sanitised HTML of a Markdown text (form field "markdown"), for the editor's live
    /// preview. Whatever arrives instead gets a 4xx that says what is wrong: no form (415), a body that is too large
    /// (413) or ends early, a NUL or other control character, a text too long or too deeply nested (400).
    /// </summary>
    public static IEndpointRouteBuilder MapMarkdownPreview(this IEndpointRouteBuilder app)
    {
        app.MapPost("/office/markdown", async Task<Results<ProblemHttpResult, ContentHttpResult>> (HttpContext context, RichText richText) =>
        {
            if (!context.Request.HasFormContentType)
            {
                return TypedResults.Problem("Send the text as a form (application/x-www-form-urlencoded or multipart/form-data) with the field 'markdown'.",
                    statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The body is not a form.");
            }
            if (context.Request.ContentLength > MaxBodyBytes)
            {
                return TooLarge();
            }
            IFormCollection form;
            try
            {
                form = await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return TooLarge();
            }
            catch (InvalidDataException ex)
            {
                // The form reader refuses what a form may not carry (a NUL, a value or field count beyond its limits).
                return TypedResults.Problem("The form could not be read: it holds characters a form may not carry (such as a NUL) or more than its limits allow. " + ex.Message,
                    statusCode: StatusCodes.Status400BadRequest, title: "The form is not valid.");
            }
            catch (Exception ex) when (ex is IOException or BadHttpRequestException)
            {
                return TypedResults.Problem("The request body ended before the form was complete; send it again.", statusCode: StatusCodes.Status400BadRequest, title: "The body is incomplete.");
            }
            var markdown = (string?)form["markdown"] ?? "";
            if (markdown.Length > MaxLength)
            {
                return TypedResults.Problem($"The text is longer than {MaxLength:N0} characters.", statusCode: StatusCodes.Status400BadRequest, title: "The text is too long.");
            }
            if (markdown.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            {
                return TypedResults.Problem(markdown.Contains('\0', StringComparison.Ordinal) ? "The text contains a NUL character." : "The text contains a control character.",
                    statusCode: StatusCodes.Status400BadRequest, title: "The text has characters that are not text.");
            }
            if (RichText.Problem(markdown) is not null)
            {
                return TypedResults.Problem($"The text is nested more than {RichText.MaxNesting} levels deep (quotes, lists or emphasis inside each other).",
                    statusCode: StatusCodes.Status400BadRequest, title: "The text is nested too deeply.");
            }
            return TypedResults.Text(richText.ToHtml(markdown), "text/html; charset=utf-8");
        })
        .RequireAuthorization(Policies.Editors)
        .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes));
        return app;
    }

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem($"The body is larger than {MaxBodyBytes / 1024} KB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body is too large.");
}
