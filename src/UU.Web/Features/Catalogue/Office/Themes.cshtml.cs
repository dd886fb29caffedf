using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;

namespace UU.Web.Features.Catalogue.Office;

/// <summary>The editors' list of themes: add, rename, remove. Modules are tagged on their own edit page.</summary>
public sealed class ThemesModel(ThemeEditing editing, UuDbContext db, Localization.Texts texts) : PageModel
{
    public sealed record Row(Theme Theme, int Modules);

    [BindProperty] public string? NameSv { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public string? DescriptionSv { get; set; }
    [BindProperty] public string? DescriptionEn { get; set; }

    public IReadOnlyList<Row> Themes { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Request.Query.ContainsKey("sparad")) Message = texts["content.saved"];
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var (_, errors) = await editing.CreateAsync(new ThemeEdit(NameSv, NameEn, DescriptionSv, DescriptionEn), cancellationToken);
        return errors.Count == 0 ? Redirect("/office/teman?sparad=1") : await ShowAsync(errors, cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        var errors = await editing.SaveAsync(id, new ThemeEdit(NameSv, NameEn, DescriptionSv, DescriptionEn), cancellationToken);
        return errors is null ? NotFound() : errors.Count == 0 ? Redirect("/office/teman?sparad=1") : await ShowAsync(errors, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken) =>
        await editing.DeleteAsync(id, cancellationToken) ? Redirect("/office/teman?sparad=1") : NotFound();

    private async Task<IActionResult> ShowAsync(Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        foreach (var (field, key) in errors)
        {
            Errors[field] = texts[key];
        }
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Themes = (await db.Themes.AsNoTracking().OrderBy(t => t.NameSv).Select(t => new { Theme = t, Modules = t.Modules.Count }).ToListAsync(cancellationToken))
            .Select(t => new Row(t.Theme, t.Modules)).ToList();
}
