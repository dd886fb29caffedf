using System.Net;
using UU.Web.Features.Accounts;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Agreements;

/// <summary>The register's and the economy settings' pages × every role (the role matrix's rows for this feature).</summary>
public sealed class AgreementAccessTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode SignIn = HttpStatusCode.Redirect;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;

    // path, anonymous, Editor, Coordinator, SubjectContact, Admin
    public static TheoryData<string, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode> Matrix => new()
    {
        { "/office/avtal", SignIn, Forbidden, Ok, Forbidden, Ok },
        { "/office/avtal/ny", SignIn, Forbidden, Ok, Forbidden, Ok },
        { "/office/avtal/1", SignIn, Forbidden, Ok, Forbidden, Ok }, // a demo agreement
        { "/office/kalkylsatser", SignIn, Forbidden, Forbidden, Forbidden, Ok },
        { "/office/offertmall", SignIn, Ok, Ok, Forbidden, Ok },
        { "/api/agreements", HttpStatusCode.Unauthorized, Forbidden, Ok, Forbidden, Ok },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EveryPage_AnswersEachRoleAsExpected(string path, HttpStatusCode anonymous, HttpStatusCode editor, HttpStatusCode coordinator, HttpStatusCode subjectContact, HttpStatusCode admin)
    {
        using (var response = await OfficeUsers.Client(app).GetAsync(path))
        {
            Assert.Equal(anonymous, response.StatusCode);
        }
        foreach (var (role, expected) in new[] { (Roles.Editor, editor), (Roles.Coordinator, coordinator), (Roles.SubjectContact, subjectContact), (Roles.Admin, admin) })
        {
            var client = await OfficeUsers.SignedInClientAsync(app, role);
            using var response = await client.GetAsync(path);
            Assert.True(expected == response.StatusCode, $"{role} on {path}: {response.StatusCode}, expected {expected}");
        }
    }
}
