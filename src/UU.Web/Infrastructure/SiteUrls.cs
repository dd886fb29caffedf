using Microsoft.Extensions.Options;

namespace UU.Web.Infrastructure;

/// <summary>
/// Absolute URLs for canonical links, sitemap, feeds and structured data: from Site:PublicBaseUrl, or (when that is
/// empty, as on a developer's machine) from the first address the server listens on. Never from the request's Host
/// header: anyone can send one, and a cached page or a feed would hand their host to every later reader.
/// </summary>
public sealed class SiteUrls(IOptions<SiteOptions> options, IConfiguration configuration, IHttpContextAccessor accessor)
{
    public string BaseUrl
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
            {
                return options.Value.PublicBaseUrl.TrimEnd('/');
            }
            var listening = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            if (listening is null)
            {
                return "http://localhost:5080";
            }
            // A wildcard binding ("http://+:8080", "http://0.0.0.0:8080") names no host: the machine itself.
            return listening.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal).TrimEnd('/');
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
