using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using UU.Web.Features.Content;
using UU.Web.Features.Inquiries;
using UU.Web.Localization;

namespace UU.Web.Infrastructure;

public static class SiteSetup
{
    /// <summary>The static text assets that are sent compressed (<c>Accept-Encoding: br</c> or <c>gzip</c>).</summary>
    private static readonly string[] CompressedTypes = ["text/css", "text/javascript", "application/javascript", "image/svg+xml"];

    /// <summary>The folders of the web root that hold them; pages and API answers do not pass the compression at all.</summary>
    private static bool IsCompressibleAsset(PathString path) =>
        path.StartsWithSegments("/css", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/js", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/img", StringComparison.OrdinalIgnoreCase) || path.Value is "/favicon.svg";

    /// <summary>How long a browser keeps an asset without a version in its address: fonts rarely change, images and icons may at a deploy.</summary>
    private static string? UnversionedCaching(PathString path) =>
        path.StartsWithSegments("/fonts", StringComparison.OrdinalIgnoreCase) ? "public, max-age=2592000"
        : path.StartsWithSegments("/img", StringComparison.OrdinalIgnoreCase) || path.Value is "/favicon.ico" or "/favicon.svg" or "/apple-touch-icon.png" ? "public, max-age=86400"
        : null;

    public static IServiceCollection AddSite(this IServiceCollection services)
    {
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.HasValidBaseUrl, "Site:PublicBaseUrl must be an absolute http or https URL, or empty.")
            .ValidateOnStart();
        services.AddSingleton<Texts>();
        services.AddHttpContextAccessor();
        services.AddApiProblems();
        services.AddSingleton(typeof(Scoped<>));
        services.AddSingleton(typeof(Scoped<,>));
        services.AddScoped<SiteUrls>();
        // Stylesheets, scripts and SVG only: pages are left uncompressed, since a compressed page that carries an
        // antiforgery token beside text from the address is what BREACH reads secrets out of.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = CompressedTypes;
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        // Each feature keeps its pages in its own folder (public pages at its root, back-office pages in Office/).
        services.AddRazorPages(o => o.RootDirectory = "/Features");
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "uu.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Texts.SupportedCultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture("sv");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // English under /en; elsewhere Swedish unless the visitor chose English: the browser's Accept-Language is deliberately not consulted.
            o.RequestCultureProviders = [new LanguagePaths.CultureProvider(), new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section)
            .Validate(o => o.KnownProxies.All(p => System.Net.IPAddress.TryParse(p, out _)), "Proxy:KnownProxies must list IP addresses.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ProxyOptions>>((o, proxy) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var address in proxy.Value.KnownProxies)
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(address));
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // No "Server: Kestrel" on every answer: it tells a scanner what to try.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(RateLimits.Partition);
            o.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                if (ApiProblems.IsApi(context.HttpContext))
                {
                    return; // the 429 gets its ProblemDetails from the status code pages (UseSite)
                }
                var texts = context.HttpContext.RequestServices.GetRequiredService<Texts>();
                response.ContentType = "text/plain; charset=utf-8";
                var key = context.HttpContext.Request.Path.StartsWithSegments(RateLimits.SignInPath, StringComparison.OrdinalIgnoreCase) ? "office.login.rateLimited" : "inquiry.rateLimited";
                await response.WriteAsync(texts[key], cancellationToken);
            };
        });
        return services;
    }

    public static WebApplication UseSite(this WebApplication app)
    {
        // An exception under /api is answered by ApiExceptionHandler (ProblemDetails); elsewhere by the error page.
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/fel");
        }
        else
        {
            app.UseWhen(ApiProblems.IsApi, api => api.UseExceptionHandler());
        }
        app.UseStatusCodePagesWithReExecute("/fel/{0}");
        // Inside the error page's handler: an /api status without a body gets its ProblemDetails here first.
        app.UseWhen(ApiProblems.IsApi, api => api.UseStatusCodePages(c => ApiProblems.WriteStatusAsync(c.HttpContext)));
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts(); // only on answers over https (directly or through a known proxy)
        }
        app.UseContentRedirects();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            if (PersonalData.IsPersonal(context.Request.Path))
            {
                // Set when the answer starts, so no endpoint's own caching header can loosen it.
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = "no-store";
                    context.Response.Headers.Pragma = "no-cache";
                    return Task.CompletedTask;
                });
            }
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";
            await next(context);
        });
        app.UseLanguagePaths();
        app.UseRequestLocalization();
        app.UseWhen(context => IsCompressibleAsset(context.Request.Path), branch => branch.UseResponseCompression());
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = ctx =>
            {
                // Assets are referenced with asp-append-version, so a changed file gets a new URL.
                if (ctx.Context.Request.Query.ContainsKey("v"))
                {
                    ctx.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                }
                else if (UnversionedCaching(ctx.Context.Request.Path) is { } caching)
                {
                    ctx.Context.Response.Headers.CacheControl = caching;
                }
            },
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapSite(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapGet("/sprak/{culture}", (string culture, string? returnUrl, HttpContext context, TimeProvider clock) =>
        {
            var chosen = Texts.SupportedCultures.Contains(culture, StringComparer.OrdinalIgnoreCase) ? culture.ToLowerInvariant() : "sv";
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            var target = !string.IsNullOrEmpty(returnUrl) && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                ? returnUrl
                : "/";
            return TypedResults.LocalRedirect(target);
        });
        return app;
    }
}
