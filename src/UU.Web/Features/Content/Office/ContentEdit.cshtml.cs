using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Content.Versioning;

namespace UU.Web.Features.Content.Office;

/// <summary>The editor's form: every field of <see cref="ContentFields"/> plus the version it was based on.</summary>
public sealed class ContentForm
{
    public string? TitleSv { get; set; }
    public string? TitleEn { get; set; }
    public string? Slug { get; set; }
    public string? SummarySv { get; set; }
    public string? SummaryEn { get; set; }
    public string? BodySv { get; set; }
    public string? BodyEn { get; set; }
    public string? MetaTitleSv { get; set; }
    public string? MetaTitleEn { get; set; }
    public string? MetaDescriptionSv { get; set; }
    public string? MetaDescriptionEn { get; set; }
    public string? ClientName { get; set; }
    public string? Sector { get; set; }
    public string? SubjectSlug { get; set; }
    public string? QuoteSv { get; set; }
    public string? QuoteEn { get; set; }
    public string? QuoteBy { get; set; }
    public string? ResultsSv { get; set; }
    public string? ResultsEn { get; set; }
    public string? ImagePath { get; set; }
    public string? ImageAlt { get; set; }
    public List<string> ModuleSlugs { get; set; } = [];
    public int Version { get; set; }
    public string? PublishAt { get; set; }
    public string? UnpublishAt { get; set; }

    public ContentFields ToFields() => new()
    {
        TitleSv = TitleSv ?? "", TitleEn = TitleEn, Slug = Slug ?? "", SummarySv = SummarySv, SummaryEn = SummaryEn, BodySv = BodySv, BodyEn = BodyEn,
        MetaTitleSv = MetaTitleSv, MetaTitleEn = MetaTitleEn, MetaDescriptionSv = MetaDescriptionSv, MetaDescriptionEn = MetaDescriptionEn,
        ClientName = ClientName, Sector = Sector, SubjectSlug = SubjectSlug, QuoteSv = QuoteSv, QuoteEn = QuoteEn, QuoteBy = QuoteBy,
        ResultsSv = ResultsSv, ResultsEn = ResultsEn, ImagePath = ImagePath, ImageAlt = ImageAlt, ModuleSlugs = ModuleSlugs,
    };

    public static ContentForm From(ContentFields f, int version) => new()
    {
        TitleSv = f.TitleSv, TitleEn = f.TitleEn, Slug = f.Slug, SummarySv = f.SummarySv, SummaryEn = f.SummaryEn, BodySv = f.BodySv, BodyEn = f.BodyEn,
        MetaTitleSv = f.MetaTitleSv, MetaTitleEn = f.MetaTitleEn, MetaDescriptionSv = f.MetaDescriptionSv, MetaDescriptionEn = f.MetaDescriptionEn,
        ClientName = f.ClientName, Sector = f.Sector, SubjectSlug = f.SubjectSlug, QuoteSv = f.QuoteSv, QuoteEn = f.QuoteEn, QuoteBy = f.QuoteBy,
        ResultsSv = f.ResultsSv, ResultsEn = f.ResultsEn, ImagePath = f.ImagePath, ImageAlt = f.ImageAlt, ModuleSlugs = [.. f.ModuleSlugs], Version = version,
    };
}

public sealed class ContentEditModel(ContentService content, UuDbContext db, Localization.Texts texts) : PageModel
{
    [BindProperty] public ContentForm Form { get; set; } = new();

    public ContentItem? Item { get; private set; }
    public string Type { get; private set; } = ContentTypes.Story;
    public Dictionary<string, string> Errors { get; } = [];
    public VersionConflict<ContentFields>? Conflict { get; private set; }
    public string? Message { get; private set; }
    public IReadOnlyList<(string Slug, string Name)> SubjectChoices { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Title)> ModuleChoices { get; private set; } = [];

