using System.Text.RegularExpressions;
using UU.Web.Localization;

namespace UU.Web.Tests.Notifications;

public sealed partial class MailTemplateTests
{
    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void EveryMailTemplate_HasTheSamePlaceholdersInSwedishAndEnglish()
    {
        var templates = new Texts().All.Where(t => t.Key.StartsWith("mail.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(templates);
        static string Names(string text) => string.Join(",", Placeholder().Matches(text).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal));
        var different = templates.Where(t => t.Value.Length != 2 || Names(t.Value[0]) != Names(t.Value[1])).Select(t => t.Key).ToList();
        Assert.Empty(different);
    }
}
