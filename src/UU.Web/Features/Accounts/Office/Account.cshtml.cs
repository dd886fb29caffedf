using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Localization;
using UU.Web.Features.Audit;

namespace UU.Web.Features.Accounts.Office;

public sealed class AccountModel(UserManager<UuUser> users, SignInManager<UuUser> signIn, ApiTokens tokens, UuDbContext db, AuditTrail audit, Texts texts, TimeProvider clock) : PageModel
{
    public UuUser CurrentUser { get; private set; } = null!;
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];
    public bool TwoFactorEnabled { get; private set; }
    public string? AuthenticatorKey { get; private set; }
    public string? NewTokenSecret { get; private set; }
    public bool NewTokenIsFeed { get; private set; }
    public string? Message { get; private set; }
    public List<string> Errors { get; } = [];

    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? TokenName { get; set; }
    [BindProperty] public int TokenId { get; set; }
    /// <summary>The new token's expiry in days (one of <see cref="ApiTokens.ExpiryDays"/>; 0: none).</summary>
    [BindProperty] public int ExpiresInDays { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Language { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        await LoadAsync();
        var result = await users.ChangePasswordAsync(CurrentUser, CurrentPassword ?? "", NewPassword ?? "");
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Description));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await audit.RecordAsync("password-changed", "user", CurrentUser.Id, user: CurrentUser);
        await signIn.RefreshSignInAsync(CurrentUser);
        Message = texts["office.account.passwordChanged"];
        return Page();
    }

    /// <summary>The language of the e-mail this user gets (new inquiries, leads, digests).</summary>
    public async Task<IActionResult> OnPostLanguageAsync(CancellationToken cancellationToken)
    {
        await LoadAsync();
        var chosen = Language?.Trim().ToLowerInvariant();
        if (chosen is null || !UserLanguages.All.Contains(chosen))
        {
            Errors.Add(texts["office.account.languageUnknown"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (chosen != CurrentUser.Language)
        {
            CurrentUser.Language = chosen;
            var result = await users.UpdateAsync(CurrentUser);
            if (!result.Succeeded)
            {
                Errors.AddRange(result.Errors.Select(e => e.Description));
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
            await audit.RecordAsync("language-changed", "user", CurrentUser.Id, chosen, user: CurrentUser, cancellationToken: cancellationToken);
        }
        Message = texts["office.account.languageSaved"];
        return Page();
    }

    /// <summary>Ends every other session: the security stamp changes, and every request checks it.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        await LoadAsync();
        await users.UpdateSecurityStampAsync(CurrentUser);
        await audit.RecordAsync("signed-out-everywhere", "user", CurrentUser.Id, user: CurrentUser);
        await signIn.SignOutAsync();
        return Redirect("/office/logga-in");
    }

    public Task<IActionResult> OnPostCreateTokenAsync(CancellationToken cancellationToken) => CreateAsync(TokenKinds.Api, cancellationToken);

    /// <summary>A token for a feed reader: it opens the private lead feed and nothing else.</summary>
    public Task<IActionResult> OnPostCreateFeedTokenAsync(CancellationToken cancellationToken) => CreateAsync(TokenKinds.Feed, cancellationToken);

    private async Task<IActionResult> CreateAsync(string kind, CancellationToken cancellationToken)
    {
        await LoadAsync();
        if (!ApiTokens.ExpiryDays.Contains(ExpiresInDays))
        {
            Errors.Add(texts["office.account.tokenExpiryUnknown"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        DateTimeOffset? expires = ExpiresInDays == 0 ? null : clock.GetUtcNow().AddDays(ExpiresInDays);
        var (token, secret) = await tokens.CreateAsync(CurrentUser, TokenName ?? "", cancellationToken, kind, expires);
        await audit.RecordAsync(kind == TokenKinds.Feed ? "feed-token-created" : "token-created", "token", token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), token.Name, user: CurrentUser, cancellationToken: cancellationToken);
        NewTokenSecret = secret; // shown this once; only the hash is stored
        NewTokenIsFeed = kind == TokenKinds.Feed;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(CancellationToken cancellationToken)
    {
        await LoadAsync();
        if (await tokens.RevokeAsync(CurrentUser.Id, TokenId, cancellationToken))
        {
            await audit.RecordAsync("token-revoked", "token", TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture), user: CurrentUser, cancellationToken: cancellationToken);
            Message = texts["office.account.tokenRevoked"];
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostStartTwoFactorAsync()
    {
        await LoadAsync();
        await users.ResetAuthenticatorKeyAsync(CurrentUser);
        // A new key changes the security stamp, which every request checks: renew this session's cookie, or the
        // next request (typing the first code) would find the user signed out.
        await signIn.RefreshSignInAsync(CurrentUser);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostEnableTwoFactorAsync()
    {
        await LoadAsync();
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(CurrentUser, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Errors.Add(texts["office.login.wrongCode"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(CurrentUser, true);
        await audit.RecordAsync("two-factor-enabled", "user", CurrentUser.Id, user: CurrentUser);
        await signIn.RefreshSignInAsync(CurrentUser);
        await LoadAsync();
        Message = texts["office.account.twoFactorOn"];
        return Page();
    }

    /// <summary>Turning the second factor off is what a stolen session would do first: it takes the password or a code again.</summary>
    public async Task<IActionResult> OnPostDisableTwoFactorAsync()
    {
        await LoadAsync();
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var confirmed = (!string.IsNullOrEmpty(CurrentPassword) && CurrentPassword.Length <= 512 && await users.CheckPasswordAsync(CurrentUser, CurrentPassword))
            || (code.Length is > 0 and <= 10 && await users.VerifyTwoFactorTokenAsync(CurrentUser, users.Options.Tokens.AuthenticatorTokenProvider, code));
        if (!confirmed)
        {
            await audit.RecordAsync("two-factor-disable-refused", "user", CurrentUser.Id, user: CurrentUser);
            Errors.Add(texts["office.account.twoFactorOffConfirm"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(CurrentUser, false);
        await audit.RecordAsync("two-factor-disabled", "user", CurrentUser.Id, user: CurrentUser);
        await signIn.RefreshSignInAsync(CurrentUser);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        CurrentUser = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == CurrentUser.Id).OrderByDescending(t => t.Id).ToListAsync();
        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(CurrentUser);
        AuthenticatorKey = TwoFactorEnabled ? null : await users.GetAuthenticatorKeyAsync(CurrentUser);
    }
}
