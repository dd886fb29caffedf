namespace UU.Scrapers.Fetching;

/// <summary>
/// Answers a source's requests from the snapshots a run kept, without the network: so a changed parser can be run again
/// on what the scraper saw. Each address answers with its snapshots in the order they were fetched (TED's pages are
/// several answers to one address); an address with none left answers as "not modified", which ends a source's paging.
/// </summary>
public sealed class SnapshotReplay : IPageFetcher
{
    private readonly FileSnapshotStore _store;
    private readonly Dictionary<string, Queue<Snapshot>> _byUrl;

    public SnapshotReplay(FileSnapshotStore store, IEnumerable<Snapshot> snapshots)
    {
        _store = store;
        _byUrl = snapshots.GroupBy(s => s.Url, StringComparer.Ordinal).ToDictionary(g => g.Key, g => new Queue<Snapshot>(g), StringComparer.Ordinal);
    }

    /// <summary>How many requests found no kept answer.</summary>
    public int Missing { get; private set; }

    public Task<FetchResult> GetAsync(Uri url, CancellationToken cancellationToken) => NextAsync(url, cancellationToken);

    public Task<FetchResult> PostJsonAsync(Uri url, string json, CancellationToken cancellationToken) => NextAsync(url, cancellationToken);

    public Task<FetchResult> PostFormAsync(Uri url, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken) => NextAsync(url, cancellationToken);

    private async Task<FetchResult> NextAsync(Uri url, CancellationToken cancellationToken)
    {
        if (!_byUrl.TryGetValue(url.AbsoluteUri, out var queue) || !queue.TryDequeue(out var snapshot)
            || await _store.ReadAsync(snapshot.Id, cancellationToken) is not { } kept)
        {
            Missing++;
            return new FetchResult(url, true, null, null, null, null, DateTimeOffset.MinValue, []);
        }
        var problems = new List<string>();
        var body = PoliteFetcher.Decode(kept.Body, System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(snapshot.ContentType, out var type) ? type : null, problems);
        return new FetchResult(url, false, body, kept.Body, snapshot.ContentType, snapshot.Hash, snapshot.FetchedAt, problems);
    }
}
