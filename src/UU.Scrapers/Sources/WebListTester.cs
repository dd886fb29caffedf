using UU.Scrapers.Fetching;
using UU.Scrapers.Normalisation;

namespace UU.Scrapers.Sources;

/// <summary>What a web list source would extract now: the items (and whether each passes the education filter), the problems, or why it could not be read.</summary>
public sealed record WebListTestResult(IReadOnlyList<(ScrapedItem Item, bool Education)> Items, IReadOnlyList<string> Problems, string? Error);

/// <summary>The office's "test this source": fetches the page politely (robots.txt, spacing, size cap) without keeping anything, and parses it.</summary>
public sealed class WebListTester(PageFetchers fetchers)
{
    private readonly PoliteFetcher _fetcher = fetchers.PublicOnly();

    public async Task<WebListTestResult> TestAsync(Uri url, WebListDefinition definition, CancellationToken cancellationToken)
    {
        try
        {
            var fetched = await _fetcher.GetFreshAsync(url, cancellationToken);
            var page = WebListParser.Parse(fetched.Body ?? "", url, definition, "test");
            return new WebListTestResult(page.Items.Select(i => (i, EducationFilter.IsEducation(i))).ToList(), [.. fetched.Problems, .. page.Problems], null);
        }
        catch (Exception ex) when (ex is ParseException or FetchFailedException or RobotsDisallowedException or ResponseTooLargeException or HttpRequestException or TimeoutException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new WebListTestResult([], [], ex is OperationCanceledException ? "the page did not answer in time" : ex.Message);
        }
    }
}
