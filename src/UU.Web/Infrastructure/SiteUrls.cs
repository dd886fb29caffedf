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

    public string Absolute(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);
}
