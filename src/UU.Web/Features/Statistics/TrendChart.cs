using System.Globalization;
using System.Net;
using System.Text;

namespace UU.Web.Features.Statistics;

/// <summary>
/// A table's trend as an SVG line chart drawn on the server: years from left to right, one line per chosen row, a legend under it.
/// No script is needed to read it; the table beside it carries the same figures for screen readers (the chart is an image with a title).
/// </summary>
public static class TrendChart
{
    private const int Width = 560;
    private const int Height = 240;
    private const int Left = 56;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 32;
    private static readonly string[] Colours = ["#1f5c99", "#c0392b", "#2e8b57", "#8e44ad", "#d68910", "#566573"];

    /// <summary>The chart, or null when there is nothing to draw (no chart rows or fewer than two years).</summary>
    public static string? Svg(StatTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows.Where(r => table.ChartRows.Contains(r.Key)).ToList();
        if (rows.Count == 0 || table.Columns.Count < 2)
        {
            return null;
        }
        // The columns run from the latest year; a trend reads from the earliest.
        var order = Enumerable.Range(0, table.Columns.Count).Reverse().ToList();
        var values = rows.SelectMany(r => r.Cells.Select(c => c.Value)).OfType<decimal>().ToList();
        var max = values.Count == 0 ? 1m : Math.Max(1m, values.Max());
        var min = values.Count == 0 ? 0m : Math.Min(0m, values.Min());
        var inv = CultureInfo.InvariantCulture;
        double X(int i) => Left + (i * (double)(Width - Left - Right) / (order.Count - 1));
        double Y(decimal v) => Top + ((double)((max - v) / (max - min)) * (Height - Top - Bottom));
        var svg = new StringBuilder();
        var id = "chart-" + table.Key;
        svg.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height + (rows.Count * 18)}\" role=\"img\" aria-labelledby=\"{id}-title\" class=\"trend-chart\" data-testid=\"{id}\">");
        svg.Append(inv, $"<title id=\"{id}-title\">{WebUtility.HtmlEncode(table.Title)}</title>");
        // Axes and the zero line, with the extremes labelled.
        svg.Append(inv, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#888\"/>");
        svg.Append(inv, $"<line x1=\"{Left}\" y1=\"{Y(0):0.#}\" x2=\"{Width - Right}\" y2=\"{Y(0):0.#}\" stroke=\"#888\"/>");
        svg.Append(inv, $"<text x=\"{Left - 6}\" y=\"{Top + 4}\" text-anchor=\"end\" font-size=\"11\">{max.ToString("N0", inv)}</text>");
        svg.Append(inv, $"<text x=\"{Left - 6}\" y=\"{Y(min) + 4:0.#}\" text-anchor=\"end\" font-size=\"11\">{min.ToString("N0", inv)}</text>");
        for (var i = 0; i < order.Count; i++)
        {
            svg.Append(inv, $"<text x=\"{X(i):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" font-size=\"11\">{WebUtility.HtmlEncode(table.Columns[order[i]])}</text>");
        }
        for (var r = 0; r < rows.Count; r++)
        {
            var colour = Colours[r % Colours.Length];
            var points = order.Select((column, i) => (i, rows[r].Cells[column].Value)).Where(p => p.Value is not null)
                .Select(p => string.Create(inv, $"{X(p.i):0.#},{Y(p.Value!.Value):0.#}")).ToList();
            svg.Append(inv, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(' ', points)}\"/>");
            foreach (var point in points)
            {
                var xy = point.Split(',');
                svg.Append(inv, $"<circle cx=\"{xy[0]}\" cy=\"{xy[1]}\" r=\"3\" fill=\"{colour}\"/>");
            }
            var legendY = Height + (r * 18) + 4;
            svg.Append(inv, $"<rect x=\"{Left}\" y=\"{legendY}\" width=\"12\" height=\"12\" fill=\"{colour}\"/>");
            svg.Append(inv, $"<text x=\"{Left + 18}\" y=\"{legendY + 10}\" font-size=\"12\">{WebUtility.HtmlEncode(rows[r].Label)}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
