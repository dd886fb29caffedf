using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Content.Versioning;

namespace UU.Web.Features.Catalogue.Office;

public sealed class ModuleEditModel(ModuleEditing editing, ThemeEditing themes, UuDbContext db, Localization.Texts texts) : PageModel
{
    [BindProperty] public ModuleDraft Form { get; set; } = new();
    [BindProperty] public int Version { get; set; }

    public Module? Item { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];
    public VersionConflict<ModuleDraft>? Conflict { get; private set; }
    public string? Message { get; private set; }
    public IReadOnlyList<(string Slug, string Name)> Subjects { get; private set; } = [];
    public IReadOnlyList<Theme> AllThemes { get; private set; } = [];
    public IReadOnlySet<int> ModuleThemes { get; private set; } = new HashSet<int>();

    /// <summary>Sets the module's themes (live at once: themes are tags, not part of the versioned text).</summary>
    public async Task<IActionResult> OnPostThemesAsync([FromForm] List<int> themeIds, CancellationToken cancellationToken)
    {
        if (ItemId is not { } id)
        {
            return NotFound();
        }
        return await themes.TagAsync(id, themeIds, cancellationToken)
            ? Redirect($"/office/utbildningar/{id}?sparad=1")
            : BadRequest();
    }

    private int? ItemId => int.TryParse((string?)RouteData.Values["id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (ItemId is null && (string?)RouteData.Values["id"] != "ny")
        {
            return NotFound();
        }
        if (ItemId is { } id)
        {
            Item = await db.Modules.AsNoTracking().Include(m => m.Subject).Include(m => m.Courses).ThenInclude(c => c.Course).AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
            if (Item is null)
            {
                return NotFound();
            }
            Form = Item.DraftJson is { } json ? ModuleDraft.FromJson(json) : ModuleDraft.From(Item);
            Version = Item.Version;
        }
        if (Request.Query.ContainsKey("sparad")) Message = texts["content.saved"];
        if (Request.Query.ContainsKey("publicerad")) Message = texts["content.publishedMessage"];
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (ItemId is null && (string?)RouteData.Values["id"] != "ny")
        {
            return NotFound();
        }
        var result = await editing.SaveDraftAsync(ItemId, Form, Version, cancellationToken);
        return result.Succeeded ? Redirect($"/office/utbildningar/{result.Document!.Id}?sparad=1") : await ShowAsync(result, cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        if (ItemId is not { } id)
        {
            return NotFound();
        }
        var saved = await editing.SaveDraftAsync(id, Form, Version, cancellationToken);
        if (!saved.Succeeded)
        {
            return await ShowAsync(saved, cancellationToken);
        }
        var published = await editing.PublishAsync(id, saved.Document!.Version, cancellationToken);
        return published.Succeeded ? Redirect($"/office/utbildningar/{id}?publicerad=1") : await ShowAsync(published, cancellationToken);
    }

    public async Task<IActionResult> OnPostUnpublishAsync(CancellationToken cancellationToken)
    {
        if (ItemId is not { } id)
        {
            return NotFound();
        }
        var result = await editing.UnpublishAsync(id, Version, cancellationToken);
        return result.Succeeded ? Redirect($"/office/utbildningar/{id}") : await ShowAsync(result, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(VersionOutcome<Module, ModuleDraft> result, CancellationToken cancellationToken)
    {
        Item = result.Document is null ? null : await db.Modules.AsNoTracking().FirstOrDefaultAsync(m => m.Id == result.Document.Id, cancellationToken);
        foreach (var (field, key) in result.Errors)
        {
            Errors[field] = texts[key];
        }
        Conflict = result.Conflict;
        await LoadAsync(cancellationToken);
        Response.StatusCode = Conflict is not null ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Subjects = (await db.Subjects.AsNoTracking().OrderBy(s => s.NameSv).Select(s => new { s.Slug, s.NameSv }).ToListAsync(cancellationToken)).Select(s => (s.Slug, s.NameSv)).ToList();
        AllThemes = await db.Themes.AsNoTracking().OrderBy(t => t.NameSv).ToListAsync(cancellationToken);
        var id = Item?.Id ?? 0;
        ModuleThemes = (await db.ModuleThemes.AsNoTracking().Where(t => t.ModuleId == id).Select(t => t.ThemeId).ToListAsync(cancellationToken)).ToHashSet();
    }
}
