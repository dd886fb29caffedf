using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using UU.Web.Features.Inquiries;

namespace UU.Web.Infrastructure;

/// <summary>
/// The per-client-address limits of the site: inquiries sent (per hour), searches and suggestions, sign-in attempts
/// (per minute). Everything else is unlimited. The address is the connection's, or the client's as a known proxy forwards it.
/// </summary>
public static class RateLimits
{
    public const string SignInPath = "/office/logga-in";

    public static RateLimitPartition<string> Partition(HttpContext context)
    {
        var request = context.Request;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments(InquiryRoutes.Form, StringComparison.OrdinalIgnoreCase))
        {
            var limits = context.RequestServices.GetRequiredService<IOptions<InquiryOptions>>().Value;
            return Window("inquiry:" + address, limits.RateLimitPerHour, TimeSpan.FromHours(1));
        }
        if (request.Path.StartsWithSegments("/api/search", StringComparison.OrdinalIgnoreCase) ||
            request.Path.StartsWithSegments("/api/suggest", StringComparison.OrdinalIgnoreCase))
        {
            var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
            return Window("search:" + address, limits.SearchPerMinute, TimeSpan.FromMinutes(1));
        }
        if (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments(SignInPath, StringComparison.OrdinalIgnoreCase))
        {
            var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
            return Window("sign-in:" + address, limits.SignInPerMinute, TimeSpan.FromMinutes(1));
        }
        return RateLimitPartition.GetNoLimiter("unlimited");
    }

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
}

/// <summary>The addresses whose answers carry personal data: never stored by a browser or a proxy (Cache-Control: no-store).</summary>
public static class PersonalData
{
    private static readonly string[] Prefixes = ["/office", "/api/inquiries", "/api/leads", "/api/agreements", "/api/cases", "/api/statistics", InquiryRoutes.Received];

    public static bool IsPersonal(PathString path) => Prefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
        || path.Value?.StartsWith("/api/leads.", StringComparison.OrdinalIgnoreCase) == true;
}
