using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;

namespace UU.Web.Features.Inquiries;

public sealed class ReceivedModel(UuDbContext db) : PageModel
{
    public Inquiry? Inquiry { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? reference, [FromQuery(Name = "nyckel")] string? key, CancellationToken cancellationToken)
    {
        if (reference is null)
        {
            return Page();
        }
        if (key is null || reference.Length > 20 || key.Length > 64)
        {
            return NotFound();
        }
        // The key makes the receipt private to whoever sent the inquiry; reference numbers alone are guessable.
        Inquiry = await db.Inquiries.AsNoTracking()
            .Include(i => i.Modules).ThenInclude(m => m.Module)
            .FirstOrDefaultAsync(i => i.ReferenceNumber == reference && i.ReceiptKey == key, cancellationToken);
        return Inquiry is null ? NotFound() : Page();
    }
}
