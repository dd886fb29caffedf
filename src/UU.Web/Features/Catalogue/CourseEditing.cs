using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Audit;

namespace UU.Web.Features.Catalogue;

/// <summary>What an editor typed for a regular course's texts.</summary>
public sealed record CourseEdit(string? TitleSv, string? TitleEn, string? Credits, string? Level, string? DescriptionSv, string? DescriptionEn, string? OutcomesSv, string? OutcomesEn);

public enum CourseSaveResult
{
    Saved,
    Invalid,
    NotFound,
}

/// <summary>Saved (with the course's code as stored), or a message per field.</summary>
public sealed record CourseSaveOutcome(CourseSaveResult Result, string? Code, IReadOnlyDictionary<string, string> FieldErrors);

/// <summary>Saves the texts of a regular course (the syllabus register remains the source; `import-courses` updates in bulk).</summary>
public sealed class CourseEditing(UuDbContext db, AuditTrail audit, Localization.Texts texts)
{
    public async Task<CourseSaveOutcome> SaveAsync(string code, CourseEdit edit, CancellationToken cancellationToken)
    {
        var normalised = CourseCodes.Normalise(code);
        var course = await db.Courses.FirstOrDefaultAsync(c => c.Code == normalised, cancellationToken);
        if (course is null)
        {
            return new CourseSaveOutcome(CourseSaveResult.NotFound, null, new Dictionary<string, string>());
        }
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(edit.TitleSv) || edit.TitleSv.Length > 300)
        {
            errors["TitleSv"] = texts["inquiry.error.required"];
        }
        if (!double.TryParse((edit.Credits ?? "").Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var credits) || credits is <= 0 or > 120)
        {
            errors["Credits"] = texts["module.error.credits"];
        }
        if (edit.Level is null || !CatalogueCodes.Levels.TryGetValue(edit.Level, out var level))
        {
            errors["Level"] = texts["inquiry.error.choice"];
            level = course.Level;
        }
        foreach (var (name, value) in new[] { ("DescriptionSv", edit.DescriptionSv), ("DescriptionEn", edit.DescriptionEn), ("OutcomesSv", edit.OutcomesSv), ("OutcomesEn", edit.OutcomesEn) })
        {
            if (value is { Length: > 4000 })
            {
                errors[name] = texts["inquiry.error.tooLong"];
            }
        }
        if (errors.Count > 0)
        {
            return new CourseSaveOutcome(CourseSaveResult.Invalid, course.Code, errors);
        }
        course.TitleSv = edit.TitleSv!.Trim();
        course.TitleEn = Blank(edit.TitleEn);
        course.Credits = credits;
        course.Level = level;
        course.DescriptionSv = Blank(edit.DescriptionSv);
        course.DescriptionEn = Blank(edit.DescriptionEn);
        course.OutcomesSv = Blank(edit.OutcomesSv);
        course.OutcomesEn = Blank(edit.OutcomesEn);
        audit.Add("course-saved", "course", course.Code, course.TitleSv);
        await db.SaveChangesAsync(cancellationToken);
        return new CourseSaveOutcome(CourseSaveResult.Saved, course.Code, errors);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
