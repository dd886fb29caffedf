using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Catalogue;

namespace UU.E2E;

/// <summary>A subject contact goes through their subject's courses, marks candidates and proposes a module; the coordinator sees it waiting for the collegium.</summary>
[Collection(SiteGroup.Name)]
public sealed class InventoryJourneyTests(SiteFixture site)
{
    private const string Password = "ett långt lösenord för inventeringen";

    [Fact]
    public async Task SubjectContact_MarksCandidatesAndProposesAModule_ThatTheCoordinatorSeesWaitingForApproval()
    {
        var word = "inv" + Random.Shared.Next(10_000, 99_999);
        var contact = $"studierektor.{word}@uu-demo.se";
        var coordinator = $"samordnare.{word}@uu-demo.se";
        var codes = new[] { $"I{word}A".ToUpperInvariant(), $"I{word}B".ToUpperInvariant() };
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            var subject = new Subject
            {
                Slug = "amne-" + word, NameSv = "Friluftspedagogik " + word,
                Contacts = [new SubjectContact { Name = "Eva Lind", Role = "Studierektor", Email = contact }],
            };
            db.Subjects.Add(subject);
            db.Courses.Add(new Course { Code = codes[0], TitleSv = "Utomhuspedagogik i förskolan", Credits = 7.5, Level = CourseLevel.First, Subject = subject });
            db.Courses.Add(new Course { Code = codes[1], TitleSv = "Friluftsliv och säkerhet", Credits = 7.5, Level = CourseLevel.First, Subject = subject });
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UuUser>>();
            foreach (var (email, role) in new[] { (contact, Roles.SubjectContact), (coordinator, Roles.Coordinator) })
            {
                var user = new UuUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
                Assert.True((await users.CreateAsync(user, Password)).Succeeded);
                await users.AddToRoleAsync(user, role);
            }
        }

        var page = await SignInAsync(contact);
        await page.GetByRole(AriaRole.Link, new() { Name = "Kursinventering" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Friluftspedagogik " + word }).ClickAsync();
        foreach (var code in codes)
        {
            var row = page.Locator($"tr[data-code='{code}']");
            await row.Locator("select[name=state]").SelectOptionAsync("Candidate");
            await row.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
            await Assertions.Expect(page.Locator($"tr[data-code='{code}']")).ToHaveAttributeAsync("data-state", "candidate");
        }

        var title = "Lärande utomhus " + word;
        await page.GetByLabel(new Regex($"^{codes[0]} ")).CheckAsync();
        await page.GetByLabel(new Regex($"^{codes[1]} ")).CheckAsync();
        await page.Locator("#TitleSv").FillAsync(title);
        await page.Locator("#SummarySv").FillAsync("Utomhuspedagogik och säkerhet för förskolans personal.");
        await page.GetByLabel("Timmar").FillAsync("24");
        await page.GetByRole(AriaRole.Button, new() { Name = "Föreslå modul för ämneskollegiets godkännande" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("väntar på ämneskollegiets godkännande");

        var office = await SignInAsync(coordinator);
        await office.GotoAsync("/office/inventering/godkannanden");
        var waiting = office.Locator("table.waiting tr", new() { HasText = title });
        await Assertions.Expect(waiting).ToContainTextAsync(contact);
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
}
