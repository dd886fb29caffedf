using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace UU.Web.Features.Shared;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; } = 500;

    public void OnGet(int? code) => Code = code ?? 500;

    // A failed POST is re-executed here as a POST; render the same page.
    public void OnPost(int? code) => Code = code ?? 500;
}
