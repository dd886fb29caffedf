using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Content;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Content;

/// <summary>Markdown that nests too deeply is refused on save, and one stored text that cannot be rendered never takes a page or a list down.</summary>
public sealed class MarkdownHardeningTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string DeepQuote = new string('>', 200) + " Citat i citat.";

    private static ContentFields Story(string slug, string body) => new()
    {
        TitleSv = "Berättelse " + slug,
        Slug = slug,
        SummarySv = "Så gick det till.",
        BodySv = body,
        ClientName = "Timrå kommun",
    };

    [Fact]
    public async Task ADeeplyNestedBody_IsRefusedOnSave_WithAMessage()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<ContentService>().CreateAsync(ContentTypes.Story, Story("djup-" + Guid.NewGuid().ToString("N")[..8], DeepQuote), CancellationToken.None);
            Assert.False(outcome.Succeeded);
            Assert.Equal("content.error.nesting", outcome.Errors["BodySv"]);
        }
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        var form = await editor.GetDocumentAsync("/office/innehall/ny?typ=story");
        using var saved = await editor.PostAsync("/office/innehall/ny?typ=story&handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("form.content-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Form.Version"] = "0",
            ["Form.TitleSv"] = "Citat i citat",
            ["Form.Slug"] = "citat-" + Guid.NewGuid().ToString("N")[..8],
            ["Form.BodySv"] = DeepQuote,
            ["Form.ClientName"] = "Timrå kommun",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, saved.StatusCode);
        Assert.Contains("nästlad för djupt", (await Html.ParseAsync(saved)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoredTextThatCannotBeRendered_ShowsAPlaceholder_AndItsListsStillWork()
    {
        var slug = "trasig-" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            var created = await content.CreateAsync(ContentTypes.Story, Story(slug, "Vanlig text."), CancellationToken.None);
            Assert.True(created.Succeeded);
            Assert.True((await content.PublishAsync(created.Item!.Id, created.Item.Version, CancellationToken.None)).Succeeded);
            // As if stored before the rule existed (or by another tool): the published text nests 200 levels deep.
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            var item = await db.ContentItems.SingleAsync(c => c.Id == created.Item.Id);
            item.PublishedJson = (item.Published! with { BodySv = DeepQuote }).ToJson();
            await db.SaveChangesAsync();
        }
        var visitor = app.CreateClient();
        using (var page = await visitor.GetAsync("/berattelser/" + slug))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("Berättelse " + slug, (await Html.ParseAsync(page)).QuerySelector("article h1")!.TextContent.Trim());
        }
        using (var list = await visitor.GetAsync("/berattelser"))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }
        using (var one = await visitor.GetAsync("/api/content/stories/" + slug))
        {
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
            using var json = JsonDocument.Parse(await one.Content.ReadAsStringAsync());
            Assert.Equal(RichText.Placeholder, json.RootElement.GetProperty("bodyHtml").GetProperty("sv").GetString());
        }
        using var all = await visitor.GetAsync("/api/content/stories?pageSize=100");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        using var items = JsonDocument.Parse(await all.Content.ReadAsStringAsync());
        Assert.Contains(items.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("slug").GetString() == slug);
    }

    [Fact]
    public async Task ThePreview_AnswersEveryBadRequestWithA4xxThatSaysWhy()
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        async Task<(HttpStatusCode Status, string Detail)> PostAsync(HttpContent? content)
        {
            using var response = await editor.PostAsync("/office/markdown", content);
            var body = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, body);
        }

        var empty = await PostAsync(null);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, empty.Status);
        Assert.Contains("form", empty.Detail, StringComparison.Ordinal);

        var json = await PostAsync(new StringContent("{\"markdown\":\"x\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.Status);

        // A multipart body that stops in the middle of its only part (no closing boundary).
        var cut = await PostAsync(new ByteArrayContent(Encoding.UTF8.GetBytes("--grans\r\nContent-Disposition: form-data; name=\"markdown\"\r\n\r\n# Rubrik och sedan slut"))
        {
            Headers = { ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=grans") },
        });
        Assert.Equal(HttpStatusCode.BadRequest, cut.Status);
        Assert.Contains("ended before the form was complete", cut.Detail, StringComparison.Ordinal);

        var nul = await PostAsync(new FormUrlEncodedContent(new Dictionary<string, string> { ["markdown"] = "Rubrik\0med NUL" }));
        Assert.Equal(HttpStatusCode.BadRequest, nul.Status);
        Assert.Contains("NUL", nul.Detail, StringComparison.Ordinal);

        var large = await PostAsync(new FormUrlEncodedContent(new Dictionary<string, string> { ["markdown"] = new string('a', 300 * 1024) }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.Status);
        Assert.Contains("larger than", large.Detail, StringComparison.Ordinal);

        var deep = await PostAsync(new FormUrlEncodedContent(new Dictionary<string, string> { ["markdown"] = DeepQuote }));
        Assert.Equal(HttpStatusCode.BadRequest, deep.Status);
        Assert.Contains("nested", deep.Detail, StringComparison.Ordinal);

        var fine = await PostAsync(new FormUrlEncodedContent(new Dictionary<string, string> { ["markdown"] = "> ett citat\n\n- en lista" }));
        Assert.Equal(HttpStatusCode.OK, fine.Status);
        Assert.Contains("<blockquote>", fine.Detail, StringComparison.Ordinal);
    }
}
