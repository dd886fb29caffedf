using Microsoft.AspNetCore.Identity;
using UU.Web.Features.Accounts;
using UU.Web.Features.Accounts.Office;
using UU.Web.Features.Audit;
using UU.Web.Localization;

namespace UU.Web.Features.Cli;

/// <summary><c>create-user EMAIL ROLE</c>: adds an office user and prints a temporary password once.</summary>
public sealed class CreateUserVerb(UserManager<UuUser> users, TimeProvider clock, Texts texts, AuditTrail audit)
{
    public async Task<int> RunAsync(CliConsole console, string email, string roleName)
    {
        var role = Roles.All.FirstOrDefault(r => r.Equals(roleName, StringComparison.OrdinalIgnoreCase));
        var (user, password, errors) = await UserAccounts.CreateAsync(users, clock, email, role);
        if (user is null)
        {
            foreach (var error in errors)
            {
                await console.ErrorLineAsync(error.StartsWith("office.", StringComparison.Ordinal) ? texts[error] : error);
            }
            await console.ErrorLineAsync($"No user was created (ROLE is one of {string.Join(", ", Roles.All)}).");
            return CommandLine.InvalidInput;
        }
        await audit.RecordAsync("user-created", "user", user.Id, $"{user.Email} as {role} (command line)", email: "cli");
        await console.WriteLineAsync($"Created {user.Email} with the role {role}.");
        await console.WriteLineAsync($"Temporary password (shown once; the user changes it under /office/konto): {password}");
        return 0;
    }
}
