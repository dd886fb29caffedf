using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;

namespace UU.Web.Features.Catalogue;

/// <summary>
/// Reads a <see cref="ModuleDraft"/> against the catalogue: checks it and applies it to a module. Used by the office's
/// editing and by the editor's preview on the public page, which must not depend on the editing service.
/// </summary>
public sealed partial class ModuleDrafts(UuDbContext db)
{
    /// <summary>Copies a valid draft onto the module's live fields and course links (the caller loads the links first).</summary>
    public async Task ApplyAsync(Module m, ModuleDraft d, CancellationToken cancellationToken)
    {
        var (_, parsed) = await ValidateAsync(d, m.Id == 0 ? null : m.Id, cancellationToken);
        m.TitleSv = d.TitleSv.Trim();
        m.TitleEn = Blank(d.TitleEn);
        m.Slug = d.Slug;
        m.SummarySv = d.SummarySv.Trim();
        m.SummaryEn = Blank(d.SummaryEn);
        m.OutcomesSv = Blank(d.OutcomesSv);
        m.OutcomesEn = Blank(d.OutcomesEn);
        m.TargetGroupTextSv = Blank(d.TargetGroupTextSv);
        m.TargetGroupTextEn = Blank(d.TargetGroupTextEn);
        m.TargetGroups = d.Targets.Aggregate(TargetGroups.None, (all, t) => all | CatalogueCodes.Targets[t]);
        m.SubjectId = parsed.SubjectId;
        m.CreditBearing = d.CreditBearing;
        m.Credits = d.CreditBearing ? parsed.Credits : null;
        m.Hours = d.CreditBearing ? null : parsed.Hours;
        m.Level = d.CreditBearing && d.Level is not null ? CatalogueCodes.Levels[d.Level] : null;
        m.Format = CatalogueCodes.Formats[d.Format];
        m.Language = d.Language;
        m.PriceModel = Enum.Parse<PriceModel>(d.PriceModel);
        m.PriceSek = parsed.Price;
        m.MinParticipants = parsed.Min;
        m.MaxParticipants = parsed.Max;
        m.Featured = d.Featured;
        m.ImagePath = Blank(d.ImagePath);
        m.ImageAlt = m.ImagePath is null ? null : Blank(d.ImageAlt);
        m.ImageAltEn = m.ImagePath is null ? null : Blank(d.ImageAltEn);
        m.UpdateStudyHours();
        m.Courses.Clear();
        foreach (var (courseId, part, partCredits) in parsed.Courses)
        {
            m.Courses.Add(new ModuleCourse { CourseId = courseId, PartSv = part, PartCredits = partCredits });
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public sealed record Parsed(int SubjectId, double? Credits, int? Hours, int? Price, int? Min, int? Max, List<(int CourseId, string? Part, double? PartCredits)> Courses);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    /// <summary>Problems as (field, text key), and the draft's values as the module stores them.</summary>
    public async Task<(Dictionary<string, string> Errors, Parsed Parsed)> ValidateAsync(ModuleDraft d, int? id, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(d.TitleSv)) errors["TitleSv"] = "inquiry.error.required";
        else if (d.TitleSv.Length > 300) errors["TitleSv"] = "inquiry.error.tooLong";
        if (string.IsNullOrWhiteSpace(d.SummarySv)) errors["SummarySv"] = "inquiry.error.required";
        else if (d.SummarySv.Length > 2000) errors["SummarySv"] = "inquiry.error.tooLong";
        foreach (var (name, value, limit) in new[] { ("TitleEn", d.TitleEn, 300), ("SummaryEn", d.SummaryEn, 2000), ("OutcomesSv", d.OutcomesSv, 4000), ("OutcomesEn", d.OutcomesEn, 4000), ("TargetGroupTextSv", d.TargetGroupTextSv, 300), ("TargetGroupTextEn", d.TargetGroupTextEn, 300), ("ImageAlt", d.ImageAlt, 300), ("ImageAltEn", d.ImageAltEn, 300) })
        {
            if (value is { Length: > 0 } && value.Length > limit) errors[name] = "inquiry.error.tooLong";
            else if (value is not null && value.Any(c => char.IsControl(c) && c is not '\n' and not '\r')) errors[name] = "inquiry.error.controlCharacters";
        }
        // The same rule as a story's image: a file of the media library, described for those who cannot see it.
        if (Blank(d.ImagePath) is { } image)
        {
            if (await Media.MediaImages.ProblemAsync(db, image, cancellationToken) is { } problem) errors["ImagePath"] = problem;
            if (string.IsNullOrWhiteSpace(d.ImageAlt)) errors.TryAdd("ImageAlt", "content.error.altRequired");
        }
        if (d.Slug.Length is 0 or > 150 || !SlugPattern().IsMatch(d.Slug)) errors["Slug"] = "content.error.slug";
        else if (await db.Modules.AnyAsync(m => m.Slug == d.Slug && m.Id != (id ?? 0), cancellationToken)) errors["Slug"] = "content.error.slugTaken";
        var subjectId = d.SubjectSlug is null ? 0 : await db.Subjects.Where(s => s.Slug == d.SubjectSlug).Select(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (subjectId == 0) errors["SubjectSlug"] = "content.error.subject";
        if (d.Targets.Any(t => !CatalogueCodes.Targets.ContainsKey(t))) errors["Targets"] = "inquiry.error.choice";
        if (!CatalogueCodes.Formats.ContainsKey(d.Format)) errors["Format"] = "inquiry.error.choice";
        if (d.Language is not ("sv" or "en")) errors["Language"] = "inquiry.error.choice";
        if (!Enum.TryParse<PriceModel>(d.PriceModel, out _)) errors["PriceModel"] = "inquiry.error.choice";
        double? credits = null;
        int? hours = null;
        if (d.CreditBearing)
        {
            if (!double.TryParse((d.Credits ?? "").Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var c) || c is <= 0 or > 120)
                errors["Credits"] = "module.error.credits";
            else credits = c;
            if (d.Level is null || !CatalogueCodes.Levels.ContainsKey(d.Level)) errors["Level"] = "inquiry.error.choice";
        }
        else if (!int.TryParse(d.Hours, NumberStyles.None, CultureInfo.InvariantCulture, out var h) || h is < 1 or > 2000)
        {
            errors["Hours"] = "module.error.hours";
        }
        else
        {
            hours = h;
        }
        int? Number(string field, string? value, int largest)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (int.TryParse(value.Replace(" ", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= largest) return n;
            errors[field] = "module.error.number";
            return null;
        }
        var price = Number("PriceSek", d.PriceSek, 100_000_000);
        var min = Number("MinParticipants", d.MinParticipants, 10_000);
        var max = Number("MaxParticipants", d.MaxParticipants, 10_000);
        if (min is { } lo && max is { } hi && lo > hi) errors["MaxParticipants"] = "module.error.minMax";
        var courses = new List<(int, string?, double?)>();
        var lines = (d.Courses ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var codes = lines.Select(l => l.Split('|', 3, StringSplitOptions.TrimEntries)[0].ToUpperInvariant()).ToList();
        var known = await db.Courses.Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Id, cancellationToken);
        foreach (var line in lines)
        {
            var parts = line.Split('|', 3, StringSplitOptions.TrimEntries);
            if (!known.TryGetValue(parts[0].ToUpperInvariant(), out var courseId) || courses.Any(c => c.Item1 == courseId))
            {
                errors["Courses"] = "module.error.course";
                continue;
            }
            double? partCredits = null;
            if (parts.Length == 3)
            {
                if (double.TryParse(parts[2].Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pc) && pc > 0) partCredits = pc;
                else errors["Courses"] = "module.error.course";
            }
            courses.Add((courseId, parts.Length >= 2 && parts[1].Length > 0 ? parts[1] : null, partCredits));
        }
        if (courses.Count == 0 && !errors.ContainsKey("Courses")) errors["Courses"] = "module.error.noCourse";
        return (errors, new Parsed(subjectId, credits, hours, price, min, max, courses));
    }
}
