using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;

namespace UU.Web.Features.Inquiries;

public sealed record InquiryListItem(int Id, string ReferenceNumber, DateTimeOffset ReceivedAt, string Status, string OrganisationName, string OrganisationNumber,
    string ContactName, string Email, int? Participants, IReadOnlyList<string> Modules);

/// <summary>The coordinators' inquiry list, with the same filters in the office and in GET /api/inquiries.</summary>
public sealed class InquiryList(UuDbContext db)
{
    public sealed record Filter(InquiryStatus? Status, string? Text, int? Year, int Page, int PageSize);

    public static (Filter Filter, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>();
        InquiryStatus? status = null;
        if (query.TryGetValue("status", out var s) && !string.IsNullOrEmpty(s))
        {
            if (Enum.TryParse<InquiryStatus>(s, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) status = parsed;
            else errors["status"] = [$"'{s}' is not one of {string.Join(", ", Enum.GetNames<InquiryStatus>())}"];
        }
        int? year = null;
        if (query.TryGetValue("year", out var y) && !string.IsNullOrEmpty(y))
        {
            if (int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 2000 and <= 2100) year = parsed;
            else errors["year"] = ["must be a year such as 2026"];
        }
        var page = 1;
        if (query.TryGetValue("page", out var p) && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            errors["page"] = ["must be a whole number from 1"];
            page = 1;
        }
        var pageSize = 50;
        if (query.TryGetValue("pageSize", out var ps) && (!int.TryParse(ps, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 500))
        {
            errors["pageSize"] = ["must be a whole number from 1 to 500"];
            pageSize = 50;
        }
        var text = ((string?)query["q"])?.Trim();
        return (new Filter(status, text is { Length: > 0 } ? text[..Math.Min(100, text.Length)] : null, year, page, pageSize), errors);
    }

    public async Task<(IReadOnlyList<InquiryListItem> Items, int Total)> ListAsync(Filter filter, CancellationToken cancellationToken)
    {
        var query = db.Inquiries.AsNoTracking();
        if (filter.Status is { } status) query = query.Where(i => i.Status == status);
        if (filter.Year is { } year) query = query.Where(i => i.Year == year);
        if (filter.Text is { } text)
        {
            // Case-insensitive on both databases, å/ä/ö included: both sides lower-cased (UuDbContext.Fold in SQL).
            var pattern = UuDbContext.Containing(text);
            const string e = UuDbContext.LikeEscape;
            query = query.Where(i => EF.Functions.Like(UuDbContext.Fold(i.OrganisationName), pattern, e) || EF.Functions.Like(UuDbContext.Fold(i.ReferenceNumber), pattern, e)
                || EF.Functions.Like(UuDbContext.Fold(i.ContactName), pattern, e) || EF.Functions.Like(UuDbContext.Fold(i.Description), pattern, e));
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(i => i.Year).ThenByDescending(i => i.Sequence)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(i => new { i.Id, i.ReferenceNumber, i.ReceivedAt, i.Status, i.OrganisationName, i.OrganisationNumber, i.ContactName, i.Email, i.Participants, Modules = i.Modules.Select(m => m.Module!.Slug).ToList() })
            .ToListAsync(cancellationToken);
        return (rows.Select(r => new InquiryListItem(r.Id, r.ReferenceNumber, r.ReceivedAt, r.Status.ToString(), r.OrganisationName, r.OrganisationNumber, r.ContactName, r.Email, r.Participants, r.Modules)).ToList(), total);
    }
}
