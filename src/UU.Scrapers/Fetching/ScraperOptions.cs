using System.ComponentModel.DataAnnotations;

namespace UU.Scrapers.Fetching;

public sealed class SourceOptions
{
    [Required, Url]
    public string BaseUrl { get; set; } = "";

    /// <summary>Quartz cron expression.</summary>
    public string Schedule { get; set; } = "0 0 6 * * ?";

    public bool Enabled { get; set; } = true;
}

public sealed class ScraperOptions
{
    public const string Section = "Scrapers";

    [Required]
    public string UserAgent { get; set; } = "UU-omvarldsbevakning/1.0 (+mailto:uppdragsutbildning@uu-demo.se)";

    /// <summary>The least time between two requests to one host (robots.txt may ask for more).</summary>
    [Range(0, 600_000)]
    public int MinDelayMilliseconds { get; set; } = 1500;

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// The longest one source's run may take, every page, retry and wait included: a source that keeps a connection open
    /// and trickles its answer (under the attempt timeout and the size cap) is stopped here, and the run says so.
    /// </summary>
    [Range(1, 86_400)]
    public int RunTimeoutSeconds { get; set; } = 900;

    /// <summary>The largest answer read from a source (a page, a JSON result); a larger or endless one fails the run with a message.</summary>
    [Range(1_000, 100_000_000)]
    public long MaxResponseBytes { get; set; } = 5 * 1024 * 1024;

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's backoff; each further retry waits about twice as long (with jitter), unless Retry-After says otherwise.</summary>
    [Range(0, 60_000)]
    public int RetryDelayMilliseconds { get; set; } = 500;

    /// <summary>The longest Retry-After the fetcher will wait for; a longer one fails the request instead.</summary>
    [Range(0, 3600)]
    public int MaxRetryAfterSeconds { get; set; } = 120;

    /// <summary>Folder for raw snapshots (the host sets a default under its data folder).</summary>
    public string SnapshotPath { get; set; } = "";

    [Range(1, 3650)]
    public int SnapshotDays { get; set; } = 90;

    /// <summary>
    /// Whether web list sources added in the office may reach loopback, private, reserved and the server's own addresses.
    /// Off (blocked) unless set: for the tests, whose fixture sites listen on 127.0.0.1. Never set it in production.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    public Dictionary<string, SourceOptions> Sources { get; set; } = [];
}
