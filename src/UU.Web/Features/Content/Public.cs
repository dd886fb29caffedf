using Microsoft.EntityFrameworkCore;
using UU.Web.Data;

namespace UU.Web.Features.Content;

public sealed record StoryCard(string Slug, string Title, string? Summary, string? ClientName, string? ImagePath, string? ImageAlt);

/// <summary>Reads of published pages and stories for visitors.</summary>
public sealed class PublishedContent(UuDbContext db)
{
    public async Task<ContentItem?> FindAsync(string type, string slug, CancellationToken cancellationToken) =>
        slug.Length > 160 ? null : await db.ContentItems.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Type == type && c.State == ContentState.Published && c.PublishedSlug == slug, cancellationToken);

    public async Task<List<StoryCard>> StoriesAsync(CancellationToken cancellationToken)
    {
        var items = await db.ContentItems.AsNoTracking()
            .Where(c => c.Type == ContentTypes.Story && c.State == ContentState.Published)
            .OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        return items.Select(i => (i.PublishedSlug!, i.Published!)).Select(p => new StoryCard(p.Item1,
            Localization.Texts.Pick(p.Item2.TitleSv, p.Item2.TitleEn), Localization.Texts.PickOptional(p.Item2.SummarySv, p.Item2.SummaryEn),
            p.Item2.ClientName, p.Item2.ImagePath, p.Item2.ImageAlt)).ToList();
    }
}

public static class Redirects
{
    /// <summary>
    /// Records that a public address moved: earlier redirects to the old address now lead straight to the new one,
    /// and none may start at the new address (which would loop).
    /// </summary>
    public static async Task RecordMoveAsync(UuDbContext db, string from, string to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var earlier in await db.Redirects.Where(r => r.ToPath == from).ToListAsync(cancellationToken))
        {
            earlier.ToPath = to;
        }
        db.Redirects.RemoveRange(await db.Redirects.Where(r => r.FromPath == to || r.FromPath == from).ToListAsync(cancellationToken));
        db.Redirects.Add(new Redirect { FromPath = from, ToPath = to, CreatedAt = now });
    }
}

public static class RedirectMiddleware
{
    /// <summary>A 404 for a GET whose path an editor has moved becomes a permanent redirect to the new address.</summary>
    public static IApplicationBuilder UseContentRedirects(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        if (context.Response.StatusCode != StatusCodes.Status404NotFound || context.Response.HasStarted || !HttpMethods.IsGet(context.Request.Method))
        {
            return;
        }
        var path = context.Request.Path.Value;
        if (path is null || path.Length > 300)
        {
            return;
        }
        var db = context.RequestServices.GetRequiredService<UuDbContext>();
        var target = await db.Redirects.AsNoTracking().Where(r => r.FromPath == path).Select(r => r.ToPath).FirstOrDefaultAsync(context.RequestAborted);
        if (target is not null)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = target + context.Request.QueryString;
        }
    });
}
