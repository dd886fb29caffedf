using Microsoft.AspNetCore.Localization;

namespace UU.Web.Infrastructure;

/// <summary>
/// English has its own addresses: /en/utbildningar is the English page of /utbildningar. The prefix is moved into the
/// request's PathBase, so every page, form and link written as "~/..." works unchanged under it, and the language of a
/// request under /en is English whatever the cookie says. Unprefixed addresses stay Swedish unless the visitor chose
/// English (the cookie), as before.
/// </summary>
public static class LanguagePaths
{
    public const string EnglishPrefix = "/en";

    public static bool IsEnglish(HttpRequest request) =>
        request.PathBase.StartsWithSegments(EnglishPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The English address of a Swedish path: "/" becomes "/en/", "/amnen" becomes "/en/amnen".</summary>
    public static string English(string path) => EnglishPrefix + (path.StartsWith('/') ? path : "/" + path);

    public static WebApplication UseLanguagePaths(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments(EnglishPrefix, StringComparison.OrdinalIgnoreCase, out var matched, out var remaining))
            {
                request.PathBase = request.PathBase.Add(matched);
                request.Path = remaining.HasValue ? remaining : "/";
            }
            return next(context);
        });
        return app;
    }

    /// <summary>English for a request under /en; otherwise undecided, so the query string and the cookie decide.</summary>
    public sealed class CultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            Task.FromResult(IsEnglish(httpContext.Request) ? new ProviderCultureResult("en") : null);
    }
}
