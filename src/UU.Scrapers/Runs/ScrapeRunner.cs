using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using UU.Scrapers.Fetching;
using UU.Scrapers.Normalisation;
using UU.Scrapers.Sources;

namespace UU.Scrapers.Runs;

/// <summary>What UU.Web does with items: store or update them as leads. Returns how many were new, updated, unchanged.</summary>
public interface IScrapeSink
{
    Task<(int New, int Updated, int Unchanged)> StoreAsync(string source, IReadOnlyList<ScrapedItem> items, CancellationToken cancellationToken);

    Task RecordRunAsync(ScrapeRunReport report, CancellationToken cancellationToken);

    /// <summary>The source's earlier runs, newest first (for drift detection).</summary>
    Task<IReadOnlyList<ScrapeRunReport>> RecentRunsAsync(string source, int count, CancellationToken cancellationToken);
}

public sealed record ScrapeRunReport
{
    public required string Source { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public TimeSpan Duration { get; init; }
    public int Pages { get; init; }
    public int Unchanged304 { get; init; }
    public int Seen { get; init; }
    public int NotEducation { get; init; }
    public int New { get; init; }
    public int Updated { get; init; }
    public int Unchanged { get; init; }
    /// <summary>Share of items with a buyer and a deadline (0–1): a drop means a field went missing.</summary>
    public double FieldCoverage { get; init; }
    /// <summary>What ended the run early (a 500, a timeout, a page that could not be parsed).</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
    /// <summary>What the run noticed but survived (an item without a title, a wrong charset).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
    public IReadOnlyList<string> Snapshots { get; init; } = [];
    public bool Failing { get; init; }
    public string? FailingReason { get; init; }
}

/// <summary>One source: fetch its pages through the polite fetcher (keeping snapshots) and return the items.</summary>
public interface IScrapeSource
{
    string Name { get; }

    /// <summary>Whether items pass the education filter (competence needs from job ads are leads of their own kind).</summary>
    bool EducationOnly => true;

