using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Localization;

namespace UU.Web.Features.Catalogue;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = UU.Web.Infrastructure.PublicCache.Policy)]
public sealed class ModulesModel(CatalogueQueries queries) : PageModel
{
    public CatalogueFilter Filter { get; private set; } = new();
    public ModuleListResult Result { get; private set; } = new([], 0, 1, 1);
    public IReadOnlyList<SubjectOption> SubjectOptions { get; private set; } = [];
    public IReadOnlyList<ThemeOption> ThemeOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filter = CatalogueFilter.Parse(Request.Query);
        SubjectOptions = await queries.SubjectsAsync(cancellationToken);
        var known = SubjectOptions.Select(s => s.Slug).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var unknown in Filter.Subjects.Where(s => !known.Contains(s)).ToList())
        {
            Filter.Subjects.Remove(unknown);
            Filter.Ignored.Add(("amne", unknown));
        }
        ThemeOptions = await queries.ThemesAsync(cancellationToken);
        var themes = ThemeOptions.Select(t => t.Slug).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var unknown in Filter.Themes.Where(t => !themes.Contains(t)).ToList())
        {
            Filter.Themes.Remove(unknown);
            Filter.Ignored.Add(("tema", unknown));
        }
        Result = await queries.ListAsync(Filter, Texts.IsEnglish, cancellationToken);
    }
}
