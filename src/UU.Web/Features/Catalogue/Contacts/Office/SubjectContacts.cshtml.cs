using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;

namespace UU.Web.Features.Catalogue.Contacts.Office;

/// <summary>A subject's contact persons ("Name | Role | email | phone", one a line): coordinators and admins decide who receives its inquiries.</summary>
public sealed class SubjectContactsModel(UuDbContext db, SubjectContactEditing editing, Localization.Texts texts) : PageModel
{
    [BindProperty] public string? Contacts { get; set; }

    public Subject? Item { get; private set; }
    /// <summary>One problem per bad line.</summary>
    public IReadOnlyList<(string Field, string Message)> Errors { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        Item = await db.Subjects.AsNoTracking().Include(s => s.Contacts).FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        if (Item is null)
        {
            return NotFound();
        }
        Contacts = SubjectContactList.Format(Item.Contacts.OrderBy(c => c.Id));
        Message = Request.Query.ContainsKey("sparad") ? texts["office.saved"] : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        var outcome = await editing.SaveAsync(slug, Contacts, User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name, cancellationToken);
        switch (outcome.Result)
        {
            case SubjectSaveResult.Saved:
                return Redirect($"/office/amnen/{slug}/kontaktpersoner?sparad=1");
            case SubjectSaveResult.NotFound:
                return NotFound();
        }
        // The page again with what the coordinator typed (still bound) and every problem.
        Errors = outcome.Errors;
        Item = await db.Subjects.AsNoTracking().FirstAsync(s => s.Slug == slug, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
