using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Content;

namespace UU.Web.Features.Catalogue.Office;

public sealed class ModuleHistoryModel(UuDbContext db, ModuleEditing editing, Localization.Texts texts) : PageModel
{
    public List<(string Field, List<(LineDiff.Kind Kind, string Line)> Lines)> LabelledDiff => Diff.Select(d => (texts["module.field." + d.Field], d.Lines)).ToList();

    public Module Item { get; private set; } = null!;
    public IReadOnlyList<ModuleVersion> Versions { get; private set; } = [];
    public ModuleVersion? Selected { get; private set; }
    public List<(string Field, List<(LineDiff.Kind Kind, string Line)> Lines)> Diff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "version")] int? number, CancellationToken cancellationToken)
    {
        var module = await db.Modules.AsNoTracking().Include(m => m.Subject).Include(m => m.Courses).ThenInclude(c => c.Course).AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (module is null)
        {
            return NotFound();
        }
        Item = module;
        Versions = await db.ModuleVersions.AsNoTracking().Where(v => v.ModuleId == id).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        Selected = number is { } n ? Versions.FirstOrDefault(v => v.Number == n) : Versions.Skip(1).FirstOrDefault();
        if (Selected is not null)
        {
            var current = module.DraftJson is { } json ? ModuleDraft.FromJson(json) : ModuleDraft.From(module);
            Diff = LineDiff.Fields(ModuleDraft.FromJson(Selected.Json).Texts(), current.Texts());
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRollbackAsync(int id, int number, int basedOnVersion, CancellationToken cancellationToken)
    {
        var result = await editing.RollbackAsync(id, number, basedOnVersion, cancellationToken);
        return result.Succeeded ? Redirect($"/office/utbildningar/{id}?sparad=1") : result.Module is null ? NotFound() : StatusCode(StatusCodes.Status409Conflict);
    }
}
