using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Shared;

namespace UU.Web.Features.Leads;

public sealed record LeadListItem(int Id, string Kind, string Title, string? Buyer, string? Place, string? Region, DateOnly? PublishedOn, DateTimeOffset? Deadline,
    string Status, IReadOnlyList<string> Sources, string? Url, string? ProcurementId, int Score, string? MatchReasons, IReadOnlyList<string> MatchedModules);

/// <summary>The lead feed with the same filters in the office and in GET /api/leads: newest first, open deadlines before passed ones.</summary>
public sealed class LeadList(UuDbContext db, TimeProvider clock)
{
    public sealed record Filter(LeadKind? Kind, string? Source, LeadStatus? Status, string? Text, string? Place, bool OpenOnly, int Page, int PageSize)
    {
        /// <summary>A subject's slug: leads whose matched modules belong to it.</summary>
        public string? Subject { get; init; }
        /// <summary>A county (län), as the lead list names them.</summary>
        public string? Region { get; init; }
        /// <summary>Set for a subject contact person: only the leads they hold (see <see cref="LeadAccess"/>).</summary>
        public string? VisibleTo { get; init; }
        /// <summary>The list's order (<c>sortera=</c>): newest published first unless the address asks for another column.</summary>
        public ListSort Sort { get; init; } = DefaultSort;
    }

    /// <summary>The columns the list sorts by: published, score, title, buyer, deadline, status.</summary>
    public static readonly IReadOnlyList<string> SortKeys = ["publicerad", "poang", "titel", "kopare", "sista", "status"];

    public static readonly ListSort DefaultSort = new("publicerad", Descending: true);

    public static (Filter Filter, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>();
        T? Enum<T>(string key) where T : struct, System.Enum
        {
            var raw = (string?)query[key];
            if (string.IsNullOrEmpty(raw)) return null;
            if (System.Enum.TryParse<T>(raw, true, out var value) && System.Enum.IsDefined(value)) return value;
            errors[key] = [$"'{raw}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}"];
            return null;
        }
        int Number(string key, int fallback, int max)
        {
            var raw = (string?)query[key];
            if (string.IsNullOrEmpty(raw)) return fallback;
            if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max) return n;
            errors[key] = [$"must be a whole number from 1 to {max.ToString(CultureInfo.InvariantCulture)}"];
            return fallback;
        }
        string? Text(string key) => ((string?)query[key])?.Trim() is { Length: > 0 } t ? t[..Math.Min(100, t.Length)] : null;
        var filter = new Filter(Enum<LeadKind>("kind"), Text("source"), Enum<LeadStatus>("status"), Text("q"), Text("place"),
            ((string?)query["open"]) is "1" or "true", Number("page", 1, 10_000), Number("pageSize", 50, 500))
        {
            Subject = Text("subject"),
            Region = Text("region"),
            Sort = ListSort.Parse(query, SortKeys, DefaultSort),
        };
        if (filter.Region is { } region && UU.Scrapers.Normalisation.Counties.FromName(region) is null)
        {
            errors["region"] = [$"'{region}' is not a Swedish county (län)"];
            filter = filter with { Region = null };
        }
        return (filter, errors);
    }

    public async Task<(IReadOnlyList<LeadListItem> Items, int Total)> ListAsync(Filter filter, CancellationToken cancellationToken)
    {
        var query = db.Leads.AsNoTracking().Where(l => l.MergedIntoId == null) // a merged duplicate lives on in the lead it joined
            .VisibleTo(db, filter.VisibleTo);
        if (filter.Kind is { } kind) query = query.Where(l => l.Kind == kind);
        if (filter.Status is { } status) query = query.Where(l => l.Status == status);
        if (filter.Source is { } source) query = query.Where(l => l.Sources.Any(s => s.Source == source));
        if (filter.Subject is { } subject)
        {
            query = query.Where(l => l.Subjects.Any(s => db.Subjects.Any(x => x.Id == s.SubjectId && x.Slug == subject)));
        }
        if (filter.Region is { } region && UU.Scrapers.Normalisation.Counties.FromName(region) is { } county)
        {
            query = query.Where(l => l.Region == county);
        }
        if (filter.OpenOnly)
        {
            var now = clock.GetUtcNow();
            query = query.Where(l => l.Deadline == null || l.Deadline > now);
        }
        if (filter.Place is { } place)
        {
            // The place named anywhere in the lead (its place, county, buyer or title): many sources give no place, but
            // "Sundsvalls kommun" is in Sundsvall. Case-insensitive like the text filter.
            var pattern = UuDbContext.Containing(place);
            const string e = UuDbContext.LikeEscape;
            query = query.Where(l => (l.Place != null && EF.Functions.Like(UuDbContext.Fold(l.Place), pattern, e))
                || (l.Region != null && EF.Functions.Like(UuDbContext.Fold(l.Region), pattern, e))
                || (l.Buyer != null && EF.Functions.Like(UuDbContext.Fold(l.Buyer), pattern, e))
                || EF.Functions.Like(UuDbContext.Fold(l.Title), pattern, e));
        }
        if (filter.Text is { } text)
        {
            // Both sides lower-cased (Fold): "fortbildning" finds "Fortbildning", "ånge" finds "Ånge", on SQLite (whose LIKE
            // folds only ASCII) and PostgreSQL (whose LIKE folds nothing) alike.
            var pattern = UuDbContext.Containing(text);
            const string e = UuDbContext.LikeEscape;
            query = query.Where(l => EF.Functions.Like(UuDbContext.Fold(l.Title), pattern, e)
                || (l.Buyer != null && EF.Functions.Like(UuDbContext.Fold(l.Buyer), pattern, e))
                || (l.Description != null && EF.Functions.Like(UuDbContext.Fold(l.Description), pattern, e)));
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await Ordered(query, filter.Sort)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(l => new { l.Id, l.Kind, l.Title, l.Buyer, l.Place, l.Region, l.PublishedOn, l.Deadline, l.Status, Sources = l.Sources.Select(s => s.Source).ToList(), l.Url, l.ProcurementId, l.Score, l.MatchReasons, l.MatchedModules })
            .ToListAsync(cancellationToken);
        return (rows.Select(r => new LeadListItem(r.Id, r.Kind.ToString(), r.Title, r.Buyer, r.Place, r.Region, r.PublishedOn, r.Deadline, r.Status.ToString(), r.Sources, r.Url, r.ProcurementId,
            r.Score, r.MatchReasons, Lead.ParseMatches(r.MatchedModules).Select(m => m.Slug).ToList())).ToList(), total);
    }

    /// <summary>
    /// The leads in the sort's order. By default newest and best first: the day it was published, then the score. The id breaks
    /// ties, so paging never skips or repeats a lead.
    /// </summary>
    private static IQueryable<Lead> Ordered(IQueryable<Lead> query, ListSort sort) => sort.Key switch
    {
        "poang" => sort.Apply(query, l => l.Score).ThenByDescending(l => l.PublishedOn).ThenByDescending(l => l.Id),
        "titel" => sort.Apply(query, l => l.Title).ThenByDescending(l => l.Id),
        "kopare" => sort.Apply(query, l => l.Buyer).ThenByDescending(l => l.Id),
        "sista" => sort.Apply(query, l => l.Deadline).ThenByDescending(l => l.Id),
        "status" => sort.Apply(query, l => l.Status).ThenByDescending(l => l.Id),
        _ => sort.Apply(query, l => l.PublishedOn).ThenByDescending(l => l.Score).ThenByDescending(l => l.Id),
    };
}
