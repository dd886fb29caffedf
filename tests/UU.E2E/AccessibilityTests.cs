using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace UU.E2E;

/// <summary>axe-core (bundled in the package, run in the page) against WCAG 2.1 A and AA rules on the main public pages.</summary>
[Collection(SiteGroup.Name)]
public sealed class AccessibilityTests(SiteFixture site)
{
    public static TheoryData<string> MainPages => new()
    {
        "/",
        "/utbildningar",
        "/utbildningar?amne=pedagogik&format=distans&sida=1",
        "/utbildningar/demensvard",
        "/kurser/OM031G",
        "/amnen",
        "/amnen/omvardnad",
        "/forfragan",
        "/finns-inte",
        "/utbildningar?culture=en",
        "/sok?q=ledarskap",
        "/berattelser",
        "/berattelser/specialpedagogiskt-lyft-i-timra",
        "/sidor/sa-gar-det-till",
        "/office/logga-in",
        "/sok?q=femensv%C3%A5rd",
        "/sok?q=demensv%C3%A5rd", // a short first page: related hits follow under their own heading
    };

    [Theory]
    [MemberData(nameof(MainPages))]
    public async Task MainPage_HasNoWcag21AaViolations(string path)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(path);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        Assert.True(result.Violations.Length == 0, Describe(result));
    }

    /// <summary>Every public page type (the list the width tests use), in both languages, on a phone and a laptop.</summary>
    public static TheoryData<string, string, int> PublicPageTypes() => PageWidthTests.Pages();

    [Theory]
    [MemberData(nameof(PublicPageTypes))]
    public async Task PublicPageType_HasNoWcag21AaViolations(string path, string language, int width)
    {
        var page = await site.NewPageAsync(width);
        await page.GotoAsync(PageWidthTests.InLanguage(path, language));
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        Assert.True(result.Violations.Length == 0, Describe(result));
    }

    public static TheoryData<string> OfficePages => new()
    {
        "/office",
        "/office/innehall",
        "/office/media",
        "/office/utbildningar",
        "/office/amnen",
        "/office/forfragningar",
        "/office/leads",
        "/office/kunder",
        "/office/avtal",
        "/office/statistik",
        "/office/anvandare",
        "/office/granskning",
    };

    [Theory]
    [MemberData(nameof(OfficePages))]
    public async Task OfficeMainPage_HasNoWcag21AaViolations(string path)
    {
        var page = await site.SignedInPageAsync(PageWidthTests.Laptop);
        await page.GotoAsync(path);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(result.Violations.Length == 0, path + ": " + Describe(result));
    }

    [Fact]
    public async Task InquiryFormWithErrors_HasNoWcag21AaViolations()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/forfragan");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Skicka förfrågan" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(result.Violations.Length == 0, Describe(result));
    }

    private static string Describe(AxeResult result) => string.Join("\n", result.Violations.Select(v =>
        $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
}
