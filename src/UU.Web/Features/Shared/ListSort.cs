using System.Linq.Expressions;

namespace UU.Web.Features.Shared;

/// <summary>
/// A list's order as the address gives it: <c>sortera=namn&amp;ordning=fallande</c>. The key is one of the list's own (a whitelist);
/// an unknown key or direction is the list's default order, never an error, so an old or hand-edited link still shows the list.
/// </summary>
public sealed record ListSort(string Key, bool Descending)
{
    public const string KeyParameter = "sortera";
    public const string DirectionParameter = "ordning";
    public const string Ascending = "stigande";
    public const string DescendingValue = "fallande";

    /// <summary>The sort the query asks for when its key is in <paramref name="keys"/>, else <paramref name="fallback"/>.</summary>
    public static ListSort Parse(IQueryCollection query, IReadOnlyCollection<string> keys, ListSort fallback)
    {
        var key = ((string?)query[KeyParameter])?.Trim().ToLowerInvariant();
        if (key is null || !keys.Contains(key, StringComparer.Ordinal))
        {
            return fallback;
        }
        return ((string?)query[DirectionParameter])?.Trim().ToLowerInvariant() switch
        {
            Ascending => new ListSort(key, false),
            DescendingValue => new ListSort(key, true),
            // A known key without a (known) direction: the direction the default gives that key.
            _ => new ListSort(key, key == fallback.Key ? fallback.Descending : false),
        };
    }

    /// <summary>Orders <paramref name="query"/> by <paramref name="by"/> in this sort's direction.</summary>
    public IOrderedQueryable<T> Apply<T, TKey>(IQueryable<T> query, Expression<Func<T, TKey>> by) =>
        Descending ? query.OrderByDescending(by) : query.OrderBy(by);

    /// <summary>The value of <c>aria-sort</c> for the column <paramref name="key"/>: only the sorted column has one.</summary>
    public string? AriaSort(string key) => key == Key ? (Descending ? "descending" : "ascending") : null;
}

/// <summary>
/// The state every sorted, paged office list shows: its search text (<c>q</c>), order, page and total, and the links that keep
/// them. A list's page model reads them from the address with <see cref="ReadText"/>, <see cref="ReadSort"/> and <see cref="SetTotal"/>.
/// </summary>
public abstract class SortedListPageModel(ListSort defaultSort) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    private readonly ListSort _defaultSort = defaultSort;

    public string? Text { get; private set; }
    public ListSort Sort { get; private set; } = defaultSort;
    public int PageNumber { get; private set; } = 1;
    public int Total { get; private set; }
    public ListLinks Links => new(Request, Sort);

    /// <summary>The search text of the address, trimmed and at most 100 characters; none when blank.</summary>
    protected void ReadText() =>
        Text = ((string?)Request.Query["q"])?.Trim() is { Length: > 0 } q ? q[..Math.Min(100, q.Length)] : null;

    protected void ReadSort(IReadOnlyCollection<string> keys) => Sort = ListSort.Parse(Request.Query, keys, _defaultSort);

    /// <summary>Records how many items the filtered list has and reads the page asked for, within the pages there are.</summary>
    protected void SetTotal(int total, int pageSize)
    {
        Total = total;
        PageNumber = Pager.PageFrom(Request.Query, total, pageSize);
    }
}

/// <summary>Addresses of one list that keep its filters: a page link, a column's sort link.</summary>
public sealed class ListLinks(HttpRequest request, ListSort sort)
{
    public const string PageParameter = "page";

    public ListSort Sort { get; } = sort;

    /// <summary>Page <paramref name="page"/> of the list as it is filtered and sorted now.</summary>
    public string Page(int page) => With((PageParameter, page.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The list sorted by <paramref name="key"/>: ascending, or descending when it is already sorted ascending by it; back on page 1.</summary>
    public string SortBy(string key) =>
        With((PageParameter, null), (ListSort.KeyParameter, key),
            (ListSort.DirectionParameter, key == Sort.Key && !Sort.Descending ? ListSort.DescendingValue : ListSort.Ascending));

    /// <summary>This address with the given parameters replaced (null drops one) and no page handler.</summary>
    public string With(params (string Key, string? Value)[] changes)
    {
        var replaced = changes.Select(c => c.Key).Append("handler").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var kept = request.Query.Where(q => !replaced.Contains(q.Key))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Concat(changes.Where(c => c.Value is not null).Select(c => new KeyValuePair<string, string?>(c.Key, c.Value)));
        return request.PathBase + request.Path + QueryString.Create(kept).ToUriComponent();
    }
}

/// <summary>A column header that sorts the list (the partial _SortHeader.cshtml).</summary>
public sealed record SortHeader(ListLinks Links, string Key, string Label);
