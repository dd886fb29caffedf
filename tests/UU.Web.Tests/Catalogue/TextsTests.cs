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
