namespace UU.Search;

/// <summary>
/// What the index knows of one piece of published content. UU.Search has no idea of modules or EF Core:
/// the host maps its content to these fields.
/// </summary>
public sealed record SearchDocument
{
    public required string Type { get; init; }
    public required int Id { get; init; }
    public string? Code { get; init; }
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public string? TitleEn { get; init; }
    public string? Summary { get; init; }
    public string? SummaryEn { get; init; }
    /// <summary>Further Swedish text searched but not shown (outcomes, course titles, target groups...).</summary>
    public string? Body { get; init; }
    public string? BodyEn { get; init; }
    /// <summary>For a module: the keys (<see cref="DocumentKey"/>) of the courses it builds on; results show them under it.</summary>
    public IReadOnlyList<string> Parts { get; init; } = [];
    /// <summary>Facet values by facet name, e.g. subject → ["pedagogik"]. Also usable as filters.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Facets { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public string Key => DocumentKey(Type, Id);

    public static string DocumentKey(string type, int id) => $"{type}:{id}";
}

public sealed record SearchRequest
{
    public string? Query { get; init; }
    /// <summary>Filters by facet name; several values of one facet are alternatives, facets combine.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 10;
    public bool English { get; init; }
    /// <summary>Fill a short first page with related hits (<see cref="SearchResult.Related"/>): for pages a buyer reads.</summary>
    public bool WithRelated { get; init; }
    /// <summary>Facets to count; counts for a facet ignore that facet's own filter, so alternatives stay visible.</summary>
    public IReadOnlyList<string> FacetNames { get; init; } = [];
}

public sealed record SearchHit(string Type, int Id, string? Code, string Slug, string Title, float Score, string Highlight)
{
    /// <summary>For a module: the matching courses it builds on, shown collapsed under it instead of as hits of their own.</summary>
    public IReadOnlyList<SearchHit> Courses { get; init; } = [];

    /// <summary>
    /// "type:slug": what a buyer sees as one result, the key of the judged sets. Not the index key
    /// (<see cref="SearchDocument.Key"/>, "type:id") that documents are stored and grouped by.
    /// </summary>
    public string SlugKey => Type + ":" + Slug;

    /// <summary>"type:slug" of this hit and then of its courses, in the order a buyer sees them.</summary>
    public IEnumerable<string> SlugKeys() => Courses.Select(c => c.SlugKey).Prepend(SlugKey);
}

public sealed record FacetCount(string Value, int Count);

public sealed record SearchResult(
    int Total,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    string? DidYouMean,
    bool Relaxed)
{
    /// <summary>
    /// When the search finds fewer than a page on its first page: what matches some of the words, or some part of
    /// a compound ("förvaltningsrätt": förvaltning, rätt), shown after the hits as near the search, never among them.
    /// </summary>
    public IReadOnlyList<SearchHit> Related { get; init; } = [];

    /// <summary>"type:slug" of every hit, its courses and then the related hits, in the order a buyer sees them.</summary>
    public IEnumerable<string> SlugKeys() => Hits.Concat(Related).SelectMany(h => h.SlugKeys());

    public static readonly SearchResult Empty = new(0, [], new Dictionary<string, IReadOnlyList<FacetCount>>(), null, false);
}

public sealed record Suggestion(string Type, string Slug, string? Code, string Title);
