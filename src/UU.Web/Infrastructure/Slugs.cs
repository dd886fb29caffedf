using System.Globalization;
using System.Text;

namespace UU.Web.Infrastructure;

public static class Slugs
{
    /// <summary>A URL slug from a Swedish or English title: "Förskolans pedagogik" becomes "forskolans-pedagogik".</summary>
    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        var dash = false;
        foreach (var c in text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // å, ä, ö, é lose their marks: a, a, o, e
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
                dash = false;
            }
            else if (!dash && builder.Length > 0)
            {
                builder.Append('-');
                dash = true;
            }
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length > 150 ? slug[..150].Trim('-') : slug;
    }
}
