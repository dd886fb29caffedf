using Microsoft.AspNetCore.Mvc.RazorPages;

namespace UU.Web.Features.Content;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = UU.Web.Infrastructure.PublicCache.Policy)]
public sealed class StoriesModel(PublishedContent content) : PageModel
{
    public IReadOnlyList<StoryCard> Stories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Stories = await content.StoriesAsync(cancellationToken);
}
