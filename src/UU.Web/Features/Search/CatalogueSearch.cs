using System.Globalization;
using UU.Search;
using UU.Search.Indexing;
using UU.Web.Features.Catalogue;
using UU.Web.Localization;

namespace UU.Web.Features.Search;

/// <summary>The search request as the public site and API take it; every value is checked and named when wrong.</summary>
public sealed class SearchQuery
{
    public static readonly string[] FacetNames = ["type", "subject", "level", "format", "credit", "size", "theme"];
    private static readonly Dictionary<string, string[]?> AllowedValues = new()
    {
        ["type"] = [SearchDocuments.ModuleType, SearchDocuments.CourseType, Content.ContentTypes.Story, Content.ContentTypes.Page],
        ["subject"] = null,
        ["level"] = [.. CatalogueCodes.Levels.Keys],
        ["format"] = [.. CatalogueCodes.Formats.Keys],
        ["credit"] = ["ja", "nej"],
        ["size"] = [.. CatalogueCodes.Sizes.Keys],
        ["theme"] = null,
    };

    public string Text { get; private init; } = "";
    public Dictionary<string, List<string>> Filters { get; } = [];
    public int Page { get; private init; } = 1;
    public int PageSize { get; private init; } = 10;
    public Dictionary<string, string> Errors { get; } = [];

    public static SearchQuery Parse(IQueryCollection query)
    {
        var page = 1;
        var pageSize = 10;
        var errors = new Dictionary<string, string>();
        if (query.TryGetValue("page", out var p) && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page is < 1 or > 100))
        {
            errors["page"] = "must be a whole number from 1 to 100";
            page = 1;
        }
        if (query.TryGetValue("pageSize", out var s) && (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 50))
        {
            errors["pageSize"] = "must be a whole number from 1 to 50";
            pageSize = 10;
        }
        var result = new SearchQuery { Text = (string?)query["q"] ?? "", Page = page, PageSize = pageSize };
        foreach (var error in errors)
        {
            result.Errors[error.Key] = error.Value;
        }
        foreach (var (facet, allowed) in AllowedValues)
        {
            foreach (var raw in query[facet].Take(50))
            {
                var value = raw?.Trim().ToLowerInvariant();
                if (string.IsNullOrEmpty(value))
                {
                    continue;
                }
                var valid = allowed is null ? value.Length <= 100 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') : allowed.Contains(value);
                if (valid)
                {
                    (result.Filters.TryGetValue(facet, out var list) ? list : result.Filters[facet] = []).Add(value);
                }
                else
                {
                    result.Errors[facet] = allowed is null
                        ? $"'{Clip(raw)}' is not a {facet} identifier"
                        : $"'{Clip(raw)}' is not one of {string.Join(", ", allowed)}";
                }
            }
        }
        return result;
    }

    private static string Clip(string? value) => value is null ? "" : value.Length > 40 ? value[..40] + "…" : value;
}

/// <summary>Runs catalogue searches and suggestions against this node's index.</summary>
public sealed class CatalogueSearch(SearchIndex index)
{
    /// <param name="related">Fill a short first page with related hits (the search page and API); off for callers that read only the hits.</param>
    public SearchResult Search(SearchQuery query, bool related = true) => index.Search(new SearchRequest
    {
        WithRelated = related,
        Query = query.Text,
        Filters = query.Filters.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value),
        Page = query.Page,
        PageSize = query.PageSize,
        English = Texts.IsEnglish,
        FacetNames = SearchQuery.FacetNames,
    });

    public IReadOnlyList<Suggestion> Suggest(string? text) => index.Suggest(text, Texts.IsEnglish);

    /// <summary>True while the index is rebuilt or faulted (its storage failed): results may be missing or old.</summary>
    public bool Degraded => index.State != IndexState.Ready || index.NeedsRebuild;

    public static string Url(string type, string slug) => type switch
    {
        SearchDocuments.CourseType => "/kurser/" + slug,
        SearchDocuments.ModuleType => "/utbildningar/" + slug,
        _ => Content.ContentTypes.PublicPath(type, slug),
    };
}
