using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace UU.Web.Features.Shared;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; } = 500;

    // No bound parameters: a re-executed request may carry a form that cannot be read (that may be why it failed).
    public void OnGet() => Code = ResolveCode();

    public void OnPost() => Code = ResolveCode();

    // After an exception the handler has set the status (500, or 503 while the database is away).
    private int ResolveCode() =>
        HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode
        ?? (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null ? Response.StatusCode : (int?)null)
        ?? (RouteData.Values["code"] is string s && int.TryParse(s, out var code) ? code : 500);
}
