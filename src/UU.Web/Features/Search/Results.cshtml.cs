using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Search;
using UU.Web.Features.Catalogue;

namespace UU.Web.Features.Search;

public sealed class ResultsModel(CatalogueSearch search, CatalogueQueries catalogue) : PageModel
{
    public SearchQuery Query { get; private set; } = null!;
    public SearchResult Result { get; private set; } = SearchResult.Empty;

    /// <summary>The index is being rebuilt or could not be written: results may be missing.</summary>
    public bool Degraded { get; private set; }
    public IReadOnlyDictionary<string, string> SubjectNames { get; private set; } = new Dictionary<string, string>();
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Math.Min(Result.Total, 1000) / (double)Query.PageSize));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = SearchQuery.Parse(Request.Query);
        Result = search.Search(Query);
        Degraded = search.Degraded;
        var subjects = await catalogue.SubjectsAsync(cancellationToken);
        SubjectNames = subjects.ToDictionary(s => s.Slug, s => Localization.Texts.Pick(s.NameSv, s.NameEn));
    }

    public string Link(int page, string? text = null)
    {
        var parts = new List<KeyValuePair<string, string?>> { new("q", text ?? Query.Text) };
        foreach (var (facet, values) in Query.Filters)
        {
            parts.AddRange(values.Select(v => new KeyValuePair<string, string?>(facet, v)));
        }
        if (page > 1)
        {
            parts.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return "/sok" + Microsoft.AspNetCore.Http.QueryString.Create(parts);
    }
}
