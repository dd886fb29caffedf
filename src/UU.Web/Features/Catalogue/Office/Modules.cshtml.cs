using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Shared;

namespace UU.Web.Features.Catalogue.Office;

/// <summary>The office's module list: narrowed by title (<c>q</c>) and subject (<c>amne</c>), sorted by a column, paged in the database.</summary>
public sealed class ModulesModel(UuDbContext db) : SortedListPageModel(DefaultSort)
{
    /// <summary>The columns the list sorts by (<c>sortera=</c>): title, subject, status, last changed.</summary>
    public static readonly IReadOnlyList<string> SortKeys = ["titel", "amne", "status", "andrad"];

    public static readonly ListSort DefaultSort = new("titel", Descending: false);

    public const int PageSize = 50;

    public IReadOnlyList<Module> Items { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name)> Subjects { get; private set; } = [];
    public string? SubjectSlug { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Subjects = (await db.Subjects.AsNoTracking().OrderBy(s => s.NameSv).Select(s => new { s.Slug, s.NameSv }).ToListAsync(cancellationToken)).Select(s => (s.Slug, s.NameSv)).ToList();
        ReadText();
        // An unknown subject is no filter rather than an empty list: the select offers only the known ones.
        SubjectSlug = (string?)Request.Query["amne"] is { Length: > 0 } slug && Subjects.Any(s => s.Slug == slug) ? slug : null;
        ReadSort(SortKeys);
        var query = db.Modules.AsNoTracking();
        if (Text is { } text)
        {
            var pattern = UuDbContext.Containing(text);
            query = query.Where(m => EF.Functions.Like(UuDbContext.Fold(m.TitleSv), pattern, UuDbContext.LikeEscape));
        }
        if (SubjectSlug is { } subject)
        {
            query = query.Where(m => m.Subject!.Slug == subject);
        }
        SetTotal(await query.CountAsync(cancellationToken), PageSize);
        var ordered = Sort.Key switch
        {
            "amne" => Sort.Apply(query, m => m.Subject!.NameSv).ThenBy(m => m.TitleSv).ThenBy(m => m.Id),
            "status" => Sort.Apply(query, m => m.Status).ThenBy(m => m.TitleSv).ThenBy(m => m.Id),
            "andrad" => Sort.Apply(query, m => m.UpdatedAt).ThenBy(m => m.Id),
            _ => Sort.Apply(query, m => m.TitleSv).ThenBy(m => m.Id),
        };
        Items = await ordered.Include(m => m.Subject).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
    }
}
