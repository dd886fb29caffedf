using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace UU.Scrapers.Fetching;

public sealed class ResponseTooLargeException(Uri url, long limit) : Exception($"{url} is larger than {limit} bytes.");

public sealed class FetchFailedException(Uri url, HttpStatusCode status, string? detail = null)
    : Exception(detail is null ? $"{url} answered {(int)status} {status}." : $"{url} answered {(int)status} {status} {detail}.")
{
    public HttpStatusCode Status { get; } = status;
}

/// <summary>What one fetch returned; <see cref="NotModified"/> means the source answered 304 and nothing needs parsing.</summary>
public sealed record FetchResult(Uri Url, bool NotModified, string? Body, byte[]? Bytes, string? ContentType, string? Hash, DateTimeOffset FetchedAt, IReadOnlyList<string> Problems);

/// <summary>How a source's run gets its pages: from the network (<see cref="PoliteFetcher"/>) or from kept snapshots (<see cref="SnapshotReplay"/>).</summary>
public interface IPageFetcher
{
    Task<FetchResult> GetAsync(Uri url, CancellationToken cancellationToken);

    Task<FetchResult> PostJsonAsync(Uri url, string json, CancellationToken cancellationToken);

    Task<FetchResult> PostFormAsync(Uri url, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken);
}

/// <summary>Where ETag and Last-Modified are kept per URL between runs (UU.Web keeps them in its database).</summary>
public interface IValidatorStore
{
    Task<(string? ETag, DateTimeOffset? LastModified)> GetAsync(Uri url, CancellationToken cancellationToken);

    Task SetAsync(Uri url, string? etag, DateTimeOffset? lastModified, CancellationToken cancellationToken);
}

public sealed class InMemoryValidatorStore : IValidatorStore
{
    private readonly ConcurrentDictionary<string, (string?, DateTimeOffset?)> _values = new();

    public Task<(string? ETag, DateTimeOffset? LastModified)> GetAsync(Uri url, CancellationToken cancellationToken) =>
        Task.FromResult(_values.TryGetValue(url.AbsoluteUri, out var v) ? v : (null, null));

    public Task SetAsync(Uri url, string? etag, DateTimeOffset? lastModified, CancellationToken cancellationToken)
    {
        _values[url.AbsoluteUri] = (etag, lastModified);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The one way every source fetches: a typed HttpClient whose handlers honour robots.txt, space requests per host,
/// retry and time out each attempt (<see cref="ScraperResilience"/>); this class adds conditional requests, a size cap, and decoding that survives a wrong charset.
/// </summary>
public sealed partial class PoliteFetcher(HttpClient http, IValidatorStore validators, IOptions<ScraperOptions> options, TimeProvider clock) : IPageFetcher
{
    public Task<FetchResult> GetAsync(Uri url, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, url), conditional: true, cancellationToken);

    /// <summary>A GET that ignores and keeps no validators: for trying a source out, which must see the page as it is.</summary>
    public Task<FetchResult> GetFreshAsync(Uri url, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, url), conditional: false, cancellationToken);

    public Task<FetchResult> PostJsonAsync(Uri url, string json, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") }, conditional: false, cancellationToken);

    public Task<FetchResult> PostFormAsync(Uri url, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) }, conditional: false, cancellationToken);

    private async Task<FetchResult> SendAsync(HttpRequestMessage request, bool conditional, CancellationToken cancellationToken)
    {
        using (request)
        {
            var url = request.RequestUri!;
            request.Headers.UserAgent.ParseAdd(options.Value.UserAgent);
            if (conditional)
            {
                var (etag, lastModified) = await validators.GetAsync(url, cancellationToken);
                if (etag is not null && EntityTagHeaderValue.TryParse(etag, out var tag))
                {
                    request.Headers.IfNoneMatch.Add(tag);
                }
                if (lastModified is not null)
                {
                    request.Headers.IfModifiedSince = lastModified;
                }
            }
            using var response = await SendOnceOrRetriedAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return new FetchResult(url, true, null, null, null, null, clock.GetUtcNow(), []);
            }
            if (!response.IsSuccessStatusCode)
            {
                throw ScraperResilience.AsksTooLong(response, options.Value, clock)
                    ? new FetchFailedException(url, response.StatusCode,
                        $"and asked to wait {ScraperResilience.RetryAfter(response, clock)!.Value.TotalSeconds:0} s before trying again, longer than Scrapers:MaxRetryAfterSeconds ({options.Value.MaxRetryAfterSeconds} s) lets a run wait")
                    : new FetchFailedException(url, response.StatusCode);
            }
            var limit = options.Value.MaxResponseBytes;
            if (response.Content.Headers.ContentLength > limit)
            {
                throw new ResponseTooLargeException(url, limit);
            }
            var bytes = await ReadCappedAsync(response, url, limit, cancellationToken);
            var problems = new List<string>();
            var body = Decode(bytes, response.Content.Headers.ContentType, problems);
            if (conditional)
            {
                await validators.SetAsync(url, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified, cancellationToken);
            }
            return new FetchResult(url, false, body, bytes, response.Content.Headers.ContentType?.MediaType,
                Convert.ToHexStringLower(SHA256.HashData(bytes)), clock.GetUtcNow(), problems);
        }
    }

    private async Task<HttpResponseMessage> SendOnceOrRetriedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            var o = options.Value;
            throw new TimeoutException($"{request.RequestUri} did not answer within {o.TimeoutSeconds} s ({o.MaxRetries + 1} attempts).", ex);
        }
    }

    private static async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, Uri url, long limit, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new ResponseTooLargeException(url, limit);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    [GeneratedRegex("<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    /// <summary>The declared charset (header, then meta tag), else UTF-8; bytes that are not valid in it are read as Latin-1 and reported.</summary>
    internal static string Decode(byte[] bytes, MediaTypeHeaderValue? contentType, List<string> problems)
    {
        var declared = contentType?.CharSet?.Trim('"');
        if (declared is null)
        {
            var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 2048));
            declared = MetaCharset().Match(head) is { Success: true } m ? m.Groups[1].Value : null;
        }
        Encoding encoding;
        try
        {
            encoding = declared is null ? new UTF8Encoding(false, true) : Encoding.GetEncoding(declared, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            problems.Add($"unknown charset '{declared}'; read as UTF-8");
            encoding = new UTF8Encoding(false, true);
        }
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            problems.Add($"the page is not valid {encoding.WebName} as declared; read as ISO-8859-1");
            return Encoding.Latin1.GetString(bytes);
        }
    }
}
