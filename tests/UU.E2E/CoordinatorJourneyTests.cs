using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using UU.Web.Data;
using UU.Web.Features.Leads;

namespace UU.E2E;

[Collection(SiteGroup.Name)]
public sealed class CoordinatorJourneyTests(SiteFixture site)
{
    [Fact]
    public async Task Coordinator_DismissesNoise_InBulk_AndTurnsAGoodLeadIntoAnInquiry()
    {
        var word = "triage" + Random.Shared.Next(10_000, 99_999);
        int goodId;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            var now = DateTimeOffset.UtcNow;
            var good = new Lead { Title = $"Fortbildning i specialpedagogik {word}", Buyer = "Umeå kommun", Kind = LeadKind.Tender, Score = 72, CreatedAt = now, UpdatedAt = now, Deadline = now.AddDays(20) };
            var noise = new Lead { Title = $"Utbildning i truckkörning {word}", Buyer = "Umeå kommun", Kind = LeadKind.Tender, Score = 8, CreatedAt = now, UpdatedAt = now };
            db.Leads.AddRange(good, noise);
            await db.SaveChangesAsync();
            goodId = good.Id;
        }

        var page = await site.SignedInPageAsync();

        await page.GotoAsync("/office/leads?q=" + word);
        await page.GetByLabel($"Välj: Utbildning i truckkörning {word}").CheckAsync();
        await page.GetByLabel("Ny status för valda leads").SelectOptionAsync("NotRelevant");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ändra valda" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/office/leads\\?q=" + word + "$"));
        var noiseRow = page.Locator("tbody tr", new() { HasText = "truckkörning" });
        await Assertions.Expect(noiseRow).ToContainTextAsync("Inte relevant");
        await Assertions.Expect(page.Locator("tbody tr", new() { HasText = "specialpedagogik" })).ToContainTextAsync("Ny");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Fortbildning i specialpedagogik {word}" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/office/leads/{goodId}$"));
        await Assertions.Expect(page.Locator("#Convert_OrganisationName")).ToHaveValueAsync("Umeå kommun");
        await page.GetByLabel("Organisationsnummer").FillAsync("212000-2627");
        await page.Locator("#Convert_ContactName").FillAsync("Karin Berg");
        await page.GetByLabel("E-post").FillAsync("karin.berg@umea.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa förfrågan" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=converted]")).ToContainTextAsync(new Regex(@"UU-\d{4}-\d{4}"));
        await Assertions.Expect(page.Locator("[data-testid=status]")).ToHaveTextAsync("I dialog");
    }

    [Fact]
    public async Task Coordinator_MergesADuplicateFromTheBuyersHistory_AndTheOfficePagesPassAxe()
    {
        var word = "dubblett" + Random.Shared.Next(10_000, 99_999);
        int keptId, duplicateId;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            var now = DateTimeOffset.UtcNow;
            var kept = new Lead { Title = $"Handledarutbildning för vårdpersonal {word}", Buyer = $"Kramfors kommun {word}", Kind = LeadKind.Tender, CreatedAt = now, UpdatedAt = now };
            var duplicate = new Lead { Title = $"Handledarutbildning inom vård och omsorg {word}", Buyer = $"Kramfors kommun {word}", Kind = LeadKind.Tender, CreatedAt = now, UpdatedAt = now };
            kept.Sources.Add(new LeadSource { Source = "KommersAnnons", ExternalId = word + "-k", FirstSeenAt = now, LastSeenAt = now });
            duplicate.Sources.Add(new LeadSource { Source = "EAvrop", ExternalId = word + "-e", FirstSeenAt = now, LastSeenAt = now });
            db.Leads.AddRange(kept, duplicate);
            await db.SaveChangesAsync();
            (keptId, duplicateId) = (kept.Id, duplicate.Id);
        }

        var page = await site.SignedInPageAsync();
        await page.GotoAsync($"/office/leads/{keptId}");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Slå ihop hit: #{duplicateId}" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/office/leads/{keptId}$"));
        await Assertions.Expect(page.Locator("[data-testid=duplicates]")).ToContainTextAsync($"#{duplicateId}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("EAvrop");
        await AssertNoViolationsAsync(page);

        await page.GotoAsync("/office/leads?q=" + word);
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);

        await page.GotoAsync("/office/leads/kallor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        await AssertNoViolationsAsync(page);

        foreach (var path in new[] { "/office/kunder", "/office/statistik", "/office/leads" })
        {
            await page.GotoAsync(path);
            await AssertNoViolationsAsync(page);
        }
    }

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }
}
