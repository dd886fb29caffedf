using Microsoft.AspNetCore.Http.HttpResults;

namespace UU.Web.Features.Search;

public static class SearchApi
{
    public static WebApplication MapSearchApi(this WebApplication app)
    {
        app.MapGet("/api/search", Search);
        app.MapGet("/api/suggest", Suggest);
        return app;
    }

    /// <summary>GET /api/search?q=&amp;type=&amp;subject=&amp;level=&amp;format=&amp;credit=&amp;size=&amp;page=&amp;pageSize=</summary>
    private static Results<Ok<SearchResponse>, ValidationProblem> Search(HttpContext context, CatalogueSearch search)
    {
        var query = SearchQuery.Parse(context.Request.Query);
        if (query.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(query.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }),
                title: "Some search parameters are not valid.");
        }
        var result = search.Search(query);
        return TypedResults.Ok(new SearchResponse(
            result.Total,
            result.Hits.Select(ToResponse).ToList(),
            result.Facets.ToDictionary(f => f.Key, f => f.Value.Select(v => new SearchResponseFacet(v.Value, v.Count)).ToList()),
            result.DidYouMean,
            search.Degraded)
        {
            Related = result.Related.Select(ToResponse).ToList(),
        });
    }

    private static SearchResponseHit ToResponse(UU.Search.SearchHit h) =>
        new(h.Type, h.Id, h.Code, h.Slug, h.Title, h.Score, h.Highlight, CatalogueSearch.Url(h.Type, h.Slug),
            h.Courses.Select(c => new SearchResponseCourse(c.Id, c.Code, c.Slug, c.Title, c.Score, CatalogueSearch.Url(c.Type, c.Slug))).ToList());

    private static Ok<SuggestResponse> Suggest(string? q, CatalogueSearch search) =>
        TypedResults.Ok(new SuggestResponse(search.Suggest(q)
            .Select(s => new SuggestResponseItem(s.Title, s.Type, s.Slug, s.Code, CatalogueSearch.Url(s.Type, s.Slug))).ToList()));
}

/// <param name="Degraded">True while the index is rebuilt or recovers from a storage fault: hits may be missing.</param>
public sealed record SearchResponse(int Total, IReadOnlyList<SearchResponseHit> Hits, IReadOnlyDictionary<string, List<SearchResponseFacet>> Facets, string? DidYouMean, bool Degraded)
{
    /// <summary>
    /// When the first page has fewer hits than its size: what matches some of the words or a part of a compound,
    /// to show after the hits. Not counted in <see cref="Total"/>, never repeating a hit or one of its courses.
    /// </summary>
    public IReadOnlyList<SearchResponseHit> Related { get; init; } = [];
}

/// <param name="Courses">For a module: the matching courses it builds on, collapsed under it rather than listed as hits.</param>
public sealed record SearchResponseHit(string Type, int Id, string? Code, string Slug, string Title, float Score, string Highlight, string Url, IReadOnlyList<SearchResponseCourse> Courses);

public sealed record SearchResponseCourse(int Id, string? Code, string Slug, string Title, float Score, string Url);

public sealed record SearchResponseFacet(string Value, int Count);

public sealed record SuggestResponse(IReadOnlyList<SuggestResponseItem> Suggestions);

public sealed record SuggestResponseItem(string Title, string Type, string Slug, string? Code, string Url);
