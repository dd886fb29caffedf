using Microsoft.AspNetCore.Identity;
using UU.Web.Data;

namespace UU.Web.Features.Accounts;

/// <summary>Creates the roles, and the first admin from UU_ADMIN_EMAIL / UU_ADMIN_PASSWORD when no such user exists.</summary>
public sealed partial class IdentityBootstrapper(
    RoleManager<IdentityRole> roles,
    UserManager<UuUser> users,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<IdentityBootstrapper> logger) : IDatabaseStartupTask
{
    public async Task RunAsync(UuDbContext db, CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        var email = configuration["UU_ADMIN_EMAIL"];
        var password = configuration["UU_ADMIN_PASSWORD"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || await users.FindByEmailAsync(email) is not null)
        {
            return;
        }
        var user = new UuUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("UU_ADMIN_PASSWORD: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, Roles.Admin);
        LogAdminCreated(logger, email);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first admin {Email} from UU_ADMIN_EMAIL")]
    private static partial void LogAdminCreated(ILogger logger, string email);
}
