using System.Net;
using System.Net.Http.Headers;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using UU.Web.Features.Office;
using UU.Web.Tests.Infrastructure;
using UU.Web.Features.Accounts;

namespace UU.Web.Tests.Media;

public sealed class MediaTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static byte[] Png(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = new Rgb24((byte)(x % 256), (byte)(y % 256), 120);
            }
        }
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName, string? alt)
    {
        var page = await client.GetDocumentAsync("/office/media");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken" },
            { new StringContent(alt ?? ""), "AltSv" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "File", fileName);
        return await client.PostAsync("/office/media", form);
    }

    [Fact]
    public async Task AnImage_IsStoredWithResizedCopies_AndServedWithALongCacheLifetime()
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        using var response = await UploadAsync(editor, Png(1200, 700), "..\\..\\<script>omslag.png", "Lärare i samtal vid ett bord");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var url = page.QuerySelector("[data-testid=media-url]")!.TextContent.Trim();
        Assert.Matches("^/media/[0-9a-f]{32}-960\\.jpg$", url);
        Assert.Null(page.QuerySelector("figcaption script"));
        Assert.Contains("<script>omslag.png", page.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal); // the name shown as text, no path

        using var image = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", image.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var info = Image.Identify(await image.Content.ReadAsByteArrayAsync());
        Assert.Equal(960, info.Width);
        using var small = await app.CreateClient().GetAsync(url.Replace("-960", "-480", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        using var large = await app.CreateClient().GetAsync(url.Replace("-960", "-1600", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, large.StatusCode); // never enlarged
    }

    [Theory]
    [InlineData("program.jpg", "MZ\u0090\0\u0003\0\0\0\u0004\0this program cannot be run in DOS mode", "inte en bild")]
    [InlineData("logga.svg", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "SVG")]
    [InlineData("sida.png", "<html><body onload=alert(1)></body></html>", "SVG")]
    [InlineData("tom.png", "", "Välj en bildfil")]
    public async Task NonImages_AreRefusedWithAMessage(string name, string content, string expected)
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        using var response = await UploadAsync(editor, System.Text.Encoding.Latin1.GetBytes(content), name, "Beskrivning");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await Html.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingAltText_IsRefused()
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        using var response = await UploadAsync(editor, Png(50, 50), "bild.png", "  ");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("alternativtext", (await Html.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedUploads_AreRefused()
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        var big = new byte[9 * 1024 * 1024];
        Png(10, 10).CopyTo(big, 0);
        using var response = await UploadAsync(editor, big, "stor.png", "Stor bild");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("8 MB", (await Html.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordinators_CannotUpload()
    {
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        using var response = await coordinator.GetAsync("/office/media");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
