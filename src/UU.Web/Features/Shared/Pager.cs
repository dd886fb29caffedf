namespace UU.Web.Features.Shared;

/// <summary>
/// A list's page links: previous, the first and last page, the pages around the current one, next. <paramref name="Href"/> gives a
/// page's address with the list's filters kept.
/// </summary>
public sealed record Pager(int Page, int PageCount, Func<int, string> Href, string Label)
{
    /// <summary>How many pages on each side of the current one get their own link.</summary>
    public const int Around = 2;

    public static int PagesFor(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>The page the query asks for (<c>page=</c>); one that is not a page of the list (text, 0, past the end) is the first.</summary>
    public static int PageFrom(IQueryCollection query, int total, int pageSize) =>
        int.TryParse((string?)query[ListLinks.PageParameter], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page)
            && page >= 1 && page <= PagesFor(total, pageSize) ? page : 1;

    /// <summary>The page numbers to link, with null where pages are left out.</summary>
    public IReadOnlyList<int?> Numbers()
    {
        var numbers = new List<int?>();
        for (var p = 1; p <= PageCount; p++)
        {
            if (p == 1 || p == PageCount || Math.Abs(p - Page) <= Around)
            {
                numbers.Add(p);
            }
            else if (numbers[^1] is not null)
            {
                numbers.Add(null);
            }
        }
        return numbers;
    }
}
