using Microsoft.EntityFrameworkCore;
using UU.Scrapers;
using UU.Scrapers.Normalisation;
using UU.Scrapers.Runs;
using UU.Web.Data;
using UU.Web.Features.Notifications;

namespace UU.Web.Features.Leads;

/// <summary>
/// Stores scraped items as leads: an item already seen updates its lead; a new item joins the lead of the same
/// procurement (upphandlings-ID, TED number, or buyer + title + deadline) or starts a new one. Nothing is deleted.
/// </summary>
public sealed class LeadSink(UuDbContext db, TimeProvider clock, LeadMatcher matcher, Microsoft.Extensions.Options.IOptions<Inquiries.InquiryOptions> inquiries, EmailComposer mails) : IScrapeSink
{
    public async Task<(int New, int Updated, int Unchanged)> StoreAsync(string source, IReadOnlyList<ScrapedItem> items, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        int created = 0, updated = 0, unchanged = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Most of a run is items seen before: one query finds them all, rather than one per item.
        var ids = items.Select(i => i.ExternalId).Distinct().ToList();
        var known = (await db.LeadSources.Include(s => s.Lead).Where(s => s.Source == source && ids.Contains(s.ExternalId)).ToListAsync(cancellationToken))
            .ToDictionary(s => s.ExternalId, StringComparer.Ordinal);
        // Leads this run created or joined, not all saved yet: later items of the run look here before the database.
        var touched = new List<Lead>();
        var sinceSave = 0;
        foreach (var item in items)
        {
            if (known.TryGetValue(item.ExternalId, out var seen))
            {
                seen.LastSeenAt = now;
                seen.SnapshotId = item.SnapshotId ?? seen.SnapshotId;
                if (Apply(seen.Lead!, item, now))
                {
                    await matcher.MatchAsync(seen.Lead!, cancellationToken);
                    updated++;
                }
                else
                {
                    unchanged++;
                }
                continue;
            }
            var lead = touched.FirstOrDefault(l => Same(l, item)) ?? await SameProcurementAsync(item, cancellationToken);
            if (lead is null)
            {
                lead = new Lead { Title = item.Title, Kind = KindOf(source), CreatedAt = now, UpdatedAt = now };
                db.Leads.Add(lead);
                created++;
            }
            else
            {
                updated++;
            }
            Apply(lead, item, now);
            await matcher.MatchAsync(lead, cancellationToken);
            var added = new LeadSource { Source = source, ExternalId = item.ExternalId, Url = item.Url, FirstSeenAt = now, LastSeenAt = now, SnapshotId = item.SnapshotId };
            lead.Sources.Add(added);
            known[item.ExternalId] = added; // the same item twice in one run updates, never duplicates
            if (!touched.Contains(lead))
            {
                touched.Add(lead);
            }
            if (++sinceSave == SaveEvery)
            {
                await db.SaveChangesAsync(cancellationToken);
                sinceSave = 0;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (created, updated, unchanged);
    }

    /// <summary>New items are saved in batches of this many (one transaction for the run either way).</summary>
    private const int SaveEvery = 100;

    private static bool Same(Lead lead, ScrapedItem item) => Deduplicator.Same(AsItem(lead), item);

    /// <summary>The lead of the same procurement; a lead a coordinator merged away stands for the lead it was merged into.</summary>
    private async Task<Lead?> SameProcurementAsync(ScrapedItem item, CancellationToken cancellationToken)
    {
        var found = await FindSameAsync(item, cancellationToken);
        return found?.MergedIntoId is { } kept ? await db.Leads.Include(l => l.Sources).FirstAsync(l => l.Id == kept, cancellationToken) : found;
    }

    private async Task<Lead?> FindSameAsync(ScrapedItem item, CancellationToken cancellationToken)
    {
        if (item.ProcurementId is not null && await db.Leads.Include(l => l.Sources).FirstOrDefaultAsync(l => l.ProcurementId == item.ProcurementId, cancellationToken) is { } byId)
        {
            return byId;
        }
        if (item.TedNumber is not null && await db.Leads.Include(l => l.Sources).FirstOrDefaultAsync(l => l.TedNumber == item.TedNumber, cancellationToken) is { } byTed)
        {
            return byTed;
        }
        if (item.Buyer is null)
        {
            return null;
        }
        // The buyer's leads are compared as plain values; only the one that matches is loaded for change.
        var candidates = await db.Leads.AsNoTracking().Where(l => l.Buyer == item.Buyer && l.MergedIntoId == null).OrderByDescending(l => l.Id).Take(200)
            .Select(l => new Lead { Id = l.Id, Title = l.Title, Buyer = l.Buyer, Deadline = l.Deadline, ProcurementId = l.ProcurementId, TedNumber = l.TedNumber })
            .ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(l => Same(l, item)) is { } match
            ? await db.Leads.Include(l => l.Sources).FirstAsync(l => l.Id == match.Id, cancellationToken)
            : null;
    }

    private static ScrapedItem AsItem(Lead lead) => new()
    {
        Source = "lead", ExternalId = lead.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Title = lead.Title, Buyer = lead.Buyer, Deadline = lead.Deadline,
        ProcurementId = lead.ProcurementId, TedNumber = lead.TedNumber,
    };

    /// <summary>Fills in and refreshes the lead from the item; returns whether anything changed.</summary>
    private static bool Apply(Lead lead, ScrapedItem item, DateTimeOffset now)
    {
        var before = (lead.Title, lead.Buyer, lead.Deadline, lead.Place, lead.Region, lead.CpvCodes, lead.Value, lead.ProcurementId, lead.TedNumber, lead.Description);
        lead.Title = item.Title.Length > 400 ? item.Title[..400] : item.Title;
        lead.Buyer = item.Buyer ?? lead.Buyer;
        lead.BuyerKind = BuyerClassifier.FromName(lead.Buyer);
        lead.Place = item.Place ?? lead.Place;
        // The county from the source, else from a region buyer's own name ("Region Västernorrland").
        lead.Region = item.Region ?? lead.Region ?? UU.Scrapers.Normalisation.Counties.FromName(lead.Buyer);
        lead.PublishedOn ??= item.PublishedOn;
        lead.Deadline = item.Deadline?.ToUniversalTime() ?? lead.Deadline; // stored in UTC; pages show Swedish time
        lead.CpvCodes = item.CpvCodes.Count > 0 ? string.Join(',', item.CpvCodes.Union(lead.CpvCodes?.Split(',') ?? [])) : lead.CpvCodes;
        lead.Value = item.Value ?? lead.Value;
        lead.Currency = item.Currency ?? lead.Currency;
        lead.Url ??= item.Url;
        lead.Description = item.Description is { Length: > 4000 } d ? d[..4000] : item.Description ?? lead.Description;
        lead.ProcurementId ??= item.ProcurementId;
        lead.TedNumber ??= item.TedNumber;
        var changed = before != (lead.Title, lead.Buyer, lead.Deadline, lead.Place, lead.Region, lead.CpvCodes, lead.Value, lead.ProcurementId, lead.TedNumber, lead.Description);
        if (changed)
        {
            lead.UpdatedAt = now;
        }
        return changed;
    }

    private static LeadKind KindOf(string source) => source switch
    {
        "JobTech" => LeadKind.CompetenceNeed,
        "Ted" or "KommersAnnons" or "EAvrop" => LeadKind.Tender,
        _ => LeadKind.WebItem,
    };

    public async Task RecordRunAsync(ScrapeRunReport report, CancellationToken cancellationToken)
    {
        static string? Join(IReadOnlyList<string> lines) => lines.Count == 0 ? null : string.Join("\n", lines.Take(50)) is var s && s.Length > 4000 ? s[..4000] : s;
        db.ScrapeRuns.Add(new ScrapeRun
        {
            Source = report.Source, StartedAt = report.StartedAt, DurationMs = (int)report.Duration.TotalMilliseconds, Pages = report.Pages, NotModified = report.Unchanged304,
            Seen = report.Seen, NotEducation = report.NotEducation, New = report.New, Updated = report.Updated, Unchanged = report.Unchanged, FieldCoverage = report.FieldCoverage,
            Errors = Join(report.Errors), Problems = Join(report.Problems), Failing = report.Failing, FailingReason = report.FailingReason,
        });
        // A source that has just started failing: the coordinators hear of it at once (not again on every failing run).
        var previous = await db.ScrapeRuns.AsNoTracking().Where(r => r.Source == report.Source).OrderByDescending(r => r.Id).Select(r => (bool?)r.Failing).FirstOrDefaultAsync(cancellationToken);
        if (report.Failing && previous != true)
        {
            var now = clock.GetUtcNow();
            db.OutboxMessages.AddRange(await mails.SourceFailingAsync(
                inquiries.Value.CoordinatorAddresses().Select(a => new MailRecipient(a)).ToList(), report.Source, report.StartedAt, report.FailingReason, now, cancellationToken));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ScrapeRunReport>> RecentRunsAsync(string source, int count, CancellationToken cancellationToken)
    {
        var runs = await db.ScrapeRuns.AsNoTracking().Where(r => r.Source == source).OrderByDescending(r => r.Id).Take(count).ToListAsync(cancellationToken);
        return runs.Select(r => new ScrapeRunReport
        {
            Source = r.Source, StartedAt = r.StartedAt, Seen = r.Seen, Unchanged304 = r.NotModified, FieldCoverage = r.FieldCoverage,
            Errors = r.Errors?.Split('\n') ?? [], Failing = r.Failing,
        }).ToList();
    }
}
