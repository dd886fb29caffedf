using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using UU.Search;
using UU.Web.Data;
using UU.Web.Features.Catalogue;

namespace UU.Web.Features.Search;

/// <summary>Maps published catalogue content to search documents. Only published modules are ever indexed.</summary>
public sealed class SearchDocuments(UuDbContext db)
{
    public const string ModuleType = "module";
    public const string CourseType = "course";

    public async IAsyncEnumerable<SearchDocument> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var moduleIds = await db.Modules.AsNoTracking().Where(m => m.Status == ContentStatus.Published).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(cancellationToken);
        foreach (var batch in moduleIds.Chunk(500))
        {
            foreach (var document in await ModulesAsync(batch, cancellationToken))
            {
                yield return document;
            }
        }
        foreach (var document in await ContentAsync(await db.ContentItems.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken), cancellationToken))
        {
            yield return document;
        }
        var courseIds = await db.Courses.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var batch in courseIds.Chunk(500))
        {
            foreach (var document in await CoursesAsync(batch, cancellationToken))
            {
                yield return document;
            }
        }
    }

    public async Task<List<SearchDocument>> ModulesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var modules = await db.Modules.AsNoTracking()
            .Where(m => ids.Contains(m.Id) && m.Status == ContentStatus.Published)
            .Include(m => m.Subject)
            .Include(m => m.Courses).ThenInclude(c => c.Course)
            .Include(m => m.Themes).ThenInclude(t => t.Theme)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return modules.Select(ToDocument).ToList();
    }

    public async Task<List<SearchDocument>> CoursesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var courses = await db.Courses.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Include(c => c.Subject)
            .ToListAsync(cancellationToken);
        return courses.Select(ToDocument).ToList();
    }

    /// <summary>
    /// Published pages and stories; a draft, unpublished or deleted item yields nothing (and so leaves the index), and so does a
    /// staff page: the staff section is searched on its own (Features/Staff), so it can never surface in public search or suggestions.
    /// </summary>
    public async Task<List<SearchDocument>> ContentAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var items = await db.ContentItems.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.State == Content.ContentState.Published && c.PublishedJson != null && Content.ContentTypes.Public.Contains(c.Type))
            .ToListAsync(cancellationToken);
        return items.Select(ToDocument).ToList();
    }

    public static SearchDocument ToDocument(Content.ContentItem item)
    {
        var f = item.Published!;
        return new SearchDocument
        {
            Type = item.Type,
            Id = item.Id,
            Slug = item.PublishedSlug!,
            Title = f.TitleSv,
            TitleEn = f.TitleEn,
            Summary = f.SummarySv,
            SummaryEn = f.SummaryEn,
            Body = string.Join("\n", new[] { f.BodySv, f.ClientName, f.Sector, f.QuoteSv, f.ResultsSv }.Where(s => !string.IsNullOrWhiteSpace(s))),
            BodyEn = string.Join("\n", new[] { f.BodyEn, f.QuoteEn, f.ResultsEn }.Where(s => !string.IsNullOrWhiteSpace(s))),
            Facets = new Dictionary<string, IReadOnlyList<string>> { ["subject"] = f.SubjectSlug is null ? [] : [f.SubjectSlug] },
        };
    }

    public static SearchDocument ToDocument(Module m)
    {
        var courses = m.Courses.Where(c => c.Course is not null).Select(c => c.Course!).ToList();
        var targets = CatalogueCodes.Targets.Where(t => m.TargetGroups.HasFlag(t.Value)).ToList();
        return new SearchDocument
        {
            Type = ModuleType,
            Id = m.Id,
            Parts = courses.Select(c => SearchDocument.DocumentKey(CourseType, c.Id)).ToList(),
            Slug = m.Slug,
            Title = m.TitleSv,
            TitleEn = m.TitleEn,
            Summary = m.SummarySv,
            SummaryEn = m.SummaryEn,
            Body = string.Join("\n", new[] { m.OutcomesSv, m.TargetGroupTextSv, m.Subject?.NameSv }
                .Concat(courses.Select(c => $"{c.Code} {c.TitleSv}"))
                .Concat(m.Courses.Select(c => c.PartSv))
                .Where(s => !string.IsNullOrWhiteSpace(s))),
            BodyEn = string.Join("\n", new[] { m.OutcomesEn, m.TargetGroupTextEn, m.Subject?.NameEn }
                .Concat(courses.Select(c => c.TitleEn))
                .Where(s => !string.IsNullOrWhiteSpace(s))),
            Facets = new Dictionary<string, IReadOnlyList<string>>
            {
                ["subject"] = m.Subject is null ? [] : [m.Subject.Slug],
                ["level"] = m.Level is { } level ? [CatalogueCodes.Code(level)] : [],
                ["format"] = [CatalogueCodes.Code(m.Format)],
                ["credit"] = [m.CreditBearing ? "ja" : "nej"],
                ["size"] = [SizeBand(m.StudyHours)],
                ["language"] = [m.Language],
                ["target"] = targets.Select(t => t.Key).ToList(),
                ["theme"] = m.Themes.Where(t => t.Theme is not null).Select(t => t.Theme!.Slug).ToList(),
            },
        };
    }

    public static SearchDocument ToDocument(Course c) => new()
    {
        Type = CourseType,
        Id = c.Id,
        Code = c.Code,
        Slug = c.Code,
        Title = c.TitleSv,
        TitleEn = c.TitleEn,
        Summary = c.DescriptionSv,
        SummaryEn = c.DescriptionEn,
        Body = string.Join("\n", new[] { c.OutcomesSv, c.Subject?.NameSv }.Where(s => !string.IsNullOrWhiteSpace(s))),
        BodyEn = string.Join("\n", new[] { c.OutcomesEn, c.Subject?.NameEn }.Where(s => !string.IsNullOrWhiteSpace(s))),
        Facets = new Dictionary<string, IReadOnlyList<string>>
        {
            ["subject"] = c.Subject is null ? [] : [c.Subject.Slug],
            ["level"] = [CatalogueCodes.Code(c.Level)],
            ["credit"] = ["ja"],
            ["size"] = [SizeBand((int)Math.Round(c.Credits * Module.HoursPerCredit))],
        },
    };

    public static string SizeBand(int studyHours) =>
        CatalogueCodes.Sizes.First(s => studyHours >= s.Value.Min && studyHours <= s.Value.Max).Key;
}
