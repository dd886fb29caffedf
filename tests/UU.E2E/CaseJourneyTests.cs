using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UU.E2E.Pages;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Catalogue;

namespace UU.E2E;

/// <summary>One commission from the buyer's inquiry to a closed, won case, with the subject contact's part in it.</summary>
[Collection(SiteGroup.Name)]
public sealed class CaseJourneyTests(SiteFixture site)
{
    private const string Password = "ett långt lösenord för ärendet";
    private const string ModuleSlug = "demensvard";

    [Fact]
    public async Task Coordinator_TakesAnInquiryFromReceivedToClosedWon_WithTheSubjectContactsPart()
    {
        var word = "arende" + Random.Shared.Next(10_000, 99_999);
        var coordinator = $"samordnare.{word}@uu-demo.se";
        var contact = $"kontakt.{word}@uu-demo.se";
        string subjectName;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            var subject = await db.Modules.Where(m => m.Slug == ModuleSlug).Select(m => m.Subject!).FirstAsync();
            subjectName = subject.NameSv;
            db.SubjectContacts.Add(new SubjectContact { SubjectId = subject.Id, Name = "Eva Lind", Role = "Studierektor", Email = contact });
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UuUser>>();
            await CreateUserAsync(users, coordinator, Roles.Coordinator);
            await CreateUserAsync(users, contact, Roles.SubjectContact);
        }

        // The buyer asks for the module through the public form.
        var buyer = await site.NewPageAsync();
        await buyer.GotoAsync("/forfragan?modul=" + ModuleSlug);
        var inquiry = new InquiryPage(buyer);
        await inquiry.FillAsync($"Timrå kommun {word}", "212000-2411", "Anna Sjöberg", "anna.sjoberg@timra.example.se",
            "Vi vill ge våra undersköterskor i hemtjänsten en grund i demensvård under hösten.");
        await inquiry.SubmitAsync();
        await Assertions.Expect(inquiry.Reference).ToHaveTextAsync(new Regex("^UU-20[0-9]{2}-[0-9]{4}$"));
        var reference = (await inquiry.Reference.TextContentAsync())!.Trim();

        // The coordinator finds it in the case list, takes it and starts the dialogue.
        var office = await SignInAsync(coordinator);
        await office.GotoAsync("/office/forfragningar?q=" + Uri.EscapeDataString(word));
        await AssertNoViolationsAsync(office);
        await office.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await office.WaitForURLAsync(new Regex($"/office/forfragningar/{reference}$"));
        await Assertions.Expect(office.Locator("[data-testid=need]")).ToContainTextAsync("hemtjänsten");
        await AssertNoViolationsAsync(office);

        await office.GetByRole(AriaRole.Button, new() { Name = "Sätt handläggare" }).ClickAsync();
        await Assertions.Expect(office.Locator("[data-testid=holder]")).ToHaveTextAsync(coordinator);
        // The module's subject routed the case at once; a case without one would be flagged and routed here.
        await Assertions.Expect(office.Locator("[data-testid=needs-subject]")).ToHaveCountAsync(0);
        await Assertions.Expect(office.Locator("[data-testid=subjects]")).ToContainTextAsync(subjectName);
        await AddNoteAsync(office, "Ringt Anna: 25 deltagare, start i september.");

        await TickAsync(office, "Dialog med kunden om behov");
        await AdvanceAsync(office, "Överenskommelse");
        await Assertions.Expect(office.Locator("[data-testid=blocking]")).ToContainTextAsync("Institutionen prövar kompetens");

