using Microsoft.Playwright;

namespace UU.E2E.Pages;

/// <summary>The module catalogue as a visitor uses it: tick filters by their labels, apply, open a module.</summary>
public sealed class CataloguePage(IPage page)
{
    public Task TickAsync(string label) => page.GetByLabel(label, new() { Exact = true }).CheckAsync();

    public Task ApplyAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Visa utbildningar" }).ClickAsync();

    public ILocator ResultsHeading => page.Locator("#results-heading");

    public ILocator CardTitles => page.Locator(".card-title a");

    public Task OpenModuleAsync(string title) => page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
}

public sealed class ModulePage(IPage page)
{
    public ILocator Heading => page.Locator("h1");

    public Task RequestAsync() => page.GetByRole(AriaRole.Link, new() { Name = "Skicka förfrågan om utbildningen" }).ClickAsync();
}

public sealed class InquiryPage(IPage page)
{
    public async Task FillAsync(string organisation, string orgNumber, string name, string email, string description)
    {
        await page.GetByLabel("Organisationens namn").FillAsync(organisation);
        await page.GetByLabel("Organisationsnummer").FillAsync(orgNumber);
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Namn")).FillAsync(name);
        await page.GetByLabel("E-post").FillAsync(email);
        await page.GetByLabel("Ungefärligt antal deltagare").FillAsync("18");
        await page.GetByLabel("Beskriv ert behov").FillAsync(description);
        await page.GetByLabel("Jag samtycker", new() { Exact = false }).CheckAsync();
    }

    public ILocator SelectedModules => page.Locator("#Form_Modules option:checked");

    public Task SubmitAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Skicka förfrågan" }).ClickAsync();

    public ILocator Reference => page.Locator("[data-testid=reference]");

    public ILocator FieldError(string field) => page.Locator("#err-" + field);
}

/// <summary>The evaluation behind a personal link: each rating is a group named by its question, each comment a labelled text box.</summary>
public sealed class EvaluationPage(IPage page)
{
    public ILocator Course => page.Locator("[data-testid=evaluation-course]");

    public ILocator Questions => page.Locator("fieldset legend");

    public Task RateAsync(string question, string answer) =>
        page.GetByRole(AriaRole.Group, new() { Name = question }).GetByLabel(answer, new() { Exact = true }).CheckAsync();

    public Task CommentAsync(string question, string text) => page.GetByLabel(question, new() { Exact = true }).FillAsync(text);

    public Task SubmitAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Skicka svaren" }).ClickAsync();

    public ILocator Thanks => page.Locator("[data-testid=evaluation-thanks]");
}
