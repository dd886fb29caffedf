using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Shared;
using UU.Web.Localization;

namespace UU.Web.Features.Accounts.Office;

public sealed record UserRow(UuUser User, IList<string> Roles, bool LockedOut)
{
    public bool IsFacultyOffice => Roles.Contains(UU.Web.Features.Accounts.Roles.FacultyOffice);
}

public sealed class UsersModel(UserManager<UuUser> users, UserAdministration administration, UuDbContext db, Texts texts) : SortedListPageModel(DefaultSort)
{
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];
    public string? CreatedPassword { get; private set; }
    public string? CreatedEmail { get; private set; }
    public List<string> Errors { get; } = [];
    public IReadOnlyList<Catalogue.Faculty> Faculties { get; private set; } = [];

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? UserId { get; set; }
    [BindProperty] public int? FacultyId { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var (user, password, errors) = await administration.CreateAsync(Email, Role, FacultyId, cancellationToken);
        if (user is null)
        {
            Errors.AddRange(errors.Select(e => e.StartsWith("office.", StringComparison.Ordinal) ? texts[e] : e));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            CreatedEmail = user.Email;
            CreatedPassword = password; // shown once for the admin to pass on; the user changes it
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostSetRoleAsync(CancellationToken cancellationToken)
    {
        if (!await administration.SetRoleAsync(UserId, Role, cancellationToken))
        {
            Errors.Add(texts["office.users.badRole"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostSetFacultyAsync(CancellationToken cancellationToken)
    {
        if (!await administration.SetFacultyAsync(UserId, FacultyId, cancellationToken))
        {
            Errors.Add(texts["office.users.badFaculty"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostLockAsync(CancellationToken cancellationToken) => await SetLockAsync(true, cancellationToken);

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken) => await SetLockAsync(false, cancellationToken);

    private async Task<IActionResult> SetLockAsync(bool locked, CancellationToken cancellationToken)
    {
        await administration.SetLockedAsync(UserId, locked, users.GetUserId(User), cancellationToken);
        await LoadAsync();
        return Page();
    }

    /// <summary>The columns the list sorts by (<c>sortera=</c>): address, when added.</summary>
    public static readonly IReadOnlyList<string> SortKeys = ["epost", "tillagd"];

    public static readonly ListSort DefaultSort = new("epost", Descending: false);

    public const int PageSize = 100;

    private async Task LoadAsync()
    {
        Faculties = await db.Faculties.AsNoTracking().OrderBy(f => f.NameSv).ToListAsync();
        ReadText();
        ReadSort(SortKeys);
        var query = users.Users;
        if (Text is { } text)
        {
            var pattern = UuDbContext.Containing(text);
            query = query.Where(u => u.Email != null && EF.Functions.Like(UuDbContext.Fold(u.Email), pattern, UuDbContext.LikeEscape));
        }
        SetTotal(await query.CountAsync(), PageSize);
        var ordered = Sort.Key switch
        {
            "tillagd" => Sort.Apply(query, u => u.CreatedAt).ThenBy(u => u.Email),
            _ => Sort.Apply(query, u => u.Email).ThenBy(u => u.Id),
        };
        // Roles and lock-out are read for this page's users only.
        var page = await ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
        var rows = new List<UserRow>();
        foreach (var user in page)
        {
            rows.Add(new UserRow(user, await users.GetRolesAsync(user), await users.IsLockedOutAsync(user)));
        }
        Rows = rows;
    }
}