    Task<IReadOnlyList<ScrapedItem>> FetchAsync(SourceContext context, CancellationToken cancellationToken);
}

/// <summary>Sources defined outside the code: UU.Web's web lists that coordinators add in the office.</summary>
public interface IScrapeSourceCatalog
{
    Task<IReadOnlyList<ScrapeSourceEntry>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>A source with its options (null for a built-in source that configuration does not mention).</summary>
public sealed record ScrapeSourceEntry(IScrapeSource Source, SourceOptions? Options, bool BuiltIn)
{
    public string Name => Source.Name;
    public bool Runnable => Options is { Enabled: true } o && !string.IsNullOrWhiteSpace(o.BaseUrl);
}

/// <summary>What a source needs during a run; it records pages, snapshots and problems for the report.</summary>
public sealed class SourceContext(IPageFetcher fetcher, FileSnapshotStore snapshots, SourceOptions options, string source)
{
    public Uri BaseUrl { get; } = new(options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/");
    public int Pages { get; private set; }
    public int NotModified { get; private set; }
    public List<string> Problems { get; } = [];
    public List<string> Snapshots { get; } = [];

    public string? LastSnapshot => Snapshots.Count > 0 ? Snapshots[^1] : null;

    /// <summary>Marks items with the snapshot they were just read from.</summary>
    public IEnumerable<ScrapedItem> Stamp(IEnumerable<ScrapedItem> items) => items.Select(i => i with { SnapshotId = LastSnapshot });
    public int MaxPages { get; init; } = 5;

    public async Task<string?> GetAsync(Uri url, CancellationToken cancellationToken) => await Keep(await fetcher.GetAsync(url, cancellationToken), cancellationToken);

    public async Task<string?> PostJsonAsync(Uri url, string json, CancellationToken cancellationToken) => await Keep(await fetcher.PostJsonAsync(url, json, cancellationToken), cancellationToken);

    public async Task<string?> PostFormAsync(Uri url, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken) => await Keep(await fetcher.PostFormAsync(url, fields, cancellationToken), cancellationToken);

    private async Task<string?> Keep(FetchResult result, CancellationToken cancellationToken)
    {
        Pages++;
        if (result.NotModified)
        {
            NotModified++;
            return null;
        }
        Problems.AddRange(result.Problems.Select(p => $"{result.Url}: {p}"));
        Snapshots.Add((await snapshots.SaveAsync(source, result, cancellationToken)).Id);
        return result.Body;
    }
}

/// <summary>Runs a source once: fetch, filter to education, hand to the sink, record the run; a failure is recorded, never thrown.</summary>
public sealed partial class ScrapeRunner(
    IEnumerable<IScrapeSource> sources,
    IEnumerable<IScrapeSourceCatalog> catalogs,
    PoliteFetcher fetcher,
    PageFetchers fetchers,
    FileSnapshotStore snapshots,
    IScrapeSink sink,
    IOptions<ScraperOptions> options,
    TimeProvider clock)
{
    /// <summary>Every source: the built-in ones with their configuration, then the catalogs' (office-defined) ones.</summary>
    public async Task<IReadOnlyList<ScrapeSourceEntry>> SourcesAsync(CancellationToken cancellationToken)
    {
        var all = sources.Select(s => new ScrapeSourceEntry(s, options.Value.Sources.GetValueOrDefault(s.Name), BuiltIn: true)).ToList();
        foreach (var catalog in catalogs)
        {
            all.AddRange((await catalog.ListAsync(cancellationToken)).Where(e => !all.Exists(b => b.Name.Equals(e.Name, StringComparison.OrdinalIgnoreCase))));
        }
        return all;
    }

    public async Task<ScrapeRunReport> RunAsync(string name, CancellationToken cancellationToken)
    {
        var (source, sourceOptions, builtIn) = await ResolveAsync(name, cancellationToken);
        // Sources added in the office reach only public addresses; configured ones are trusted.
        var report = await ExecuteAsync(source, new SourceContext(builtIn ? fetcher : fetchers.PublicOnly(), snapshots, sourceOptions, source.Name), cancellationToken);
        var (failing, reason) = DriftDetector.Evaluate(report, await sink.RecentRunsAsync(source.Name, 5, cancellationToken), report.Errors.Count > 0);
        report = report with { Failing = failing, FailingReason = reason };
        await sink.RecordRunAsync(report, cancellationToken);
        try
        {
            snapshots.Prune(options.Value.SnapshotDays); // the kept days beyond Scrapers:SnapshotDays go after every run
        }
        catch (IOException)
        {
            // A day folder in use (a coordinator reading a snapshot) goes at the next run.
        }
        return report;
    }

    /// <summary>
    /// Runs the source again on the snapshots it kept on <paramref name="day"/> (UTC; default the latest day it has),
    /// without the network, and stores what today's parsers read from them: for after a parser change. Not recorded as
    /// a run, so drift detection only ever judges what the sources answer now.
    /// </summary>
    /// <returns>The report, or null when the source kept nothing for that day.</returns>
    public async Task<ScrapeRunReport?> ReplayAsync(string name, DateOnly? day, CancellationToken cancellationToken)
    {
        var (source, sourceOptions, _) = await ResolveAsync(name, cancellationToken);
        if ((day ?? snapshots.LatestDay(source.Name)) is not { } chosen || await snapshots.ListAsync(source.Name, chosen, cancellationToken) is not { Count: > 0 } kept)
        {
            return null;
        }
        return await ExecuteAsync(source, new SourceContext(new SnapshotReplay(snapshots, kept), snapshots, sourceOptions, source.Name), cancellationToken);
    }

    private async Task<(IScrapeSource Source, SourceOptions Options, bool BuiltIn)> ResolveAsync(string name, CancellationToken cancellationToken)
    {
        var all = await SourcesAsync(cancellationToken);
        var entry = all.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown source '{name}'. Known: {string.Join(", ", all.Select(s => s.Name))}.", nameof(name));
        return entry.Options is { } sourceOptions && !string.IsNullOrWhiteSpace(sourceOptions.BaseUrl)
            ? (entry.Source, sourceOptions, entry.BuiltIn)
            : throw new InvalidOperationException($"Scrapers:Sources:{entry.Name}:BaseUrl is not configured.");
    }

    private async Task<ScrapeRunReport> ExecuteAsync(IScrapeSource source, SourceContext context, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        var errors = new List<string>();
        IReadOnlyList<ScrapedItem> items = [];
        var limit = TimeSpan.FromSeconds(options.Value.RunTimeoutSeconds);
        using var runLimit = new CancellationTokenSource(limit, clock);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, runLimit.Token);
        try
        {
            items = await source.FetchAsync(context, run.Token);
        }
        catch (OperationCanceledException) when (runLimit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            errors.Add($"The run was stopped after {limit.TotalSeconds:0} s (Scrapers:RunTimeoutSeconds): {source.Name} did not finish its pages within the limit.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A broken page, a 500 or a timeout ends this run; nothing stored earlier is touched.
            errors.Add(ex is ParseException or FetchFailedException or TimeoutException or RobotsDisallowedException or ResponseTooLargeException or HttpRequestException
                ? ex.Message
                : $"{ex.GetType().Name}: {ex.Message}");
        }
        var education = source.EducationOnly ? items.Where(i => EducationFilter.IsEducation(i)).ToList() : [.. items];
        var (created, updated, unchanged) = education.Count > 0 ? await sink.StoreAsync(source.Name, education, cancellationToken) : (0, 0, 0);
        var coverage = items.Count == 0 ? 0 : items.Count(i => i.Buyer is not null && i.Deadline is not null) / (double)items.Count;
        return new ScrapeRunReport
        {
            Source = source.Name,
            StartedAt = started,
            Duration = watch.Elapsed,
            Pages = context.Pages,
            Unchanged304 = context.NotModified,
            Seen = items.Count,
            NotEducation = items.Count - education.Count,
            New = created,
            Updated = updated,
            Unchanged = unchanged,
            FieldCoverage = coverage,
            Errors = errors,
            Problems = context.Problems,
            Snapshots = context.Snapshots,
        };
    }
}

/// <summary>Notices when a source breaks: it errs, it used to yield items and now yields none, or required fields vanish.</summary>
public static class DriftDetector
{
    public static (bool Failing, string? Reason) Evaluate(ScrapeRunReport current, IReadOnlyList<ScrapeRunReport> earlier, bool errored)
    {
        if (errored)
        {
            return (true, "the run failed: " + (current.Errors.Count > 0 ? current.Errors[0] : "unknown error"));
        }
        var productive = earlier.Where(r => r.Seen > 0 && r.Errors.Count == 0).ToList();
        if (current.Seen == 0 && current.Unchanged304 == 0 && productive.Count > 0)
        {
            return (true, string.Create(CultureInfo.InvariantCulture, $"no items this run, though earlier runs found {productive.Max(r => r.Seen)}"));
        }
        if (current.Seen > 0 && productive.Count > 0 && productive.Average(r => r.FieldCoverage) >= 0.5 && current.FieldCoverage < productive.Average(r => r.FieldCoverage) / 2)
        {
            return (true, string.Create(CultureInfo.InvariantCulture, $"buyer or deadline missing on {(1 - current.FieldCoverage):P0} of the items"));
        }
        return (false, null);
    }
}
