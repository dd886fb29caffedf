using Microsoft.EntityFrameworkCore;
using UU.Web.Data;

namespace UU.Web.Features.Catalogue;

public sealed record ModuleCard(int Id, string Slug, string TitleSv, string? TitleEn, string SummarySv, string? SummaryEn, string SubjectSv, string? SubjectEn,
    bool CreditBearing, double? Credits, int? Hours, DeliveryFormat Format, CourseLevel? Level, string Language);

public sealed record ModuleListResult(IReadOnlyList<ModuleCard> Items, int Total, int Page, int PageCount);

public sealed record ThemeOption(string Slug, string NameSv, string? NameEn, int ModuleCount);

public sealed record SubjectOption(string Slug, string NameSv, string? NameEn, int ModuleCount);

/// <summary>Read-side queries of the public catalogue; only published modules are ever returned.</summary>
public sealed class CatalogueQueries(UuDbContext db, ModuleDrafts drafts)
{
    public IQueryable<Module> PublishedModules => db.Modules.AsNoTracking().Where(m => m.Status == ContentStatus.Published);

    public async Task<ModuleListResult> ListAsync(CatalogueFilter filter, bool english, CancellationToken cancellationToken)
    {
        var query = PublishedModules;
        if (filter.Subjects.Count > 0)
        {
            query = query.Where(m => filter.Subjects.Contains(m.Subject!.Slug));
        }
        if (filter.Themes.Count > 0)
        {
            query = query.Where(m => m.Themes.Any(t => filter.Themes.Contains(t.Theme!.Slug)));
        }
        if (filter.Level is { } level)
        {
            query = query.Where(m => m.Level == level);
        }
        if (filter.CreditBearing is { } credit)
        {
            query = query.Where(m => m.CreditBearing == credit);
        }
        if (filter.Formats.Count > 0)
        {
            query = query.Where(m => filter.Formats.Contains(m.Format));
        }
        if (filter.Size is { } size && CatalogueCodes.Sizes.TryGetValue(size, out var band))
        {
            query = query.Where(m => m.StudyHours >= band.Min && m.StudyHours <= band.Max);
        }
        if (filter.Targets != TargetGroups.None)
        {
            var targets = filter.Targets;
            query = query.Where(m => (m.TargetGroups & targets) != TargetGroups.None);
        }
        if (filter.Language is { } language)
        {
            query = query.Where(m => m.Language == language);
        }

        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)CatalogueFilter.PageSize));
        var page = Math.Min(filter.Page, pageCount);

        query = filter.Sort switch
        {
            "omfattning-stigande" => query.OrderBy(m => m.StudyHours).ThenBy(m => m.TitleSv),
            "omfattning-fallande" => query.OrderByDescending(m => m.StudyHours).ThenBy(m => m.TitleSv),
            "nyast" => query.OrderByDescending(m => m.Id),
            _ => english ? query.OrderBy(m => m.TitleEn ?? m.TitleSv) : query.OrderBy(m => m.TitleSv),
        };

        var items = await Project(query.Skip((page - 1) * CatalogueFilter.PageSize).Take(CatalogueFilter.PageSize))
            .ToListAsync(cancellationToken);
        return new ModuleListResult(items, total, page, pageCount);
    }

    public Task<List<ModuleCard>> FeaturedAsync(CancellationToken cancellationToken) =>
        Project(PublishedModules.Where(m => m.Featured).OrderBy(m => m.TitleSv).Take(6)).ToListAsync(cancellationToken);

    public Task<List<SubjectOption>> SubjectsAsync(CancellationToken cancellationToken) =>
        db.Subjects.AsNoTracking()
            .OrderBy(s => s.NameSv)
            .Select(s => new SubjectOption(s.Slug, s.NameSv, s.NameEn, s.Modules.Count(m => m.Status == ContentStatus.Published)))
            .ToListAsync(cancellationToken);

    public Task<List<ThemeOption>> ThemesAsync(CancellationToken cancellationToken) =>
        db.Themes.AsNoTracking()
            .OrderBy(t => t.NameSv)
            .Select(t => new ThemeOption(t.Slug, t.NameSv, t.NameEn, t.Modules.Count(m => m.Module!.Status == ContentStatus.Published)))
            .ToListAsync(cancellationToken);

    public Task<Theme?> ThemeAsync(string slug, CancellationToken cancellationToken) =>
        db.Themes.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);

    public Task<List<ModuleCard>> ModulesInThemeAsync(int themeId, CancellationToken cancellationToken) =>
        Project(PublishedModules.Where(m => m.Themes.Any(t => t.ThemeId == themeId)).OrderBy(m => m.TitleSv)).ToListAsync(cancellationToken);

    public Task<Module?> ModuleAsync(string slug, CancellationToken cancellationToken) =>
        PublishedModules
            .Include(m => m.Subject!).ThenInclude(s => s.Contacts)
            .Include(m => m.Subject!).ThenInclude(s => s.Department)
            .Include(m => m.Courses).ThenInclude(c => c.Course)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Slug == slug, cancellationToken);

    /// <summary>
    /// Any module, published or not, as it will look once its draft is published: the editor's preview. Untracked, so
    /// nothing of the applied draft can be saved from here.
    /// </summary>
    public async Task<Module?> ModulePreviewAsync(string slug, CancellationToken cancellationToken)
    {
        var module = await db.Modules.AsNoTracking()
            .Include(m => m.Subject!).ThenInclude(s => s.Contacts)
            .Include(m => m.Subject!).ThenInclude(s => s.Department)
            .Include(m => m.Courses).ThenInclude(c => c.Course)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Slug == slug, cancellationToken);
        if (module?.DraftJson is not { } json)
        {
            return module;
        }
        await drafts.ApplyAsync(module, ModuleDraft.FromJson(json), cancellationToken);
        var courseIds = module.Courses.Select(c => c.CourseId).ToList();
        var courses = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var link in module.Courses)
        {
            link.Course = courses[link.CourseId];
        }
        module.Subject = await db.Subjects.AsNoTracking().Include(s => s.Contacts).Include(s => s.Department).FirstAsync(s => s.Id == module.SubjectId, cancellationToken);
        return module;
    }

    public Task<Course?> CourseAsync(string code, CancellationToken cancellationToken)
    {
        // Codes are stored upper-case, so an exact comparison can use the unique index.
        var normalised = CourseCodes.Normalise(code);
        return db.Courses.AsNoTracking()
            .Include(c => c.Subject)
            .Include(c => c.Department)
            .FirstOrDefaultAsync(c => c.Code == normalised, cancellationToken);
    }

    public Task<List<ModuleCard>> ModulesUsingCourseAsync(int courseId, CancellationToken cancellationToken) =>
        Project(PublishedModules.Where(m => m.Courses.Any(c => c.CourseId == courseId)).OrderBy(m => m.TitleSv)).ToListAsync(cancellationToken);

    public Task<Subject?> SubjectAsync(string slug, CancellationToken cancellationToken) =>
        db.Subjects.AsNoTracking()
            .Include(s => s.Contacts)
            .Include(s => s.Department)
            .Include(s => s.Courses.OrderBy(c => c.Code))
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);

    public Task<List<ModuleCard>> ModulesInSubjectAsync(int subjectId, CancellationToken cancellationToken) =>
        Project(PublishedModules.Where(m => m.SubjectId == subjectId).OrderBy(m => m.TitleSv)).ToListAsync(cancellationToken);

    private static IQueryable<ModuleCard> Project(IQueryable<Module> query) =>
        query.Select(m => new ModuleCard(m.Id, m.Slug, m.TitleSv, m.TitleEn, m.SummarySv, m.SummaryEn, m.Subject!.NameSv, m.Subject.NameEn,
            m.CreditBearing, m.Credits, m.Hours, m.Format, m.Level, m.Language));
}
