using System.Globalization;
using Microsoft.AspNetCore.Identity;
using UU.Web.Features.Accounts;
using UU.Web.Features.Audit;

namespace UU.Web.Features.Cli;

/// <summary>
/// <c>create-token EMAIL [NAME]</c>: prints a personal API token, alone on standard output so that a script can
/// capture it; the note on how to use it goes to standard error.
/// </summary>
public sealed class CreateTokenVerb(UserManager<UuUser> users, ApiTokens tokens, AuditTrail audit)
{
    public const string DefaultName = "command line";

    public async Task<int> RunAsync(CliConsole console, string email, string? name, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await console.ErrorLineAsync($"No user with the email {email}; create one with create-user first.");
            return CommandLine.InvalidInput;
        }
        var (token, secret) = await tokens.CreateAsync(user, string.IsNullOrWhiteSpace(name) ? DefaultName : name, cancellationToken);
        await audit.RecordAsync("token-created", "token", token.Id.ToString(CultureInfo.InvariantCulture), token.Name + " (command line)", user: user, cancellationToken: cancellationToken);
        await console.WriteLineAsync(secret);
        await console.ErrorLineAsync($"Token for {user.Email}: send it as 'Authorization: Bearer <token>'. It is shown once; revoke it under /office/konto.");
        return 0;
    }
}
