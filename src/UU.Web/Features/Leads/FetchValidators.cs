using Microsoft.EntityFrameworkCore;
using UU.Scrapers.Fetching;
using UU.Web.Data;

namespace UU.Web.Features.Leads;

/// <summary>
/// ETag and Last-Modified per URL in the database, so a conditional request (and its 304) works after a restart and
/// whichever node runs the next scrape. Long URLs are not worth remembering: they are query pages, not lists.
/// </summary>
public sealed class DbValidatorStore(IServiceScopeFactory scopes, TimeProvider clock) : IValidatorStore
{
    private const int MaxUrlLength = 2000;

    public async Task<(string? ETag, DateTimeOffset? LastModified)> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        if (url.AbsoluteUri.Length > MaxUrlLength)
        {
            return (null, null);
        }
        await using var scope = scopes.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<UuDbContext>().FetchValidators.AsNoTracking()
            .FirstOrDefaultAsync(v => v.Url == url.AbsoluteUri, cancellationToken);
        return found is null ? (null, null) : (found.ETag, found.LastModified);
    }

    public async Task SetAsync(Uri url, string? etag, DateTimeOffset? lastModified, CancellationToken cancellationToken)
    {
        if (url.AbsoluteUri.Length > MaxUrlLength || etag is { Length: > 300 })
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        var row = await db.FetchValidators.FirstOrDefaultAsync(v => v.Url == url.AbsoluteUri, cancellationToken);
        if (row is null)
        {
            if (etag is null && lastModified is null)
            {
                return;
            }
            db.FetchValidators.Add(row = new FetchValidator { Url = url.AbsoluteUri });
        }
        row.ETag = etag;
        row.LastModified = lastModified?.ToUniversalTime();
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node stored this URL's validators at the same moment; theirs are as good as ours.
        }
    }
}
