using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UU.Scrapers;
using UU.Web.Data;
using UU.Web.Features.Inquiries;
using UU.Web.Features.Shared;

namespace UU.Web.Features.Commissions;

/// <summary>A case in the list: today's inquiry fields, and where the case stands.</summary>
public sealed record CaseListItem(int Id, string ReferenceNumber, DateTimeOffset ReceivedAt, string Status, string OrganisationName, string OrganisationNumber,
    string ContactName, string Email, int? Participants, IReadOnlyList<string> Modules,
    string Phase, string? Type, string? Holder, bool Overdue, bool NeedsSubject, IReadOnlyList<string> Subjects, string? NextStep, DateOnly? NextStepDue, string WayIn, int Year);

/// <summary>The case list, with the same filters in the office, in its CSV/Excel export and in GET /api/inquiries.</summary>
public sealed class CaseList(UuDbContext db, TimeProvider clock)
{
    public sealed record Filter(InquiryStatus? Status, string? Text, int? Year, int Page, int PageSize,
        CasePhase? Phase = null, int? Type = null, string? Subject = null, int? Faculty = null, string? Holder = null, int? Client = null, bool Overdue = false, bool NeedsSubject = false,
        SupportFilter? Support = null, int? Department = null, bool Credits = false)
    {
        /// <summary>The list's order: the newest reference number first unless the address asks for another column.</summary>
        public ListSort Sort { get; init; } = DefaultSort;
    }

    /// <summary>The columns the list sorts by (<c>sortera=</c>): reference number, received, organisation, phase, status.</summary>
    public static readonly IReadOnlyList<string> SortKeys = ["referens", "inkom", "organisation", "fas", "status"];

    public static readonly ListSort DefaultSort = new("referens", Descending: true);

    public const int MaxExportRows = 10_000;

