using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Tests.Infrastructure;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Clients;
using UU.Web.Features.Inquiries;

namespace UU.Web.Tests.Inquiries;

public abstract class InquiryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : UuWebFactory
{
    private async Task<T> QueryAsync<T>(Func<UuDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<UuDbContext>());
    }

    private HttpClient NewClient() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A valid inquiry; each test changes what it is about. Marker makes the row findable.</summary>
    private static Dictionary<string, string> ValidForm(string marker) => new()
    {
        ["Form.OrganisationName"] = "Timrå kommun " + marker,
        ["Form.OrganisationNumber"] = "212000-2247",
        ["Form.ContactName"] = "Eva Lindgren",
        ["Form.Email"] = "eva.lindgren@timra.example.se",
        ["Form.Phone"] = "060-16 30 00",
        ["Form.Participants"] = "25",
        ["Form.PreferredPeriod"] = "hösten 2027",
        ["Form.PreferredFormat"] = "distans",
        ["Form.CreditBearing"] = "ja",
        ["Form.Modules"] = "specialpedagogik-for-larare",
        ["Form.Description"] = "Vi vill stärka lärarnas arbete med extra anpassningar. " + marker,
        ["Form.Consent"] = "true",
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields, bool withToken = true)
    {
        var form = await client.GetDocumentAsync("/forfragan");
        var values = new List<KeyValuePair<string, string>>(fields);
        if (withToken)
        {
            values.Add(new("__RequestVerificationToken", form.AntiforgeryToken()));
        }
        return await client.PostAsync("/forfragan", new FormUrlEncodedContent(values));
    }

    private Task<int> CountAsync(string marker) =>
        QueryAsync(db => db.Inquiries.CountAsync(i => i.Description.Contains(marker)));

    [Fact]
    public async Task ValidInquiry_IsStoredBeforeTheReceiptAndNotifiesCoordinatorsContactsAndSender()
    {
        var client = NewClient();
        var marker = Guid.NewGuid().ToString("N");

        using var response = await PostAsync(client, ValidForm(marker));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var inquiry = await QueryAsync(db => db.Inquiries.Include(i => i.Modules).Include(i => i.Client).SingleAsync(i => i.Description.Contains(marker)));
        Assert.StartsWith($"/forfragan/tack/{inquiry.ReferenceNumber}?nyckel=", location, StringComparison.Ordinal);
        Assert.Matches("^UU-2026-[0-9]{4}$", inquiry.ReferenceNumber);
        Assert.Equal("212000-2247", inquiry.OrganisationNumber);
        Assert.Equal(ClientType.Municipality, inquiry.Client!.Type);
        Assert.Equal(25, inquiry.Participants);
        Assert.Equal(DeliveryFormat.Distance, inquiry.PreferredFormat);
        Assert.Equal(CreditPreference.Yes, inquiry.CreditBearing);
        Assert.Single(inquiry.Modules);
        Assert.Equal(UuWebFactory.StartTime, inquiry.ReceivedAt);

        var recipients = await QueryAsync(db => db.OutboxMessages.Where(m => m.Reference == inquiry.ReferenceNumber).Select(m => m.ToAddress).ToListAsync());
        Assert.Contains("samordnare@uu-demo.se", recipients);
        Assert.Contains("anders.holm@uu-demo.se", recipients); // contact person of specialpedagogik
        Assert.Contains("eva.lindgren@timra.example.se", recipients);

        var receipt = await client.GetDocumentAsync(location);
        Assert.Equal(inquiry.ReferenceNumber, receipt.QuerySelector("[data-testid=reference]")!.TextContent);
    }

    [Fact]
    public async Task ReferenceNumbers_AreUniqueUnderConcurrentSubmissions()
    {
        var marker = Guid.NewGuid().ToString("N");
        var tasks = Enumerable.Range(0, 8).Select(async i =>
        {
            var client = NewClient();
            using var response = await PostAsync(client, ValidForm(marker + "-" + i));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        });
        await Task.WhenAll(tasks);
        var references = await QueryAsync(db => db.Inquiries.Where(i => i.Description.Contains(marker)).Select(i => i.ReferenceNumber).ToListAsync());
        Assert.Equal(8, references.Count);
        Assert.Equal(8, references.Distinct().Count());
    }

    [Fact]
    public async Task InvalidInquiry_NamesEachProblemByItsFieldAndStoresNothing()
    {
        var marker = Guid.NewGuid().ToString("N");
        var form = ValidForm(marker);
        form["Form.OrganisationNumber"] = "212000-2248"; // wrong check digit
        form["Form.Email"] = "eva.lindgren";
        form["Form.Participants"] = "tjugo";
        form["Form.Consent"] = "false";
        form["Form.OrganisationName"] = "";

        using var response = await PostAsync(NewClient(), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        string Error(string field) => page.QuerySelector("#err-" + field)?.TextContent ?? "";
        Assert.Contains("stämmer inte", Error("OrganisationNumber"), StringComparison.Ordinal);
        Assert.Contains("e-postadress", Error("Email"), StringComparison.Ordinal);
        Assert.Contains("heltal", Error("Participants"), StringComparison.Ordinal);
        Assert.Contains("samtycke", Error("Consent"), StringComparison.Ordinal);
        Assert.Contains("Fyll i", Error("OrganisationName"), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Form_Email")!.GetAttribute("aria-invalid"));
        Assert.Equal(5, page.QuerySelectorAll(".error-summary li").Length);
        // What the visitor typed is kept, so nothing has to be written again.
        Assert.Equal("eva.lindgren", ((IHtmlInputElement)page.QuerySelector("#Form_Email")!).Value);
        Assert.Equal(0, await CountAsync(marker));
    }

    [Fact]
    public async Task PersonalIdentityNumber_IsRefusedWithAnExplanation()
    {
        var marker = Guid.NewGuid().ToString("N");
        var form = ValidForm(marker);
        form["Form.OrganisationNumber"] = "19850101-0113";
        using var response = await PostAsync(NewClient(), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("personnummer", page.QuerySelector("#err-OrganisationNumber")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(marker));
    }

    [Fact]
    public async Task HostileMarkup_IsStoredAsTextAndShownEscaped()
    {
        var client = NewClient();
        var marker = Guid.NewGuid().ToString("N");
        var form = ValidForm(marker);
        form["Form.OrganisationName"] = "<script>alert('org')</script>";
        form["Form.Description"] = $"<img src=x onerror=alert(1)> \"quotes\" & ampersands {marker}";
        using var response = await PostAsync(client, form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var receipt = await client.GetAsync(response.Headers.Location);
        var html = await receipt.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        var stored = await QueryAsync(db => db.Inquiries.SingleAsync(i => i.Description.Contains(marker)));
        Assert.Equal("<script>alert('org')</script>", stored.OrganisationName);
    }

    [Fact]
    public async Task ControlCharacters_AreRejectedWithAMessage()
    {
        var marker = Guid.NewGuid().ToString("N");
        var form = ValidForm(marker);
        form["Form.ContactName"] = "Eva\u001b[31mLindgren\u0007";
        using var response = await PostAsync(NewClient(), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("otillåtna tecken", page.QuerySelector("#err-ContactName")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(marker));
    }

    [Fact]
    public async Task NullCharacters_AreRefusedBeforeTheFormIsReadWithAPageThatSaysWhy()
    {
        var marker = Guid.NewGuid().ToString("N");
        var form = ValidForm(marker);
        form["Form.Description"] = "Behov\u0000" + marker;
        using var response = await PostAsync(NewClient(), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("otillåtna tecken", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("inget sparades", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(marker));
    }

    [Fact]
    public async Task TooLongDescription_IsRejectedWithItsLimit()
    {
        var marker = Guid.NewGuid().ToString("N");
        var form = ValidForm(marker);
        form["Form.Description"] = marker + new string('a', 6000);
        using var response = await PostAsync(NewClient(), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("5 000", page.QuerySelector("#err-Description")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(marker));
    }

    [Fact]
    public async Task MissingAntiforgeryToken_IsRefusedAndStoresNothing()
    {
        var marker = Guid.NewGuid().ToString("N");
        using var response = await PostAsync(NewClient(), ValidForm(marker), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountAsync(marker));
    }

    [Fact]
    public async Task OneMegabyteBody_IsRefusedAndStoresNothing()
    {
        var marker = Guid.NewGuid().ToString("N");
        var form = ValidForm(marker);
        form["Form.Description"] = marker + new string('x', 1024 * 1024);
        using var response = await PostAsync(NewClient(), form);
        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"status {response.StatusCode}");
        Assert.Equal(0, await CountAsync(marker));
    }

    [Fact]
    public async Task Honeypot_LooksAcceptedButStoresAndSendsNothing()
    {
        var marker = Guid.NewGuid().ToString("N");
        var form = ValidForm(marker);
        form["Form.Website"] = "http://spam.example";
        var before = await QueryAsync(db => db.OutboxMessages.CountAsync());
        using var response = await PostAsync(NewClient(), form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/forfragan/tack", response.Headers.Location!.OriginalString);
        Assert.Equal(0, await CountAsync(marker));
        Assert.Equal(before, await QueryAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task Receipt_IsPrivateToTheSender()
    {
        var client = NewClient();
        var marker = Guid.NewGuid().ToString("N");
        using var response = await PostAsync(client, ValidForm(marker));
        var reference = await QueryAsync(db => db.Inquiries.Where(i => i.Description.Contains(marker)).Select(i => i.ReferenceNumber).SingleAsync());
        using var guessed = await client.GetAsync($"/forfragan/tack/{reference}");
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        using var wrongKey = await client.GetAsync($"/forfragan/tack/{reference}?nyckel=00000000000000000000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, wrongKey.StatusCode);
    }

    [Fact]
    public async Task FormFromModulePage_IsPrefilledWithThatModule()
    {
        var page = await NewClient().GetDocumentAsync("/forfragan?modul=demensvard&modul=finns-inte");
        var selected = page.QuerySelectorAll("#Form_Modules option[selected]").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["demensvard"], selected);
        foreach (var input in page.QuerySelectorAll("main input:not([type=hidden]):not([name='Form.Website']), main select, main textarea"))
        {
            var id = input.GetAttribute("id");
            Assert.False(string.IsNullOrEmpty(id));
            Assert.NotNull(page.QuerySelector($"label[for='{id}']"));
        }
    }
}

public sealed class InquiryTestsOnSqlite(SqliteApp app) : InquiryTests<SqliteApp>(app);

public sealed class InquiryTestsOnPostgres(PostgresApp app) : InquiryTests<PostgresApp>(app);

public sealed class InquiryRateLimitTests
{
    [Fact]
    public async Task ManyInquiriesFromOneAddress_AreSlowedDownWith429()
    {
        await using var app = new UuWebFactory(Provider.Sqlite, new Dictionary<string, string?> { ["Inquiries:RateLimitPerHour"] = "2" });
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var form = await client.GetDocumentAsync("/forfragan");
            using var response = await client.PostAsync("/forfragan", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = form.AntiforgeryToken(),
                ["Form.OrganisationName"] = "Ånge kommun",
                ["Form.OrganisationNumber"] = "212000-2361",
                ["Form.ContactName"] = "Per Ström",
                ["Form.Email"] = "per.strom@ange.example.se",
                ["Form.Description"] = "Behov av kompetensutveckling i demensvård.",
                ["Form.Consent"] = "true",
            }));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("Vänta en stund", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<UuDbContext>().Inquiries.CountAsync());
    }
}
