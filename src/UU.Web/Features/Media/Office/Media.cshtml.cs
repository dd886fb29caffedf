using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Media;

namespace UU.Web.Features.Media.Office;

[RequestSizeLimit(12 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 12 * 1024 * 1024)]
public sealed class MediaModel(MediaLibrary library, UuDbContext db, Localization.Texts texts) : PageModel
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

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Items = await db.MediaItems.AsNoTracking().OrderByDescending(m => m.Id).Take(200).ToListAsync(cancellationToken);
}
