using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace UU.Web.Features.Catalogue;

/// <summary>A theme's own page: /teman/{slug}, and in English /en/themes/{slug}.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = UU.Web.Infrastructure.PublicCache.Policy)]
public sealed class ThemeModel(CatalogueQueries queries) : PageModel
{
    public Theme Theme { get; private set; } = null!;
    public IReadOnlyList<ModuleCard> Modules { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var theme = await queries.ThemeAsync(slug.ToLowerInvariant(), cancellationToken);
        if (theme is null)
        {
            return NotFound();
        }
        Theme = theme;
        Modules = await queries.ModulesInThemeAsync(theme.Id, cancellationToken);
        return Page();
    }
}
