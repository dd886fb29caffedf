using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace UU.Web.Localization;

/// <summary>
/// UI text in Swedish (default) and English from one resource file, so each text is written once per
/// language and the two stay side by side. A missing key shows the key itself, which a test catches.
/// </summary>
public sealed class Texts
{
    public static readonly string[] SupportedCultures = ["sv", "en"];

    private readonly FrozenDictionary<string, string[]> _texts;

    public Texts()
    {
        using var stream = typeof(Texts).Assembly.GetManifestResourceStream("UU.Web.Resources.texts.json")
            ?? throw new InvalidOperationException("The embedded resource Resources/texts.json is missing.");
        var parsed = JsonSerializer.Deserialize<Dictionary<string, string[]>>(stream)
            ?? throw new InvalidOperationException("Resources/texts.json is empty.");
        _texts = parsed.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, string[]> All => _texts;

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string this[string key] => Get(key);

    public string this[string key, params object[] args] => string.Format(CultureInfo.CurrentCulture, Get(key), args);

    public string Get(string key)
    {
        if (!_texts.TryGetValue(key, out var values))
        {
            return key;
        }
        return IsEnglish && values.Length > 1 && !string.IsNullOrEmpty(values[1]) ? values[1] : values[0];
    }

    /// <summary>Picks the visitor's language of a content field, falling back to Swedish.</summary>
    public static string Pick(string sv, string? en) => IsEnglish && !string.IsNullOrWhiteSpace(en) ? en : sv;

    public static string? PickOptional(string? sv, string? en) => IsEnglish && !string.IsNullOrWhiteSpace(en) ? en : sv;
}