    public static (Filter Filter, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>();
        string? Text(string key, int max) => ((string?)query[key])?.Trim() is { Length: > 0 } t ? t[..Math.Min(max, t.Length)] : null;
        TEnum? Enumerated<TEnum>(string key) where TEnum : struct, Enum
        {
            if (Text(key, 40) is not { } s)
            {
                return null;
            }
            if (!int.TryParse(s, out _) && Enum.TryParse<TEnum>(s, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                return parsed;
            }
            errors[key] = [$"'{s}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}"];
            return null;
        }
        int? Whole(string key, int min, int max, string message)
        {
            if (Text(key, 20) is not { } s)
            {
                return null;
            }
            if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
            {
                return parsed;
            }
            errors[key] = [message];
            return null;
        }
        bool Flag(string key)
        {
            if (Text(key, 10) is not { } s)
            {
                return false;
            }
            if (s is "true" or "1" or "on" or "ja")
            {
                return true;
            }
            if (s is "false" or "0" or "off" or "nej")
            {
                return false;
            }
            errors[key] = ["must be true or false"];
            return false;
        }
        var status = Enumerated<InquiryStatus>("status");
        var support = Enumerated<SupportFilter>("support");
        var department = Whole("department", 1, int.MaxValue, "must be the id of a department");
        var phase = Enumerated<CasePhase>("phase");
        var year = Whole("year", 2000, 2100, "must be a year such as 2026");
        var type = Whole("type", 1, int.MaxValue, "must be the id of a commission type");
        var faculty = Whole("faculty", 1, int.MaxValue, "must be the id of a faculty");
        var client = Whole("client", 1, int.MaxValue, "must be the id of a client");
        var page = Whole("page", 1, int.MaxValue, "must be a whole number from 1") ?? 1;
        var pageSize = Whole("pageSize", 1, 500, "must be a whole number from 1 to 500") ?? 50;
        return (new Filter(status, Text("q", 100), year, page, pageSize, phase, type, Text("subject", 100), faculty, Text("holder", 254)?.ToLowerInvariant(), client,
            Flag("overdue"), Flag("needsSubject"), support, department, Flag("credits")) { Sort = ListSort.Parse(query, SortKeys, DefaultSort) }, errors);
    }

    public IQueryable<Inquiry> Query(Filter filter, CaseAccess access)
    {
        var query = db.Inquiries.AsNoTracking().VisibleTo(db, access);
        if (filter.Status is { } status) query = query.Where(i => i.Status == status);
        // The year a case is for (the statistics' year), which is the year it came in unless a coordinator said otherwise.
        if (filter.Year is { } year) query = query.Where(i => (i.ForYear ?? i.Year) == year);
        if (filter.Phase is { } phase) query = query.Where(i => i.Phase == phase);
        if (filter.Type is { } type) query = query.Where(i => i.CommissionTypeId == type);
        if (filter.Subject is { } subject) query = query.Where(i => i.Subjects.Any(s => s.Subject!.Slug == subject));
        if (filter.Faculty is { } faculty) query = query.Where(i => i.Subjects.Any(s => s.Subject!.Department != null && s.Subject.Department.FacultyId == faculty));
        if (filter.Department is { } department) query = query.Where(i => i.Subjects.Any(s => s.Subject!.DepartmentId == department));
        if (filter.Credits) query = query.Where(i => i.GivesCredits == true);
        query = filter.Support switch
        {
            SupportFilter.Through => query.Where(i => i.CommissionType!.HandlingOrder == HandlingOrderScope.EconomicParts || (i.CommissionType.HandlingOrder == HandlingOrderScope.Governed && !i.OutsideSupport)),
            SupportFilter.Governed => query.Where(i => i.CommissionType!.HandlingOrder == HandlingOrderScope.Governed),
            SupportFilter.OtherThrough => query.Where(i => i.CommissionType!.HandlingOrder == HandlingOrderScope.Governed && !i.OutsideSupport),
            SupportFilter.Outside => query.Where(i => i.CommissionType!.HandlingOrder == HandlingOrderScope.Governed && i.OutsideSupport),
            _ => query,
        };
        if (filter.Support is not null) query = query.Where(i => i.ExcludedFromStatistics == null);
        if (filter.Holder is { } holder) query = query.Where(i => i.HolderEmail == holder);
        if (filter.Client is { } client) query = query.Where(i => i.ClientId == client);
        if (filter.NeedsSubject) query = query.Where(i => i.Phase != CasePhase.Closed && !i.Subjects.Any());
        if (filter.Overdue)
        {
            var today = SwedishTime.Today(clock.GetUtcNow());
            query = query.Where(CaseOverdue.Expression(today));
        }
        if (filter.Text is { } text)
        {
            // Case-insensitive on both databases, å/ä/ö included: both sides lower-cased (UuDbContext.Fold in SQL).
            var pattern = UuDbContext.Containing(text);
            const string e = UuDbContext.LikeEscape;
            query = query.Where(i => EF.Functions.Like(UuDbContext.Fold(i.OrganisationName), pattern, e) || EF.Functions.Like(UuDbContext.Fold(i.ReferenceNumber), pattern, e)
                || EF.Functions.Like(UuDbContext.Fold(i.ContactName), pattern, e) || EF.Functions.Like(UuDbContext.Fold(i.Description), pattern, e)
                || (i.RegistryNumber != null && EF.Functions.Like(UuDbContext.Fold(i.RegistryNumber), pattern, e)));
        }
        return query;
    }

    public async Task<(IReadOnlyList<CaseListItem> Items, int Total)> ListAsync(Filter filter, CaseAccess access, CancellationToken cancellationToken)
    {
        var query = Query(filter, access);
        var total = await query.CountAsync(cancellationToken);
        return (await ItemsAsync(Ordered(query, filter.Sort).Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize), cancellationToken), total);
    }

    /// <summary>Every case the filter finds (up to <see cref="MaxExportRows"/>), for the export.</summary>
    public async Task<IReadOnlyList<CaseListItem>> AllAsync(Filter filter, CaseAccess access, CancellationToken cancellationToken) =>
        await ItemsAsync(Ordered(Query(filter, access), filter.Sort).Take(MaxExportRows), cancellationToken);

