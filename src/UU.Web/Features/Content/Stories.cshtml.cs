using Microsoft.AspNetCore.Mvc.RazorPages;

namespace UU.Web.Features.Content;

public sealed class StoriesModel(PublishedContent content) : PageModel
{
    public IReadOnlyList<StoryCard> Stories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Stories = await content.StoriesAsync(cancellationToken);
}
