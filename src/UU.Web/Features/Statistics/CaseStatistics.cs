using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UU.Scrapers;
using UU.Web.Data;
using UU.Web.Features.Commissions;
using UU.Web.Features.Commissions.FollowUp;
using UU.Web.Features.Inquiries;
using UU.Web.Features.Leads;
using UU.Web.Localization;

namespace UU.Web.Features.Statistics;

/// <summary>One figure of a table, and where it came from (a link to the case list with the filter that finds those cases).</summary>
public sealed record StatCell(decimal? Value, string? Link = null);

/// <summary>A row: a stable key (for the API and the tests), a label in the reader's language, what the figures are, and one cell per column.</summary>
public sealed record StatRow(string Key, string Label, string Unit, IReadOnlyList<StatCell> Cells);

/// <summary>A table of the statistics: its key (in the JSON and the download address), title, columns (years, most recent first) and rows.</summary>
public sealed record StatTable(string Key, string Title, string RowHeader, IReadOnlyList<string> Columns, IReadOnlyList<StatRow> Rows, string? Note, IReadOnlyList<string> ChartRows);

/// <summary>The statistics' filters: a period of years (the year the commission is for), a faculty, a department, a subject and a commission type.</summary>
public sealed record StatisticsFilter(int? From, int? To, int? Faculty, int? Department, string? Subject, int? Type)
{
    public static (StatisticsFilter Filter, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>();
        string? Text(string key) => ((string?)query[key])?.Trim() is { Length: > 0 } t ? t : null;
        int? Whole(string key, int min, int max, string message)
        {
            if (Text(key) is not { } s)
            {
                return null;
            }
            if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
            {
                return v;
            }
            errors[key] = [$"'{s}' {message}"];
            return null;
        }
        var year = Whole("year", 2000, 2100, "is not a year from 2000 to 2100");
        var from = Whole("from", 2000, 2100, "is not a year from 2000 to 2100") ?? year;
        var to = Whole("to", 2000, 2100, "is not a year from 2000 to 2100") ?? year;
        if (from > to)
        {
            errors["to"] = [$"the period ends ({to}) before it starts ({from})"];
        }
        var subject = Text("subject");
        if (subject is { Length: > 100 })
        {
            errors["subject"] = ["is longer than 100 characters"];
            subject = null;
        }
        return (new StatisticsFilter(from, to, Whole("faculty", 1, int.MaxValue, "is not the id of a faculty"), Whole("department", 1, int.MaxValue, "is not the id of a department"),
            subject, Whole("type", 1, int.MaxValue, "is not the id of a commission type")), errors);
    }

    /// <summary>The filters as a query string (without '?'), for links and downloads.</summary>
    public string Query()
    {
        var parts = new List<string>();
        void Add(string key, object? value)
        {
            if (value is not null)
            {
                parts.Add(key + "=" + Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture)!));
            }
        }
        Add("from", From);
        Add("to", To);
        Add("faculty", Faculty);
        Add("department", Department);
        Add("subject", Subject);
        Add("type", Type);
        return string.Join("&", parts);
    }
}

/// <summary>
/// The audit's tables (../AUDIT-TABLES.md) and the support's own figures, computed from the cases alone: nothing is typed in by hand.
/// The rules are the audit's: a commission is a won case; its year is the year it is for; revenue and cost are the economic closing's;
/// "through the support" is Lärarlyftet (always) and the other commissions governed by the handling order that were not run outside it,
/// and the share through the support is taken over the commissions the handling order governs. Cases marked as only networking or as
/// sent to the wrong university are left out of everything. Amounts are in thousands of SEK, each figure rounded on its own.
/// </summary>
public sealed class CaseStatistics(UuDbContext db, Texts texts)
{
    public static readonly string[] Keys = ["revenue-per-type", "commissions-per-type", "economy", "participants", "contacts-per-client", "requests-per-subject", "conversion", "first-response", "phases"];

    private sealed record SubjectFact(string Slug, string Name, int? DepartmentId, int? FacultyId);

