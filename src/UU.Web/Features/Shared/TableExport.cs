using System.Text;
using ClosedXML.Excel;

namespace UU.Web.Features.Shared;

/// <summary>
/// A table (a header and rows of text cells) as CSV or Excel, for the office's exports. Nothing in a cell is ever run
/// as a formula: CSV cells that a spreadsheet would evaluate get a leading ', and Excel cells are set as text.
/// </summary>
public static class TableExport
{
    /// <summary>RFC 4180 CSV with a BOM (so Excel reads UTF-8).</summary>
    public static byte[] Csv(IReadOnlyList<string> header, IEnumerable<string?[]> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', header.Select(Cell)).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>One sheet with a bold, frozen header row and an auto filter.</summary>
    public static byte[] Excel(string sheetName, IReadOnlyList<string> header, IEnumerable<string?[]> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(sheetName);
        for (var c = 0; c < header.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = header[c];
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
        }
        var r = 2;
        foreach (var values in rows)
        {
            for (var c = 0; c < values.Length; c++)
            {
                sheet.Cell(r, c + 1).SetValue(values[c] ?? "");
            }
            r++;
        }
        sheet.Range(1, 1, Math.Max(1, r - 1), header.Count).SetAutoFilter();
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
