using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UU.E2E.Pages;

namespace UU.E2E;

/// <summary>
/// Every public page type, in Swedish and English, on a phone (390 px) and a laptop (1366 px): nothing may be wider
/// than the screen, so a visitor never has to scroll sideways. With UU_SCREENSHOTS set to a folder, each page is also
/// saved there as a full-page PNG, for a person to look at.
/// </summary>
[Collection(SiteGroup.Name)]
public sealed class PageWidthTests(SiteFixture site)
{
    public const int Phone = 390;
    public const int Laptop = 1366;

    /// <summary>One path of each public page type; the footer pages included.</summary>
    public static readonly string[] PublicPages =
    [
        "/",
        "/utbildningar",
        "/utbildningar?amne=pedagogik&format=distans",
        "/utbildningar/demensvard",
        "/utbildningar/english-for-professionals",
        "/kurser/OM031G",
        "/amnen",
        "/amnen/omvardnad",
        "/berattelser",
        "/berattelser/specialpedagogiskt-lyft-i-timra",
        "/sok?q=ledarskap",
        "/sok?q=qwxzyv",
        "/sok?q=demensv%C3%A5rd",
        "/forfragan",
        "/sidor/sa-gar-det-till",
        "/kontakt",
        "/personuppgifter",
        "/tillganglighet",
        "/webbplatskarta",
        "/finns-inte",
    ];

    public static TheoryData<string, string, int> Pages()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var path in PublicPages)
        {
            foreach (var language in new[] { "sv", "en" })
            {
                data.Add(path, language, Phone);
                data.Add(path, language, Laptop);
            }
        }
        return data;
    }

    /// <summary>The path in the chosen language: English pages have their own addresses under /en.</summary>
    public static string InLanguage(string path, string language) => language == "sv" ? path : "/en" + path;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PublicPage_IsNoWiderThanTheScreen(string path, string language, int width)
    {
        var page = await site.NewPageAsync(width);
        await page.GotoAsync(InLanguage(path, language));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await AssertFitsAsync(page, $"{path} ({language}, {width} px)");
    }

    [Theory]
    [InlineData("sv", Phone)]
    [InlineData("en", Phone)]
    [InlineData("sv", Laptop)]
    [InlineData("en", Laptop)]
    public async Task InquiryReceipt_IsNoWiderThanTheScreen(string language, int width)
    {
        var page = await site.NewPageAsync(width);
        await page.GotoAsync("/forfragan");
        var inquiry = new InquiryPage(page);
        await inquiry.FillAsync("Timrå kommun", "212000-2338", "Eva Lund", "eva.lund@timra.example.se",
            "Fortbildning i specialpedagogik för lärare i grundskolan, gärna under hösten och på distans.");
        await inquiry.SubmitAsync();
        await Assertions.Expect(inquiry.Reference).ToBeVisibleAsync();
        if (language == "en")
        {
            await page.GotoAsync(InLanguage(new Uri(page.Url).PathAndQuery, "en"));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Thank you for your inquiry");
        }
        await AssertFitsAsync(page, $"receipt ({language}, {width} px)");
    }

    [Fact]
    public async Task Catalogue_OnAPhone_ShowsResultsFirstAndFoldsTheFiltersBehindOneControl()
    {
        var page = await site.NewPageAsync(Phone);
        await page.GotoAsync("/utbildningar");
        var fold = page.Locator("details.fold");
        Assert.False(await fold.EvaluateAsync<bool>("d => d.open"));
        await Assertions.Expect(page.GetByLabel("Blandat", new() { Exact = true })).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".results .card").First).ToBeInViewportAsync();

        await page.GetByText("Filtrera utbildningarna").ClickAsync();
        var box = page.GetByLabel("Chefer i kommun och region", new() { Exact = true });
        await Assertions.Expect(box).ToBeVisibleAsync();
        // A long label beside a checkbox must not squeeze the box.
        var size = await box.BoundingBoxAsync();
        Assert.NotNull(size);
        Assert.InRange(size.Width, 16, 24);
        Assert.InRange(size.Height, 16, 24);
    }

    [Fact]
    public async Task Catalogue_OnALaptop_ShowsTheFiltersBesideTheResults()
    {
        var page = await site.NewPageAsync(Laptop);
        await page.GotoAsync("/utbildningar");
        await Assertions.Expect(page.GetByLabel("Blandat", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Filtrera utbildningarna")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task ModulePage_OnAPhone_ShowsEachCourseAsACardThatNamesItsColumns()
    {
        var page = await site.NewPageAsync(Phone);
        await page.GotoAsync("/utbildningar/demensvard");
        var cell = page.Locator(".stack-table td").First;
        Assert.Equal("Kurskod", await cell.EvaluateAsync<string>("td => getComputedStyle(td, '::before').content.replaceAll('\"', '')"));
        await Assertions.Expect(page.GetByText("Enligt överenskommelse – ni väljer tidpunkt")).ToBeVisibleAsync();
    }

    private static async Task AssertFitsAsync(IPage page, string what)
    {
        await page.EvaluateAsync("document.fonts.ready");
        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, window.innerWidth, document.documentElement.clientWidth]");
        if (Environment.GetEnvironmentVariable("UU_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            var name = Regex.Replace(what, "[^a-zA-Z0-9]+", "-").Trim('-');
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
        if (widths[0] > widths[1] || widths[0] > widths[2])
        {
            // Name the elements that stick out, so the failure says what to fix.
            var wide = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .slice(0, 8).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')");
            Assert.Fail($"{what}: the page is {widths[0]} px wide on a {widths[1]} px screen. Too wide: {string.Join(", ", wide)}");
        }
    }
}
