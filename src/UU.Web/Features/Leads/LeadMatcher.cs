using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using UU.Search;
using UU.Search.Indexing;
using UU.Web.Data;
using UU.Web.Features.Agreements;

namespace UU.Web.Features.Leads;

/// <summary>
/// Matches a lead to the catalogue's modules through the search index and scores it (0–100) in a way a coordinator
/// can read: fit to the catalogue (up to 50), time left to the deadline (up to 25), the buyer's history (up to 25: earlier
/// inquiries 10, a won lead 5, an SKO or framework agreement in force in the agreements register 10). The matched modules' subjects become the lead's subjects.
/// </summary>
public sealed partial class LeadMatcher(SearchIndex index, UuDbContext db, TimeProvider clock)
{
    public async Task MatchAsync(Lead lead, CancellationToken cancellationToken)
    {
        var result = index.Search(new SearchRequest
        {
            Query = lead.Title,
            Filters = new Dictionary<string, IReadOnlyList<string>> { ["type"] = ["module"] },
            PageSize = 3,
        });
        var hits = result.Hits.Where(h => h.Score > 0.05f).ToList();
        var words = hits.SelectMany(h => Marked().Matches(h.Highlight).Select(m => m.Groups[1].Value.ToLowerInvariant()))
            .Concat(MatchedTitleWords(lead.Title, hits.Select(h => h.Title)))
            .Distinct().Take(6).ToList();
        lead.MatchedModules = Lead.FormatMatches(hits.Select(h => (h.Slug, h.Title)));
        await MatchSubjectsAsync(lead, hits.Select(h => h.Slug).ToList(), cancellationToken);
        lead.MatchReasons = words.Count == 0 ? null : string.Join(", ", words);

        var fit = hits.Count == 0 ? 0 : (int)Math.Round(Math.Min(1.0, hits[0].Score / 2.0) * 50);
        var now = clock.GetUtcNow();
        var deadline = lead.Deadline switch
        {
            null => 10,
            { } d when d < now => 0,
            { } d when d - now < TimeSpan.FromDays(14) => 15,
            _ => 25,
        };
        var history = 0;
        if (lead.Buyer is { } buyer)
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            if (await db.Inquiries.AnyAsync(i => i.OrganisationName == buyer, cancellationToken)) history += 10;
            if (await db.Leads.AnyAsync(l => l.Buyer == buyer && l.Id != lead.Id && l.Status == LeadStatus.Won, cancellationToken)) history += 5;
            if (await db.Set<Agreement>().Where(Agreement.StandingOn(today)).AnyAsync(a => a.Client!.Name == buyer, cancellationToken)) history += 10; // an SKO or framework agreement in force (the register)
        }
        lead.Score = fit + deadline + history;
    }

    /// <summary>The lead's subjects become those of its matched modules; rows already stored are kept, not re-inserted.</summary>
    private async Task MatchSubjectsAsync(Lead lead, List<string> slugs, CancellationToken cancellationToken)
    {
        var wanted = slugs.Count == 0 ? [] : await db.Modules.Where(m => slugs.Contains(m.Slug)).Select(m => m.SubjectId).Distinct().ToListAsync(cancellationToken);
        if (lead.Id != 0 && db.Entry(lead).State != EntityState.Detached)
        {
            await db.Entry(lead).Collection(l => l.Subjects).LoadAsync(cancellationToken);
        }
        lead.Subjects.RemoveAll(s => !wanted.Contains(s.SubjectId));
        foreach (var id in wanted.Where(id => lead.Subjects.All(s => s.SubjectId != id)))
        {
            lead.Subjects.Add(new LeadSubject { LeadId = lead.Id, SubjectId = id });
        }
    }

    /// <summary>Words of the lead's title that also stand in a matched module's title (the highlight covers only summaries).</summary>
    private static IEnumerable<string> MatchedTitleWords(string leadTitle, IEnumerable<string> moduleTitles)
    {
        var moduleWords = moduleTitles.SelectMany(t => Words(t)).ToHashSet();
        return Words(leadTitle).Where(w => w.Length > 4 && moduleWords.Contains(w));
    }

    private static string[] Words(string text) =>
        text.ToLower(CultureInfo.GetCultureInfo("sv-SE")).Split([' ', ',', '.', '–', '-', ':', '/', '(', ')'], StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex("<mark>([^<]+)</mark>")]
    private static partial Regex Marked();
}
