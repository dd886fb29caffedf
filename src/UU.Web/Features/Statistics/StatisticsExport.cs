using System.Globalization;
using UU.Web.Features.Shared;

namespace UU.Web.Features.Statistics;

/// <summary>A statistics table as CSV or Excel: the row label, then one column per year, figures as plain numbers (no thousands separators).</summary>
public static class StatisticsExport
{
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static string[] Header(StatTable table) => [table.RowHeader.Length > 0 ? table.RowHeader : table.Title, .. table.Columns, "unit"];

    private static IEnumerable<string?[]> Rows(StatTable table) =>
        table.Rows.Select(r => (string?[])[r.Label, .. r.Cells.Select(c => c.Value?.ToString("0.##", CultureInfo.InvariantCulture) ?? ""), r.Unit]);

    public static byte[] Csv(StatTable table) => TableExport.Csv(Header(table), Rows(table));

    public static byte[] Excel(StatTable table) => TableExport.Excel(table.Key.Length > 31 ? table.Key[..31] : table.Key, Header(table), Rows(table));
}
