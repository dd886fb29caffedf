using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;

namespace UU.Web.Features.Commissions.Office;

/// <summary>A case's document, to those who may see the case (404 to the others, as for the case itself).</summary>
public sealed class CaseDocumentFileModel(UuDbContext db, CaseDocuments documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string reference, int id, CancellationToken cancellationToken)
    {
        var access = await CaseAccess.ForAsync(User, db, cancellationToken);
        var document = await db.CaseDocuments.AsNoTracking()
            .Where(d => d.Id == id && db.Inquiries.VisibleTo(db, access).Any(i => i.Id == d.InquiryId && i.ReferenceNumber == reference))
            .FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return NotFound();
        }
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(documents.Open(document), document.ContentType, document.FileName);
    }
}
