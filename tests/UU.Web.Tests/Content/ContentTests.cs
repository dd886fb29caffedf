using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Content;
using UU.Web.Features.Office;
using UU.Web.Tests.Infrastructure;
using UU.Web.Features.Accounts;

namespace UU.Web.Tests.Content;

public abstract class ContentTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : UuWebFactory
{
    private static Dictionary<string, string> Story(string title, string slug, string body = "Kommunen fortbildade **alla** lärare.") => new()
    {
        ["Form.TitleSv"] = title,
        ["Form.Slug"] = slug,
        ["Form.SummarySv"] = "Så gick det till när kommunen lyfte specialpedagogiken.",
        ["Form.BodySv"] = body,
        ["Form.ClientName"] = "Timrå kommun",
        ["Form.Sector"] = "Kommun",
        ["Form.SubjectSlug"] = "specialpedagogik",
        ["Form.QuoteSv"] = "Det har förändrat hur vi möter eleverna.",
        ["Form.QuoteBy"] = "Rektor, Timrå",
        ["Form.ResultsSv"] = "120 | lärare fortbildade\n7,5 | högskolepoäng",
        ["Form.ModuleSlugs"] = "specialpedagogik-for-larare",
    };

    private static async Task<HttpResponseMessage> PostEditorAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields, int? version = null)
    {
        var document = await client.GetDocumentAsync(page);
        var token = document.QuerySelector("form.content-form input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The editor form carries no antiforgery token.");
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        values["Form.Version"] = (version ?? int.Parse(document.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var separator = page.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return await client.PostAsync($"{page}{separator}handler={handler}", new FormUrlEncodedContent(values));
    }

    private static async Task<int> CreateStoryAsync(HttpClient editor, Dictionary<string, string> fields)
    {
        using var created = await PostEditorAsync(editor, "/office/innehall/ny?typ=story", "Save", fields);
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        return int.Parse(created.Headers.Location!.OriginalString.Split('/')[3].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Draft_IsInvisibleUntilPublished_AndPreviewShowsItExactly()
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        var slug = "lyftet-" + Guid.NewGuid().ToString("N")[..8];
        var id = await CreateStoryAsync(editor, Story("Specialpedagogiskt lyft i Timrå", slug));
        var visitor = app.CreateClient();

        using (var before = await visitor.GetAsync("/berattelser/" + slug))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }
        var preview = await editor.GetDocumentAsync($"/office/innehall/{id}/forhandsgranska");
        Assert.Equal("Specialpedagogiskt lyft i Timrå", preview.QuerySelector("article h1")!.TextContent.Trim());
        Assert.Equal("alla", preview.QuerySelector(".rich-text strong")!.TextContent);
        using (var anonymousPreview = await OfficeUsers.Client(app).GetAsync($"/office/innehall/{id}/forhandsgranska"))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymousPreview.StatusCode);
        }

        using var published = await PostEditorAsync(editor, $"/office/innehall/{id}", "Publish", Story("Specialpedagogiskt lyft i Timrå", slug));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var page = await visitor.GetDocumentAsync("/berattelser/" + slug);
        Assert.Equal(preview.QuerySelector("article")!.InnerHtml, page.QuerySelector("article")!.InnerHtml);
        Assert.Contains("120", page.QuerySelector(".figures")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Specialpedagogik för lärare", page.CardTitles());

        // Saving a new draft does not change what visitors see.
        using var saved = await PostEditorAsync(editor, $"/office/innehall/{id}", "Save", Story("Ny rubrik som inte är publicerad", slug));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var still = await visitor.GetDocumentAsync("/berattelser/" + slug);
        Assert.Equal("Specialpedagogiskt lyft i Timrå", still.QuerySelector("article h1")!.TextContent.Trim());
        Assert.Contains(slug, (await visitor.GetDocumentAsync("/berattelser")).QuerySelector("main")!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoredXss_InEveryTextField_NeverReachesAVisitor()
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        var slug = "xss-" + Guid.NewGuid().ToString("N")[..8];
        var fields = Story("<script>alert('titel')</script>", slug,
            "<script>alert(1)</script>\n\n[klicka](javascript:alert(2))\n\n<img src=x onerror=alert(3)>\n\n<a href=\"https://uu-demo.se\" onclick=\"alert(4)\">länk</a>");
        foreach (var key in new[] { "Form.SummarySv", "Form.QuoteSv", "Form.QuoteBy", "Form.ClientName", "Form.Sector", "Form.MetaTitleSv", "Form.MetaDescriptionSv" })
        {
            fields[key] = "<script>alert('" + key + "')</script>\"><svg onload=alert(5)>";
        }
        fields["Form.ResultsSv"] = "<b onmouseover=alert(6)>9</b> | <script>x</script>";
        var id = await CreateStoryAsync(editor, fields);
        using var published = await PostEditorAsync(editor, $"/office/innehall/{id}", "Publish", fields);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        using var response = await app.CreateClient().GetAsync("/berattelser/" + slug);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        // Judge the DOM a browser would build: markup shown as text is harmless, elements and attributes are not.
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.All(document.QuerySelectorAll("script"), s => Assert.True(s.GetAttribute("type") == "application/ld+json" || (s.GetAttribute("src") ?? "").StartsWith("/js/", StringComparison.Ordinal), s.OuterHtml));
        Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(document.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(document.QuerySelectorAll("svg, iframe, object, embed"));
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>")]
    [InlineData("../../etc/passwd")]
    [InlineData("Stora-Bokstäver")]
    [InlineData("a--b")]
    public async Task HostileOrMalformedSlugs_AreRefusedWithAMessage(string slug)
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        using var response = await PostEditorAsync(editor, "/office/innehall/ny?typ=story", "Save", Story("Titel", slug));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("a–z", page.QuerySelector("#err-Slug")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoEditors_TheStaleSaveIsRefused_ShowsTheOthersText_AndKeepsItsOwn()
    {
        var anna = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        var bertil = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        var slug = "krock-" + Guid.NewGuid().ToString("N")[..8];
        var id = await CreateStoryAsync(anna, Story("Ursprunglig rubrik", slug));
        var bertilsForm = await bertil.GetDocumentAsync($"/office/innehall/{id}");
        var bertilsVersion = int.Parse(bertilsForm.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);

        using var annasSave = await PostEditorAsync(anna, $"/office/innehall/{id}", "Save", Story("Annas rubrik", slug));
        Assert.Equal(HttpStatusCode.Redirect, annasSave.StatusCode);
        using var bertilsSave = await PostEditorAsync(bertil, $"/office/innehall/{id}", "Save", Story("Bertils rubrik", slug), bertilsVersion);

        Assert.Equal(HttpStatusCode.Conflict, bertilsSave.StatusCode);
        var page = await Html.ParseAsync(bertilsSave);
        Assert.Contains("Annas rubrik", page.QuerySelector("[data-testid=conflict]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Bertils rubrik", page.QuerySelector("#Form_TitleSv")!.GetAttribute("value"));
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<UuDbContext>().ContentItems.SingleAsync(c => c.Id == id);
        Assert.Equal("Annas rubrik", stored.Draft.TitleSv);
    }

    [Fact]
    public async Task ChangingAPublishedSlug_RedirectsTheOldAddressesPermanently()
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var id = await CreateStoryAsync(editor, Story("Flyttande berättelse", "forsta-" + suffix));
        (await PostEditorAsync(editor, $"/office/innehall/{id}", "Publish", Story("Flyttande berättelse", "forsta-" + suffix))).Dispose();
        (await PostEditorAsync(editor, $"/office/innehall/{id}", "Publish", Story("Flyttande berättelse", "andra-" + suffix))).Dispose();
        (await PostEditorAsync(editor, $"/office/innehall/{id}", "Publish", Story("Flyttande berättelse", "tredje-" + suffix))).Dispose();

        var visitor = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var old in new[] { "forsta-", "andra-" })
        {
            using var moved = await visitor.GetAsync($"/berattelser/{old}{suffix}?utm=x");
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal($"/berattelser/tredje-{suffix}?utm=x", moved.Headers.Location!.OriginalString);
        }
        using var current = await visitor.GetAsync($"/berattelser/tredje-{suffix}");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Fact]
    public async Task Rollback_RestoresAnEarlierVersionAsTheDraft_WithAReadableDiff()
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        var slug = "historik-" + Guid.NewGuid().ToString("N")[..8];
        var id = await CreateStoryAsync(editor, Story("Första lydelsen", slug, "Rad ett\nRad två"));
        (await PostEditorAsync(editor, $"/office/innehall/{id}", "Save", Story("Andra lydelsen", slug, "Rad ett\nRad tre"))).Dispose();

        var history = await editor.GetDocumentAsync($"/office/innehall/{id}/historik?version=1");
        var diff = history.QuerySelectorAll(".diff").Select(d => d.TextContent).ToList();
        Assert.Contains(diff, d => d.Contains("− Första lydelsen", StringComparison.Ordinal) && d.Contains("+ Andra lydelsen", StringComparison.Ordinal));
        Assert.Contains(diff, d => d.Contains("  Rad ett", StringComparison.Ordinal) && d.Contains("− Rad två", StringComparison.Ordinal) && d.Contains("+ Rad tre", StringComparison.Ordinal));

        var form = history.QuerySelector("form input[name=number][value='1']")!.ParentElement!;
        using var rolledBack = await editor.PostAsync($"/office/innehall/{id}/historik?handler=Rollback", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = history.AntiforgeryToken(),
            ["number"] = "1",
            ["basedOnVersion"] = form.QuerySelector("input[name=basedOnVersion]")!.GetAttribute("value")!,
        }));
        Assert.Equal(HttpStatusCode.Redirect, rolledBack.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        var item = await db.ContentItems.SingleAsync(c => c.Id == id);
        Assert.Equal("Första lydelsen", item.Draft.TitleSv);
        Assert.Equal(3, await db.ContentVersions.CountAsync(v => v.ContentItemId == id));
        Assert.Contains(await db.AuditEntries.Where(a => a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync(), a => a == "content-rolled-back");
    }

    [Fact]
    public async Task PublishedStories_AreFoundInSearch_AndLeaveItWhenUnpublished()
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        var word = "glesbygdsfortbildning" + Guid.NewGuid().ToString("N")[..4];
        var slug = "sok-" + Guid.NewGuid().ToString("N")[..8];
        var id = await CreateStoryAsync(editor, Story("Berättelse om " + word, slug));
        (await PostEditorAsync(editor, $"/office/innehall/{id}", "Publish", Story("Berättelse om " + word, slug))).Dispose();
        var visitor = app.CreateClient();
        async Task<JsonElement> SearchAsync()
        {
            using var json = JsonDocument.Parse(await visitor.GetStringAsync("/api/search?q=" + word));
            return json.RootElement.Clone();
        }
        await Eventually(async () => (await SearchAsync()).GetProperty("total").GetInt32() == 1);
        var hit = (await SearchAsync()).GetProperty("hits")[0];
        Assert.Equal("story", hit.GetProperty("type").GetString());
        Assert.Equal("/berattelser/" + slug, hit.GetProperty("url").GetString());

        (await PostEditorAsync(editor, $"/office/innehall/{id}", "Unpublish", [])).Dispose();
        await Eventually(async () => (await SearchAsync()).GetProperty("total").GetInt32() == 0);
        using var gone = await visitor.GetAsync("/berattelser/" + slug);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task LivePreview_RendersSanitisedMarkdown_ForEditorsOnly()
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        using var preview = await editor.PostAsync("/office/markdown", new FormUrlEncodedContent(new Dictionary<string, string> { ["markdown"] = "# Rubrik\n\n<script>x</script> [a](javascript:y)" }));
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        using var refused = await coordinator.PostAsync("/office/markdown", new FormUrlEncodedContent(new Dictionary<string, string> { ["markdown"] = "x" }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var editorsOnly = await coordinator.GetAsync("/office/innehall");
        Assert.Equal(HttpStatusCode.Forbidden, editorsOnly.StatusCode);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50);
        }
    }
}

public sealed class ContentTestsOnSqlite(SqliteApp app) : ContentTests<SqliteApp>(app);

public sealed class ContentTestsOnPostgres(PostgresApp app) : ContentTests<PostgresApp>(app);
