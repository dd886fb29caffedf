using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Localization;
using UU.Web.Features.Audit;

namespace UU.Web.Features.Accounts.Office;

public sealed record UserRow(UuUser User, IList<string> Roles, bool LockedOut);

public sealed class UsersModel(UserManager<UuUser> users, AuditTrail audit, TimeProvider clock, Texts texts) : PageModel
{
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];
    public string? CreatedPassword { get; private set; }
    public string? CreatedEmail { get; private set; }
    public List<string> Errors { get; } = [];

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? UserId { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var (user, password, errors) = await UserAccounts.CreateAsync(users, clock, Email, Role);
        if (user is null)
        {
            Errors.AddRange(errors.Select(e => e.StartsWith("office.", StringComparison.Ordinal) ? texts[e] : e));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            await audit.RecordAsync("user-created", "user", user.Id, $"{user.Email} as {Role}");
            CreatedEmail = user.Email;
            CreatedPassword = password; // shown once for the admin to pass on; the user changes it
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostSetRoleAsync()
    {
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        if (user is null || Role is null || !Roles.All.Contains(Role))
        {
            Errors.Add(texts["office.users.badRole"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync();
            return Page();
        }
        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, Role);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync("user-role-changed", "user", user.Id, $"{user.Email} is now {Role}");
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostLockAsync() => await SetLockAsync(true);

    public async Task<IActionResult> OnPostUnlockAsync() => await SetLockAsync(false);

    private async Task<IActionResult> SetLockAsync(bool locked)
    {
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        if (user is not null && user.Id != users.GetUserId(User))
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
            await users.ResetAccessFailedCountAsync(user);
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(locked ? "user-locked" : "user-unlocked", "user", user.Id, user.Email);
        }
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

/// <summary>Creating a user the same way from the office and from the command line.</summary>
public static class UserAccounts
{
    public static async Task<(UuUser? User, string? Password, IReadOnlyList<string> Errors)> CreateAsync(UserManager<UuUser> users, TimeProvider clock, string? email, string? role)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal) || email.Length > 256)
        {
            return (null, null, ["office.users.badEmail"]);
        }
        if (role is null || !Roles.All.Contains(role))
        {
            return (null, null, ["office.users.badRole"]);
        }
        // A random 20-character password the user is asked to change.
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y');
        var user = new UuUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, null, created.Errors.Select(e => e.Description).ToList());
        }
        await users.AddToRoleAsync(user, role);
        return (user, password, []);
    }
}
