using UU.Web.Localization;

namespace UU.Web.Tests.Catalogue;

public sealed class TextsTests
{
    [Fact]
    public void EveryText_HasSwedishAndEnglish()
    {
        var texts = new Texts();
        Assert.NotEmpty(texts.All);
        var incomplete = texts.All.Where(t => t.Value.Length != 2 || t.Value.Any(string.IsNullOrWhiteSpace)).Select(t => t.Key).ToList();
        Assert.Empty(incomplete);
    }

    /// <summary>Read from the files themselves, so the failure names the file, and a key two files define is caught here too.</summary>
    [Fact]
    public void EveryKeyInEveryTextsFile_HasSwedishAndEnglish_AndIsDefinedOnce()
    {
        var files = Directory.GetFiles(Path.Combine(FindRepositoryRoot(), "src", "UU.Web", "Resources"), "texts*.json");
        Assert.NotEmpty(files);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var texts = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(file)) ?? [];
            foreach (var (key, values) in texts)
            {
                if (values is null || values.Length != 2 || values.Any(string.IsNullOrWhiteSpace))
                {
                    problems.Add($"{name}: '{key}' needs a Swedish and an English text");
                }
                if (!seen.TryAdd(key, name))
                {
                    problems.Add($"{name}: '{key}' is already defined in {seen[key]}");
                }
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void EveryKeyUsedInTheViews_Exists()
    {
        var texts = new Texts();
        var root = Path.Combine(FindRepositoryRoot(), "src", "UU.Web");
        var pattern = new System.Text.RegularExpressions.Regex("(?:T|texts)\\[\"([a-zA-Z0-9.\\-]+)\"");
        var missing = Directory.EnumerateFiles(root, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => pattern.Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith('.') && !texts.All.ContainsKey(k))
            .Distinct()
            .ToList();
        Assert.Empty(missing);
    }

    internal static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UU.Web.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("UU.Web.sln not found above " + AppContext.BaseDirectory);
    }
}
