using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Features.Content.Versioning;

namespace UU.Web.Features.Content.Office;

public sealed class ContentHistoryModel(ContentService content, Localization.Texts texts) : PageModel
{
    public ContentItem Item { get; private set; } = null!;
    public IReadOnlyList<ContentVersion> Versions { get; private set; } = [];
    public ContentVersion? Selected { get; private set; }
    /// <summary>What changed from the selected version to the current draft, with the fields' names in the UI language.</summary>
    public IReadOnlyList<FieldDiff> LabelledDiff { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "version")] int? number, CancellationToken cancellationToken) =>
        await LoadAsync(id, number, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRollbackAsync(int id, int number, int basedOnVersion, CancellationToken cancellationToken)
    {
        var result = await content.RollbackAsync(id, number, basedOnVersion, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/office/innehall/{id}?sparad=1");
        }
        if (!await LoadAsync(id, null, cancellationToken))
        {
            return NotFound();
        }
        Error = result.Conflict is not null ? texts["content.conflict.title"]
            : result.Errors.ContainsKey("Id") ? texts["content.error.notFound"]
            : string.Join(" ", result.Errors.Select(e => texts["content.field." + e.Key] + ": " + texts[e.Value]));
        Response.StatusCode = result.Conflict is not null ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, int? number, CancellationToken cancellationToken)
    {
        if (await content.HistoryAsync(id, number, cancellationToken) is not { } history)
        {
            return false;
        }
        Item = history.Document;
        Versions = history.Versions;
        Selected = history.Selected;
        LabelledDiff = history.Diff.Select(d => d with { Field = texts["content.field." + d.Field] }).ToList();
        return true;
    }
}
