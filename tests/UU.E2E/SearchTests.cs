using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace UU.E2E;

[Collection(SiteGroup.Name)]
public sealed class SearchTests(SiteFixture site)
{
    [Fact]
    public async Task AShortFirstPage_GoesOnWithRelatedHits_ReachableByKeyboard()
    {
        // The accessibility and page-width tests load the same address: this shows they see the related section.
        var page = await site.NewPageAsync();
        await page.GotoAsync("/sok?q=demensv%C3%A5rd");
        var related = page.Locator("section.related-hits");
        await Assertions.Expect(related.GetByRole(AriaRole.Heading, new() { Name = "Nära er sökning" })).ToBeVisibleAsync();
        Assert.True(await related.Locator(".hit h3 a").CountAsync() > 0);
        var shown = await page.Locator(".results > ol.hits .hit h3 a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var more = await related.Locator(".hit h3 a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Empty(shown.Intersect(more));
    }

    [Fact]
    public async Task Visitor_PicksAnAutocompleteSuggestionWithTheKeyboard()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Sök bland utbildningar och kurser" });
        await box.PressSequentiallyAsync("palli", new() { Delay = 40 });

        var option = page.GetByRole(AriaRole.Option, new() { Name = "Palliativ vård i kommunen" });
        await Assertions.Expect(option).ToBeVisibleAsync();
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await box.PressAsync("ArrowDown");
        await Assertions.Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        await box.PressAsync("Enter");

        await page.WaitForURLAsync(new Regex("/utbildningar/palliativ-vard$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Palliativ vård i kommunen");
    }

    [Fact]
    public async Task Visitor_KeepsTheChosenSuggestionWhenALaterAnswerArrives()
    {
        var page = await site.NewPageAsync();
        var release = new TaskCompletionSource();
        // The answer for the full word is held back until the visitor has moved onto a suggestion
        // of the shorter word's list.
        await page.RouteAsync("**/api/suggest?q=palli", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync("/");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Sök bland utbildningar och kurser" });
        await box.PressSequentiallyAsync("pall");
        var option = page.GetByRole(AriaRole.Option, new() { Name = "Palliativ vård i kommunen" });
        await Assertions.Expect(option).ToBeVisibleAsync();

        var lateAnswer = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/suggest?q=palli", StringComparison.Ordinal));
        await box.PressAsync("i");
        await page.WaitForRequestAsync(r => r.Url.EndsWith("/api/suggest?q=palli", StringComparison.Ordinal));
        await box.PressAsync("ArrowDown");
        await Assertions.Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        release.SetResult();
        await lateAnswer;
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[role=option]').length > 0");

        await Assertions.Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-activedescendant", await option.GetAttributeAsync("id") ?? "");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/utbildningar/palliativ-vard$"));
    }

    [Fact]
    public async Task Visitor_SearchesWithATypoAndNarrowsByFacet()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Sök bland utbildningar och kurser" });
        await box.FillAsync("spesialpedagogik");
        await box.PressAsync("Enter"); // no suggestion chosen: Enter submits the search form

        await page.WaitForURLAsync(new Regex("/sok\\?q=spesialpedagogik"));
        await Assertions.Expect(page.Locator(".hit h3 a").First).ToHaveTextAsync("Specialpedagogik för lärare");

        await page.GetByLabel(new Regex("^Ordinarie kurs")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrera träffarna" }).ClickAsync();
        var types = await page.Locator(".hit-type").AllTextContentsAsync();
        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.StartsWith("Ordinarie kurs", t.Trim(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchWorksWithoutJavaScript()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Sök bland utbildningar och kurser").FillAsync("demensvård");
        await page.GetByLabel("Sök bland utbildningar och kurser").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".hit h3 a").First).ToHaveTextAsync("Demensvård och personcentrerat bemötande");
        await context.CloseAsync();
    }
}
