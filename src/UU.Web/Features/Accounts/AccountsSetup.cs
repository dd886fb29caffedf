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
/// The authorization policies. Everything under /office needs <see cref="Office"/> (one convention, see
/// Features/Office); a feature whose pages fewer roles may see puts a narrower policy on its Office folder.
/// </summary>
public static class Policies
{
    /// <summary>Any office role (not <see cref="Roles.DepartmentStaff"/>).</summary>
    public const string Office = "Office";
    /// <summary>Any signed-in role, the departments' staff included: the staff section under /personal, one's own account.</summary>
    public const string SignedIn = "SignedIn";
    /// <summary>Marketing: pages, stories, modules, courses, subjects' texts, media.</summary>
    public const string Editors = "Editors";
    /// <summary>The support's coordinators (and admins): inquiries, clients, sources, statistics.</summary>
    public const string Coordinators = "Coordinators";
    /// <summary>Everyone who works with some leads: coordinators, admins and subject contact persons.</summary>
    public const string LeadWorkers = "LeadWorkers";
    /// <summary>Everyone who works with or reads some cases: coordinators, admins, subject contacts, faculty offices.</summary>
    public const string CaseWorkers = "CaseWorkers";
    /// <summary>The agreements register: coordinators and admins keep it, faculty offices read their faculty's agreements.</summary>
    public const string AgreementReaders = "AgreementReaders";
    public const string Admins = "Admins";
    /// <summary>Coordinators' JSON: the office cookie or a personal API token.</summary>
    public const string CoordinatorApi = "CoordinatorApi";
    /// <summary>The cases' JSON: coordinators and admins, and subject contacts for their subjects' cases; cookie or token.</summary>
    public const string CaseApi = "CaseApi";
}

public static class AccountsSetup
{
    /// <summary>The signed-in office user's chosen language, for a request under /office; otherwise undecided.</summary>
    private static async Task<Microsoft.AspNetCore.Localization.ProviderCultureResult?> OfficeLanguageAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/office", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        // Localisation runs before authentication in the pipeline; the handler keeps this result for the request, so the
        // cookie is read once.
        var signedIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (signedIn.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return null;
        }
        var db = context.RequestServices.GetRequiredService<UuDbContext>();
        var language = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Language).FirstOrDefaultAsync(context.RequestAborted);
        return language is not null && UserLanguages.All.Contains(language) ? new Microsoft.AspNetCore.Localization.ProviderCultureResult(language) : null;
    }

    public static IServiceCollection AddAccounts(this IServiceCollection services)
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
                // Counts wrong authenticator codes only (after the right password): wrong passwords lock an address
                // out of an account, not the account (see SignInGuard).
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
            .AddPolicy(Policies.Office, p => p.RequireRole(Roles.Office))
            .AddPolicy(Policies.SignedIn, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.Editors, p => p.RequireRole(Roles.Editor, Roles.Admin))
            .AddPolicy(Policies.Coordinators, p => p.RequireRole(Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.LeadWorkers, p => p.RequireRole(Roles.Coordinator, Roles.Admin, Roles.SubjectContact))
            .AddPolicy(Policies.CaseWorkers, p => p.RequireRole(Roles.Coordinator, Roles.Admin, Roles.SubjectContact, Roles.FacultyOffice))
            .AddPolicy(Policies.AgreementReaders, p => p.RequireRole(Roles.Coordinator, Roles.Admin, Roles.FacultyOffice))
            .AddPolicy(Policies.Admins, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.CaseApi, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, BearerTokenHandler.SchemeName)
                .RequireRole(Roles.Coordinator, Roles.Admin, Roles.SubjectContact))
            .AddPolicy(Policies.CoordinatorApi, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, BearerTokenHandler.SchemeName)
                .RequireRole(Roles.Coordinator, Roles.Admin));
        services.AddScoped<ApiTokens>();
        services.AddSingleton<SignInGuard>();
        services.AddSingleton<DummyPassword>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<IDatabaseStartupTask, IdentityBootstrapper>();
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
        {
            o.Conventions.AllowAnonymousToPage("/Accounts/Office/Login");
            o.Conventions.AuthorizePage("/Accounts/Office/Users", Policies.Admins);
        });
        // The office speaks the language its user chose under /office/konto (the same choice as their e-mail), whatever the
        // public site's language cookie says.
        services.Configure<Microsoft.AspNetCore.Builder.RequestLocalizationOptions>(o =>
            o.RequestCultureProviders.Insert(0, new Microsoft.AspNetCore.Localization.CustomRequestCultureProvider(OfficeLanguageAsync)));
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
