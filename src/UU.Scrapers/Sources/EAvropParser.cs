using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace UU.Scrapers.Sources;

/// <summary>
/// e-Avrop's public list (an ASP.NET WebForms page): a table with the columns Rubrik, Publicerad, Organisation,
/// Område and Deadline, rows linking to <c>/{org}/visa/upphandling.aspx?id={id}</c>. Further pages are reached by
/// posting the page's own form back with <c>__EVENTTARGET</c> set to the grid and <c>__EVENTARGUMENT=Page$N</c>.
/// </summary>
public static partial class EAvropParser
{
    public const string SourceName = "EAvrop";

    public sealed record ListPage(IReadOnlyList<ScrapedItem> Items, IReadOnlyDictionary<string, string>? NextPageForm, IReadOnlyList<string> Problems);

    public static ListPage ParseList(string html, Uri baseUrl)
    {
        var document = new HtmlDocument();
        document.LoadHtml(html);
        var table = document.DocumentNode.SelectNodes("//table")?.FirstOrDefault(t =>
            t.SelectNodes(".//th")?.Select(th => Clean(th.InnerText)).Contains("Rubrik") == true);
        if (table is null)
        {
            if (document.DocumentNode.InnerText.Contains("Inga upphandlingar", StringComparison.OrdinalIgnoreCase))
            {
                return new ListPage([], null, []);
            }
            throw new ParseException("e-Avrop list has no table with a 'Rubrik' column: the layout may have changed.");
        }
        var headers = table.SelectNodes(".//th")!.Select(th => Clean(th.InnerText)).ToList();
        int Column(string name) => headers.FindIndex(h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
        int title = Column("Rubrik"), published = Column("Publicerad"), organisation = Column("Organisation"), area = Column("Område"), deadline = Column("Deadline");
        var items = new List<ScrapedItem>();
        var problems = new List<string>();
        foreach (var row in table.SelectNodes(".//tr[td]") ?? Enumerable.Empty<HtmlNode>())
        {
            var cells = row.SelectNodes("./td")!.ToList();
            if (cells.Count < headers.Count)
            {
                continue; // the pager row
            }
            var link = cells[title].SelectSingleNode(".//a[@href]");
            var href = link is null ? null : WebUtility.HtmlDecode(link.GetAttributeValue("href", ""));
            var id = href is null ? null : IdPattern().Match(href) is { Success: true } m ? m.Groups[1].Value : null;
            if (id is null)
            {
                problems.Add($"a row without a link to a procurement: '{Clean(cells[title].InnerText)}'");
                continue;
            }
            items.Add(new ScrapedItem
            {
                Source = SourceName,
                ExternalId = id,
                Title = Clean(link!.InnerText),
                Buyer = organisation >= 0 ? Clean(cells[organisation].InnerText) : null,
                Place = area >= 0 ? Clean(cells[area].InnerText) : null,
                Region = area >= 0 ? Normalisation.Counties.FromName(Clean(cells[area].InnerText)) : null,
                PublishedOn = published >= 0 && DateOnly.TryParseExact(Clean(cells[published].InnerText), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var p) ? p : null,
                Deadline = deadline >= 0 ? Deadline(Clean(cells[deadline].InnerText)) : null,
                Url = WebLinks.Resolve(baseUrl, href),
            });
        }
        return new ListPage(items, NextPageForm(document), problems);
    }

    /// <summary>The detail page's CPV codes and upphandlings-ID.</summary>
    public static (IReadOnlyList<string> CpvCodes, string? ProcurementId) ParseDetail(string html)
    {
        var document = new HtmlDocument();
        document.LoadHtml(html);
        var text = Clean(document.DocumentNode.InnerText);
        var cpv = CpvPattern().Matches(text).Select(m => m.Value).Distinct().ToList();
        var id = ProcurementIdPattern().Match(text) is { Success: true } m ? m.Groups[1].Value : null;
        return (cpv, id);
    }

    /// <summary>The hidden fields of the page's form plus the postback that shows the next page, or null on the last page.</summary>
    private static Dictionary<string, string>? NextPageForm(HtmlDocument document)
    {
        var pager = document.DocumentNode.SelectNodes("//a[contains(@href,'__doPostBack') and contains(@href,'Page$')]");
        var current = document.DocumentNode.SelectSingleNode("//tr[contains(@class,'pager')]//span");
        var currentPage = current is not null && int.TryParse(Clean(current.InnerText), out var c) ? c : 1;
        var next = pager?.Select(a => PostBackPattern().Match(WebUtility.HtmlDecode(a.GetAttributeValue("href", ""))))
            .Where(m => m.Success && int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) == currentPage + 1)
            .FirstOrDefault();
        if (next is null)
        {
            return null;
        }
        var fields = new Dictionary<string, string>();
        foreach (var input in document.DocumentNode.SelectNodes("//input[@type='hidden'][@name]") ?? Enumerable.Empty<HtmlNode>())
        {
            fields[input.GetAttributeValue("name", "")] = WebUtility.HtmlDecode(input.GetAttributeValue("value", ""));
        }
        fields["__EVENTTARGET"] = next.Groups[1].Value;
        fields["__EVENTARGUMENT"] = "Page$" + next.Groups[2].Value;
        return fields;
    }

    private static DateTimeOffset? Deadline(string text)
    {
        if (!DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }
        return text.Length == 10 ? SwedishTime.EndOfDay(DateOnly.FromDateTime(local)) : SwedishTime.At(local);
    }

    private static string Clean(string text) => PageText.Collapse(WebUtility.HtmlDecode(text));

    [GeneratedRegex(@"upphandling\.aspx\?id=(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"__doPostBack\('([^']+)','Page\$(\d+)'\)")]
    private static partial Regex PostBackPattern();

    [GeneratedRegex(@"\b\d{8}-\d\b")]
    private static partial Regex CpvPattern();

    [GeneratedRegex(@"Upphandlings-ID:?\s*(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex ProcurementIdPattern();
}
