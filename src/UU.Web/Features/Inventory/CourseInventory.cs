using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using UU.Web.Data;
using UU.Web.Features.Audit;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Search;

namespace UU.Web.Features.Inventory;

/// <summary>The inventory list's filters (department, level, credits, language); a value not understood is named, never fatal.</summary>
public sealed record InventoryFilter(int? DepartmentId, CourseLevel? Level, double? Credits, string? Language)
{
    public static readonly InventoryFilter None = new(null, null, null, null);

    /// <summary>The filter, and the values that were not understood by parameter.</summary>
    public static (InventoryFilter Filter, Dictionary<string, string> Bad) Parse(IQueryCollection query)
    {
        var bad = new Dictionary<string, string>();
        string? Value(string key) => query[key].ToString().Trim() is { Length: > 0 } v ? (v.Length > 100 ? v[..100] : v) : null;
        int? department = null;
        if (Value("department") is { } d)
        {
            if (int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) department = id;
            else bad["department"] = d;
        }
        CourseLevel? level = null;
        if (Value("level") is { } l)
        {
            if (CatalogueCodes.Levels.TryGetValue(l, out var parsed)) level = parsed;
            else bad["level"] = l;
        }
        double? credits = null;
        if (Value("credits") is { } c)
        {
            if (double.TryParse(c.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hp) && hp is > 0 and <= 120) credits = hp;
            else bad["credits"] = c;
        }
        string? language = null;
        if (Value("language") is { } lang)
        {
            if (CatalogueCodes.Languages.Contains(lang, StringComparer.OrdinalIgnoreCase)) language = lang.ToLowerInvariant();
            else bad["language"] = lang;
        }
        return (new InventoryFilter(department, level, credits, language), bad);
    }

    /// <summary>What each parameter takes, for the API's problem details.</summary>
    public static string Expected(string key) => key switch
    {
        "department" => "a department id (a whole number)",
        "level" => "one of " + string.Join(", ", CatalogueCodes.Levels.Keys),
        "credits" => "a number of credits from 0 to 120, such as 7.5",
        _ => "one of " + string.Join(", ", CatalogueCodes.Languages),
    };
}

public sealed record ModuleRef(int Id, string Slug, string Title, string SubjectSlug, bool Published);

/// <summary>Beside a course, to help the judgement: matching leads and inquiries of the last two years, other subjects' modules that cover it, distance.</summary>
public sealed record InventorySignals(int Leads, int Inquiries, IReadOnlyList<ModuleRef> OtherSubjectModules, bool Distance);

/// <summary>One course of the inventory: its state (derived from the module mapping, else its latest mark), the marks newest first, and signals.</summary>
public sealed record InventoryRow(
    int CourseId, string Code, string TitleSv, string? TitleEn, double Credits, CourseLevel Level, string Language, bool Distance, string? Department,
    InventoryState State, CourseMark? LastMark, IReadOnlyList<CourseMark> History, IReadOnlyList<ModuleRef> UsedBy, IReadOnlyList<ModuleRef> ProposedIn, InventorySignals? Signals)
{
    public bool Unused => UsedBy.Count == 0;
}

public enum InventoryResult
{
    Done,
    Invalid,
    NotFound,
    Forbidden,
}

/// <summary>Done (with the new thing's id), or why not: problems as (field, text key), not found, or not allowed.</summary>
public sealed record InventoryOutcome(InventoryResult Result, IReadOnlyDictionary<string, string> Errors, int? Id = null)
{
    public static readonly InventoryOutcome NotFound = new(InventoryResult.NotFound, new Dictionary<string, string>());
    public static readonly InventoryOutcome Forbidden = new(InventoryResult.Forbidden, new Dictionary<string, string>());

    public static InventoryOutcome Invalid(string field, string key) => new(InventoryResult.Invalid, new Dictionary<string, string> { [field] = key });

    public static InventoryOutcome Done(int? id = null) => new(InventoryResult.Done, new Dictionary<string, string>(), id);
}

public sealed record SubjectOverview(string Slug, string NameSv, string? NameEn, int Courses, int Unused, int Candidates, int? OpenRoundId);

/// <summary>
/// The course inventory of a subject: the state of each regular course and who marked it when, marking (history kept),
/// and the signals beside each course. Rounds and proposals are in <see cref="InventoryRounds"/> and <see cref="ModuleProposals"/>.
/// </summary>
public sealed partial class CourseInventory(UuDbContext db, AuditTrail audit, TimeProvider clock, TopicMatcher topics, CatalogueSearch search)
{
    public const int SignalYears = 2;

