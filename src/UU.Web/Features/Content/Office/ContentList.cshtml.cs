using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Shared;

namespace UU.Web.Features.Content.Office;

/// <summary>Pages, stories and staff pages: narrowed by type (<c>typ</c>) and title (<c>q</c>), sorted by a column, paged in the database.</summary>
public sealed class ContentListModel(UuDbContext db) : SortedListPageModel(DefaultSort)
{
    /// <summary>The columns the list sorts by (<c>sortera=</c>): title, type, state, last changed.</summary>
    public static readonly IReadOnlyList<string> SortKeys = ["titel", "typ", "status", "andrad"];

    public static readonly ListSort DefaultSort = new("andrad", Descending: true);

    public const int PageSize = 50;

    public IReadOnlyList<ContentItem> Items { get; private set; } = [];
    public string? Type { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ReadText();
        // An unknown type is no filter: the select offers only the known ones.
        Type = (string?)Request.Query["typ"] is { } type && ContentTypes.All.Contains(type) ? type : null;
        ReadSort(SortKeys);
        var query = db.ContentItems.AsNoTracking();
        if (Type is { } t)
        {
            query = query.Where(c => c.Type == t);
        }
        if (Text is { } text)
        {
            var pattern = UuDbContext.Containing(text);
            query = query.Where(c => EF.Functions.Like(UuDbContext.Fold(c.DraftTitle), pattern, UuDbContext.LikeEscape));
        }
        SetTotal(await query.CountAsync(cancellationToken), PageSize);
        var ordered = Sort.Key switch
        {
            "titel" => Sort.Apply(query, c => c.DraftTitle).ThenBy(c => c.Id),
            "typ" => Sort.Apply(query, c => c.Type).ThenByDescending(c => c.UpdatedAt).ThenBy(c => c.Id),
            "status" => Sort.Apply(query, c => c.State).ThenByDescending(c => c.UpdatedAt).ThenBy(c => c.Id),
            _ => Sort.Apply(query, c => c.UpdatedAt).ThenBy(c => c.Id),
        };
        Items = await ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
    }
}
