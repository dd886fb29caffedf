using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Features.Content.Versioning;

namespace UU.Web.Features.Catalogue.Office;

public sealed class ModuleHistoryModel(ModuleEditing editing, Localization.Texts texts) : PageModel
{
    public Module Item { get; private set; } = null!;
    public IReadOnlyList<ModuleVersion> Versions { get; private set; } = [];
    public ModuleVersion? Selected { get; private set; }
    /// <summary>What changed from the selected version to the current draft, with the fields' names in the UI language.</summary>
    public IReadOnlyList<FieldDiff> LabelledDiff { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "version")] int? number, CancellationToken cancellationToken) =>
        await LoadAsync(id, number, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRollbackAsync(int id, int number, int basedOnVersion, CancellationToken cancellationToken)
    {
        var result = await editing.RollbackAsync(id, number, basedOnVersion, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/office/utbildningar/{id}?sparad=1");
        }
        if (!await LoadAsync(id, null, cancellationToken))
        {
            return NotFound();
        }
        Error = result.Conflict is not null ? texts["content.conflict.title"]
            : result.Errors.ContainsKey("Id") ? texts["content.error.notFound"]
            : string.Join(" ", result.Errors.Select(e => texts["module.field." + e.Key] + ": " + texts[e.Value]));
        Response.StatusCode = result.Conflict is not null ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, int? number, CancellationToken cancellationToken)
    {
        if (await editing.HistoryAsync(id, number, cancellationToken) is not { } history)
        {
            return false;
        }
        Item = history.Document;
        Versions = history.Versions;
        Selected = history.Selected;
        LabelledDiff = history.Diff.Select(d => d with { Field = texts["module.field." + d.Field] }).ToList();
        return true;
    }
}
