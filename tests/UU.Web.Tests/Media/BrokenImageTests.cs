using System.Net;
using System.Net.Http.Headers;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using UU.Web.Features.Accounts;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Media;

/// <summary>A damaged image file is refused with a message that says so, whichever part of it is damaged.</summary>
public sealed class BrokenImageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static byte[] Png()
    {
        using var image = new Image<Rgb24>(64, 48);
        for (var y = 0; y < 48; y++)
        {
            for (var x = 0; x < 64; x++)
            {
                image[x, y] = new Rgb24((byte)(x * 4), (byte)(y * 5), 90);
            }
        }
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    /// <summary>The PNG with one byte of a chunk's checksum changed (the chunk named, e.g. IHDR or IDAT).</summary>
    private static byte[] WithBadChecksum(string chunk)
    {
        var bytes = Png();
        var type = System.Text.Encoding.ASCII.GetBytes(chunk);
        var at = bytes.AsSpan().IndexOf(type);
        var length = (bytes[at - 4] << 24) | (bytes[at - 3] << 16) | (bytes[at - 2] << 8) | bytes[at - 1];
        bytes[at + 4 + length] ^= 0xFF; // the first byte of the chunk's CRC
        return bytes;
    }

    public static TheoryData<string, byte[]> Broken => new()
    {
        { "IHDR with a wrong checksum", WithBadChecksum("IHDR") },
        { "IDAT with a wrong checksum", WithBadChecksum("IDAT") },
        { "cut off in its header", Png()[..20] },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task ABrokenPng_IsRefusedWithAMessage_NotAnError(string what, byte[] bytes)
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        var page = await editor.GetDocumentAsync("/office/media");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken" },
            { new StringContent("Diagram över deltagare"), "AltSv" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "File", "diagram.png");
        using var response = await editor.PostAsync("/office/media", form);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
        Assert.Contains("trasig", (await Html.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }
}