    /// <summary>The cases in the sort's order; the reference number (newest first) breaks ties, so paging never skips or repeats a case.</summary>
    private static IQueryable<Inquiry> Ordered(IQueryable<Inquiry> query, ListSort sort) => sort.Key switch
    {
        "inkom" => sort.Apply(query, i => i.ReceivedAt).ThenByDescending(i => i.Year).ThenByDescending(i => i.Sequence),
        "organisation" => sort.Apply(query, i => i.OrganisationName).ThenByDescending(i => i.Year).ThenByDescending(i => i.Sequence),
        "fas" => sort.Apply(query, i => i.Phase).ThenByDescending(i => i.Year).ThenByDescending(i => i.Sequence),
        "status" => sort.Apply(query, i => i.Status).ThenByDescending(i => i.Year).ThenByDescending(i => i.Sequence),
        _ => sort.Descending ? query.OrderByDescending(i => i.Year).ThenByDescending(i => i.Sequence) : query.OrderBy(i => i.Year).ThenBy(i => i.Sequence),
    };

    private async Task<IReadOnlyList<CaseListItem>> ItemsAsync(IQueryable<Inquiry> query, CancellationToken cancellationToken)
    {
        var today = SwedishTime.Today(clock.GetUtcNow());
        var overdue = CaseOverdue.Expression(today).Compile();
        var rows = await query
            .Select(i => new
            {
                Case = i,
                Modules = i.Modules.Select(m => m.Module!.Slug).ToList(),
                Type = i.CommissionType != null ? i.CommissionType.NameSv : null,
                Subjects = i.Subjects.Select(s => s.Subject!.NameSv).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            var i = r.Case;
            return new CaseListItem(i.Id, i.ReferenceNumber, i.ReceivedAt, i.Status.ToString(), i.OrganisationName, i.OrganisationNumber, i.ContactName, i.Email, i.Participants, r.Modules,
                i.Phase.ToString(), r.Type, i.HolderEmail, overdue(i), CasePhases.IsOpen(i.Phase) && r.Subjects.Count == 0, r.Subjects, i.NextStep, i.NextStepDue, i.WayIn.ToString(), i.ForYear ?? i.Year);
        }).ToList();
    }
}

/// <summary>
/// Which commissions went through the support (the audit's question): Through is Lärarlyftet and the other commissions the handling order
/// governs that were not run outside the support; Governed every commission the handling order governs but Lärarlyftet; OtherThrough and
/// Outside those split by whether they went through the support. Cases left out of the statistics are left out here too.
/// </summary>
public enum SupportFilter
{
    Through = 1,
    Governed = 2,
    OtherThrough = 3,
    Outside = 4,
}

/// <summary>The filtered case list as CSV or Excel.</summary>
public static class CaseExport
{
    private static readonly string[] Header = ["Referensnummer", "Inkom", "År", "Fas", "Status", "Uppdragstyp", "Organisation", "Organisationsnummer", "Kontaktperson", "E-post",
        "Deltagare", "Ämnen", "Handläggare", "Nästa steg", "Nästa steg senast", "Försenad", "Väg in"];

    private static string?[] Row(CaseListItem c) =>
    [
        c.ReferenceNumber, SwedishTime.Format(c.ReceivedAt), c.Year.ToString(CultureInfo.InvariantCulture), c.Phase, c.Status, c.Type, c.OrganisationName, c.OrganisationNumber,
        c.ContactName, c.Email, c.Participants?.ToString(CultureInfo.InvariantCulture), string.Join(", ", c.Subjects), c.Holder, c.NextStep,
        c.NextStepDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Overdue ? "ja" : "nej", c.WayIn,
    ];

    public static byte[] Csv(IEnumerable<CaseListItem> cases) => TableExport.Csv(Header, cases.Select(Row));

    public static byte[] Excel(IEnumerable<CaseListItem> cases) => TableExport.Excel("Ärenden", Header, cases.Select(Row));
}

/// <summary>
/// A case is overdue while it is open and either has had no first response by its due working day, or has a next step
/// past its date. Days are Swedish calendar days, so "today" is the day in Sweden.
/// </summary>
public static class CaseOverdue
{
    public static System.Linq.Expressions.Expression<Func<Inquiry, bool>> Expression(DateOnly today) =>
        i => i.Phase != CasePhase.Closed
            && ((i.FirstResponseAt == null && i.FirstResponseDue != null && i.FirstResponseDue < today)
                || (i.NextStepDue != null && i.NextStepDue < today));
}
