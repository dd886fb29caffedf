using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Localization;
using UU.Web.Features.Audit;

namespace UU.Web.Features.Accounts.Office;

public sealed class LoginModel(SignInManager<UuUser> signIn, UserManager<UuUser> users, SignInGuard guard, DummyPassword dummy, AuditTrail audit, Texts texts) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    private const string StaffHome = Staff.StaffSetup.Home;

    public bool AskForCode { get; private set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password) || Email.Length > 256 || Password.Length > 512)
        {
            Error = texts["office.login.missing"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is null)
        {
            // As long as a known address with a wrong password: the answer's time does not tell which addresses have accounts.
            dummy.Verify(users.PasswordHasher, Password);
            await audit.RecordAsync("sign-in-failed", email: Email.Trim(), details: "unknown email");
            return Failed(texts["office.login.wrong"]);
        }
        var address = HttpContext.Connection.RemoteIpAddress;
        if (guard.IsLockedOut(address, user.Id))
        {
            dummy.Verify(users.PasswordHasher, Password);
            await audit.RecordAsync("sign-in-failed", user: user, details: "locked out from this address");
            return Failed(texts["office.login.locked"]);
        }
        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: false);
        if (!result.Succeeded && !result.RequiresTwoFactor && !result.IsLockedOut && !result.IsNotAllowed && guard.Failed(address, user.Id))
        {
            await audit.RecordAsync("sign-in-failed", user: user, details: "wrong password; this address is now locked out of the account");
            return Failed(texts["office.login.locked"]);
        }
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            guard.Succeeded(address, user.Id);
        }
        if (result.RequiresTwoFactor)
        {
            AskForCode = true;
            return Page();
        }
        return await CompleteAsync(result, user);
    }

    public async Task<IActionResult> OnPostCodeAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Failed(texts["office.login.expired"]);
        }
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (!result.Succeeded && !result.IsLockedOut)
        {
            AskForCode = true;
            await audit.RecordAsync("sign-in-failed", user: user, details: "wrong authenticator code");
            Error = texts["office.login.wrongCode"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return await CompleteAsync(result, user);
    }

    private async Task<IActionResult> CompleteAsync(Microsoft.AspNetCore.Identity.SignInResult result, UuUser user)
    {
        if (result.Succeeded)
        {
            await audit.RecordAsync("sign-in", user: user);
            var home = await users.IsInRoleAsync(user, Roles.DepartmentStaff) ? StaffHome : "/office";
            var allowed = Url.IsLocalUrl(ReturnUrl) && (ReturnUrl!.StartsWith("/office", StringComparison.Ordinal) || ReturnUrl.StartsWith(StaffHome, StringComparison.Ordinal));
            return LocalRedirect(allowed ? ReturnUrl! : home);
        }
        if (result.IsLockedOut)
        {
            await audit.RecordAsync("sign-in-failed", user: user, details: "locked out");
            return Failed(texts["office.login.locked"]);
        }
        await audit.RecordAsync("sign-in-failed", user: user, details: "wrong password");
        return Failed(texts["office.login.wrong"]);
    }

    private PageResult Failed(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
