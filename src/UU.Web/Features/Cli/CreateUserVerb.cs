using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Accounts.Office;
using UU.Web.Features.Audit;
using UU.Web.Localization;

namespace UU.Web.Features.Cli;

/// <summary><c>create-user EMAIL ROLE [--faculty NAME]</c>: adds an office user and prints a temporary password once.</summary>
public sealed class CreateUserVerb(UserManager<UuUser> users, UuDbContext db, TimeProvider clock, Texts texts, AuditTrail audit)
{
    public async Task<int> RunAsync(CliConsole console, string email, string roleName, string? facultyName, CancellationToken cancellationToken)
    {
        var role = Roles.All.FirstOrDefault(r => r.Equals(roleName, StringComparison.OrdinalIgnoreCase));
        int? facultyId = null;
        if (!string.IsNullOrWhiteSpace(facultyName))
        {
            var faculties = await db.Faculties.AsNoTracking().Select(f => new { f.Id, f.NameSv, f.NameEn }).ToListAsync(cancellationToken);
            var name = facultyName.Trim();
            facultyId = faculties.FirstOrDefault(f => string.Equals(f.NameSv, name, StringComparison.OrdinalIgnoreCase) || string.Equals(f.NameEn, name, StringComparison.OrdinalIgnoreCase))?.Id;
            if (facultyId is null)
            {
                await console.ErrorLineAsync($"There is no faculty '{name}' (faculties: {string.Join(", ", faculties.Select(f => f.NameSv))}). No user was created.");
                return CommandLine.InvalidInput;
            }
        }
        var (user, password, errors) = await UserAccounts.CreateAsync(users, clock, email, role, facultyId);
        if (user is null)
        {
            foreach (var error in errors)
            {
                await console.ErrorLineAsync(error.StartsWith("office.", StringComparison.Ordinal) ? texts[error] : error);
            }
            await console.ErrorLineAsync($"No user was created (ROLE is one of {string.Join(", ", Roles.All)}).");
            return CommandLine.InvalidInput;
        }
        await audit.RecordAsync("user-created", "user", user.Id, $"{user.Email} as {role}{(facultyId is null ? "" : " of " + facultyName!.Trim())} (command line)", email: "cli", cancellationToken: cancellationToken);
        await console.WriteLineAsync($"Created {user.Email} with the role {role}.");
        await console.WriteLineAsync($"Temporary password (shown once; the user changes it under /office/konto): {password}");
        return 0;
    }
}
