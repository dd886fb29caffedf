using Microsoft.Extensions.Primitives;
using UU.Web.Data;

namespace UU.Web.Features.Catalogue;

/// <summary>The catalogue's filters as they arrive in the query string; unknown values are reported, never fatal.</summary>
public sealed class CatalogueFilter
{
    public const int PageSize = 12;

    public List<string> Subjects { get; } = [];
    public List<string> Themes { get; } = [];
    public CourseLevel? Level { get; set; }
    public bool? CreditBearing { get; set; }
    public List<DeliveryFormat> Formats { get; } = [];
    public string? Size { get; set; }
    public TargetGroups Targets { get; set; }
    public string? Language { get; set; }
    public string Sort { get; set; } = "titel";
    public int Page { get; set; } = 1;

    /// <summary>Values that were not understood, as (query key, value) for the page to name.</summary>
    public List<(string Key, string Value)> Ignored { get; } = [];

    public bool HasAny => Subjects.Count > 0 || Themes.Count > 0 || Level is not null || CreditBearing is not null || Formats.Count > 0
        || Size is not null || Targets != TargetGroups.None || Language is not null;

    public static CatalogueFilter Parse(IQueryCollection query)
    {
        var filter = new CatalogueFilter();
        foreach (var value in Values(query, "amne"))
        {
            if (IsSlug(value))
            {
                filter.Subjects.Add(value.ToLowerInvariant());
            }
            else
            {
                filter.Ignored.Add(("amne", value));
            }
        }
        foreach (var value in Values(query, "tema"))
        {
            if (IsSlug(value))
            {
                filter.Themes.Add(value.ToLowerInvariant());
            }
            else
            {
                filter.Ignored.Add(("tema", value));
            }
        }
        foreach (var value in Values(query, "niva"))
        {
            if (CatalogueCodes.Levels.TryGetValue(value, out var level)) filter.Level = level;
            else filter.Ignored.Add(("niva", value));
        }
        foreach (var value in Values(query, "poang"))
        {
            if (value.Equals("ja", StringComparison.OrdinalIgnoreCase)) filter.CreditBearing = true;
            else if (value.Equals("nej", StringComparison.OrdinalIgnoreCase)) filter.CreditBearing = false;
            else filter.Ignored.Add(("poang", value));
        }
        foreach (var value in Values(query, "format"))
        {
            if (CatalogueCodes.Formats.TryGetValue(value, out var format)) filter.Formats.Add(format);
            else filter.Ignored.Add(("format", value));
        }
        foreach (var value in Values(query, "omfattning"))
        {
            if (CatalogueCodes.Sizes.ContainsKey(value)) filter.Size = value.ToLowerInvariant();
            else filter.Ignored.Add(("omfattning", value));
        }
        foreach (var value in Values(query, "malgrupp"))
        {
            if (CatalogueCodes.Targets.TryGetValue(value, out var target)) filter.Targets |= target;
            else filter.Ignored.Add(("malgrupp", value));
        }
        foreach (var value in Values(query, "sprak"))
        {
            if (CatalogueCodes.Languages.Contains(value, StringComparer.OrdinalIgnoreCase)) filter.Language = value.ToLowerInvariant();
            else filter.Ignored.Add(("sprak", value));
        }
        foreach (var value in Values(query, "sortera"))
        {
            if (CatalogueCodes.Sorts.Contains(value, StringComparer.OrdinalIgnoreCase)) filter.Sort = value.ToLowerInvariant();
            else filter.Ignored.Add(("sortera", value));
        }
        foreach (var value in Values(query, "sida"))
        {
            if (int.TryParse(value, out var page) && page is >= 1 and <= 10_000) filter.Page = page;
            else filter.Ignored.Add(("sida", value));
        }
        return filter;
    }

    /// <summary>The query string for this filter with another page number (for paging links).</summary>
    public string ToQueryString(int page)
    {
        var parts = new List<KeyValuePair<string, string?>>();
        parts.AddRange(Subjects.Select(s => new KeyValuePair<string, string?>("amne", s)));
        parts.AddRange(Themes.Select(t => new KeyValuePair<string, string?>("tema", t)));
        if (Level is { } level) parts.Add(new("niva", CatalogueCodes.Code(level)));
        if (CreditBearing is { } credit) parts.Add(new("poang", credit ? "ja" : "nej"));
        parts.AddRange(Formats.Select(f => new KeyValuePair<string, string?>("format", CatalogueCodes.Code(f))));
        if (Size is not null) parts.Add(new("omfattning", Size));
        parts.AddRange(CatalogueCodes.Targets.Where(t => Targets.HasFlag(t.Value)).Select(t => new KeyValuePair<string, string?>("malgrupp", t.Key)));
        if (Language is not null) parts.Add(new("sprak", Language));
        if (Sort != "titel") parts.Add(new("sortera", Sort));
        if (page > 1) parts.Add(new("sida", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Microsoft.AspNetCore.Http.QueryString.Create(parts).ToString();
    }

    private static IEnumerable<string> Values(IQueryCollection query, string key)
    {
        if (!query.TryGetValue(key, out StringValues values))
        {
            yield break;
        }
        // A crafted URL may repeat a key thousands of times; only the first few values are considered.
        foreach (var value in values.Take(50))
        {
            var trimmed = value?.Trim();
            if (!string.IsNullOrEmpty(trimmed))
            {
                yield return trimmed.Length > 100 ? trimmed[..100] : trimmed;
            }
        }
    }

    private static bool IsSlug(string value) => value.Length <= 100 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
