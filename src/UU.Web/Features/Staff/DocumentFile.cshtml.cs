using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace UU.Web.Features.Staff;

/// <summary>One version of a template, as an attachment with the type its content was judged to be.</summary>
public sealed class StaffDocumentFileModel(StaffDocuments documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int number, CancellationToken cancellationToken)
    {
        var version = await documents.FindVersionAsync(id, number, cancellationToken);
        if (version is null || !System.IO.File.Exists(documents.PathOf(version)))
        {
            return NotFound();
        }
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return PhysicalFile(documents.PathOf(version), version.ContentType, version.FileName);
    }
}
