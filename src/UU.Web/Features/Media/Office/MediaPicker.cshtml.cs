using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;

namespace UU.Web.Features.Media.Office;

/// <summary>
/// The media library as a list for the editors' picker dialog (a page fragment, no layout): thumbnails with their alt texts, the
/// newest first, narrowed by <c>q</c> on the alt texts and the file name. Behind the same editors' convention as the library.
/// </summary>
public sealed class MediaPickerModel(UuDbContext db) : PageModel
{
    public const int MaxItems = 200;

    public IReadOnlyList<MediaItem> Items { get; private set; } = [];
    public string? Query { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = ((string?)Request.Query["q"])?.Trim() is { Length: > 0 } q ? q[..Math.Min(100, q.Length)] : null;
        var items = db.MediaItems.AsNoTracking();
        if (Query is { } text)
        {
            var pattern = UuDbContext.Containing(text);
            const string e = UuDbContext.LikeEscape;
            items = items.Where(m => EF.Functions.Like(UuDbContext.Fold(m.AltSv), pattern, e)
                || (m.AltEn != null && EF.Functions.Like(UuDbContext.Fold(m.AltEn), pattern, e))
                || EF.Functions.Like(UuDbContext.Fold(m.OriginalFileName), pattern, e));
        }
        Items = await items.OrderByDescending(m => m.Id).Take(MaxItems).ToListAsync(cancellationToken);
    }

    /// <summary>What the dialog's search box matches on the client: the alt texts and the file name, lower-cased.</summary>
    public static string SearchText(MediaItem item) =>
        string.Join(' ', new[] { item.AltSv, item.AltEn, item.OriginalFileName }.Where(s => s is not null)).ToLowerInvariant();
}
