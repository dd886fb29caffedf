using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Dom;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using UU.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Tests.Infrastructure;
using static UU.Web.Tests.Catalogue.ModuleForms;

namespace UU.Web.Tests.Media;

/// <summary>The media picker of the content and module editors: the library listed with thumbnails and searched, uploads from the dialog, editors only.</summary>
public abstract class MediaPickerTests(Provider provider)
{
    private static byte[] Png(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = new Rgb24((byte)(x % 256), (byte)(y % 256), 80);
            }
        }
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    /// <summary>Posts the dialog's upload form, with the token of the content editor's page the dialog is on.</summary>
    private static async Task<HttpResponseMessage> PickerUploadAsync(HttpClient editor, byte[] bytes, string fileName, string alt)
    {
        var editorPage = await editor.GetDocumentAsync("/office/innehall/ny?typ=story");
        var token = editorPage.QuerySelector("#media-picker input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(alt), "AltSv" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "File", fileName);
        return await editor.PostAsync("/office/media?handler=Picker", form);
    }

    private static List<(string Url, string Thumbnail, string Alt)> Listed(IHtmlDocument fragment) =>
        fragment.QuerySelectorAll("[data-testid=media-list] button.media-choice")
            .Select(b => (b.GetAttribute("data-url")!, b.QuerySelector("img")!.GetAttribute("src")!, b.GetAttribute("data-alt")!)).ToList();

    [Fact]
    public async Task TheEditorOffersThePicker_ItListsThumbnails_AndTheSearchNarrowsTheList()
    {
        await using var app = new UuWebFactory(provider);
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        var word = "Bildval" + Guid.NewGuid().ToString("N")[..6];

        // The story editor has the dialog and a button for it beside the plain path field, which works without JavaScript.
        var editorPage = await editor.GetDocumentAsync("/office/innehall/ny?typ=story");
        Assert.NotNull(editorPage.QuerySelector("input[name='Form.ImagePath']"));
        Assert.NotNull(editorPage.QuerySelector("button[data-media-picker=Form_ImagePath]"));
        Assert.Equal("DIALOG", editorPage.QuerySelector("#media-picker")!.TagName);

        string? whiteboard = null;
        foreach (var alt in new[] { $"Lärare vid en whiteboard {word}", $"Skolgård i SNÖ {word}" })
        {
            using var uploaded = await PickerUploadAsync(editor, Png(1000, 500), "bild.png", alt);
            Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
            using var json = JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync());
            Assert.Matches("^/media/[0-9a-f]{32}-960\\.jpg$", json.RootElement.GetProperty("url").GetString());
            whiteboard ??= json.RootElement.GetProperty("url").GetString();
        }

        // The whole library (the demo illustrations too), the newest first, each with its thumbnail.
        var all = Listed(await editor.GetDocumentAsync("/office/media/valj"));
        Assert.Equal([$"Skolgård i SNÖ {word}", $"Lärare vid en whiteboard {word}"], all.Take(2).Select(i => i.Alt));
        Assert.All(all, i => Assert.StartsWith("/media/", i.Thumbnail, StringComparison.Ordinal));
        Assert.Matches("^/media/[0-9a-f]{32}-480\\.jpg$", all[0].Thumbnail);
        Assert.Equal(whiteboard, all[1].Url);
        var ours = Listed(await editor.GetDocumentAsync("/office/media/valj?q=" + word));
        Assert.Equal([$"Skolgård i SNÖ {word}", $"Lärare vid en whiteboard {word}"], ours.Select(i => i.Alt));
        using (var thumbnail = await editor.GetAsync(all[0].Thumbnail))
        {
            Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        }

        // The search is case-insensitive, å/ä/ö included, on both databases.
        var snow = Listed(await editor.GetDocumentAsync("/office/media/valj?q=i%20sn%C3%B6"));
        Assert.Equal([$"Skolgård i SNÖ {word}"], snow.Select(i => i.Alt));
        var none = await editor.GetDocumentAsync("/office/media/valj?q=finnsinte" + word);
        Assert.Empty(Listed(none));
        Assert.NotNull(none.QuerySelector("[data-testid=media-empty]"));
    }

    [Fact]
    public async Task TheModuleEditorOffersThePicker_ThePickedImageMustBeInTheLibraryAndDescribed_AndShowsOnTheModulePageInBothLanguages()
    {
        await using var app = new UuWebFactory(provider);
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        int id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<UuDbContext>().Modules.Where(m => m.Slug == "motiverande-samtal").Select(m => m.Id).SingleAsync();
        }
        var page = $"/office/utbildningar/{id}";
        var editorPage = await editor.GetDocumentAsync(page);
        Assert.NotNull(editorPage.QuerySelector("input[name='Form.ImagePath']"));
        var button = editorPage.QuerySelector("button[data-media-picker=Form_ImagePath]")!;
        Assert.Equal("Form_ImageAlt", button.GetAttribute("data-media-alt"));
        Assert.Equal("Form_ImageAltEn", button.GetAttribute("data-media-alt-en"));
        Assert.Equal("DIALOG", editorPage.QuerySelector("#media-picker")!.TagName);

        string url;
        using (var uploaded = await PickerUploadAsync(editor, Png(1200, 600), "samtal.png", "Två personer i samtal vid ett bord"))
        {
            using var json = JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync());
            url = json.RootElement.GetProperty("url").GetString()!;
        }

        // An address outside the library, one that looks like the library's but names no image, and an image without
        // an alt text: each refused with the field named, and the public page unchanged.
        foreach (var (path, alt, field, words) in new[]
        {
            ("https://example.com/bild.jpg", "En bild", "ImagePath", "mediebiblioteket"),
            ("/media/" + new string('0', 32) + "-960.jpg", "En bild", "ImagePath", "finns inte i mediebiblioteket"),
            (url, "", "ImageAlt", "alternativtext"),
        })
        {
            var (fields, _) = await FormAsync(editor, page);
            fields["Form.ImagePath"] = path;
            fields["Form.ImageAlt"] = alt;
            using var refused = await PostAsync(editor, page, "Publish", fields);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var document = await Html.ParseAsync(refused);
            Assert.Contains(words, document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("true", document.QuerySelector($"#Form_{field}")!.GetAttribute("aria-invalid"));
        }
        var visitor = app.CreateClient();
        var unchanged = await visitor.GetDocumentAsync("/utbildningar/motiverande-samtal");
        Assert.Null(unchanged.QuerySelector("[data-testid=module-image]"));
        Assert.NotNull(unchanged.QuerySelector("img.module-art"));

        var (good, _) = await FormAsync(editor, page);
        good["Form.ImagePath"] = url;
        good["Form.ImageAlt"] = "Två personer i samtal vid ett bord";
        good["Form.ImageAltEn"] = "Two people talking at a table";
        using (var published = await PostAsync(editor, page, "Publish", good))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }
        var swedish = (await visitor.GetDocumentAsync("/utbildningar/motiverande-samtal")).QuerySelector("[data-testid=module-image]")!;
        Assert.Equal(url, swedish.GetAttribute("src"));
        Assert.Equal("Två personer i samtal vid ett bord", swedish.GetAttribute("alt"));
        var english = (await visitor.GetDocumentAsync("/en/utbildningar/motiverande-samtal")).QuerySelector("[data-testid=module-image]")!;
        Assert.Equal("Two people talking at a table", english.GetAttribute("alt"));
        Assert.Null(english.GetAttribute("lang"));
        using (var image = await visitor.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        }
        // The editor shows what was chosen.
        Assert.Equal(url, (await editor.GetDocumentAsync(page)).QuerySelector("[data-testid=module-image-preview]")!.GetAttribute("src"));
    }

    [Fact]
    public async Task OnlyEditorsGetTheListing()
    {
        await using var app = new UuWebFactory(provider);
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        using (var uploaded = await PickerUploadAsync(editor, Png(200, 100), "hemlig.png", "En bild i biblioteket"))
        {
            Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        }

        using var anonymous = await OfficeUsers.Client(app).GetAsync("/office/media/valj");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/office/logga-in", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("En bild i biblioteket", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        using var forbidden = await coordinator.GetAsync("/office/media/valj");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task AFailedUpload_SaysWhy_AndKeepsTheAltText()
    {
        await using var app = new UuWebFactory(provider);
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        var notAnImage = System.Text.Encoding.UTF8.GetBytes("Det här är ett textdokument, ingen bild.");

        // From the dialog: the refusal names the file field, and the dialog's fields are left as typed (see media-picker.js).
        using (var refused = await PickerUploadAsync(editor, notAnImage, "anteckningar.png", "Deltagare på kursdagen"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            using var json = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Contains("inte en bild", json.RootElement.GetProperty("errors").GetProperty("File").GetString(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain("Deltagare på kursdagen", Listed(await editor.GetDocumentAsync("/office/media/valj")).Select(i => i.Alt));

        // Without JavaScript, on the library's own form: the page comes back with the message and the alt texts still filled in.
        var page = await editor.GetDocumentAsync("/office/media");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken" },
            { new StringContent("Deltagare på kursdagen"), "AltSv" },
            { new StringContent("Participants on the course day"), "AltEn" },
        };
        form.Add(new ByteArrayContent(notAnImage), "File", "anteckningar.png");
        using var response = await editor.PostAsync("/office/media", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var again = await Html.ParseAsync(response);
        Assert.Contains("inte en bild", again.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Deltagare på kursdagen", again.QuerySelector("#AltSv")!.GetAttribute("value"));
        Assert.Equal("Participants on the course day", again.QuerySelector("#AltEn")!.GetAttribute("value"));
    }
}

public sealed class MediaPickerTestsOnSqlite() : MediaPickerTests(Provider.Sqlite);

public sealed class MediaPickerTestsOnPostgres() : MediaPickerTests(Provider.Postgres);
