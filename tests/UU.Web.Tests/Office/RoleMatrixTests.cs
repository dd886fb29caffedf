using System.Net;
using UU.Web.Features.Office;
using UU.Web.Tests.Infrastructure;
using UU.Web.Features.Accounts;

namespace UU.Web.Tests.Office;

/// <summary>Every office page and API endpoint × every role → the expected status.</summary>
public sealed class RoleMatrixTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode SignIn = HttpStatusCode.Redirect;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;
    private const HttpStatusCode Unauthorized = HttpStatusCode.Unauthorized;
    private const HttpStatusCode NotFound = HttpStatusCode.NotFound;

    // path, anonymous, Editor, Coordinator, SubjectContact, Admin, FacultyOffice
    public static TheoryData<string, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode> Matrix => new()
    {
        { "/office", SignIn, Ok, Ok, Ok, Ok, Ok },
        { "/office/konto", SignIn, Ok, Ok, Ok, Ok, Ok },
        { "/office/logga-ut", SignIn, Ok, Ok, Ok, Ok, Ok },
        { "/office/forfragningar", SignIn, Forbidden, Ok, Ok, Ok, Ok },
        { "/office/anvandare", SignIn, Forbidden, Forbidden, Forbidden, Ok, Forbidden },
        { "/office/granskning", SignIn, Forbidden, Forbidden, Forbidden, Ok, Forbidden },
        { "/office/logga-in", Ok, Ok, Ok, Ok, Ok, Ok },
        { "/office/innehall", SignIn, Ok, Forbidden, Forbidden, Ok, Forbidden },
        { "/office/media", SignIn, Ok, Forbidden, Forbidden, Ok, Forbidden },
        { "/office/utbildningar", SignIn, Ok, Forbidden, Forbidden, Ok, Forbidden },
        { "/office/utbildningar/ny", SignIn, Ok, Forbidden, Forbidden, Ok, Forbidden },
        { "/office/amnen", SignIn, Ok, Forbidden, Forbidden, Ok, Forbidden },
        { "/office/amnen/historia", SignIn, Ok, Forbidden, Forbidden, Ok, Forbidden },
        { "/office/kurser/PE031G", SignIn, Ok, Forbidden, Forbidden, Ok, Forbidden },
        { "/office/innehall/ny?typ=story", SignIn, Ok, Forbidden, Forbidden, Ok, Forbidden },
        { "/office/innehall/ny?typ=page", SignIn, Ok, Forbidden, Forbidden, Ok, Forbidden },
        { "/api/inquiries", Unauthorized, Forbidden, Ok, Ok, Ok, Forbidden },
        { "/api/inquiries/UU-2099-0001", Unauthorized, Forbidden, NotFound, NotFound, NotFound, Forbidden },
        { "/office/forfragningar/UU-2099-0001", SignIn, Forbidden, NotFound, NotFound, NotFound, NotFound },
        { "/office/forfragningar/UU-2099-0001/dokument/1", SignIn, Forbidden, NotFound, NotFound, NotFound, NotFound },
        { "/office/forfragningar/ny", SignIn, Forbidden, Ok, Forbidden, Ok, Forbidden },
        { "/office/forfragningar/checklistor", SignIn, Forbidden, Forbidden, Forbidden, Ok, Forbidden },
        { "/office/forfragningar/uppdragstyper", SignIn, Forbidden, Forbidden, Forbidden, Ok, Forbidden },
        { "/office/forfragningar?handler=Csv", SignIn, Forbidden, Ok, Ok, Ok, Ok },
        { "/office/leads", SignIn, Forbidden, Ok, Ok, Ok, Forbidden },
        { "/office/leads/kallor", SignIn, Forbidden, Ok, Forbidden, Ok, Forbidden },
        { "/office/kunder", SignIn, Forbidden, Ok, Forbidden, Ok, Forbidden },
        { "/office/statistik", SignIn, Forbidden, Ok, Forbidden, Ok, Forbidden },
        { "/api/statistics", Unauthorized, Forbidden, Ok, Forbidden, Ok, Forbidden },
        { "/api/statistics/economy.csv", Unauthorized, Forbidden, Ok, Forbidden, Ok, Forbidden },
        { "/api/statistics/revenue-per-type.xlsx", Unauthorized, Forbidden, Ok, Forbidden, Ok, Forbidden },
        { "/office/statistik/deltagare", SignIn, Forbidden, Ok, Forbidden, Ok, Forbidden },
        { "/api/leads", Unauthorized, Forbidden, Ok, Forbidden, Ok, Forbidden },
        // A faculty office without a faculty (as here) reads the register's page, which lists nothing and says why.
        { "/office/avtal", SignIn, Forbidden, Ok, Forbidden, Ok, Ok },
        { "/office/avtal/ny", SignIn, Forbidden, Ok, Forbidden, Ok, Forbidden },
        { "/office/avtal/1", SignIn, Forbidden, Ok, Forbidden, Ok, NotFound },
        { "/api/agreements", Unauthorized, Forbidden, Ok, Forbidden, Ok, Forbidden },
        { "/office/utvarderingar", SignIn, Ok, Ok, Forbidden, Ok, Forbidden },
        { "/office/utvarderingar/fragor", SignIn, Forbidden, Forbidden, Forbidden, Ok, Forbidden },
        { "/office/utvarderingar/UU-2099-0001", SignIn, NotFound, NotFound, NotFound, NotFound, NotFound },
        // The course inventory: coordinators and admins see every subject, a subject contact only the subjects they hold.
        { "/office/inventering", SignIn, Forbidden, Ok, Ok, Ok, Forbidden },
        { "/office/inventering/historia", SignIn, Forbidden, Ok, Forbidden, Ok, Forbidden },
        { "/office/inventering/godkannanden", SignIn, Forbidden, Ok, Forbidden, Ok, Forbidden },
        { "/office/teman", SignIn, Ok, Forbidden, Forbidden, Ok, Forbidden },
        { "/api/inventory?subject=historia", Unauthorized, Forbidden, Ok, Forbidden, Ok, Forbidden },
        { "/api/inventory?subject=finns-inte", Unauthorized, Forbidden, NotFound, NotFound, NotFound, Forbidden },
        // The staff section: every signed-in role reads it; only editors keep its templates.
        { "/personal", SignIn, Ok, Ok, Ok, Ok, Ok },
        { "/personal/for-institutioner", SignIn, Ok, Ok, Ok, Ok, Ok },
        { "/personal/sok?q=avtal", SignIn, Ok, Ok, Ok, Ok, Ok },
        { "/personal/dokument", SignIn, Ok, Ok, Ok, Ok, Ok },
        { "/personal/dokument/1/version/1", SignIn, Ok, Ok, Ok, Ok, Ok },
        { "/office/dokumentmallar", SignIn, Ok, Forbidden, Forbidden, Ok, Forbidden },
        { "/office/innehall/ny?typ=staff", SignIn, Ok, Forbidden, Forbidden, Ok, Forbidden },
    };

    /// <summary>The departments' light role: the staff section, one's own account and signing out; nothing else of the office.</summary>
    private static readonly string[] OpenToDepartmentStaff =
        ["/office/konto", "/office/logga-ut", "/office/logga-in", "/personal", "/personal/for-institutioner", "/personal/sok?q=avtal", "/personal/dokument", "/personal/dokument/1/version/1"];

    [Fact]
    public async Task DepartmentStaff_ReadTheStaffSection_AndNothingElseOfTheOffice()
    {
        var client = await OfficeUsers.SignedInClientAsync(app, Roles.DepartmentStaff);
        foreach (var path in Matrix.Select(row => (string)row[0]))
        {
            using var response = await client.GetAsync(path);
            var expected = OpenToDepartmentStaff.Contains(path) ? Ok : Forbidden;
            Assert.True(expected == response.StatusCode, $"{Roles.DepartmentStaff} on {path}: expected {expected}, got {response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EveryPage_AnswersEachRoleAsExpected(string path, HttpStatusCode anonymous, HttpStatusCode editor, HttpStatusCode coordinator, HttpStatusCode subjectContact, HttpStatusCode admin, HttpStatusCode facultyOffice)
    {
        var expected = new Dictionary<string, HttpStatusCode>
        {
            [Roles.Editor] = editor,
            [Roles.Coordinator] = coordinator,
            [Roles.SubjectContact] = subjectContact,
            [Roles.Admin] = admin,
            [Roles.FacultyOffice] = facultyOffice,
        };
        using (var response = await OfficeUsers.Client(app).GetAsync(path))
        {
            Assert.Equal(anonymous, response.StatusCode);
            if (anonymous == SignIn)
            {
                Assert.StartsWith("/office/logga-in", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
            }
        }
        foreach (var (role, status) in expected)
        {
            var client = await OfficeUsers.SignedInClientAsync(app, role);
            using var response = await client.GetAsync(path);
            Assert.True(status == response.StatusCode, $"{role} on {path}: expected {status}, got {response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("/office/anvandare", "Create")]
    [InlineData("/office/konto", "CreateToken")]
    [InlineData("/office/konto", "SignOutEverywhere")]
    [InlineData("/office/logga-ut", "")]
    public async Task StateChanges_WithoutAntiforgery_AreRefused(string page, string handler)
    {
        var client = await OfficeUsers.SignedInClientAsync(app, Roles.Admin);
        using var response = await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "x@y.se", ["Role"] = "Admin", ["TokenName"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var still = await client.GetAsync("/office");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode); // not signed out, nothing created
    }
}

internal static class UriExtensions
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
