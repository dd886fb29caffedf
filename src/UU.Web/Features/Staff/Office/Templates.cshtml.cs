using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Localization;

namespace UU.Web.Features.Staff.Office;

/// <summary>Editors upload templates and new versions of them; a file that is not a PDF, Word or Excel document is refused and not stored.</summary>
public sealed class TemplatesModel(StaffDocuments documents, Texts texts) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public TemplateCategory Category { get; set; }

    public IReadOnlyList<StaffDocument> Documents { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Request.Query.ContainsKey("sparad"))
        {
            Message = texts["staff.documents.saved"];
        }
        Documents = await documents.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await RefuseAsync(texts["staff.documents.error.category"], cancellationToken);
        }
        await using var content = file?.OpenReadStream() ?? Stream.Null;
        var result = await documents.CreateAsync(Title, Description, Category, new StaffUpload(file?.FileName, content, file?.Length ?? 0), User.Identity?.Name, cancellationToken);
        return result.Succeeded ? Redirect("/office/dokumentmallar?sparad=1") : await RefuseAsync(result.Problem!, cancellationToken);
    }

    public async Task<IActionResult> OnPostVersionAsync(int documentId, IFormFile? file, CancellationToken cancellationToken)
    {
        await using var content = file?.OpenReadStream() ?? Stream.Null;
        var result = await documents.AddVersionAsync(documentId, new StaffUpload(file?.FileName, content, file?.Length ?? 0), User.Identity?.Name, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }
        return result.Succeeded ? Redirect("/office/dokumentmallar?sparad=1") : await RefuseAsync(result.Problem!, cancellationToken);
    }

    private async Task<IActionResult> RefuseAsync(string problem, CancellationToken cancellationToken)
    {
        Error = problem;
        Documents = await documents.ListAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
