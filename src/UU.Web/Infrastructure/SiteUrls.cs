using Microsoft.Extensions.Options;

namespace UU.Web.Infrastructure;

/// <summary>Absolute URLs for canonical links, sitemap and structured data.</summary>
public sealed class SiteUrls(IOptions<SiteOptions> options, IHttpContextAccessor accessor)
{
    public string BaseUrl
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
            {
                return options.Value.PublicBaseUrl.TrimEnd('/');
            }
            var request = accessor.HttpContext?.Request;
            return request is null ? "http://localhost:5080" : $"{request.Scheme}://{request.Host}";
        }
    }

    /// <summary>The absolute address of a path in the request's language: under /en for an English address.</summary>
    public string Absolute(string path)
    {
        var rooted = path.StartsWith('/') ? path : "/" + path;
        return accessor.HttpContext?.Request is { } request && LanguagePaths.IsEnglish(request) ? English(rooted) : Swedish(rooted);
    }

    public string Swedish(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);

    public string English(string path) => BaseUrl + LanguagePaths.English(path);
}
