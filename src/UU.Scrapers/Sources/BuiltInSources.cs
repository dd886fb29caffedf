using System.Globalization;
using UU.Scrapers.Runs;

namespace UU.Scrapers.Sources;

/// <summary>TED: education CPV codes from Swedish buyers over the last days, paged by iteration token.</summary>
public sealed class TedSource(IReadOnlyList<string>? cpvCodes = null, int days = 7) : IScrapeSource
{
    public static readonly string[] DefaultCpv = ["80000000", "80100000", "80200000", "80300000", "80400000", "80500000", "80510000", "80511000", "80530000", "80570000", "79632000"];

    public string Name => TedParser.SourceName;

    public async Task<IReadOnlyList<ScrapedItem>> FetchAsync(SourceContext context, CancellationToken cancellationToken)
    {
        var items = new List<ScrapedItem>();
        string? token = null;
        for (var page = 0; page < context.MaxPages; page++)
        {
            var body = await context.PostJsonAsync(new Uri(context.BaseUrl, "v3/notices/search"), TedParser.Query(cpvCodes ?? DefaultCpv, days, token, limit: 250), cancellationToken);
            if (body is null)
            {
                break;
            }
            var parsed = TedParser.Parse(body);
            items.AddRange(context.Stamp(parsed.Items));
            context.Problems.AddRange(parsed.Problems);
            if (parsed.Next is null || parsed.Items.Count == 0)
            {
                break;
            }
            token = parsed.Next;
        }
        return items;
    }
}

/// <summary>Kommers Annons: the notice list searched for training words, and the detail page of each education notice.</summary>
public sealed class KommersSource(string searchString = "utbildning") : IScrapeSource
{
    public string Name => KommersParser.SourceName;

    public async Task<IReadOnlyList<ScrapedItem>> FetchAsync(SourceContext context, CancellationToken cancellationToken)
    {
        var items = new List<ScrapedItem>();
        for (var page = 1; page <= context.MaxPages; page++)
        {
            var url = new Uri(context.BaseUrl, $"Notices/TenderNotices?SearchString={Uri.EscapeDataString(searchString)}&PageIndex={page.ToString(CultureInfo.InvariantCulture)}");
            var body = await context.GetAsync(url, cancellationToken);
            if (body is null)
            {
                break;
            }
            var parsed = KommersParser.ParseList(body, context.BaseUrl);
            context.Problems.AddRange(parsed.Problems);
            foreach (var item in parsed.Items)
            {
                var listSnapshot = context.LastSnapshot;
                if (!Normalisation.EducationFilter.IsEducation(item) || item.Url is null)
                {
                    items.Add(item with { SnapshotId = listSnapshot });
                    continue;
                }
                var detail = await context.GetAsync(new Uri(item.Url), cancellationToken);
                if (detail is null)
                {
                    items.Add(item with { SnapshotId = listSnapshot });
                    continue;
                }
                var (buyer, procurementId, deadline) = KommersParser.ParseDetail(detail);
                items.Add(item with { Buyer = buyer, ProcurementId = procurementId, Deadline = deadline, SnapshotId = context.LastSnapshot });
            }
            if (parsed.Next is null)
            {
                break;
            }
        }
        return items;
    }
}

/// <summary>e-Avrop: the list, its postback pages, and each row's detail page for CPV codes and the upphandlings-ID.</summary>
public sealed class EAvropSource : IScrapeSource
{
    public string Name => EAvropParser.SourceName;

    public async Task<IReadOnlyList<ScrapedItem>> FetchAsync(SourceContext context, CancellationToken cancellationToken)
    {
        var listUrl = new Uri(context.BaseUrl, "e-Upphandling/Default.aspx");
        var items = new List<ScrapedItem>();
        var body = await context.GetAsync(listUrl, cancellationToken);
        for (var page = 1; body is not null && page <= context.MaxPages; page++)
        {
            var parsed = EAvropParser.ParseList(body, context.BaseUrl);
            context.Problems.AddRange(parsed.Problems);
            foreach (var item in parsed.Items)
            {
                var listSnapshot = context.LastSnapshot;
                var detail = item.Url is null ? null : await context.GetAsync(new Uri(item.Url), cancellationToken);
                if (detail is null)
                {
                    items.Add(item with { SnapshotId = listSnapshot });
                    continue;
                }
                var (cpv, procurementId) = EAvropParser.ParseDetail(detail);
                items.Add(item with { CpvCodes = cpv, ProcurementId = procurementId, SnapshotId = context.LastSnapshot });
            }
            body = parsed.NextPageForm is { } form ? await context.PostFormAsync(listUrl, form, cancellationToken) : null;
        }
        return items;
    }
}

/// <summary>JobTech: municipalities' and regions' ads over a window, aggregated into competence needs.</summary>
public sealed class JobTechSource(TimeProvider clock, int windowDays = 60) : IScrapeSource
{
    public string Name => JobTechParser.SourceName;

    public bool EducationOnly => false;

    public async Task<IReadOnlyList<ScrapedItem>> FetchAsync(SourceContext context, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var after = today.AddDays(-windowDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var ads = new List<JobAd>();
        foreach (var employer in new[] { "2120", "2321" })
        {
            for (var page = 0; page < context.MaxPages; page++)
            {
                var url = new Uri(context.BaseUrl, $"search?employer={employer}&published-after={after}T00:00:00&offset={(page * 100).ToString(CultureInfo.InvariantCulture)}&limit=100");
                var body = await context.GetAsync(url, cancellationToken);
                if (body is null)
                {
                    break;
                }
                var (pageAds, total, problems) = JobTechParser.Parse(body);
                ads.AddRange(pageAds);
                context.Problems.AddRange(problems);
                if ((page + 1) * 100 >= total || pageAds.Count == 0)
                {
                    break;
                }
            }
        }
        return [.. context.Stamp(JobTechParser.Aggregate(ads, today, windowDays))];
    }
}

/// <summary>A web list described by selectors (Skolverket by default); coordinators add more in the office.</summary>
public sealed class WebListSource(string name, WebListDefinition definition, string path = "", bool educationOnly = true) : IScrapeSource
{
    public string Name => name;

    public bool EducationOnly => educationOnly;

    public async Task<IReadOnlyList<ScrapedItem>> FetchAsync(SourceContext context, CancellationToken cancellationToken)
    {
        var url = new Uri(context.BaseUrl, path);
        var body = await context.GetAsync(url, cancellationToken);
        if (body is null)
        {
            return [];
        }
        var parsed = WebListParser.Parse(body, url, definition, name);
        context.Problems.AddRange(parsed.Problems);
        return [.. context.Stamp(parsed.Items)];
    }
}