    public Task<Subject?> SubjectAsync(string slug, CancellationToken cancellationToken) =>
        db.Subjects.AsNoTracking().Include(s => s.Contacts).Include(s => s.Department).FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);

    /// <summary>The subjects this person works on, with how many courses are unused and how many are candidates.</summary>
    public async Task<IReadOnlyList<SubjectOverview>> OverviewAsync(InventoryActor actor, CancellationToken cancellationToken)
    {
        var ids = await actor.SubjectIdsAsync(db, cancellationToken);
        var subjects = await db.Subjects.AsNoTracking().Where(s => ids == null || ids.Contains(s.Id)).OrderBy(s => s.NameSv)
            .Select(s => new { s.Id, s.Slug, s.NameSv, s.NameEn }).ToListAsync(cancellationToken);
        var open = await db.InventoryRounds.AsNoTracking().Where(r => r.ClosedAt == null).Select(r => new { r.SubjectId, r.Id }).ToListAsync(cancellationToken);
        var result = new List<SubjectOverview>();
        foreach (var s in subjects)
        {
            var rows = await ListAsync(s.Id, InventoryFilter.None, signals: false, cancellationToken);
            result.Add(new SubjectOverview(s.Slug, s.NameSv, s.NameEn, rows.Count, rows.Count(r => r.Unused), rows.Count(r => r.State == InventoryState.Candidate),
                open.FirstOrDefault(o => o.SubjectId == s.Id)?.Id));
        }
        return result;
    }

    /// <summary>The subject's courses, unused ones first (then by code), with their state and marks; signals when asked for.</summary>
    public async Task<IReadOnlyList<InventoryRow>> ListAsync(int subjectId, InventoryFilter filter, bool signals, CancellationToken cancellationToken)
    {
        var query = db.Courses.AsNoTracking().Where(c => c.SubjectId == subjectId);
        if (filter.DepartmentId is { } department) query = query.Where(c => c.DepartmentId == department);
        if (filter.Level is { } level) query = query.Where(c => c.Level == level);
        if (filter.Credits is { } credits) query = query.Where(c => c.Credits == credits);
        if (filter.Language is { } language) query = query.Where(c => c.Language == language);
        var courses = await query.Select(c => new
        {
            c.Id, c.Code, c.TitleSv, c.TitleEn, c.Credits, c.Level, c.Language, c.OfferedAtDistance,
            Department = c.Department == null ? null : c.Department.NameSv,
        }).ToListAsync(cancellationToken);
        var ids = courses.Select(c => c.Id).ToList();
        var links = await db.ModuleCourses.AsNoTracking().Where(l => ids.Contains(l.CourseId))
            .Select(l => new { l.CourseId, Module = new ModuleRef(l.ModuleId, l.Module!.Slug, l.Module.TitleSv, l.Module.Subject!.Slug, l.Module.Status == ContentStatus.Published) })
            .ToListAsync(cancellationToken);
        var marks = (await db.CourseMarks.AsNoTracking().Where(m => ids.Contains(m.CourseId)).ToListAsync(cancellationToken))
            .OrderByDescending(m => m.At).ThenByDescending(m => m.Id).ToLookup(m => m.CourseId);
        var subjectSlug = await db.Subjects.Where(s => s.Id == subjectId).Select(s => s.Slug).FirstAsync(cancellationToken);
        var counter = signals ? await TopicCounterAsync(cancellationToken) : null;
        var rows = new List<InventoryRow>();
        foreach (var c in courses)
        {
            var usedBy = links.Where(l => l.CourseId == c.Id && l.Module.Published).Select(l => l.Module).ToList();
            var proposedIn = links.Where(l => l.CourseId == c.Id && !l.Module.Published).Select(l => l.Module).ToList();
            var history = marks[c.Id].ToList();
            var last = history.FirstOrDefault();
            var state = usedBy.Count > 0 ? InventoryState.UsedByModule : last?.State switch
            {
                CourseMarkState.Candidate => InventoryState.Candidate,
                CourseMarkState.NotSuitable => InventoryState.NotSuitable,
                _ => InventoryState.NotReviewed,
            };
            InventorySignals? courseSignals = null;
            if (counter is not null)
            {
                var (leads, inquiries) = counter(c.TitleSv);
                var others = usedBy.Where(m => m.SubjectSlug != subjectSlug).ToList();
                others.AddRange((await CoveringModulesAsync(c.TitleSv, subjectId, cancellationToken)).Where(m => others.All(o => o.Id != m.Id)));
                courseSignals = new InventorySignals(leads, inquiries, others, c.OfferedAtDistance);
            }
            rows.Add(new InventoryRow(c.Id, c.Code, c.TitleSv, c.TitleEn, c.Credits, c.Level, c.Language, c.OfferedAtDistance, c.Department,
                state, last, history, usedBy, proposedIn, courseSignals));
        }
        return rows.OrderBy(r => r.Unused ? 0 : 1).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>Records a mark; the course's earlier marks stay as its history.</summary>
    public async Task<InventoryOutcome> MarkAsync(InventoryActor actor, int courseId, CourseMarkState state, string? reason, string? comment, CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsNoTracking().Where(c => c.Id == courseId).Select(c => new { c.Id, c.Code, c.SubjectId }).FirstOrDefaultAsync(cancellationToken);
        if (course is null)
        {
            return InventoryOutcome.NotFound;
        }
        if (!await actor.MayWorkOnAsync(db, course.SubjectId, cancellationToken))
        {
            return InventoryOutcome.Forbidden;
        }
        reason = Blank(reason);
        comment = Blank(comment);
        if (!Enum.IsDefined(state)) return InventoryOutcome.Invalid("State", "inquiry.error.choice");
        if (await db.ModuleCourses.AnyAsync(l => l.CourseId == courseId && l.Module!.Status == ContentStatus.Published, cancellationToken))
        {
            return InventoryOutcome.Invalid("State", "inventory.error.used");
        }
        if (state == CourseMarkState.NotSuitable && reason is null) return InventoryOutcome.Invalid("Reason", "inventory.error.reasonRequired");
        if (reason is { Length: > CourseMark.ReasonMaxLength }) return InventoryOutcome.Invalid("Reason", "inquiry.error.tooLong");
        if (comment is { Length: > CourseMark.CommentMaxLength }) return InventoryOutcome.Invalid("Comment", "inquiry.error.tooLong");
        var round = await db.InventoryRounds.Where(r => r.SubjectId == course.SubjectId && r.ClosedAt == null).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
        db.CourseMarks.Add(new CourseMark
        {
            CourseId = courseId, State = state, Reason = state == CourseMarkState.NotSuitable ? reason : null, Comment = comment,
            RoundId = round, ByEmail = actor.Email, ByName = actor.Name, At = clock.GetUtcNow(),
        });
        audit.Add("course-marked", "course", course.Code, state.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return InventoryOutcome.Done(courseId);
    }

    /// <summary>
    /// Counts, for a course title, the leads and inquiries of the last two years whose text mentions every word of it
    /// (through the search index's Swedish analysis: stems and compound parts). The texts are analysed once per list.
    /// </summary>
    private async Task<Func<string, (int Leads, int Inquiries)>> TopicCounterAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddYears(-SignalYears);
        // REVIEW: the most recent 2,000 of each are read and analysed per request; a stored count would scale further.
        var leads = await db.Leads.AsNoTracking().Where(l => l.MergedIntoId == null && l.CreatedAt >= since).OrderByDescending(l => l.CreatedAt)
            .Select(l => l.Title + "\n" + (l.Description ?? "")).Take(2000).ToListAsync(cancellationToken);
        var inquiries = await db.Inquiries.AsNoTracking().Where(i => i.ReceivedAt >= since).OrderByDescending(i => i.ReceivedAt)
            .Select(i => i.Description).Take(2000).ToListAsync(cancellationToken);
        var leadTerms = leads.Select(topics.Terms).ToList();
        var inquiryTerms = inquiries.Select(topics.Terms).ToList();
        return title =>
        {
            var words = topics.Words(title);
            return (leadTerms.Count(t => TopicMatcher.Matches(words, t)), inquiryTerms.Count(t => TopicMatcher.Matches(words, t)));
        };
    }

    /// <summary>Published modules of other subjects that the search index finds for every word of the course title (one search).</summary>
    private async Task<IReadOnlyList<ModuleRef>> CoveringModulesAsync(string title, int subjectId, CancellationToken cancellationToken)
    {
        var query = SearchQuery.Parse(new QueryCollection(new Dictionary<string, StringValues>
        {
            ["q"] = title,
            ["type"] = SearchDocuments.ModuleType,
            ["pageSize"] = "5",
        }));
        var result = search.Search(query, related: false);
        if (result.Relaxed || result.Hits.Count == 0)
        {
            return [];
        }
        var ids = result.Hits.Select(h => h.Id).ToList();
        return await db.Modules.AsNoTracking().Where(m => ids.Contains(m.Id) && m.SubjectId != subjectId && m.Status == ContentStatus.Published)
            .Select(m => new ModuleRef(m.Id, m.Slug, m.TitleSv, m.Subject!.Slug, true)).ToListAsync(cancellationToken);
    }

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
