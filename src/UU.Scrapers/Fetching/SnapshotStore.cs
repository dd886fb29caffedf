using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace UU.Scrapers.Fetching;

/// <summary>Metadata of a kept raw page or API answer.</summary>
public sealed record Snapshot(string Id, string Source, string Url, string Hash, DateTimeOffset FetchedAt, string? ContentType, long Length);

/// <summary>
/// Keeps the raw body of every fetch, gzip-compressed, with its hash and fetch time, so a coordinator can see what
/// the scraper saw and a parser change can be re-run on old snapshots. Identical bodies are stored once per source.
/// </summary>
public sealed class FileSnapshotStore(string folder, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Snapshot> SaveAsync(string source, FetchResult fetch, CancellationToken cancellationToken)
    {
        if (fetch.Bytes is null || fetch.Hash is null)
        {
            throw new ArgumentException("Only a fetched body (not a 304) can be kept.", nameof(fetch));
        }
        var day = fetch.FetchedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var directory = Path.Combine(folder, Safe(source), day);
        Directory.CreateDirectory(directory);
        var id = $"{Safe(source)}/{day}/{fetch.Hash[..24]}";
        var body = Path.Combine(folder, id + ".gz");
        if (!File.Exists(body))
        {
            await using var file = File.Create(body);
            await using var gzip = new GZipStream(file, CompressionLevel.Optimal);
            await gzip.WriteAsync(fetch.Bytes, cancellationToken);
        }
        var snapshot = new Snapshot(id, source, fetch.Url.AbsoluteUri, fetch.Hash, fetch.FetchedAt, fetch.ContentType, fetch.Bytes.LongLength);
        await File.WriteAllTextAsync(Path.Combine(folder, id + ".json"), JsonSerializer.Serialize(snapshot, Json), cancellationToken);
        return snapshot;
    }

    public async Task<(Snapshot Snapshot, byte[] Body)?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        var parts = id.Split('/');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0 || p.Contains("..", StringComparison.Ordinal) || p.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0))
        {
            return null;
        }
        var meta = Path.Combine(folder, id + ".json");
        var body = Path.Combine(folder, id + ".gz");
        if (!File.Exists(meta) || !File.Exists(body))
        {
            return null;
        }
        var snapshot = JsonSerializer.Deserialize<Snapshot>(await File.ReadAllTextAsync(meta, cancellationToken), Json)!;
        await using var file = File.OpenRead(body);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        await gzip.CopyToAsync(buffer, cancellationToken);
        return (snapshot, buffer.ToArray());
    }

    /// <summary>The source's kept snapshots of one day (UTC), in the order they were fetched.</summary>
    public async Task<IReadOnlyList<Snapshot>> ListAsync(string source, DateOnly day, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(folder, Safe(source), day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (!Directory.Exists(directory))
        {
            return [];
        }
        var list = new List<Snapshot>();
        foreach (var meta in Directory.EnumerateFiles(directory, "*.json"))
        {
            list.Add(JsonSerializer.Deserialize<Snapshot>(await File.ReadAllTextAsync(meta, cancellationToken), Json)!);
        }
        return [.. list.OrderBy(s => s.FetchedAt).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }

    /// <summary>The latest day (UTC) the source has snapshots for, if any.</summary>
    public DateOnly? LatestDay(string source)
    {
        var directory = Path.Combine(folder, Safe(source));
        return Directory.Exists(directory)
            ? Directory.GetDirectories(directory)
                .Select(d => DateOnly.TryParseExact(Path.GetFileName(d), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null)
                .Max()
            : null;
    }

    /// <summary>Removes the days older than the retention; returns how many days were removed.</summary>
    public int Prune(int keepDays)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }
        var oldest = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-keepDays);
        var removed = 0;
        foreach (var dayFolder in Directory.GetDirectories(folder).SelectMany(Directory.GetDirectories))
        {
            if (DateOnly.TryParseExact(Path.GetFileName(dayFolder), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day < oldest)
            {
                Directory.Delete(dayFolder, recursive: true);
                removed++;
            }
        }
        return removed;
    }

    private static string Safe(string name) => new(name.Where(char.IsAsciiLetterOrDigit).ToArray());
}
