using System.Globalization;
using System.Text.Json;

namespace UU.Scrapers.Sources;

/// <summary>
/// TED search API answers (POST /v3/notices/search): notices whose fields are plain values, arrays (often with
/// repeats) or maps by language. Flattened here into <see cref="ScrapedItem"/>s; a notice without a number or
/// title is reported, not guessed.
/// </summary>
public static class TedParser
{
    public const string SourceName = "Ted";

    private static readonly string[] PreferredLanguages = ["swe", "eng", "mul"];

    /// <summary>The fields asked for in the search request, in the API's names.</summary>
    public static readonly string[] Fields =
    [
        "publication-number", "publication-date", "notice-title", "organisation-name-buyer", "buyer-city", "classification-cpv",
        "deadline-receipt-tender-date-lot", "deadline-receipt-tender-time-lot", "total-value", "total-value-cur", "submission-url-lot", "links",
        "place-of-performance",
    ];

    public static ScrapedPage Parse(string json)
    {
        using (var document = JsonAnswer.Parse(json, "TED"))
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("notices", out var notices) || notices.ValueKind != JsonValueKind.Array)
            {
                throw new ParseException("TED answer has no 'notices' array.");
            }
            var items = new List<ScrapedItem>();
            var problems = new List<string>();
            var index = 0;
            foreach (var notice in notices.EnumerateArray())
            {
                index++;
                var number = Text(notice, "publication-number") ?? Text(notice, "ND");
                var title = Text(notice, "notice-title") ?? Text(notice, "TI");
                if (number is null || title is null)
                {
                    problems.Add($"notice {index}: missing {(number is null ? "publication number" : "title")}");
                    continue;
                }
                var cpv = Strings(notice, "classification-cpv").Distinct().ToList();
                var deadlineDate = Text(notice, "deadline-receipt-tender-date-lot");
                var deadlineTime = Text(notice, "deadline-receipt-tender-time-lot");
                items.Add(new ScrapedItem
                {
                    Source = SourceName,
                    ExternalId = number,
                    TedNumber = number,
                    Title = StripCountryPrefix(title),
                    Buyer = Text(notice, "organisation-name-buyer"),
                    Place = Text(notice, "buyer-city") is { } city ? CultureInfo.GetCultureInfo("sv-SE").TextInfo.ToTitleCase(city.ToLowerInvariant()) : null,
                    // NUTS codes of the place of performance; the first Swedish county among them (SE321 → Västernorrlands län).
                    Region = Strings(notice, "place-of-performance").Select(Normalisation.Counties.FromNuts).FirstOrDefault(c => c is not null),
                    PublishedOn = Date(Text(notice, "publication-date") ?? Text(notice, "PD")),
                    Deadline = Deadline(deadlineDate, deadlineTime),
                    CpvCodes = cpv,
                    Value = notice.TryGetProperty("total-value", out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null,
                    Currency = Text(notice, "total-value-cur"),
                    Url = WebLinks.Resolve(null, Text(notice, "submission-url-lot")) ?? WebLinks.Resolve(null, Link(notice)) ?? $"https://ted.europa.eu/en/notice/-/detail/{number}",
                    // Swedish notices often link into an advertisement database whose address carries the upphandlings-ID.
                    ProcurementId = ProcurementIdFrom(Text(notice, "submission-url-lot")),
                });
            }
            int? total = root.TryGetProperty("totalNoticeCount", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt32() : null;
            var next = root.TryGetProperty("iterationNextToken", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            return new ScrapedPage(items, total, next, problems);
        }
    }

    /// <summary>The search request body for education and training notices from Swedish buyers.</summary>
    public static string Query(IEnumerable<string> cpvCodes, int days, string? token, int limit = 100) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["query"] = $"buyer-country=SWE AND classification-cpv IN ({string.Join(' ', cpvCodes)}) AND publication-date>=today(-{days.ToString(CultureInfo.InvariantCulture)})",
            ["fields"] = Fields,
            ["limit"] = Math.Clamp(limit, 1, 250),
            ["paginationMode"] = "ITERATION",
            ["iterationNextToken"] = token,
        });

    // "Sverige – Utbildningstjänster – Fortbildning för lärare" → keep what follows the country and the CPV label.
    private static string StripCountryPrefix(string title)
    {
        var parts = title.Split(" – ", 3, StringSplitOptions.TrimEntries);
        return parts.Length == 3 && parts[0] is "Sverige" or "Sweden" ? parts[2] : title.Trim();
    }

    /// <summary>A field as one string: a plain value, the first of an array, or (Swedish, English, "mul", any) of a language map.</summary>
    internal static string? Text(JsonElement notice, string field) =>
        notice.TryGetProperty(field, out var value) ? First(value) : null;

    private static string? First(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s.Trim() : null,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Array => value.EnumerateArray().Select(First).FirstOrDefault(s => s is not null),
        JsonValueKind.Object => PreferredLanguages.Select(lang => value.TryGetProperty(lang, out var v) ? First(v) : null).FirstOrDefault(s => s is not null)
            ?? value.EnumerateObject().Select(p => First(p.Value)).FirstOrDefault(s => s is not null),
        _ => null,
    };

    private static IEnumerable<string> Strings(JsonElement notice, string field)
    {
        if (!notice.TryGetProperty(field, out var value))
        {
            yield break;
        }
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (First(item) is { } s) yield return s;
            }
        }
        else if (First(value) is { } single)
        {
            yield return single;
        }
    }

    private static string? Link(JsonElement notice) =>
        notice.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Object && links.TryGetProperty("html", out var html) ? First(html) : null;

    internal static string? ProcurementIdFrom(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&'))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0].Equals("ProcurementId", StringComparison.OrdinalIgnoreCase) && parts[1].All(char.IsAsciiDigit) && parts[1].Length > 0)
            {
                return parts[1];
            }
        }
        return null;
    }

    /// <summary>"2026-07-10+02:00" → 2026-07-10.</summary>
    internal static DateOnly? Date(string? value) =>
        value is { Length: >= 10 } && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>"2026-08-25+02:00" and "23:59:00+02:00" → 2026-08-25T23:59:00+02:00 (end of day when the time is missing).</summary>
    internal static DateTimeOffset? Deadline(string? date, string? time)
    {
        if (Date(date) is not { } day)
        {
            return null;
        }
        var offset = TimeSpan.Zero;
        var clock = new TimeOnly(23, 59);
        var zoneSource = time ?? date!;
        var sign = zoneSource.LastIndexOfAny(['+', '-']);
        if (sign >= 8 && TimeSpan.TryParse(zoneSource[(sign + 1)..], CultureInfo.InvariantCulture, out var zone))
        {
            offset = zoneSource[sign] == '-' ? -zone : zone;
        }
        if (time is { Length: >= 5 } && TimeOnly.TryParse(time[..Math.Min(8, time.Length)].TrimEnd('+', '-'), CultureInfo.InvariantCulture, out var parsed))
        {
            clock = parsed;
        }
        return new DateTimeOffset(day.ToDateTime(clock), offset);
    }
}
