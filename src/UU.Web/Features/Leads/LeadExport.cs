using System.Globalization;
using System.Text;
using ClosedXML.Excel;

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

    /// <summary>RFC 4180 CSV with a BOM (so Excel reads UTF-8); a cell that a spreadsheet would run as a formula is prefixed with '.</summary>
    public static byte[] Csv(IEnumerable<LeadListItem> leads)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Header.Select(Cell)).Append("\r\n");
        foreach (var lead in leads)
        {
            text.AppendJoin(',', Row(lead).Select(Cell)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Excel(IEnumerable<LeadListItem> leads)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Leads");
        for (var c = 0; c < Header.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = Header[c];
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
        }
        var row = 2;
        foreach (var lead in leads)
        {
            var values = Row(lead);
            for (var c = 0; c < values.Length; c++)
            {
                // Set as text, so nothing scraped is ever evaluated as a formula.
                sheet.Cell(row, c + 1).SetValue(values[c] ?? "");
            }
            row++;
        }
        sheet.Range(1, 1, Math.Max(1, row - 1), Header.Length).SetAutoFilter();
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static string Cell(string? value)
    {
        var v = value ?? "";
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            v = "'" + v;
        }
        return v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }
}
