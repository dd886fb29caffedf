using System.ComponentModel.DataAnnotations;

namespace UU.Web.Infrastructure;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for the SQLite file, the search index, media, mail pickup and snapshots. Relative paths are under the content root.</summary>
    [Required]
    public string DataPath { get; set; } = "data";
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>From ConnectionStrings:UU; required for Postgres, optional for Sqlite (default: uu.db in the data folder).</summary>
    public string? ConnectionString { get; set; }
}

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Seed demo content into an empty database.</summary>
    public bool Demo { get; set; } = true;

    /// <summary>With <see cref="Demo"/>: also the demo history of cases 2022–2025 (off where a test needs an empty case history).</summary>
    public bool DemoCases { get; set; } = true;
}

public sealed class SiteOptions
{
    public const string Section = "Site";

    [Required]
    public string OrganisationName { get; set; } = "Mellannorrlands universitet";

    /// <summary>Absolute base URL used in canonical links, sitemap, feeds and JSON-LD; when empty the first address the server listens on (never the request's Host header).</summary>
    public string? PublicBaseUrl { get; set; }

    public bool HasValidBaseUrl =>
        string.IsNullOrWhiteSpace(PublicBaseUrl) ||
        (Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
}

/// <summary>How many requests one client address may make before the site answers 429 (per minute).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Requests to /api/search and /api/suggest per client address and minute.</summary>
    [Range(1, 1_000_000)]
    public int SearchPerMinute { get; set; } = 120;

    /// <summary>Sign-in attempts (POSTs of the sign-in form) per client address and minute.</summary>
    [Range(1, 1_000_000)]
    public int SignInPerMinute { get; set; } = 10;
}

/// <summary>The site behind a reverse proxy that terminates TLS.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>
    /// Addresses of the reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (the client's address
    /// for rate limits, https for HSTS and Secure cookies). Loopback is always trusted; headers from anyone else are ignored.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];
}