    private sealed record Fact(int Id, int Year, DateTimeOffset ReceivedAt, DateTimeOffset? FirstResponseAt, DateOnly? FirstResponseDue, CasePhase Phase, InquiryStatus Status,
        int? LeadId, bool OutsideSupport, int? TypeId, HandlingOrderScope? Scope, bool? GivesCredits, string Client, IReadOnlyList<SubjectFact> Subjects,
        decimal? Revenue, decimal? Cost, int? Participants, int? Women, decimal? Hst, decimal? Hpr)
    {
        public bool IsCommission => Status == InquiryStatus.Won;
        public bool Governed => Scope == HandlingOrderScope.Governed;
        public bool ThroughSupport => Scope == HandlingOrderScope.EconomicParts || (Governed && !OutsideSupport);
    }

    /// <summary>Checks that the filter's faculty, department, subject and type exist; each one that does not is named.</summary>
    public async Task<Dictionary<string, string[]>> CheckAsync(StatisticsFilter filter, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (filter.Faculty is { } f && !await db.Faculties.AnyAsync(x => x.Id == f, cancellationToken)) errors["faculty"] = [$"no faculty has the id {f}"];
        if (filter.Department is { } d && !await db.Departments.AnyAsync(x => x.Id == d, cancellationToken)) errors["department"] = [$"no department has the id {d}"];
        if (filter.Subject is { } s && !await db.Subjects.AnyAsync(x => x.Slug == s, cancellationToken)) errors["subject"] = [$"no subject is called '{s}'"];
        if (filter.Type is { } t && !await db.CommissionTypes.AnyAsync(x => x.Id == t, cancellationToken)) errors["type"] = [$"no commission type has the id {t}"];
        return errors;
    }

    public async Task<IReadOnlyList<StatTable>> BuildAsync(StatisticsFilter filter, CancellationToken cancellationToken)
    {
        var facts = await FactsAsync(filter, cancellationToken);
        var types = await db.CommissionTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
        var link = new Linker(filter);
        return
        [
            RevenuePerType(facts, types, link),
            CommissionsPerType(facts, types, link),
            Economy(facts, link),
            Participants(facts, link),
            ContactsPerClient(facts),
            RequestsPerSubject(facts),
            await ConversionAsync(facts, filter, cancellationToken),
            FirstResponse(facts),
            Phases(facts, link),
        ];
    }

