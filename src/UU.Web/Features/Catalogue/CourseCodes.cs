using System.Text;

namespace UU.Web.Features.Catalogue;

/// <summary>Course codes as Ladok allows them: 3–12 letters (A–Z and the Swedish Å, Ä, Ö) and digits, e.g. PE031G, FÖ117G, 2ÖÄ008.</summary>
public static class CourseCodes
{
    /// <summary>Trimmed, composed (a decomposed "Ö" from a Mac export becomes one letter) and upper case; "" when missing.</summary>
    public static string Normalise(string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? "" : raw.Trim().Normalize(NormalizationForm.FormC).ToUpperInvariant();

    public static bool IsValid(string code) =>
        code.Length is >= 3 and <= 12 && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is 'Å' or 'Ä' or 'Ö');
}
