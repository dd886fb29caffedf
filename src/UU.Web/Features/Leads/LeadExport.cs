using System.Globalization;
using UU.Web.Features.Shared;

namespace UU.Web.Features.Leads;

/// <summary>The filtered lead list as CSV or Excel, for coordinators' own follow-up.</summary>
public static class LeadExport
{
    private static readonly string[] Header = ["Id", "Slag", "Titel", "Köpare", "Ort", "Län", "Publicerad", "Sista anbudsdag", "Status", "Poäng", "Källor", "Matchade på", "Länk"];

    private static string?[] Row(LeadListItem l) =>
    [
        l.Id.ToString(CultureInfo.InvariantCulture), l.Kind, l.Title, l.Buyer, l.Place, l.Region,
        l.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        l.Deadline is { } d ? UU.Scrapers.SwedishTime.Format(d) : null,
        l.Status, l.Score.ToString(CultureInfo.InvariantCulture), string.Join(", ", l.Sources), l.MatchReasons, l.Url,
    ];

    public static byte[] Csv(IEnumerable<LeadListItem> leads) => TableExport.Csv(Header, leads.Select(Row));

    public static byte[] Excel(IEnumerable<LeadListItem> leads) => TableExport.Excel("Leads", Header, leads.Select(Row));
}