    private async Task<List<Fact>> FactsAsync(StatisticsFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Inquiries.AsNoTracking().Where(i => i.ExcludedFromStatistics == null);
        if (filter.From is { } from) query = query.Where(i => (i.ForYear ?? i.Year) >= from);
        if (filter.To is { } to) query = query.Where(i => (i.ForYear ?? i.Year) <= to);
        if (filter.Type is { } type) query = query.Where(i => i.CommissionTypeId == type);
        if (filter.Subject is { } subject) query = query.Where(i => i.Subjects.Any(s => s.Subject!.Slug == subject));
        if (filter.Department is { } department) query = query.Where(i => i.Subjects.Any(s => s.Subject!.DepartmentId == department));
        if (filter.Faculty is { } faculty) query = query.Where(i => i.Subjects.Any(s => s.Subject!.Department != null && s.Subject.Department.FacultyId == faculty));
        var closings = db.CaseClosings.AsNoTracking();
        var participation = db.CaseParticipations.AsNoTracking();
        var rows = await query
            .Select(i => new
            {
                i.Id, Year = i.ForYear ?? i.Year, i.ReceivedAt, i.FirstResponseAt, i.FirstResponseDue, i.Phase, i.Status, i.LeadId, i.OutsideSupport, i.CommissionTypeId,
                Scope = i.CommissionType != null ? (HandlingOrderScope?)i.CommissionType.HandlingOrder : null, i.GivesCredits, i.OrganisationName,
                Subjects = i.Subjects.Select(s => new { s.Subject!.Slug, s.Subject.NameSv, s.Subject.DepartmentId, FacultyId = s.Subject.Department != null ? (int?)s.Subject.Department.FacultyId : null }).ToList(),
                Closing = closings.Where(c => c.InquiryId == i.Id).Select(c => new { c.Revenue, c.Cost }).FirstOrDefault(),
                Participation = participation.Where(p => p.InquiryId == i.Id).Select(p => new { p.Participants, p.Women, p.Hst, p.Hpr }).FirstOrDefault(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return rows.Select(r => new Fact(r.Id, r.Year, r.ReceivedAt, r.FirstResponseAt, r.FirstResponseDue, r.Phase, r.Status, r.LeadId, r.OutsideSupport, r.CommissionTypeId, r.Scope,
            r.GivesCredits, r.OrganisationName, r.Subjects.Select(s => new SubjectFact(s.Slug, s.NameSv, s.DepartmentId, s.FacultyId)).ToList(),
            r.Closing?.Revenue, r.Closing?.Cost, r.Participation?.Participants, r.Participation?.Women, r.Participation?.Hst, r.Participation?.Hpr)).ToList();
    }

    private static List<int> Years(IEnumerable<Fact> facts) => [.. facts.Select(f => f.Year).Distinct().OrderDescending()];

    private static decimal Tkr(decimal sek) => Math.Round(sek / 1000m, 0, MidpointRounding.AwayFromZero);

    private static decimal? Percent(decimal part, decimal whole) => whole == 0 ? null : Math.Round(100m * part / whole, 0, MidpointRounding.AwayFromZero);

    private static string Year(int y) => y.ToString(CultureInfo.InvariantCulture);

    /// <summary>The rows every per-type table has: the programmes outside the handling order and Lärarlyftet one by one, the other commissions with their split, the share.</summary>
    private StatTable PerType(string key, string title, string unit, List<Fact> commissions, List<CommissionType> types, Func<IEnumerable<Fact>, decimal> value,
        Func<decimal, decimal> shown, Linker link)
    {
        var years = Years(commissions);
        var byYear = commissions.ToLookup(f => f.Year);
        var rows = new List<StatRow>();
        StatRow Row(string rowKey, string label, Func<Fact, bool> which, Func<int, string?>? href = null) =>
            new(rowKey, label, unit, [.. years.Select(y => new StatCell(shown(value(byYear[y].Where(which))), href?.Invoke(y)))]);
        foreach (var t in types.Where(t => t.HandlingOrder != HandlingOrderScope.Governed))
        {
            rows.Add(Row("type-" + t.Id.ToString(CultureInfo.InvariantCulture), t.NameSv, f => f.TypeId == t.Id, y => link.Cases(y, type: t.Id)));
        }
        rows.Add(Row("other", texts["stats.other"], f => f.Governed, y => link.Cases(y, support: "governed")));
        rows.Add(Row("other-through", texts["stats.otherThrough"], f => f.Governed && !f.OutsideSupport, y => link.Cases(y, support: "otherThrough")));
        rows.Add(Row("other-outside", texts["stats.otherOutside"], f => f.Governed && f.OutsideSupport, y => link.Cases(y, support: "outside")));
        rows.Add(new StatRow("share-through", texts["stats.shareThrough"], "percent", [.. years.Select(y =>
        {
            var governed = byYear[y].Where(f => f.Scope is HandlingOrderScope.EconomicParts or HandlingOrderScope.Governed).ToList();
            return new StatCell(Percent(value(governed.Where(f => f.ThroughSupport)), value(governed)), link.Cases(y, support: "through"));
        })]));
        return new StatTable(key, title, texts["stats.type"], [.. years.Select(Year)], rows, null, [.. rows.Take(rows.Count - 3).Select(r => r.Key)]);
    }

    private StatTable RevenuePerType(List<Fact> facts, List<CommissionType> types, Linker link) =>
        PerType("revenue-per-type", texts["stats.table.revenuePerType"], "tkr", [.. facts.Where(f => f.IsCommission)], types, fs => fs.Sum(f => f.Revenue ?? 0), Tkr, link)
            with { Note = texts["stats.note.revenue"] };

    private StatTable CommissionsPerType(List<Fact> facts, List<CommissionType> types, Linker link) =>
        PerType("commissions-per-type", texts["stats.table.commissionsPerType"], "count", [.. facts.Where(f => f.IsCommission)], types, fs => fs.Count(), v => v, link);

    private StatTable Economy(List<Fact> facts, Linker link)
    {
        var commissions = facts.Where(f => f.IsCommission).ToList();
        var years = Years(commissions);
        var byYear = commissions.ToLookup(f => f.Year);
        StatRow Row(string key, Func<IEnumerable<Fact>, decimal> value) =>
            new(key, texts["stats.economy." + key], "tkr", [.. years.Select(y => new StatCell(Tkr(value(byYear[y])), key == "revenue" ? link.Cases(y) : null))]);
        var rows = new List<StatRow>
        {
            Row("revenue", fs => fs.Sum(f => f.Revenue ?? 0)),
            Row("cost", fs => fs.Sum(f => f.Cost ?? 0)),
            Row("result", fs => fs.Sum(f => (f.Revenue ?? 0) - (f.Cost ?? 0))),
            new("closed", texts["stats.economy.closed"], "count", [.. years.Select(y => new StatCell(byYear[y].Count(f => f.Revenue is not null)))]),
        };
        return new StatTable("economy", texts["stats.table.economy"], "", [.. years.Select(Year)], rows, texts["stats.note.economy"], ["revenue", "cost"]);
    }

    private StatTable Participants(List<Fact> facts, Linker link)
    {
        var credit = facts.Where(f => f.IsCommission && f.GivesCredits == true && f.Participants is not null).ToList();
        var years = Years(credit);
        var byYear = credit.ToLookup(f => f.Year);
        var rows = new List<StatRow>
        {
            new("hst", texts["stats.participants.hst"], "equivalents", [.. years.Select(y => new StatCell(Math.Round(byYear[y].Sum(f => f.Hst ?? 0), 0, MidpointRounding.AwayFromZero)))]),
            new("hpr", texts["stats.participants.hpr"], "equivalents", [.. years.Select(y => new StatCell(Math.Round(byYear[y].Sum(f => f.Hpr ?? 0), 0, MidpointRounding.AwayFromZero)))]),
            new("participants", texts["stats.participants.count"], "count", [.. years.Select(y => new StatCell(byYear[y].Sum(f => f.Participants ?? 0), link.Cases(y, credits: true)))]),
            new("share-women", texts["stats.participants.shareWomen"], "percent", [.. years.Select(y => new StatCell(Percent(byYear[y].Sum(f => f.Women ?? 0), byYear[y].Sum(f => f.Participants ?? 0))))]),
        };
        return new StatTable("participants", texts["stats.table.participants"], "", [.. years.Select(Year)], rows, null, ["hst", "hpr"]);
    }

    /// <summary>The requests that came to the support: cases of the types the handling order governs, not run outside the support, whatever became of them.</summary>
    private static List<Fact> Requests(List<Fact> facts) => [.. facts.Where(f => f.Governed && !f.OutsideSupport)];

    private StatTable ContactsPerClient(List<Fact> facts)
    {
        var requests = Requests(facts);
        var years = Years(requests);
        var rows = requests.GroupBy(f => f.Client, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), false))
            .Select(g => new StatRow(g.Key, g.Key, "count", [.. years.Select(y => new StatCell(g.Count(f => f.Year == y) is var n and > 0 ? n : null))]))
            .ToList();
        return new StatTable("contacts-per-client", texts["stats.table.contactsPerClient"], texts["stats.client"], [.. years.Select(Year)], rows, texts["stats.note.requests"], []);
    }

    private StatTable RequestsPerSubject(List<Fact> facts)
    {
        var requests = Requests(facts);
        var years = Years(requests);
        var none = texts["stats.noSubject"];
        var sv = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), false);
        // A request naming several subjects is one request, shown under the subjects together (as the audit did).
        var rows = requests.GroupBy(f => f.Subjects.Count == 0 ? none : string.Join(", ", f.Subjects.Select(s => s.Name).Order(sv)))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, sv)
            .Select(g => new StatRow(g.Key, g.Key, "count", [.. years.Select(y => new StatCell(g.Count(f => f.Year == y) is var n and > 0 ? n : null))]))
            .ToList();
        return new StatTable("requests-per-subject", texts["stats.table.requestsPerSubject"], texts["stats.subject"], [.. years.Select(Year)], rows, texts["stats.note.requests"], []);
    }

    private async Task<StatTable> ConversionAsync(List<Fact> facts, StatisticsFilter filter, CancellationToken cancellationToken)
    {
        var leadYears = (await db.Leads.AsNoTracking().Where(l => l.MergedIntoId == null).Select(l => l.CreatedAt).ToListAsync(cancellationToken))
            .Select(at => SwedishTime.ToLocal(at).Year)
            .Where(y => (filter.From is null || y >= filter.From) && (filter.To is null || y <= filter.To))
            .ToList();
        var leadsByYear = leadYears.CountBy(y => y).ToDictionary(p => p.Key, p => p.Value);
        var byYear = facts.ToLookup(f => f.Year);
        var years = facts.Select(f => f.Year).Union(leadsByYear.Keys).Distinct().OrderDescending().ToList();
        var rows = new List<StatRow>
        {
            new("leads", texts["stats.conversion.leads"], "count", [.. years.Select(y => new StatCell(leadsByYear.GetValueOrDefault(y)))]),
            new("cases-from-leads", texts["stats.conversion.casesFromLeads"], "count", [.. years.Select(y => new StatCell(byYear[y].Count(f => f.LeadId != null)))]),
            new("cases", texts["stats.conversion.cases"], "count", [.. years.Select(y => new StatCell(byYear[y].Count()))]),
            new("agreements", texts["stats.conversion.agreements"], "count", [.. years.Select(y => new StatCell(byYear[y].Count(f => f.IsCommission)))]),
            new("lead-to-case", texts["stats.conversion.leadToCase"], "percent", [.. years.Select(y => new StatCell(Percent(byYear[y].Count(f => f.LeadId != null), leadsByYear.GetValueOrDefault(y))))]),
            new("case-to-agreement", texts["stats.conversion.caseToAgreement"], "percent", [.. years.Select(y => new StatCell(Percent(byYear[y].Count(f => f.IsCommission), byYear[y].Count())))]),
        };
        return new StatTable("conversion", texts["stats.table.conversion"], "", [.. years.Select(Year)], rows, texts["stats.note.conversion"], ["cases", "agreements"]);
    }

    private StatTable FirstResponse(List<Fact> facts)
    {
        var answered = facts.Where(f => f.FirstResponseAt is not null).ToList();
        var years = Years(facts);
        var byYear = answered.ToLookup(f => f.Year);
        decimal? Median(IEnumerable<Fact> fs)
        {
            var hours = fs.Select(f => (decimal)(f.FirstResponseAt!.Value - f.ReceivedAt).TotalHours).Order().ToList();
            return hours.Count == 0 ? null : Math.Round(hours.Count % 2 == 1 ? hours[hours.Count / 2] : (hours[(hours.Count / 2) - 1] + hours[hours.Count / 2]) / 2, 1);
        }
        var rows = new List<StatRow>
        {
            new("answered", texts["stats.firstResponse.answered"], "count", [.. years.Select(y => new StatCell(byYear[y].Count()))]),
            new("median-hours", texts["stats.firstResponse.median"], "hours", [.. years.Select(y => new StatCell(Median(byYear[y])))]),
            new("in-time", texts["stats.firstResponse.inTime"], "percent", [.. years.Select(y =>
            {
                var due = byYear[y].Where(f => f.FirstResponseDue is not null).ToList();
                return new StatCell(Percent(due.Count(f => SwedishTime.Today(f.FirstResponseAt!.Value) <= f.FirstResponseDue), due.Count));
            })]),
        };
        return new StatTable("first-response", texts["stats.table.firstResponse"], "", [.. years.Select(Year)], rows, null, ["median-hours"]);
    }

    private StatTable Phases(List<Fact> facts, Linker link)
    {
        var years = Years(facts);
        var byYear = facts.ToLookup(f => f.Year);
        var rows = CasePhases.Order.Select(p => new StatRow(p.ToString(), texts["phase." + p], "count",
            [.. years.Select(y => new StatCell(byYear[y].Count(f => f.Phase == p), link.Cases(y, phase: p)))])).ToList();
        return new StatTable("phases", texts["stats.table.phases"], texts["stats.phase"], [.. years.Select(Year)], rows, null, []);
    }

    /// <summary>Links from a figure to the case list with the same filters, so a coordinator sees the cases behind it.</summary>
    private sealed class Linker(StatisticsFilter filter)
    {
        public string Cases(int year, int? type = null, string? support = null, bool credits = false, CasePhase? phase = null)
        {
            var parts = new List<string> { "year=" + Year(year) };
            if (phase is { } p) parts.Add("phase=" + p);
            else parts.Add("status=Won");
            if ((type ?? filter.Type) is { } t) parts.Add("type=" + t.ToString(CultureInfo.InvariantCulture));
            if (support is not null) parts.Add("support=" + support);
            if (credits) parts.Add("credits=true");
            if (filter.Faculty is { } f) parts.Add("faculty=" + f.ToString(CultureInfo.InvariantCulture));
            if (filter.Department is { } d) parts.Add("department=" + d.ToString(CultureInfo.InvariantCulture));
            if (filter.Subject is { } s) parts.Add("subject=" + Uri.EscapeDataString(s));
            return CaseRoutes.List + "?" + string.Join("&", parts);
        }
    }
}
