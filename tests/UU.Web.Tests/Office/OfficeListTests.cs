using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Audit;
using UU.Web.Features.Content;
using UU.Web.Features.Media;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Office;

/// <summary>The office's content list, media library and audit trail: sorted by a column, paged with their filters kept, in the user's language.</summary>
public abstract class OfficeListTests(Provider provider)
{
    /// <summary>Sixty pages titled "WORD 00" to "WORD 59" (changed in that order), and one other.</summary>
    private static async Task<string> SeedContentAsync(UuWebFactory app)
    {
        var word = "Innehallslista" + Guid.NewGuid().ToString("N")[..6];
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        var start = app.Clock.GetUtcNow();
        for (var n = 0; n < 60; n++)
        {
            var item = new ContentItem { Type = ContentTypes.Page, CreatedAt = start, UpdatedAt = start.AddMinutes(n) };
            item.SetDraft(new ContentFields { TitleSv = $"{word} {n:00}", Slug = $"{word.ToLowerInvariant()}-{n:00}" });
            db.ContentItems.Add(item);
        }
        var other = new ContentItem { Type = ContentTypes.Page, CreatedAt = start, UpdatedAt = start };
        other.SetDraft(new ContentFields { TitleSv = "Annan sida", Slug = "annan-sida-" + word.ToLowerInvariant() });
        db.ContentItems.Add(other);
        await db.SaveChangesAsync();
        return word;
    }

    private static List<string> Titles(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=content] tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

    [Fact]
    public async Task PagingTheFilteredContentList_ThePageLinksKeepTheFilterAndTheSort()
    {
        await using var app = new UuWebFactory(provider);
        var word = await SeedContentAsync(app);
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);

