using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Leads;
using UU.Web.Features.Clients;
using UU.Web.Features.Inquiries;

namespace UU.Web.Features.Statistics;

public sealed record YearRow(int Year, int Inquiries, int InquiriesWon, int InquiriesFromLeads, int Leads, int LeadsWon, int LeadsRelevant)
{
    /// <summary>Share of the year's leads that a coordinator turned into an inquiry, in per cent.</summary>
    public double LeadConversion => Leads == 0 ? 0 : Math.Round(100.0 * InquiriesFromLeads / Leads, 1);
}

public sealed record CountRow(string Name, int Inquiries, int Leads);

/// <summary>Leads of one kind (tender, competence need, web item): how many came in, were worked on, became inquiries, were won.</summary>
public sealed record KindRow(string Kind, int Leads, int Worked, int ToInquiry, int Won);

public sealed record StatisticsReport(int? Year, IReadOnlyList<int> Years, IReadOnlyList<YearRow> PerYear, IReadOnlyList<CountRow> PerSubject, IReadOnlyList<CountRow> PerType, IReadOnlyList<CountRow> PerClient, IReadOnlyList<KindRow> PerLeadKind)
{
    /// <summary>The filters the tables were built with.</summary>
    public StatisticsFilter? Filters { get; init; }

    /// <summary>The case statistics (the audit's tables and the support's own), each under its key (<see cref="CaseStatistics.Keys"/>).</summary>
    public IReadOnlyDictionary<string, StatTable>? Tables { get; init; }
}

/// <summary>
/// What came in through the support, per year, subject, kind of client and client: inquiries (with how many came from
/// leads and how many were won) and leads (with how many were judged relevant and won). Counted in the database where
/// the providers agree, and over slim projections where dates are involved (SQLite keeps them as binary).
/// </summary>
public sealed class StatisticsService(UuDbContext db)
{
    private const int TopClients = 25;

    public async Task<StatisticsReport> BuildAsync(int? year, CancellationToken cancellationToken)
    {
        // Cases a coordinator marked as only networking or sent to the wrong university are left out, as the audit did.
        var inquiries = await db.Inquiries.AsNoTracking().Where(i => i.ExcludedFromStatistics == null)
            .Select(i => new { i.Id, i.Year, i.Status, i.LeadId, i.OrganisationName, Type = i.Client != null ? (ClientType?)i.Client.Type : null })
            .ToListAsync(cancellationToken);
        var leads = (await db.Leads.AsNoTracking().Where(l => l.MergedIntoId == null)
            .Select(l => new { l.Id, l.CreatedAt, l.Status, l.Buyer, l.BuyerKind, l.Kind })
            .ToListAsync(cancellationToken))
            .Select(l => new { l.Id, Year = UU.Scrapers.SwedishTime.ToLocal(l.CreatedAt).Year, l.Status, l.Buyer, l.BuyerKind, l.Kind })
            .ToList();
        var inquiriesByYear = inquiries.ToLookup(i => i.Year);
        var leadsByYear = leads.ToLookup(l => l.Year);
        var perYear = inquiriesByYear.Select(g => g.Key).Union(leadsByYear.Select(g => g.Key)).OrderDescending()
            .Select(y => new YearRow(
                y,
                inquiriesByYear[y].Count(),
                inquiriesByYear[y].Count(i => i.Status == InquiryStatus.Won),
                inquiriesByYear[y].Count(i => i.LeadId != null),
                leadsByYear[y].Count(),
                leadsByYear[y].Count(l => l.Status == LeadStatus.Won),
                leadsByYear[y].Count(l => l.Status is not (LeadStatus.New or LeadStatus.NotRelevant))))
            .ToList();
        var years = perYear.Select(r => r.Year).ToList();

        var chosenInquiries = year is { } iy ? [.. inquiriesByYear[iy]] : inquiries;
        var chosenLeads = year is { } ly ? [.. leadsByYear[ly]] : leads;

        // Per subject: counted in the database, over the chosen year only.
        var subjects = await db.Subjects.AsNoTracking().Select(s => new { s.Id, s.NameSv }).ToDictionaryAsync(s => s.Id, s => s.NameSv, cancellationToken);
        var inquiriesPerSubject = await db.InquiryModules.Where(m => (year == null || m.Inquiry!.Year == year) && m.Inquiry!.ExcludedFromStatistics == null)
            .Select(m => new { m.InquiryId, m.Module!.SubjectId }).Distinct()
            .GroupBy(m => m.SubjectId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var leadsInYear = db.Leads.Where(l => l.MergedIntoId == null);
        if (year is { } y)
        {
            var from = UU.Scrapers.SwedishTime.At(new DateTime(y, 1, 1)).ToUniversalTime();
            var to = UU.Scrapers.SwedishTime.At(new DateTime(y + 1, 1, 1)).ToUniversalTime();
            leadsInYear = leadsInYear.Where(l => l.CreatedAt >= from && l.CreatedAt < to);
        }
        var leadsPerSubject = await db.LeadSubjects.Where(s => leadsInYear.Any(l => l.Id == s.LeadId))
            .GroupBy(s => s.SubjectId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var perSubject = subjects
            .Select(s => new CountRow(s.Value, inquiriesPerSubject.GetValueOrDefault(s.Key), leadsPerSubject.GetValueOrDefault(s.Key)))
            .Where(r => r.Inquiries + r.Leads > 0)
            .OrderByDescending(r => r.Inquiries + r.Leads).ThenBy(r => r.Name, StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), false))
            .ToList();

        var perType = Enum.GetValues<ClientType>()
            .Select(t => new CountRow(t.ToString(), chosenInquiries.Count(i => i.Type == t), chosenLeads.Count(l => Inquiries.InquiryService.ToClientType(l.BuyerKind) == t)))
            .Where(r => r.Inquiries + r.Leads > 0)
            .ToList();

        var perClient = chosenInquiries.Select(i => i.OrganisationName).Concat(chosenLeads.Select(l => l.Buyer).OfType<string>())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(name => new CountRow(name,
                chosenInquiries.Count(i => string.Equals(i.OrganisationName, name, StringComparison.OrdinalIgnoreCase)),
                chosenLeads.Count(l => string.Equals(l.Buyer, name, StringComparison.OrdinalIgnoreCase))))
            .OrderByDescending(r => r.Inquiries).ThenByDescending(r => r.Leads).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Take(TopClients)
            .ToList();
        var converted = chosenInquiries.Where(i => i.LeadId != null).Select(i => i.LeadId!.Value).ToHashSet();
        var perLeadKind = chosenLeads.GroupBy(l => l.Kind).OrderBy(g => g.Key)
            .Select(g => new KindRow(g.Key.ToString(), g.Count(), g.Count(l => l.Status is not (LeadStatus.New or LeadStatus.NotRelevant)),
                g.Count(l => converted.Contains(l.Id)), g.Count(l => l.Status == LeadStatus.Won)))
            .ToList();
        return new StatisticsReport(year, years, perYear, perSubject, perType, perClient, perLeadKind);
    }
}
