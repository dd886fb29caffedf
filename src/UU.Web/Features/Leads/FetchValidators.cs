using Microsoft.EntityFrameworkCore;
using UU.Scrapers.Fetching;
using UU.Web.Data;
using UU.Web.Infrastructure;

namespace UU.Web.Features.Leads;

/// <summary>
/// ETag and Last-Modified per URL in the database, so a conditional request (and its 304) works after a restart and
/// whichever node runs the next scrape. Long URLs are not worth remembering: they are query pages, not lists.
/// </summary>
public sealed class DbValidatorStore(Scoped<UuDbContext> databases, TimeProvider clock) : IValidatorStore
{
    private const int MaxUrlLength = 2000;

    public async Task<(string? ETag, DateTimeOffset? LastModified)> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        if (url.AbsoluteUri.Length > MaxUrlLength)
        {
            return (null, null);
        }
        var found = await databases.RunAsync(db => db.FetchValidators.AsNoTracking()
            .FirstOrDefaultAsync(v => v.Url == url.AbsoluteUri, cancellationToken));
        return found is null ? (null, null) : (found.ETag, found.LastModified);
    }

    public async Task SetAsync(Uri url, string? etag, DateTimeOffset? lastModified, CancellationToken cancellationToken)
    {
        if (url.AbsoluteUri.Length > MaxUrlLength || etag is { Length: > 300 })
        {
            return;
        }
        await databases.RunAsync(db => StoreAsync(db, url, etag, lastModified, cancellationToken));
    }

    private async Task StoreAsync(UuDbContext db, Uri url, string? etag, DateTimeOffset? lastModified, CancellationToken cancellationToken)
    {
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
