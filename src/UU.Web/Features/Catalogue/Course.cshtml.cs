using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Data;

namespace UU.Web.Features.Catalogue;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = UU.Web.Infrastructure.PublicCache.Policy)]
public sealed class CourseModel(CatalogueQueries queries) : PageModel
{
    public Course Course { get; private set; } = null!;
    public IReadOnlyList<ModuleCard> Modules { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (code.Length > 20)
        {
            return NotFound();
        }
        var course = await queries.CourseAsync(code, cancellationToken);
        if (course is null)
        {
            return NotFound();
        }
        Course = course;
        Modules = await queries.ModulesUsingCourseAsync(course.Id, cancellationToken);
        return Page();
    }
}
