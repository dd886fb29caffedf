using System.Globalization;

namespace UU.Web.Features.Commissions.FollowUp;

/// <summary>Amounts and figures as people type them: "12 345,50", "12345.50", "87 %" (spaces and a decimal comma or point).</summary>
public static class Amounts
{
    public static bool TryParse(string? raw, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }
        var text = new string([.. raw.Where(c => !char.IsWhiteSpace(c) && c != '\u00a0' && c != '%')]).Replace('−', '-').Replace(',', '.');
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static string Format(decimal value) => value.ToString("N2", CultureInfo.GetCultureInfo("sv-SE"));
}
