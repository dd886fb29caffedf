using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Inquiries;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Api;

/// <summary>The app with one extra address that fails, mapped by the test only: what an unforeseen bug under /api looks like.</summary>
public class ApiApp(Provider provider) : UuWebFactory(provider)
{
    public const string FailingPath = "/api/test-only/fails";
    public const string ExceptionText = "Connection to db.internal:5432 refused for user uu_admin";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, FailingEndpoint>());
    }

    private sealed class FailingEndpoint : IStartupFilter
    {
        // After the app's own pipeline, so the request passes its exception handler like any endpoint's would.
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(FailingPath, failing => failing.Run(_ => throw new InvalidOperationException(ExceptionText)));
        };
    }
}

public sealed class ApiSqliteApp() : ApiApp(Provider.Sqlite);

public sealed class ApiPostgresApp() : ApiApp(Provider.Postgres);

public abstract class ApiProblemTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ApiApp
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problem = json.RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    [Fact]
    public async Task UnknownApiAddress_IsA404Problem()
    {
        using var response = await app.CreateClient().GetAsync("/api/nope");
        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WrongMethod_IsA405Problem()
    {
        using var response = await app.CreateClient().PostAsync("/api/search?q=ledarskap", new StringContent(""));
        await ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task UnhandledException_IsA500Problem_WithoutTheExceptionText()
    {
        using var response = await app.CreateClient().GetAsync(ApiApp.FailingPath);
        var problem = await ProblemAsync(response, HttpStatusCode.InternalServerError);
        var body = problem.GetRawText();
        Assert.DoesNotContain(ApiApp.ExceptionText, body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousInquiryApi_IsA401Problem()
    {
        using var response = await OfficeUsers.Client(app).GetAsync("/api/inquiries");
        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task InquiryApi_ForAnEditor_IsA403Problem()
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        using var response = await editor.GetAsync("/api/inquiries");
        await ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task BadFilter_IsA400ValidationProblem_NamingTheParameter()
    {
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        using var response = await coordinator.GetAsync("/api/inquiries?status=Kanske");
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Kanske", problem.GetProperty("errors").GetProperty("status")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownContentInTheDeliveryApi_IsA404Problem()
    {
        using var response = await app.CreateClient().GetAsync("/api/content/pages/finns-inte");
        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownPage_StillGetsTheHtmlErrorPage()
    {
        using var response = await app.CreateClient().GetAsync("/finns-inte");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Sidan finns inte", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task OfficeInquiryList_ShowsReceivedTimesInSwedishTime()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            db.Inquiries.AddRange(
                Received("UU-2026-9301", 9301, new DateTimeOffset(2026, 3, 29, 23, 30, 0, TimeSpan.Zero)),
                Received("UU-2026-9302", 9302, new DateTimeOffset(2026, 1, 15, 23, 30, 0, TimeSpan.Zero)));
            await db.SaveChangesAsync();
        }
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var page = await coordinator.GetDocumentAsync("/office/forfragningar?q=Tidszonsskolan");
        var received = page.QuerySelectorAll("tbody tr")
            .ToDictionary(r => r.GetAttribute("data-reference") ?? "", r => r.Children[1].TextContent.Trim());
        Assert.Equal("2026-03-30 01:30", received["UU-2026-9301"]); // summer time (UTC+2) began that night
        Assert.Equal("2026-01-16 00:30", received["UU-2026-9302"]); // winter time, UTC+1
    }

    private static Inquiry Received(string reference, int sequence, DateTimeOffset at) => new()
    {
        ReferenceNumber = reference, Year = 2026, Sequence = sequence, ReceiptKey = "k" + sequence,
        OrganisationName = "Tidszonsskolan", OrganisationNumber = "212000-0001", ContactName = "Ola Tid", Email = "ola.tid@skola.example",
        Description = "Fortbildning i schemaläggning.", ConsentGivenAt = at, ReceivedAt = at,
    };
}

public sealed class ApiProblemTestsOnSqlite(ApiSqliteApp app) : ApiProblemTests<ApiSqliteApp>(app);

public sealed class ApiProblemTestsOnPostgres(ApiPostgresApp app) : ApiProblemTests<ApiPostgresApp>(app);
