using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UU.Web.Data;

namespace UU.Web.Features.Accounts;

/// <summary>
/// Creates, verifies and revokes personal tokens: API tokens ("uu_" + 40 random characters) and feed tokens ("uuf_" +
/// 40), each with an optional expiry. Only a token's SHA-256 is kept.
/// </summary>
public sealed class ApiTokens(UuDbContext db, TimeProvider clock)
{
    /// <summary>The expiries the office offers, in days (0: none).</summary>
    public static readonly int[] ExpiryDays = [0, 30, 90, 365];

    public async Task<(ApiToken Token, string Secret)> CreateAsync(UuUser user, string name, CancellationToken cancellationToken, string kind = TokenKinds.Api, DateTimeOffset? expiresAt = null)
    {
        var prefix = kind == TokenKinds.Feed ? "uuf_" : "uu_";
        var secret = prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', 'A').Replace('/', 'B').TrimEnd('=');
        var token = new ApiToken
        {
            UserId = user.Id,
            Name = string.IsNullOrWhiteSpace(name) ? "token" : name.Trim()[..Math.Min(100, name.Trim().Length)],
            Prefix = secret[..10],
            Hash = Hash(secret),
            CreatedAt = clock.GetUtcNow(),
            ExpiresAt = expiresAt,
            Kind = kind,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null, cancellationToken);
        if (token is null)
        {
            return false;
        }
        token.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

/// <summary>Authenticates "Authorization: Bearer uu_…" with a personal token, carrying the owner's roles.</summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    UuDbContext db,
    UserManager<UuUser> users,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        string secret;
        string kind;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            secret = header["Bearer ".Length..].Trim();
            kind = TokenKinds.Api;
        }
        else if (Request.Path == Leads.LeadApi.LeadFeedPath && Request.Query["token"] is [{ Length: > 0 } fromQuery])
        {
            // Feed readers cannot send headers: the private lead feed alone takes a token in its address, and only a
            // feed token, which grants nothing else (an address ends up in logs and reader settings; an API token must not).
            secret = fromQuery.Trim();
            kind = TokenKinds.Feed;
        }
        else
        {
            return AuthenticateResult.NoResult();
        }
        if (secret.Length is < 10 or > 200)
        {
            return AuthenticateResult.Fail("Malformed token.");
        }
        var hash = ApiTokens.Hash(secret);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, Context.RequestAborted);
        if (token is null || token.Kind != kind)
        {
            return AuthenticateResult.Fail("Unknown or revoked token.");
        }
        if (token.ExpiresAt is { } expires && expires <= clock.GetUtcNow())
        {
            return AuthenticateResult.Fail("The token has expired.");
        }
        var user = await users.FindByIdAsync(token.UserId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("The token's user cannot sign in.");
        }
        token.LastUsedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(Context.RequestAborted);
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user.Id), new(ClaimTypes.Name, user.UserName ?? user.Id), new(ClaimTypes.Email, user.Email ?? "") };
        claims.AddRange((await users.GetRolesAsync(user)).Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
