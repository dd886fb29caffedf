using Microsoft.Extensions.Time.Testing;
using UU.Scrapers.Fetching;

namespace UU.Scrapers.Tests.Fetching;

public sealed class SnapshotStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "uu-snapshots", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 7, 10, 6, 0, 0, TimeSpan.Zero));

    private FetchResult Fetch(string body)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        return new FetchResult(new Uri("https://www.kommersannons.se/Notices/TenderNotices?PageIndex=1"), false, body, bytes, "text/html",
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), _clock.GetUtcNow(), []);
    }

    [Fact]
    public async Task RawBodies_AreKeptCompressed_AndReadBackExactly()
    {
        var store = new FileSnapshotStore(_folder, _clock);
        var html = "<div class=\"row\">" + string.Concat(Enumerable.Repeat("Kompetensutveckling i specialpedagogik ", 200)) + "</div>";
        var snapshot = await store.SaveAsync("KommersAnnons", Fetch(html), CancellationToken.None);
        var again = await store.SaveAsync("KommersAnnons", Fetch(html), CancellationToken.None);

        Assert.Equal(snapshot.Id, again.Id); // the same body is kept once
        var file = new FileInfo(Path.Combine(_folder, snapshot.Id + ".gz"));
        Assert.True(file.Length < html.Length / 5, $"{file.Length} bytes on disk for {html.Length}");
        var (read, body) = (await store.ReadAsync(snapshot.Id, CancellationToken.None))!.Value;
        Assert.Equal(html, System.Text.Encoding.UTF8.GetString(body));
        Assert.Equal(snapshot.Hash, read.Hash);
        Assert.Equal(_clock.GetUtcNow(), read.FetchedAt);
        Assert.Null(await store.ReadAsync("../../etc/passwd", CancellationToken.None));
    }

    [Fact]
    public async Task OldDays_ArePrunedAfterTheRetention()
    {
        var store = new FileSnapshotStore(_folder, _clock);
        var old = await store.SaveAsync("Ted", Fetch("{\"notices\":[]}"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(40));
        var recent = await store.SaveAsync("Ted", Fetch("{\"notices\":[1]}"), CancellationToken.None);

        Assert.Equal(1, store.Prune(keepDays: 30));
        Assert.Null(await store.ReadAsync(old.Id, CancellationToken.None));
        Assert.NotNull(await store.ReadAsync(recent.Id, CancellationToken.None));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
