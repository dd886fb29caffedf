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

    /// <summary>The published stories that tell of a module (the module pages link them).</summary>
    public async Task<List<StoryCard>> StoriesAboutModuleAsync(string moduleSlug, CancellationToken cancellationToken) =>
        (await StoryItemsAsync(cancellationToken)).Where(i => i.Published!.ModuleSlugs.Contains(moduleSlug, StringComparer.Ordinal)).Select(Card).ToList();

    public async Task<List<StoryCard>> StoriesAsync(CancellationToken cancellationToken) =>
        (await StoryItemsAsync(cancellationToken)).Select(Card).ToList();

    private static StoryCard Card(ContentItem i) => new(i.PublishedSlug!,
        Localization.Texts.Pick(i.Published!.TitleSv, i.Published.TitleEn), Localization.Texts.PickOptional(i.Published.SummarySv, i.Published.SummaryEn),
        i.Published.ClientName, i.Published.ImagePath, i.Published.ImageAlt);

    private async Task<List<ContentItem>> StoryItemsAsync(CancellationToken cancellationToken)
    {
        var items = await db.ContentItems.AsNoTracking()
            .Where(c => c.Type == ContentTypes.Story && c.State == ContentState.Published)
            .OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        return items.Where(i => i.Published is not null).ToList();
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
