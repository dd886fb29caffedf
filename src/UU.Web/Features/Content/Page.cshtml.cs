using UU.Web.Infrastructure;

namespace UU.Web.Features.Content;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = UU.Web.Infrastructure.PublicCache.Policy)]
public sealed class FreePageModel(PublishedContent content, ContentRenderer renderer, SiteUrls urls)
    : PublishedContentPageModel(ContentTypes.Page, content, renderer, urls);
