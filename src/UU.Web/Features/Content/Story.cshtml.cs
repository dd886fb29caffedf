using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Infrastructure;

namespace UU.Web.Features.Content;

/// <summary>A published page or story by its slug; the type is fixed by the route the subclass serves.</summary>
public abstract class PublishedContentPageModel(string type, PublishedContent content, ContentRenderer renderer, SiteUrls urls) : PageModel
{
    public ContentView View { get; private set; } = null!;
    public string CanonicalUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var item = await content.FindAsync(type, slug, cancellationToken);
        if (item?.Published is not { } published)
        {
            return NotFound();
        }
        View = await renderer.RenderAsync(item.Type, published, cancellationToken);
        CanonicalUrl = urls.Absolute(ContentTypes.PublicPath(item.Type, item.PublishedSlug!));
        return Page();
    }
}

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = UU.Web.Infrastructure.PublicCache.Policy)]
public sealed class StoryModel(PublishedContent content, ContentRenderer renderer, SiteUrls urls)
    : PublishedContentPageModel(ContentTypes.Story, content, renderer, urls);