        var first = await editor.GetDocumentAsync($"/office/innehall?q={word.ToLowerInvariant()}&sortera=titel&ordning=stigande");
        Assert.Equal(Enumerable.Range(0, 50).Select(n => $"{word} {n:00}"), Titles(first));
        Assert.Equal("ascending", first.QuerySelector("th[data-sort=titel]")!.GetAttribute("aria-sort"));
        Assert.Null(first.QuerySelector("th[data-sort=andrad]")!.GetAttribute("aria-sort"));
        var links = first.QuerySelectorAll("[data-testid=pager] a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.Contains("q=" + word.ToLowerInvariant(), href, StringComparison.Ordinal));

        var second = await editor.GetDocumentAsync(first.QuerySelector("[data-testid=pager] a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal(Enumerable.Range(50, 10).Select(n => $"{word} {n:00}"), Titles(second));
    }

    [Fact]
    public async Task ASortHeader_IsALinkThatTurnsTheOrder()
    {
        await using var app = new UuWebFactory(provider);
        var word = await SeedContentAsync(app);
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);

        var ascending = await editor.GetDocumentAsync($"/office/innehall?q={word}&sortera=titel");
        var toggle = ascending.QuerySelector("th[data-sort=titel] a")!.GetAttribute("href")!;
        Assert.Contains("ordning=fallande", toggle, StringComparison.Ordinal);
        var descending = await editor.GetDocumentAsync(toggle);
        Assert.Equal($"{word} 59", Titles(descending)[0]);
        Assert.Equal("descending", descending.QuerySelector("th[data-sort=titel]")!.GetAttribute("aria-sort"));
    }

    [Theory]
    [InlineData("sortera=DraftTitle%20DESC")]
    [InlineData("page=abc&ordning=fallande")]
    [InlineData("page=99")]
    [InlineData("page=0&sortera=%3Cscript%3E")]
    public async Task ABadSortOrPage_AnswersTheFirstPageInTheDefaultOrder(string query)
    {
        await using var app = new UuWebFactory(provider);
        var word = await SeedContentAsync(app);
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);

        using var response = await editor.GetAsync($"/office/innehall?q={word}&{query}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        // The default: the last changed first.
        Assert.Equal(Enumerable.Range(10, 50).Reverse().Select(n => $"{word} {n:00}"), Titles(page));
        Assert.Equal("1", page.QuerySelector("[data-testid=pager] a[aria-current=page]")!.TextContent);
    }

    [Fact]
    public async Task TheModuleList_SortsByTitle_AndPagesWithItsSearchAndSubjectKept()
    {
        await using var app = new UuWebFactory(provider);
        var word = "Modullista" + Guid.NewGuid().ToString("N")[..6];
        string subject;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            var subjects = await db.Subjects.OrderBy(x => x.Id).Take(2).ToListAsync();
            subject = subjects[0].Slug;
            var now = app.Clock.GetUtcNow();
            // 55 modules of the word in one subject, and one of the word in another subject, which the filter leaves out.
            for (var n = 0; n <= 55; n++)
            {
                db.Modules.Add(new UU.Web.Features.Catalogue.Module
                {
                    Slug = $"{word.ToLowerInvariant()}-{n:00}", TitleSv = $"{word} {n:00}", SummarySv = "Sammanfattning.",
                    SubjectId = n == 55 ? subjects[1].Id : subjects[0].Id, Status = UU.Web.Features.Catalogue.ContentStatus.Draft, CreatedAt = now, UpdatedAt = now,
                });
            }
            await db.SaveChangesAsync();
        }
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        static List<string> ModuleTitles(IHtmlDocument page) =>
            page.QuerySelectorAll("[data-testid=modules] tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

        var first = await editor.GetDocumentAsync($"/office/utbildningar?q={word}&amne={subject}&sortera=titel&ordning=fallande");
        Assert.Equal(Enumerable.Range(5, 50).Reverse().Select(n => $"{word} {n:00}"), ModuleTitles(first));
        Assert.Equal("descending", first.QuerySelector("th[data-sort=titel]")!.GetAttribute("aria-sort"));
        var next = first.QuerySelector("[data-testid=pager] a[rel=next]")!.GetAttribute("href")!;
        foreach (var kept in new[] { "q=" + word, "amne=" + subject, "sortera=titel", "ordning=fallande" })
        {
            Assert.Contains(kept, next, StringComparison.Ordinal);
        }
        var second = await editor.GetDocumentAsync(next);
        Assert.Equal(Enumerable.Range(0, 5).Reverse().Select(n => $"{word} {n:00}"), ModuleTitles(second));
        // The header turns the order back.
        var toggle = first.QuerySelector("th[data-sort=titel] a")!.GetAttribute("href")!;
        Assert.Equal($"{word} 00", ModuleTitles(await editor.GetDocumentAsync(toggle))[0]);
    }

    private static readonly string[] Names = ["adam", "bertil", "cesar"];

    [Fact]
    public async Task TheUserList_SortsByAddressBothWays_WithItsSearchKept()
    {
        await using var app = new UuWebFactory(provider);
        var word = "anvlista" + Guid.NewGuid().ToString("N")[..6];
        foreach (var name in new[] { "bertil", "adam", "cesar" })
        {
            await OfficeUsers.CreateAsync(app, Roles.Editor, $"{name}.{word}@uu-demo.se");
        }
        var admin = await OfficeUsers.SignedInClientAsync(app, Roles.Admin);
        static List<string> Addresses(IHtmlDocument page) =>
            page.QuerySelectorAll("[data-testid=users] tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

        var ascending = await admin.GetDocumentAsync($"/office/anvandare?q={word}");
        Assert.Equal(Names.Select(n => $"{n}.{word}@uu-demo.se"), Addresses(ascending));
        var toggle = ascending.QuerySelector("th[data-sort=epost] a")!.GetAttribute("href")!;
        Assert.Contains("q=" + word, toggle, StringComparison.Ordinal);
        Assert.Equal(Names.Reverse().Select(n => $"{n}.{word}@uu-demo.se"), Addresses(await admin.GetDocumentAsync(toggle)));
    }

    [Fact]
    public async Task TheMediaLibrary_SortsByFileName_AndPagesWithItsSearchKept()
    {
        await using var app = new UuWebFactory(provider);
        var word = "mediabib" + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            for (var n = 0; n < 50; n++)
            {
                db.MediaItems.Add(new MediaItem { StoredName = Guid.NewGuid().ToString("N"), OriginalFileName = $"{word}-{n:00}.jpg", AltSv = "Bild " + n, Variants = "480,960", Width = 960, Height = 540, SizeBytes = 1000 + n, CreatedAt = app.Clock.GetUtcNow() });
            }
            await db.SaveChangesAsync();
        }
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);

        var byName = await editor.GetDocumentAsync($"/office/media?q={word}&sortera=namn&ordning=fallande");
        var names = byName.QuerySelectorAll("[data-testid=media] figcaption").Select(f => f.TextContent.Split(" · ")[0].Trim()).ToList();
        Assert.Equal(Enumerable.Range(2, 48).Reverse().Select(n => $"{word}-{n:00}.jpg"), names);
        var next = byName.QuerySelector("[data-testid=pager] a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("q=" + word, next, StringComparison.Ordinal);
        Assert.Contains("sortera=namn", next, StringComparison.Ordinal);
        var second = await editor.GetDocumentAsync(next);
        Assert.Equal([$"{word}-01.jpg", $"{word}-00.jpg"], second.QuerySelectorAll("[data-testid=media] figcaption").Select(f => f.TextContent.Split(" · ")[0].Trim()));
    }

    [Fact]
    public async Task TheAuditTrail_IsShownInTheLanguageTheAdminChose()
    {
        await using var app = new UuWebFactory(provider);
        var email = $"granskare-{Guid.NewGuid():N}@uu-demo.se";
        var admin = await OfficeUsers.SignedInClientAsync(app, Roles.Admin, email);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            await trail.RecordAsync("sign-in-failed", email: email, details: "wrong password");
        }
        var swedish = await admin.GetDocumentAsync($"/office/granskning?atgard=sign-in-failed&anvandare={email}");
        Assert.Contains("Misslyckad inloggning", swedish.QuerySelector("[data-testid=audit] tbody")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("fel lösenord", swedish.QuerySelector("[data-testid=audit] tbody")!.TextContent, StringComparison.Ordinal);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UuUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.Language = UserLanguages.English;
            await users.UpdateAsync(user);
        }
        var english = await admin.GetDocumentAsync($"/office/granskning?atgard=sign-in-failed&anvandare={email}");
        var row = english.QuerySelector("[data-testid=audit] tbody")!.TextContent;
        Assert.Contains("Failed sign-in", row, StringComparison.Ordinal);
        Assert.Contains("wrong password", row, StringComparison.Ordinal);
        Assert.Equal("When", english.QuerySelector("th[data-sort=tid] a")!.TextContent.Trim().TrimEnd('▼', ' '));
    }
}

public sealed class OfficeListTestsOnSqlite() : OfficeListTests(Provider.Sqlite);

public sealed class OfficeListTestsOnPostgres() : OfficeListTests(Provider.Postgres);
