using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UU.Web.Features.Audit;

namespace UU.Web.Features.Accounts;

/// <summary>Creating a user the same way from the office and from the command line.</summary>
public static class UserAccounts
{
    /// <summary>The new user and their first password, or the problems (text keys starting "office.", or Identity's own descriptions).</summary>
    /// <param name="facultyId">For a <see cref="Roles.FacultyOffice"/> user, the faculty whose cases and agreements they read.</param>
    public static async Task<(UuUser? User, string? Password, IReadOnlyList<string> Errors)> CreateAsync(UserManager<UuUser> users, TimeProvider clock, string? email, string? role, int? facultyId = null)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal) || email.Length > 256)
        {
            return (null, null, ["office.users.badEmail"]);
        }
        if (role is null || !Roles.All.Contains(role))
        {
            return (null, null, ["office.users.badRole"]);
        }
        if (facultyId is not null && role != Roles.FacultyOffice)
        {
            return (null, null, ["office.users.facultyOnlyForFacultyOffice"]);
        }
        // A random 20-character password the user is asked to change.
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y');
        var user = new UuUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, CreatedAt = clock.GetUtcNow(), FacultyId = facultyId };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, null, created.Errors.Select(e => e.Description).ToList());
        }
        await users.AddToRoleAsync(user, role);
        return (user, password, []);
    }
}

/// <summary>
/// What admins do to users in the office: create them, give them their one role, lock and unlock them. Each change
/// ends the user's other sessions (the security stamp changes) and is audited.
/// </summary>
public sealed class UserAdministration(UserManager<UuUser> users, UU.Web.Data.UuDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Creates the user with their role and a first password (see <see cref="UserAccounts.CreateAsync"/>), audited.</summary>
    public async Task<(UuUser? User, string? Password, IReadOnlyList<string> Errors)> CreateAsync(string? email, string? role, int? facultyId, CancellationToken cancellationToken)
    {
        if (facultyId is { } faculty && !await db.Faculties.AnyAsync(f => f.Id == faculty, cancellationToken))
        {
            return (null, null, ["office.users.badFaculty"]);
        }
        var created = await UserAccounts.CreateAsync(users, clock, email, role, facultyId);
        if (created.User is { } user)
        {
            await audit.RecordAsync("user-created", "user", user.Id, $"{user.Email} as {role}", cancellationToken: cancellationToken);
        }
        return created;
    }

    /// <summary>Gives the user this one role; false when there is no such user or role.</summary>
    public async Task<bool> SetRoleAsync(string? userId, string? role, CancellationToken cancellationToken)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || role is null || !Roles.All.Contains(role))
        {
            return false;
        }
        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync("user-role-changed", "user", user.Id, $"{user.Email} is now {role}", cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>
    /// Gives a faculty office user the faculty whose cases and agreements they read (null: none, they see nothing);
    /// false when there is no such user or faculty, or the user is not a faculty office.
    /// </summary>
    public async Task<bool> SetFacultyAsync(string? userId, int? facultyId, CancellationToken cancellationToken)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || !await users.IsInRoleAsync(user, Roles.FacultyOffice))
        {
            return false;
        }
        var faculty = facultyId is { } id ? await db.Faculties.Where(f => f.Id == id).Select(f => f.NameSv).FirstOrDefaultAsync(cancellationToken) : null;
        if (facultyId is not null && faculty is null)
        {
            return false;
        }
        user.FacultyId = facultyId;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync("user-faculty-changed", "user", user.Id, $"{user.Email} reads {faculty ?? "no faculty"}", cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>Locks the user out (for good, until unlocked) or lets them in again; nobody locks themselves out.</summary>
    public async Task<bool> SetLockedAsync(string? userId, bool locked, string? byUserId, CancellationToken cancellationToken)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || user.Id == byUserId)
        {
            return false;
        }
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(locked ? "user-locked" : "user-unlocked", "user", user.Id, user.Email, cancellationToken: cancellationToken);
        return true;
    }
}