        // The subject's contact person does the department's part on the same case.
        var department = await SignInAsync(contact);
        await department.GotoAsync("/office/forfragningar/" + reference);
        await Assertions.Expect(department.Locator("li[data-step]", new() { HasText = "Dialog med kunden om behov" }).GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await TickAsync(department, "Institutionen prövar kompetens, tid och resurser");
        await AddNoteAsync(department, "Vi har två lärare lediga under hösten.");

        await office.GotoAsync("/office/forfragningar/" + reference);
        await Assertions.Expect(office.Locator("[data-testid=notes]")).ToContainTextAsync("två lärare lediga");
        await TickAsync(office, "Prefekten beslutar att starta uppdraget");
        await AdvanceAsync(office, "Överenskommelse");

        // Calculation, the head of department's approval, the offer.
        await office.GotoAsync($"/office/forfragningar/{reference}/kalkyl");
        await office.GetByLabel("Antal deltagare (planerat)").FillAsync("25");
        await office.Locator("#Form-Teaching-0-Hours").FillAsync("30");
        await office.GetByRole(AriaRole.Button, new() { Name = "Spara som ny version" }).ClickAsync();
        await Assertions.Expect(office.Locator("[data-testid=versions]")).ToContainTextAsync("1");
        await office.GetByLabel("Godkänner").CheckAsync();
        await office.GetByLabel("Prefektens namn").FillAsync("Per Holm");
        await office.GetByRole(AriaRole.Button, new() { Name = "Registrera beslutet" }).ClickAsync();
        await Assertions.Expect(office.Locator("[data-testid=versions]")).ToContainTextAsync("Per Holm");
        await office.GetByRole(AriaRole.Button, new() { Name = "Skapa offert från version 1" }).ClickAsync();
        var offerLink = office.Locator("[data-testid=offers] a").First;
        await Assertions.Expect(offerLink).ToHaveTextAsync(new Regex(@"\.docx$"));
        var offer = await office.Context.APIRequest.GetAsync(new Uri(new Uri(office.Url), await offerLink.GetAttributeAsync("href")).ToString());
        Assert.Equal(200, offer.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", offer.Headers["content-type"].Split(';')[0]);
        Assert.Equal("PK"u8.ToArray(), (await offer.BodyAsync())[..2]);

        await office.GotoAsync("/office/forfragningar/" + reference);
        foreach (var step in new[] { "Kalkyl", "Prefektens beslut om kalkyl, prissättning och offert", "Offert skickad", "Avtal undertecknat och diariefört", "Avtal skickat till fakultetskansliet" })
        {
            await TickAsync(office, step);
        }
        await AdvanceAsync(office, "Genomförande");
        foreach (var step in new[] { "Kursplan fastställd", "Registrerad i Ladok", "Deltagare antagna" })
        {
            await TickAsync(office, step);
        }
        await AdvanceAsync(office, "Uppföljning");
        foreach (var step in new[] { "Utvärdering med kund och deltagare", "Uppföljningsmöte", "Ekonomiskt utfall fördelat mellan fakulteterna" })
        {
            await TickAsync(office, step);
        }
        await office.GetByLabel("Utfall", new() { Exact = true }).SelectOptionAsync("Won"); // the follow-up section is labelled "… utfall" too
        await office.GetByRole(AriaRole.Button, new() { Name = "Avsluta" }).ClickAsync();
        await Assertions.Expect(office.Locator("[data-testid=outcome]")).ToContainTextAsync("vunnet");

        await office.GotoAsync("/office/forfragningar?q=" + Uri.EscapeDataString(word));
        var row = office.Locator($"tr[data-reference='{reference}']");
        await Assertions.Expect(row).ToContainTextAsync("Avslutad");
        await Assertions.Expect(row).ToContainTextAsync("Vunnen");
    }

    private static async Task CreateUserAsync(UserManager<UuUser> users, string email, string role)
    {
        var user = new UuUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, role);
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/office/logga-in");
        await page.GetByLabel("E-post").FillAsync(email);
        await page.GetByLabel("Lösenord").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/office$"));
        return page;
    }

    private static async Task AddNoteAsync(IPage page, string text)
    {
        await page.GetByLabel("Ny anteckning").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara anteckning" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=notes]")).ToContainTextAsync(text);
    }

    private static async Task TickAsync(IPage page, string step)
    {
        // The step's own title, not one that contains it ("Kalkyl" is also in "Prefektens beslut om kalkyl").
        ILocator Item() => page.Locator("li[data-step]", new() { HasTextRegex = new Regex("[☐☑–] " + Regex.Escape(step) + " ·") });
        await Item().GetByRole(AriaRole.Button, new() { Name = "Klart" }).ClickAsync();
        await Assertions.Expect(Item()).ToHaveAttributeAsync("data-state", "Done");
    }

    private static async Task AdvanceAsync(IPage page, string phase)
    {
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Gå vidare till " + phase, Exact = false });
        await button.ClickAsync();
    }

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }
}
