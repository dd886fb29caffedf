using System.Text.RegularExpressions;

namespace UU.Scrapers.Normalisation;

/// <summary>Sweden's 21 counties (län), read from a NUTS 3 code (SE321), a county name in any usual spelling, or a region's name.</summary>
public static partial class Counties
{
    // NUTS 3 code, the short name, the county's full name.
    private static readonly (string Nuts, string Short, string Name)[] All =
    [
        ("SE110", "Stockholm", "Stockholms län"), ("SE121", "Uppsala", "Uppsala län"), ("SE122", "Södermanland", "Södermanlands län"),
        ("SE123", "Östergötland", "Östergötlands län"), ("SE124", "Örebro", "Örebro län"), ("SE125", "Västmanland", "Västmanlands län"),
        ("SE211", "Jönköping", "Jönköpings län"), ("SE212", "Kronoberg", "Kronobergs län"), ("SE213", "Kalmar", "Kalmar län"),
        ("SE214", "Gotland", "Gotlands län"), ("SE221", "Blekinge", "Blekinge län"), ("SE224", "Skåne", "Skåne län"),
        ("SE231", "Halland", "Hallands län"), ("SE232", "Västra Götaland", "Västra Götalands län"), ("SE311", "Värmland", "Värmlands län"),
        ("SE312", "Dalarna", "Dalarnas län"), ("SE313", "Gävleborg", "Gävleborgs län"), ("SE321", "Västernorrland", "Västernorrlands län"),
        ("SE322", "Jämtland", "Jämtlands län"), ("SE331", "Västerbotten", "Västerbottens län"), ("SE332", "Norrbotten", "Norrbottens län"),
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(c => c.Name).ToList();

    /// <summary>"SE321 Västernorrlands län" or "SE321" → "Västernorrlands län"; a code for a whole region (SE3) gives null.</summary>
    public static string? FromNuts(string? text)
    {
        var code = text is null ? null : NutsCode().Match(text) is { Success: true } m ? m.Value.ToUpperInvariant() : null;
        return code is null ? FromName(text) : All.FirstOrDefault(c => c.Nuts == code).Name;
    }

    /// <summary>"Västernorrland", "Västernorrlands län", "Region Västernorrland" → "Västernorrlands län"; anything else null.</summary>
    public static string? FromName(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var name = text.Trim();
        if (name.StartsWith("Region ", StringComparison.OrdinalIgnoreCase))
        {
            name = name["Region ".Length..].Trim();
        }
        foreach (var county in All)
        {
            if (name.Equals(county.Name, StringComparison.OrdinalIgnoreCase) || name.Equals(county.Short, StringComparison.OrdinalIgnoreCase)
                || name.Equals(county.Short + "s län", StringComparison.OrdinalIgnoreCase) || name.Equals(county.Short + " län", StringComparison.OrdinalIgnoreCase))
            {
                return county.Name;
            }
        }
        return null;
    }

    [GeneratedRegex(@"\bSE\d{3}\b", RegexOptions.IgnoreCase)]
    private static partial Regex NutsCode();
}
