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

namespace UU.Web.Features.Office;

public static class OfficeSetup
{
    public const string OfficePolicy = "Office";
    public const string CoordinatorApiPolicy = "CoordinatorApi";
    public const string ApiSchemes = "Identity.Application," + BearerTokenHandler.SchemeName;

    public static IServiceCollection AddOffice(this IServiceCollection services)
    {
        services.AddIdentity<UuUser, IdentityRole>(o =>
            {
                // Length over composition rules (NIST SP 800-63B): at least 12 characters, anything allowed.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<UuDbContext>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "uu.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the site is served over HTTPS (as in production behind TLS).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/office/logga-in";
            o.LogoutPath = "/office/logga-ut";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            // A signed-in user without the role gets 403 (the error page explains), not a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // Every request re-checks the security stamp, so "sign out everywhere" and role changes act at once.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddDataProtection().SetApplicationName("UU").PersistKeysToDbContext<UuDbContext>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(OfficePolicy, p => p.RequireRole(Roles.All))
            .AddPolicy(CoordinatorApiPolicy, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, BearerTokenHandler.SchemeName)
                .RequireRole(Roles.Coordinator, Roles.Admin));
        services.AddScoped<Audit>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<IdentityBootstrapper>();
        services.AddScoped<InquiryList>();
        services.AddScoped<ModuleEditing>();
        services.AddSingleton<UU.Web.Features.Content.RichText>();
        services.AddScoped<UU.Web.Features.Content.ContentService>();
        services.AddScoped<UU.Web.Features.Content.ContentRenderer>();
        services.AddScoped<UU.Web.Features.Content.PublishedContent>();
        return services;
    }

    private static Task ApiAware(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Records an audit entry; callers save it with their own change, or it is saved at once.</summary>
public sealed class Audit(UuDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    /// <summary>Records an action on its own (sign-ins, refusals): saved at once.</summary>
    public async Task RecordAsync(string action, string? entityType = null, string? entityId = null, string? details = null, UuUser? user = null, string? email = null, CancellationToken cancellationToken = default)
    {
        Add(action, entityType, entityId, details, user, email);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds the entry to the caller's unit of work: it is saved with the change it describes, or not at all.</summary>
    public void Add(string action, string? entityType = null, string? entityId = null, string? details = null, UuUser? user = null, string? email = null)
    {
        var context = http.HttpContext;
        var principal = context?.User;
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = user?.Id ?? principal?.FindFirstValue(ClaimTypes.NameIdentifier),
            UserEmail = user?.Email ?? email ?? principal?.FindFirstValue(ClaimTypes.Email) ?? principal?.Identity?.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details is { Length: > 1900 } ? details[..1900] : details,
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
        });
    }
}

/// <summary>Creates, verifies and revokes personal API tokens. A token is "uu_" + 40 random characters; only its SHA-256 is kept.</summary>
public sealed class ApiTokens(UuDbContext db, TimeProvider clock)
{
    public async Task<(ApiToken Token, string Secret)> CreateAsync(UuUser user, string name, CancellationToken cancellationToken)
    {
        var secret = "uu_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', 'A').Replace('/', 'B').TrimEnd('=');
        var token = new ApiToken
        {
            UserId = user.Id,
            Name = string.IsNullOrWhiteSpace(name) ? "token" : name.Trim()[..Math.Min(100, name.Trim().Length)],
            Prefix = secret[..10],
            Hash = Hash(secret),
            CreatedAt = clock.GetUtcNow(),
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
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            secret = header["Bearer ".Length..].Trim();
        }
        else if (Request.Path == OfficeApi.LeadFeedPath && Request.Query["token"] is [{ Length: > 0 } fromQuery])
        {
            // Feed readers cannot send headers: the private lead feed alone takes the personal token in its address.
            secret = fromQuery.Trim();
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
        if (token is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked token.");
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

/// <summary>Creates the roles, and the first admin from UU_ADMIN_EMAIL / UU_ADMIN_PASSWORD when no such user exists.</summary>
public sealed partial class IdentityBootstrapper(
    RoleManager<IdentityRole> roles,
    UserManager<UuUser> users,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<IdentityBootstrapper> logger)
{
    public async Task RunAsync()
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
