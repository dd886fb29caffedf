using System.Collections.Concurrent;
using System.Globalization;
using System.Net;

namespace UU.Scrapers.Fetching;

public sealed class RobotsDisallowedException(Uri url) : Exception($"robots.txt of {url.Host} disallows {url.AbsolutePath} for our user agent.")
{
    public Uri Url { get; } = url;
}

/// <summary>The rules of one robots.txt for our user agent (RFC 9309: longest match wins, Allow wins ties).</summary>
public sealed class RobotsRules
{
    public static readonly RobotsRules AllowAll = new([], null);
    public static readonly RobotsRules DisallowAll = new([("/", false)], null);

    private readonly List<(string Path, bool Allow)> _rules;

    private RobotsRules(List<(string Path, bool Allow)> rules, TimeSpan? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    public TimeSpan? CrawlDelay { get; }

    public bool Allows(string pathAndQuery)
    {
        var best = _rules.Where(r => r.Path.Length > 0 && Matches(pathAndQuery, r.Path))
            .OrderByDescending(r => r.Path.Length).ThenByDescending(r => r.Allow).FirstOrDefault();
        return best.Path is null || best.Allow;
    }

    private static bool Matches(string path, string pattern)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern[..^1] : pattern;
        var parts = body.Split('*');
        var position = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var index = path.IndexOf(parts[i], position, StringComparison.Ordinal);
            if (index < 0 || (i == 0 && index != 0))
            {
                return false;
            }
            position = index + parts[i].Length;
        }
        return !anchored || position == path.Length;
    }

    /// <summary>The group for our product token, else the "*" group.</summary>
    public static RobotsRules Parse(string text, string userAgent)
    {
        var token = userAgent.Split('/', ' ')[0].ToLowerInvariant();
        var groups = new List<(List<string> Agents, List<(string, bool)> Rules, TimeSpan? Delay)>();
        (List<string> Agents, List<(string, bool)> Rules, TimeSpan? Delay)? current = null;
        var lastWasAgent = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (!lastWasAgent || current is null)
                {
                    current = ([], [], null);
                    groups.Add(current.Value);
                }
                current.Value.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }
            lastWasAgent = false;
            if (current is null)
            {
                continue;
            }
            switch (key)
            {
                case "allow":
                    current.Value.Rules.Add((value, true));
                    break;
                case "disallow":
                    current.Value.Rules.Add((value, false));
                    break;
                case "crawl-delay" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and < 3600:
                    var index = groups.FindIndex(g => ReferenceEquals(g.Agents, current.Value.Agents));
                    current = (current.Value.Agents, current.Value.Rules, TimeSpan.FromSeconds(seconds));
                    groups[index] = current.Value;
                    break;
            }
        }
        var group = groups.FirstOrDefault(g => g.Agents.Any(a => a != "*" && token.StartsWith(a, StringComparison.Ordinal)));
        if (group.Agents is null)
        {
            group = groups.FirstOrDefault(g => g.Agents.Contains("*"));
        }
        return group.Agents is null ? AllowAll : new RobotsRules(group.Rules, group.Delay);
    }
}

/// <summary>Per-host facts shared by the handlers: the robots rules (cached a day) and the spacing between requests.</summary>
public sealed class HostPoliteness(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (RobotsRules Rules, DateTimeOffset Until)> _robots = new();
    private readonly ConcurrentDictionary<string, HostGate> _gates = new();

    public bool TryGetRobots(string host, out RobotsRules rules)
    {
        if (_robots.TryGetValue(host, out var entry) && entry.Until > clock.GetUtcNow())
        {
            rules = entry.Rules;
            return true;
        }
        rules = RobotsRules.AllowAll;
        return false;
    }

    public void SetRobots(string host, RobotsRules rules) => _robots[host] = (rules, clock.GetUtcNow().AddDays(1));

    public HostGate Gate(string host) => _gates.GetOrAdd(host, _ => new HostGate());

    public sealed class HostGate
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public DateTimeOffset NextAllowed { get; set; } = DateTimeOffset.MinValue;
    }
}

/// <summary>Fetches and honours robots.txt before any other request to a host.</summary>
public sealed class RobotsTxtHandler(HostPoliteness hosts, Microsoft.Extensions.Options.IOptions<ScraperOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!;
        if (url.AbsolutePath != "/robots.txt")
        {
            var authority = url.GetLeftPart(UriPartial.Authority);
            if (!hosts.TryGetRobots(authority, out var rules))
            {
                using var robotsRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(authority + "/robots.txt"));
                robotsRequest.Headers.UserAgent.ParseAdd(options.Value.UserAgent);
                using var response = await base.SendAsync(robotsRequest, cancellationToken);
                rules = response.StatusCode switch
                {
                    HttpStatusCode.OK => RobotsRules.Parse(await response.Content.ReadAsStringAsync(cancellationToken), options.Value.UserAgent),
                    >= HttpStatusCode.InternalServerError => RobotsRules.DisallowAll, // RFC 9309: unreachable rules mean "do not crawl"
                    _ => RobotsRules.AllowAll,
                };
                hosts.SetRobots(authority, rules);
            }
            if (!rules.Allows(url.PathAndQuery))
            {
                throw new RobotsDisallowedException(url);
            }
        }
        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Keeps at least the minimum delay (or robots.txt's Crawl-delay, if longer) between requests to one host.</summary>
public sealed class HostThrottleHandler(HostPoliteness hosts, Microsoft.Extensions.Options.IOptions<ScraperOptions> options, TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authority = request.RequestUri!.GetLeftPart(UriPartial.Authority);
        hosts.TryGetRobots(authority, out var rules);
        var spacing = TimeSpan.FromMilliseconds(options.Value.MinDelayMilliseconds);
        if (rules.CrawlDelay is { } crawlDelay && crawlDelay > spacing)
        {
            spacing = crawlDelay;
        }
        var gate = hosts.Gate(authority);
        await gate.Lock.WaitAsync(cancellationToken);
        try
        {
            var wait = gate.NextAllowed - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken);
            }
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            gate.NextAllowed = clock.GetUtcNow() + spacing;
            gate.Lock.Release();
        }
    }
}
