using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Localization;

namespace UU.Web.Features.Accounts.Office;

public sealed record UserRow(UuUser User, IList<string> Roles, bool LockedOut);

public sealed class UsersModel(UserManager<UuUser> users, UserAdministration administration, Texts texts) : PageModel
{
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];
    public string? CreatedPassword { get; private set; }
    public string? CreatedEmail { get; private set; }
    public List<string> Errors { get; } = [];

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? UserId { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var (user, password, errors) = await administration.CreateAsync(Email, Role, cancellationToken);
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

    public async Task<IActionResult> OnPostLockAsync(CancellationToken cancellationToken) => await SetLockAsync(true, cancellationToken);

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken) => await SetLockAsync(false, cancellationToken);

    private async Task<IActionResult> SetLockAsync(bool locked, CancellationToken cancellationToken)
    {
        await administration.SetLockedAsync(UserId, locked, users.GetUserId(User), cancellationToken);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var all = await users.Users.OrderBy(u => u.Email).ToListAsync();
        var rows = new List<UserRow>();
        foreach (var user in all)
        {
            rows.Add(new UserRow(user, await users.GetRolesAsync(user), await users.IsLockedOutAsync(user)));
        }
        Rows = rows;
    }
}
