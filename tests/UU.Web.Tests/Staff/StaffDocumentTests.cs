using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Commissions.Economy;
using UU.Web.Features.Staff;
using UU.Web.Tests.Infrastructure;
using UU.Web.Tests.Office;

namespace UU.Web.Tests.Staff;

/// <summary>The template library: what an upload must be, versions, and who may download.</summary>
public abstract class StaffDocumentTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : UuWebFactory
{
    private const string Page = "/office/dokumentmallar";

    private static byte[] Xlsx(string text)
    {
        using var workbook = new XLWorkbook();
        workbook.Worksheets.Add("Blad1").Cell(1, 1).Value = text;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static byte[] Zip(string entry)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write("<x/>");
        }
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string handler, byte[] bytes, string fileName, Dictionary<string, string>? fields = null, int? documentId = null)
    {
        var page = await client.GetDocumentAsync(Page);
        using var form = new MultipartFormDataContent { { new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields ?? [])
        {
            form.Add(new StringContent(value), name);
        }
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "File", fileName);
        var query = documentId is { } id ? $"?handler={handler}&documentId={id}" : $"?handler={handler}";
        return await client.PostAsync(Page + query, form);
    }

    private async Task<(int Documents, int Versions, int Files)> StoredAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        var folder = Path.Combine(scope.ServiceProvider.GetRequiredService<DataPaths>().Root, "staff-documents");
        return (await db.Set<StaffDocument>().CountAsync(), await db.Set<StaffDocumentVersion>().CountAsync(), Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0);
    }

    [Fact]
    public async Task ATemplate_GetsNewVersions_AndEveryVersionDownloadsForSignedInStaffOnly()
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        var title = "Kursplaneblankett " + Guid.NewGuid().ToString("N")[..6];
        var first = new OfferDocument().Write("# Kursplan\nVersion ett");
        using (var created = await UploadAsync(editor, "Create", first, "kursplan.docx", new() { ["Title"] = title, ["Category"] = "Syllabus", ["Description"] = "För poänggivande uppdrag." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }
        var staff = await OfficeUsers.SignedInClientAsync(app, Roles.DepartmentStaff);
        var library = await staff.GetDocumentAsync("/personal/dokument");
        var item = library.QuerySelectorAll("li[data-document]").Single(li => li.TextContent.Contains(title, StringComparison.Ordinal));
        var id = int.Parse(item.GetAttribute("data-document")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Kursplaner", item.ParentElement!.ParentElement!.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);

        // The second version is an Excel workbook whose name claims nothing; its content decides.
        var second = Xlsx("Version två");
        using (var added = await UploadAsync(editor, "Version", second, "kursplan-ny", documentId: id))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        library = await staff.GetDocumentAsync("/personal/dokument");
        item = library.QuerySelector($"li[data-document='{id}']")!;
        Assert.Equal($"/personal/dokument/{id}/version/2", item.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(item.QuerySelectorAll("details a"), a => a.GetAttribute("href") == $"/personal/dokument/{id}/version/1");

        using (var latest = await staff.GetAsync($"/personal/dokument/{id}/version/2"))
        {
            Assert.Equal(HttpStatusCode.OK, latest.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", latest.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", latest.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("kursplan-ny.xlsx", latest.Content.Headers.ContentDisposition.FileNameStar ?? latest.Content.Headers.ContentDisposition.FileName);
            Assert.Equal(second, await latest.Content.ReadAsByteArrayAsync());
        }
        using (var older = await staff.GetAsync($"/personal/dokument/{id}/version/1"))
        {
            Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", older.Content.Headers.ContentType!.MediaType);
            Assert.Contains("Version ett", OfferDocument.ReadText(await older.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        }
        using (var missing = await staff.GetAsync($"/personal/dokument/{id}/version/3"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
        using var anonymous = await OfficeUsers.Client(app).GetAsync($"/personal/dokument/{id}/version/1");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/office/logga-in", anonymous.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("avtal.docx", "MZ\u0090\0\u0003\0\0\0this program cannot be run in DOS mode", "avtal.docx är inte en PDF")]
    [InlineData("mall.docx", "Hej! Det här är bara text.", "mall.docx är inte en PDF")]
    [InlineData("arkiv.xlsx", "zip:notes.txt", "arkiv.xlsx är inte en PDF")]
    [InlineData("trasig.pdf", "PK\u0003\u0004inte en zip alls", "trasig.pdf är inte en PDF")]
    [InlineData("tom.pdf", "", "Välj en fil")]
    public async Task AFileThatIsNoPdfWordOrExcel_IsRefusedByName_AndNothingIsStored(string fileName, string content, string expected)
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        var bytes = content.StartsWith("zip:", StringComparison.Ordinal) ? Zip(content[4..]) : System.Text.Encoding.Latin1.GetBytes(content);
        var before = await StoredAsync();
        using var response = await UploadAsync(editor, "Create", bytes, fileName, new() { ["Title"] = "Avtalsmall", ["Category"] = "Agreement" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await Html.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task ANewVersionThatIsNoDocument_IsRefused_AndTheTemplateKeepsItsVersions()
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        int id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<UuDbContext>().Set<StaffDocument>().OrderBy(d => d.Id).FirstAsync()).Id;
        }
        var before = await StoredAsync();
        using var response = await UploadAsync(editor, "Version", System.Text.Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "mall.pdf", documentId: id);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("mall.pdf är inte en PDF", (await Html.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task OnlyEditorsUpload()
    {
        var staff = await OfficeUsers.SignedInClientAsync(app, Roles.DepartmentStaff);
        var token = (await staff.GetDocumentAsync("/personal/dokument")).AntiforgeryToken();
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("Mall"), "Title" } };
        form.Add(new ByteArrayContent(new OfferDocument().Write("x")), "File", "mall.docx");
        var before = await StoredAsync();
        using var response = await staff.PostAsync(Page + "?handler=Create", form);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task TheDemoTemplates_AreInTheLibrary()
    {
        var staff = await OfficeUsers.SignedInClientAsync(app, Roles.DepartmentStaff);
        var titles = (await staff.GetDocumentAsync("/personal/dokument")).QuerySelectorAll("li[data-document] > a").Select(a => a.TextContent).ToList();
        Assert.Contains("Mall för kunddialog", titles);
        Assert.Contains("Kursplaneblankett för uppdragsutbildning", titles);
        Assert.Contains("Avtalsmall: uppdragsutbildning", titles);
    }
}

public sealed class StaffDocumentTestsOnSqlite(SqliteApp app) : StaffDocumentTests<SqliteApp>(app);

public sealed class StaffDocumentTestsOnPostgres(PostgresApp app) : StaffDocumentTests<PostgresApp>(app);
