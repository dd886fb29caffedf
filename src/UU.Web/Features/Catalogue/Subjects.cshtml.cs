using Microsoft.AspNetCore.Mvc.RazorPages;

namespace UU.Web.Features.Catalogue;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = UU.Web.Infrastructure.PublicCache.Policy)]
public sealed class SubjectsModel(CatalogueQueries queries) : PageModel
{
    public IReadOnlyList<SubjectOption> Subjects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Subjects = await queries.SubjectsAsync(cancellationToken);
}
