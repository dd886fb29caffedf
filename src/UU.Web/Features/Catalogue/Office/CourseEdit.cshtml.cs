using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;

namespace UU.Web.Features.Catalogue.Office;

/// <summary>The texts of a regular course (the syllabus register remains the source; `import-courses` updates in bulk).</summary>
public sealed class CourseEditModel(UuDbContext db, CourseEditing editing, Localization.Texts texts) : PageModel
{
    [BindProperty] public string? TitleSv { get; set; }
    [BindProperty] public string? TitleEn { get; set; }
    [BindProperty] public string? Credits { get; set; }
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public string? DescriptionSv { get; set; }
    [BindProperty] public string? DescriptionEn { get; set; }
    [BindProperty] public string? OutcomesSv { get; set; }
    [BindProperty] public string? OutcomesEn { get; set; }

    public Course Item { get; private set; } = null!;
    public Dictionary<string, string> Errors { get; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var normalised = CourseCodes.Normalise(code);
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Code == normalised, cancellationToken);
        if (course is null)
        {
            return NotFound();
        }
        Item = course;
        (TitleSv, TitleEn, DescriptionSv, DescriptionEn, OutcomesSv, OutcomesEn) = (course.TitleSv, course.TitleEn, course.DescriptionSv, course.DescriptionEn, course.OutcomesSv, course.OutcomesEn);
        Credits = course.Credits.ToString(CultureInfo.InvariantCulture);
        Level = CatalogueCodes.Code(course.Level);
        Message = Request.Query.ContainsKey("sparad") ? texts["office.saved"] : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var outcome = await editing.SaveAsync(code, new CourseEdit(TitleSv, TitleEn, Credits, Level, DescriptionSv, DescriptionEn, OutcomesSv, OutcomesEn), cancellationToken);
        switch (outcome.Result)
        {
            case CourseSaveResult.Saved:
                return Redirect($"/office/kurser/{outcome.Code}?sparad=1");
            case CourseSaveResult.NotFound:
                return NotFound();
        }
        foreach (var (field, message) in outcome.FieldErrors)
        {
            Errors[field] = message;
        }
        Item = await db.Courses.AsNoTracking().FirstAsync(c => c.Code == outcome.Code, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
