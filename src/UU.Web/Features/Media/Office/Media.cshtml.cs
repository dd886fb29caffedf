using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Media;
using UU.Web.Features.Shared;

namespace UU.Web.Features.Media.Office;

[RequestSizeLimit(12 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 12 * 1024 * 1024)]
public sealed class MediaModel(MediaLibrary library, UuDbContext db, Localization.Texts texts) : SortedListPageModel(DefaultSort)
{
    public IReadOnlyList<MediaItem> Items { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public MediaItem? Uploaded { get; private set; }

    [BindProperty(Name = "File")] public IFormFile? Upload { get; set; }
    [BindProperty] public string? AltSv { get; set; }
    [BindProperty] public string? AltEn { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null)
        {
            Errors["File"] = texts["media.error.empty"];
        }
        else
        {
            await using var stream = Upload.OpenReadStream();
            var (item, field, problem) = await library.UploadAsync(new MediaUpload(Upload.FileName, stream, Upload.Length, AltSv, AltEn), cancellationToken);
            if (item is null)
            {
                Errors[field!] = texts[problem!];
            }
            Uploaded = item;
        }
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>
    /// The upload from the editors' picker dialog: the same checks as the form, answered as JSON (the new image's address and alt
    /// text, or the fields and messages that stopped it) so the dialog keeps what the editor typed.
    /// </summary>
    public async Task<IActionResult> OnPostPickerAsync(CancellationToken cancellationToken)
    {
        if (Upload is null)
        {
            return new JsonResult(new { errors = new Dictionary<string, string> { ["File"] = texts["media.error.empty"] } }) { StatusCode = StatusCodes.Status400BadRequest };
        }
        await using var stream = Upload.OpenReadStream();
        var (item, field, problem) = await library.UploadAsync(new MediaUpload(Upload.FileName, stream, Upload.Length, AltSv, AltEn), cancellationToken);
        return item is null
            ? new JsonResult(new { errors = new Dictionary<string, string> { [field!] = texts[problem!] } }) { StatusCode = StatusCodes.Status400BadRequest }
            : new JsonResult(new { url = item.Url(960), alt = item.AltSv, altEn = item.AltEn });
    }

    /// <summary>The columns the library sorts by (<c>sortera=</c>): file name, alt text, size, when uploaded.</summary>
    public static readonly IReadOnlyList<string> SortKeys = ["namn", "alt", "storlek", "uppladdad"];

    public static readonly ListSort DefaultSort = new("uppladdad", Descending: true);

    public const int PageSize = 48;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ReadText();
        ReadSort(SortKeys);
        var items = db.MediaItems.AsNoTracking();
        if (Text is { } text)
        {
            var pattern = UuDbContext.Containing(text);
            const string e = UuDbContext.LikeEscape;
            items = items.Where(m => EF.Functions.Like(UuDbContext.Fold(m.AltSv), pattern, e)
                || (m.AltEn != null && EF.Functions.Like(UuDbContext.Fold(m.AltEn), pattern, e))
                || EF.Functions.Like(UuDbContext.Fold(m.OriginalFileName), pattern, e));
        }
        SetTotal(await items.CountAsync(cancellationToken), PageSize);
        var ordered = Sort.Key switch
        {
            "namn" => Sort.Apply(items, m => m.OriginalFileName).ThenBy(m => m.Id),
            "alt" => Sort.Apply(items, m => m.AltSv).ThenBy(m => m.Id),
            "storlek" => Sort.Apply(items, m => m.SizeBytes).ThenBy(m => m.Id),
            // The id follows the upload order and, unlike the time, is never tied.
            _ => Sort.Apply(items, m => m.Id),
        };
        Items = await ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
    }
}
