using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;

namespace UU.Web.Features.Catalogue.Office;

/// <summary>Subjects' names and descriptions (an editor's part); the contact persons are shown, and changed by coordinators on their own page.</summary>
public sealed class SubjectEditModel(UuDbContext db, SubjectEditing editing, Localization.Texts texts) : PageModel
{
    [BindProperty] public string? NameSv { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public string? DescriptionSv { get; set; }
    [BindProperty] public string? DescriptionEn { get; set; }

    public IReadOnlyList<Subject> All { get; private set; } = [];
    public Subject? Item { get; private set; }
    /// <summary>Each problem under its field; the contact persons' field has one per bad line.</summary>
    public IReadOnlyList<(string Field, string Message)> Errors { get; private set; } = [];
    public string? Message { get; private set; }

    public bool Invalid(string field) => Errors.Any(e => e.Field == field);

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        All = await db.Subjects.AsNoTracking().OrderBy(s => s.NameSv).ToListAsync(cancellationToken);
        if (slug is null)
        {
            return Page();
        }
        Item = await db.Subjects.AsNoTracking().Include(s => s.Contacts).FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        if (Item is null)
        {
            return NotFound();
        }
        NameSv = Item.NameSv;
        NameEn = Item.NameEn;
        DescriptionSv = Item.DescriptionSv;
        DescriptionEn = Item.DescriptionEn;
        Message = Request.Query.ContainsKey("sparad") ? texts["office.saved"] : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        var outcome = await editing.SaveAsync(slug, new SubjectEdit(NameSv, NameEn, DescriptionSv, DescriptionEn), cancellationToken);
        switch (outcome.Result)
        {
            case SubjectSaveResult.Saved:
                return Redirect($"/office/amnen/{slug}?sparad=1");
            case SubjectSaveResult.NotFound:
                return NotFound();
        }
        // The page again with what the editor typed (still bound) and every problem.
        Errors = outcome.Errors;
        Item = await db.Subjects.AsNoTracking().Include(s => s.Contacts).FirstAsync(s => s.Slug == slug, cancellationToken);
        All = await db.Subjects.AsNoTracking().OrderBy(s => s.NameSv).ToListAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
