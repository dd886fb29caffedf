using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace UU.E2E;

[Collection(SiteGroup.Name)]
public sealed class EditorJourneyTests(SiteFixture site)
{
    private static byte[] Photo()
    {
        using var image = new Image<Rgb24>(1200, 675, new Rgb24(40, 110, 150));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task Editor_WritesAStoryWithAnImage_PreviewsAndPublishes_AndAVisitorFindsIt()
    {
        var word = "fjällskolelyftet" + Random.Shared.Next(1000, 9999);
        var page = await site.SignedInPageAsync();

        await page.GotoAsync("/office/media");
        await page.GetByLabel("Bildfil").SetInputFilesAsync(new FilePayload { Name = "fjall.png", MimeType = "image/png", Buffer = Photo() });
        await page.GetByLabel("Alternativtext (svenska)").FillAsync("Lärare på en fjällskola");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ladda upp" }).ClickAsync();
        var imageUrl = (await page.Locator("[data-testid=media-url]").TextContentAsync())!.Trim();

        await page.GotoAsync("/office/innehall/ny?typ=story");
        await page.GetByLabel("Titel (svenska)").FillAsync("Fjällskolorna lyfter – " + word);
        await page.GetByLabel("Ingress (svenska)").FillAsync("Små skolor i fjällen fortbildade sina lärare tillsammans.");
        var body = page.GetByLabel("Brödtext (svenska)");
        await body.FillAsync("Lärarna träffades **digitalt** varannan vecka.");
        await Assertions.Expect(page.Locator("#preview-BodySv strong")).ToHaveTextAsync("digitalt"); // live preview from the server
        await page.GetByLabel("Uppdragsgivare").FillAsync("Strömsunds kommun");
        await page.GetByLabel("Bild", new() { Exact = true }).FillAsync(imageUrl);
        await page.GetByLabel("Bildens alternativtext").FillAsync("Lärare på en fjällskola");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Utkastet är sparat");

        await page.GetByRole(AriaRole.Link, new() { Name = "Förhandsgranska" }).ClickAsync();
        await Assertions.Expect(page.Locator("article h1")).ToContainTextAsync(word);
        await page.GetByRole(AriaRole.Link, new() { Name = "Tillbaka till redigeringen" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara och publicera" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Publicerat");

        var visitor = await site.NewPageAsync();
        await visitor.GotoAsync("/berattelser");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Fjällskolorna lyfter – " + word }).ClickAsync();
        await Assertions.Expect(visitor.Locator("article h1")).ToContainTextAsync(word);
        var image = visitor.Locator("article img.story-image");
        await Assertions.Expect(image).ToHaveAttributeAsync("alt", "Lärare på en fjällskola");
        Assert.True(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));

        await visitor.GetByRole(AriaRole.Combobox, new() { Name = "Sök bland utbildningar och kurser" }).FillAsync(word);
        await visitor.GetByRole(AriaRole.Combobox, new() { Name = "Sök bland utbildningar och kurser" }).PressAsync("Enter");
        await Assertions.Expect(visitor.Locator(".hit h3 a").First).ToContainTextAsync(word);
    }

    [Fact]
    public async Task Editor_PicksAModuleImageInTheDialog_AFailedUploadThereKeepsTheAltText_AndTheModulePageShowsTheImage()
    {
        var word = "samtalsbild" + Random.Shared.Next(1000, 9999);
        var page = await site.SignedInPageAsync();
        await page.GotoAsync("/office/media");
        await page.GetByLabel("Bildfil").SetInputFilesAsync(new FilePayload { Name = "samtal.png", MimeType = "image/png", Buffer = Photo() });
        await page.GetByLabel("Alternativtext (svenska)").FillAsync("Två kollegor i samtal " + word);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ladda upp" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=media-url]")).ToBeVisibleAsync();

        await page.GotoAsync("/office/utbildningar?q=V%C3%A5ld");
        await page.GetByRole(AriaRole.Link, new() { Name = "Våld i nära relationer" }).ClickAsync();
        var dialog = page.Locator("dialog#media-picker");
        await page.GetByRole(AriaRole.Button, new() { Name = "Välj bild från mediebiblioteket" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync();

        // An upload from the dialog that is refused names the problem and leaves the typed alt text in place.
        await dialog.GetByLabel("Bildfil").SetInputFilesAsync(new FilePayload { Name = "anteckningar.png", MimeType = "image/png", Buffer = "inte en bild"u8.ToArray() });
        await dialog.GetByLabel("Alternativtext (svenska)").FillAsync("Deltagare på kursdagen");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Ladda upp" }).ClickAsync();
        await Assertions.Expect(dialog.Locator("[data-media-errors]")).ToContainTextAsync("inte en bild");
        await Assertions.Expect(dialog.GetByLabel("Alternativtext (svenska)")).ToHaveValueAsync("Deltagare på kursdagen");

        // The search narrows the thumbnails to the one uploaded; choosing it fills the path and the alt text.
        await dialog.GetByLabel("Sök bland bilderna").FillAsync(word);
        var choices = dialog.Locator("button.media-choice:visible");
        await Assertions.Expect(choices).ToHaveCountAsync(1);
        await choices.ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#Form_ImagePath")).ToHaveValueAsync(new Regex("^/media/[0-9a-f]{32}-960\\.jpg$"));
        await Assertions.Expect(page.Locator("#Form_ImageAlt")).ToHaveValueAsync("Två kollegor i samtal " + word);
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara och publicera" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Publicerat");
        var slug = await page.Locator("a", new() { HasText = "Visa på webbplatsen" }).GetAttributeAsync("href");

        var visitor = await site.NewPageAsync(390);
        await visitor.GotoAsync(slug!);
        var image = visitor.Locator("[data-testid=module-image]");
        await Assertions.Expect(image).ToHaveAttributeAsync("alt", "Två kollegor i samtal " + word);
        Assert.True(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        Assert.True(await visitor.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
    }
}
