using System.Globalization;
using System.Text.Json;
using UU.Scrapers.Normalisation;

namespace UU.Scrapers.Sources;

/// <summary>One job ad as far as the competence-need signal needs it (the ads' contact persons are never read).</summary>
public sealed record JobAd(string Id, string Headline, string Employer, string? OrganisationNumber, string? Occupation, string? Municipality, string? Region,
    DateOnly? Published, DateOnly? Deadline, int Vacancies);

/// <summary>
/// JobTech JobSearch answers (GET /search): ads from municipalities and regions, aggregated per employer and
/// occupation over a window into competence-need items ("Sundsvalls kommun har annonserat 14 tjänster som lärare").
/// </summary>
public static class JobTechParser
{
    public const string SourceName = "JobTech";

    public static (IReadOnlyList<JobAd> Ads, int Total, IReadOnlyList<string> Problems) Parse(string json)
    {
        using (var document = JsonAnswer.Parse(json, "JobTech"))
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("hits", out var hits) || hits.ValueKind != JsonValueKind.Array)
            {
                throw new ParseException("JobTech answer has no 'hits' array.");
            }
            var total = root.TryGetProperty("total", out var t) && t.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
            var ads = new List<JobAd>();
            var problems = new List<string>();
            foreach (var hit in hits.EnumerateArray())
            {
                var id = Str(hit, "id");
                var employer = hit.TryGetProperty("employer", out var e) ? Str(e, "name") : null;
                if (id is null || employer is null)
                {
                    problems.Add($"an ad without {(id is null ? "id" : "employer")}");
                    continue;
                }
                var address = hit.TryGetProperty("workplace_address", out var a) ? a : default;
                ads.Add(new JobAd(
                    id,
                    Str(hit, "headline") ?? "",
                    employer,
                    Str(e, "organization_number"),
                    hit.TryGetProperty("occupation", out var o) ? Str(o, "label") : null,
                    address.ValueKind == JsonValueKind.Object ? Str(address, "municipality") : null,
                    address.ValueKind == JsonValueKind.Object ? Str(address, "region") : null,
                    TedParser.Date(Str(hit, "publication_date")),
                    TedParser.Date(Str(hit, "application_deadline")),
                    hit.TryGetProperty("number_of_vacancies", out var n) && n.ValueKind == JsonValueKind.Number ? Math.Max(1, n.GetInt32()) : 1));
            }
            return (ads, total, problems);
        }
    }

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object ? TedParser.Text(element, name) : null;

    /// <summary>Ads of one employer and occupation within the window become one competence-need item.</summary>
    public static IReadOnlyList<ScrapedItem> Aggregate(IEnumerable<JobAd> ads, DateOnly today, int windowDays, int minimumPosts = 3)
    {
        var from = today.AddDays(-windowDays);
        return ads.Where(a => a.Published is null || a.Published >= from)
            .GroupBy(a => (Employer: a.Employer.Trim(), Occupation: a.Occupation?.Trim() ?? "okänt yrke"))
            .Select(g => (g.Key, Ads: g.ToList(), Posts: g.Sum(a => a.Vacancies)))
            .Where(g => g.Posts >= minimumPosts)
            .OrderByDescending(g => g.Posts)
            .Select(g =>
            {
                var first = g.Ads[0];
                var orgNumber = g.Ads.Select(a => a.OrganisationNumber).FirstOrDefault(n => n is not null);
                var key = $"{(OrganisationNumber.TryParse(orgNumber, out var number) ? number.ToString() : g.Key.Employer)}|{g.Key.Occupation}".ToLowerInvariant();
                return new ScrapedItem
                {
                    Source = SourceName,
                    ExternalId = key,
                    Title = string.Create(CultureInfo.InvariantCulture, $"{g.Key.Employer} har annonserat {g.Posts} tjänster som {g.Key.Occupation.ToLowerInvariant()} på {windowDays} dagar"),
                    Buyer = g.Key.Employer,
                    Place = first.Municipality ?? first.Region,
                    Region = Normalisation.Counties.FromName(first.Region),
                    PublishedOn = g.Ads.Max(a => a.Published),
                    Description = string.Join("\n", g.Ads.Take(10).Select(a => a.Headline)),
                };
            })
            .ToList();
    }
}
