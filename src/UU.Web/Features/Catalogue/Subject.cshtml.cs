using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Data;

namespace UU.Web.Features.Catalogue;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = UU.Web.Infrastructure.PublicCache.Policy)]
public sealed class SubjectModel(CatalogueQueries queries) : PageModel
{
    public Subject Subject { get; private set; } = null!;
    public IReadOnlyList<ModuleCard> Modules { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var subject = await queries.SubjectAsync(slug, cancellationToken);
        if (subject is null)
        {
            return NotFound();
        }
        Subject = subject;
        Modules = await queries.ModulesInSubjectAsync(subject.Id, cancellationToken);
        return Page();
    }
}
