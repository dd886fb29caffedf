using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Content;

namespace UU.Web.Features.Content.Office;

public sealed class ContentHistoryModel(UuDbContext db, ContentService content, Localization.Texts texts) : PageModel
{
    public ContentItem Item { get; private set; } = null!;
    public IReadOnlyList<ContentVersion> Versions { get; private set; } = [];
    public ContentVersion? Selected { get; private set; }
    public List<(string Field, List<(LineDiff.Kind Kind, string Line)> Lines)> Diff { get; private set; } = [];
    public string? Error { get; private set; }

    public List<(string Field, List<(LineDiff.Kind Kind, string Line)> Lines)> LabelledDiff => Diff.Select(d => (texts["content.field." + d.Field], d.Lines)).ToList();

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "version")] int? number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Selected = number is { } n ? Versions.FirstOrDefault(v => v.Number == n) : Versions.Skip(1).FirstOrDefault();
        if (Selected is not null)
        {
            // What changed from the selected version to the current draft.
            Diff = LineDiff.Fields(ContentFields.FromJson(Selected.Json), Item.Draft);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRollbackAsync(int id, int number, int basedOnVersion, CancellationToken cancellationToken)
    {
        var result = await content.RollbackAsync(id, number, basedOnVersion, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/office/innehall/{id}?sparad=1");
        }
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Error = result.Conflict is not null ? texts["content.conflict.title"] : texts["content.error.notFound"];
        Response.StatusCode = result.Conflict is not null ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (item is null)
        {
            return false;
        }
        Item = item;
        Versions = await db.ContentVersions.AsNoTracking().Where(v => v.ContentItemId == id).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        return true;
    }
}
