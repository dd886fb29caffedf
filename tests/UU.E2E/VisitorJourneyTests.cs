using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UU.E2E.Pages;

namespace UU.E2E;

[Collection(SiteGroup.Name)]
public sealed class VisitorJourneyTests(SiteFixture site)
{
    [Fact]
    public async Task Visitor_BrowsesFiltersOpensAModuleAndSendsAnInquiry()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Se alla utbildningar" }).ClickAsync();

        var catalogue = new CataloguePage(page);
        await catalogue.TickAsync("Omvårdnad (4)");
        await catalogue.TickAsync("Blandat");
        await catalogue.ApplyAsync();
        await Assertions.Expect(catalogue.ResultsHeading).ToHaveTextAsync("2 utbildningar");
        Assert.Contains("format=blandat", page.Url, StringComparison.Ordinal);

        await catalogue.OpenModuleAsync("Demensvård och personcentrerat bemötande");
        var module = new ModulePage(page);
        await Assertions.Expect(module.Heading).ToHaveTextAsync("Demensvård och personcentrerat bemötande");
        await module.RequestAsync();

        var inquiry = new InquiryPage(page);
        await Assertions.Expect(inquiry.SelectedModules).ToHaveTextAsync("Demensvård och personcentrerat bemötande");
        await inquiry.FillAsync("Sundsvalls kommun", "212000-2361", "Maria Nilsson", "maria.nilsson@sundsvall.example.se",
            "Vi vill utbilda undersköterskor på våra särskilda boenden i demensvård under våren.");
        await inquiry.SubmitAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tack för din förfrågan");
        await Assertions.Expect(inquiry.Reference).ToHaveTextAsync(new Regex("^UU-20[0-9]{2}-[0-9]{4}$"));
    }

    [Fact]
    public async Task Visitor_SeesEachProblemNextToItsFieldAndKeepsWhatWasTyped()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/forfragan");
        var inquiry = new InquiryPage(page);
        await inquiry.FillAsync("Härnösands kommun", "212000-2248", "Lars Ek", "lars.ek", "Fortbildning i skoljuridik för rektorer.");
        await inquiry.SubmitAsync();

        await Assertions.Expect(inquiry.FieldError("OrganisationNumber")).ToContainTextAsync("stämmer inte");
        await Assertions.Expect(inquiry.FieldError("Email")).ToContainTextAsync("e-postadress");
        await Assertions.Expect(page.GetByLabel("Organisationens namn")).ToHaveValueAsync("Härnösands kommun");
        // The summary links take the keyboard user to the field.
        await page.Locator(".error-summary a").First.ClickAsync();
        Assert.Equal("Form_OrganisationNumber", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Fact]
    public async Task KeyboardUser_SkipsToContentAndFiltersWithoutAMouse()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/utbildningar");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Hoppa till innehållet", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));

        await page.Locator("#format-distans").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Enter"); // submits the filter form
        await page.WaitForURLAsync(new Regex("format=distans"));
        var formats = await page.Locator(".card .tags li:nth-child(2)").AllTextContentsAsync();
        Assert.NotEmpty(formats);
        Assert.All(formats, f => Assert.Equal("Distans", f.Trim()));
    }

    [Fact]
    public async Task Visitor_SwitchesToEnglish()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/utbildningar/english-for-professionals");
        await page.GetByRole(AriaRole.Link, new() { Name = "In English" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("English for Professionals");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Request this course" })).ToBeVisibleAsync();
    }
}