    // The route is /office/innehall/ny for a new item and /office/innehall/{number} for an existing one.
    private int? ItemId => int.TryParse((string?)RouteData.Values["id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "typ")] string? type, CancellationToken cancellationToken)
    {
        var id = ItemId;
        if (id is null && (string?)RouteData.Values["id"] != "ny")
        {
            return NotFound();
        }
        if (id is { } existing)
        {
            Item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(c => c.Id == existing, cancellationToken);
            if (Item is null)
            {
                return NotFound();
            }
            Type = Item.Type;
            Form = ContentForm.From(Item.Draft, Item.Version);
            Form.PublishAt = Local(Item.PublishAt);
            Form.UnpublishAt = Local(Item.UnpublishAt);
        }
        else
        {
            Type = ContentTypes.All.Contains(type) ? type! : ContentTypes.Story;
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync([FromQuery(Name = "typ")] string? type, CancellationToken cancellationToken)
    {
        var id = ItemId;
        if (id is null)
        {
            var created = await content.CreateAsync(ContentTypes.All.Contains(type) ? type! : ContentTypes.Story, Form.ToFields(), cancellationToken);
            if (!created.Succeeded)
            {
                Type = ContentTypes.All.Contains(type) ? type! : ContentTypes.Story;
                return await ShowAsync(created, cancellationToken);
            }
            return Redirect($"/office/innehall/{created.Item!.Id}?sparad=1");
        }
        var saved = await content.SaveAsync(id.Value, Form.ToFields(), Form.Version, cancellationToken);
        return saved.Succeeded ? Redirect($"/office/innehall/{id}?sparad=1") : await ShowAsync(saved, cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        if (ItemId is not { } id)
        {
            return NotFound();
        }
        var saved = await content.SaveAsync(id, Form.ToFields(), Form.Version, cancellationToken);
        if (!saved.Succeeded)
        {
            return await ShowAsync(saved, cancellationToken);
        }
        var published = await content.PublishAsync(id, saved.Item!.Version, cancellationToken);
        return published.Succeeded ? Redirect($"/office/innehall/{id}?publicerad=1") : await ShowAsync(published, cancellationToken);
    }

    public async Task<IActionResult> OnPostUnpublishAsync(CancellationToken cancellationToken)
    {
        if (ItemId is not { } id)
        {
            return NotFound();
        }
        var result = await content.UnpublishAsync(id, Form.Version, cancellationToken);
        return result.Succeeded ? Redirect($"/office/innehall/{id}") : await ShowAsync(result, cancellationToken);
    }

    public async Task<IActionResult> OnPostScheduleAsync(CancellationToken cancellationToken)
    {
        if (ItemId is not { } id)
        {
            return NotFound();
        }
        DateTimeOffset? publishAt = null, unpublishAt = null;
        if (!string.IsNullOrWhiteSpace(Form.PublishAt))
        {
            if (TryParseLocal(Form.PublishAt, out var p)) publishAt = p; else Errors["PublishAt"] = texts["content.error.date"];
        }
        if (!string.IsNullOrWhiteSpace(Form.UnpublishAt))
        {
            if (TryParseLocal(Form.UnpublishAt, out var u)) unpublishAt = u; else Errors["UnpublishAt"] = texts["content.error.date"];
        }
        if (Errors.Count > 0)
        {
            Item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            Type = Item?.Type ?? ContentTypes.Story;
            await LoadChoicesAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await content.ScheduleAsync(id, publishAt, unpublishAt, Form.Version, cancellationToken);
        return result.Succeeded ? Redirect($"/office/innehall/{id}") : await ShowAsync(result, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (ItemId is not { } id)
        {
            return NotFound();
        }
        var result = await content.DeleteAsync(id, Form.Version, cancellationToken);
        return result.Succeeded ? Redirect("/office/innehall") : result.Item is null ? NotFound() : await ShowAsync(result, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(ContentOutcome result, CancellationToken cancellationToken)
    {
        Item = result.Item is null ? null : await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(c => c.Id == result.Item.Id, cancellationToken);
        if (Item is not null)
        {
            Type = Item.Type;
        }
        foreach (var (field, key) in result.Errors)
        {
            Errors[field] = texts[key];
        }
        Conflict = result.Conflict;
        await LoadChoicesAsync(cancellationToken);
        Response.StatusCode = Conflict is not null ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        if (Request.Query.ContainsKey("sparad")) Message = texts["content.saved"];
        if (Request.Query.ContainsKey("publicerad")) Message = texts["content.publishedMessage"];
        SubjectChoices = (await db.Subjects.AsNoTracking().OrderBy(s => s.NameSv).Select(s => new { s.Slug, s.NameSv }).ToListAsync(cancellationToken)).Select(s => (s.Slug, s.NameSv)).ToList();
        ModuleChoices = (await db.Modules.AsNoTracking().OrderBy(m => m.TitleSv).Select(m => new { m.Slug, m.TitleSv }).ToListAsync(cancellationToken)).Select(m => (m.Slug, m.TitleSv)).ToList();
    }

    // Editors enter Swedish local time; storage is UTC.
    private static string? Local(DateTimeOffset? utc) => utc is { } u ? UU.Scrapers.SwedishTime.ToLocal(u).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : null;

    private static bool TryParseLocal(string text, out DateTimeOffset utc)
    {
        utc = default;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }
        utc = UU.Scrapers.SwedishTime.At(local).ToUniversalTime();
        return true;
    }
}
