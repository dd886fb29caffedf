using Microsoft.AspNetCore.Mvc.RazorPages;

namespace UU.Web.Features.Catalogue;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = UU.Web.Infrastructure.PublicCache.Policy)]
public sealed class IndexModel(CatalogueQueries queries) : PageModel
{
    public IReadOnlyList<ModuleCard> Featured { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Featured = await queries.FeaturedAsync(cancellationToken);
}
