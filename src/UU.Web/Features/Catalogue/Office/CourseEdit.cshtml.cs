using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Audit;

namespace UU.Web.Features.Catalogue.Office;

/// <summary>The texts of a regular course (the syllabus register remains the source; `import-courses` updates in bulk).</summary>
public sealed class CourseEditModel(UuDbContext db, AuditTrail audit, Localization.Texts texts) : PageModel
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
        var normalised = code.ToUpperInvariant();
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
        var normalised = code.ToUpperInvariant();
        var course = await db.Courses.FirstOrDefaultAsync(c => c.Code == normalised, cancellationToken);
        if (course is null)
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(TitleSv) || TitleSv.Length > 300) Errors["TitleSv"] = texts["inquiry.error.required"];
        if (!double.TryParse((Credits ?? "").Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var credits) || credits is <= 0 or > 120) Errors["Credits"] = texts["module.error.credits"];
        if (Level is null || !CatalogueCodes.Levels.TryGetValue(Level, out var level)) { Errors["Level"] = texts["inquiry.error.choice"]; level = course.Level; }
        foreach (var (name, value) in new[] { ("DescriptionSv", DescriptionSv), ("DescriptionEn", DescriptionEn), ("OutcomesSv", OutcomesSv), ("OutcomesEn", OutcomesEn) })
        {
            if (value is { Length: > 4000 }) Errors[name] = texts["inquiry.error.tooLong"];
        }
        if (Errors.Count > 0)
        {
            Item = course;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        course.TitleSv = TitleSv!.Trim();
        course.TitleEn = Blank(TitleEn);
        course.Credits = credits;
        course.Level = level;
        course.DescriptionSv = Blank(DescriptionSv);
        course.DescriptionEn = Blank(DescriptionEn);
        course.OutcomesSv = Blank(OutcomesSv);
        course.OutcomesEn = Blank(OutcomesEn);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("course-saved", "course", course.Code, course.TitleSv, cancellationToken: cancellationToken);
        return Redirect($"/office/kurser/{course.Code}?sparad=1");
    }
}
