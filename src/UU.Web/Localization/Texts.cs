using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace UU.Web.Localization;

/// <summary>
/// UI text in Swedish (default) and English from the resource files Resources/texts*.json (texts.json, and one
/// texts.FEATURE.json for a feature that keeps its own), so each text is written once per language and the two
/// stay side by side. A key in two files stops the start; a missing key shows the key itself, which a test catches.
/// </summary>
public sealed class Texts
{
    public static readonly string[] SupportedCultures = ["sv", "en"];

    private const string ResourcePrefix = "UU.Web.Resources.texts";

    private readonly FrozenDictionary<string, string[]> _texts;

    public Texts()
    {
        var assembly = typeof(Texts).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            throw new InvalidOperationException("The embedded resource Resources/texts.json is missing.");
        }
        var all = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var parsed = JsonSerializer.Deserialize<Dictionary<string, string[]>>(stream)
                ?? throw new InvalidOperationException($"The resource {name} is empty.");
            foreach (var (key, values) in parsed)
            {
                if (!all.TryAdd(key, values))
                {
                    throw new InvalidOperationException($"The text key '{key}' is defined twice (again in {name}).");
                }
            }
        }
        _texts = all.ToFrozenDictionary(StringComparer.Ordinal);
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

    /// <summary>A count in words: the key's ".one" form for exactly one ("1 utbildning"), the key itself otherwise ("2 utbildningar").</summary>
    public string Count(string key, int count) =>
        this[count == 1 && _texts.ContainsKey(key + ".one") ? key + ".one" : key, count];

    /// <summary>True when an English page shows a field's Swedish text because nobody has written the English one.</summary>
    public static bool SwedishOnly(string? sv, string? en) => IsEnglish && !string.IsNullOrWhiteSpace(sv) && string.IsNullOrWhiteSpace(en);

    /// <summary>Picks the visitor's language of a content field, falling back to Swedish.</summary>
    public static string Pick(string sv, string? en) => IsEnglish && !string.IsNullOrWhiteSpace(en) ? en : sv;

    public static string? PickOptional(string? sv, string? en) => IsEnglish && !string.IsNullOrWhiteSpace(en) ? en : sv;
}
