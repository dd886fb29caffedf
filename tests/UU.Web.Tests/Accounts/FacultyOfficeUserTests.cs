using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Cli;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Accounts;

/// <summary>Admins give a faculty office user its faculty: on the users page, when creating the user, and from the command line.</summary>
public abstract class FacultyOfficeUserTests(Provider provider)
{
    private static async Task<(int Id, string Name)> FirstFacultyAsync(UuWebFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var faculty = await scope.ServiceProvider.GetRequiredService<UuDbContext>().Faculties.OrderBy(f => f.Id).FirstAsync();
        return (faculty.Id, faculty.NameSv);
    }

    private static async Task<UuUser?> UserAsync(UuWebFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<UuUser>>().FindByEmailAsync(email);
    }

    [Fact]
    public async Task Admin_SetsAFacultyOfficeUsersFaculty_OnTheUsersPage()
    {
        await using var app = new UuWebFactory(provider);
        var (facultyId, facultyName) = await FirstFacultyAsync(app);
        var admin = await OfficeUsers.SignedInClientAsync(app, Roles.Admin);
        var email = await OfficeUsers.CreateAsync(app, Roles.FacultyOffice);
        var user = (await UserAsync(app, email))!;

        var before = await admin.GetDocumentAsync("/office/anvandare");
        var row = before.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));
        Assert.Contains("Saknar fakultet", row.QuerySelector("[data-testid=faculty]")!.TextContent, StringComparison.Ordinal);

        using (var saved = await OfficeUsers.PostFormAsync(admin, "/office/anvandare", "SetFaculty", new() { ["UserId"] = user.Id, ["FacultyId"] = facultyId.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            var page = await Html.ParseAsync(saved);
            var cell = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal)).QuerySelector("[data-testid=faculty]")!;
            Assert.Equal(facultyName, cell.QuerySelector("option[selected]")!.TextContent.Trim());
            Assert.DoesNotContain("Saknar fakultet", cell.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal(facultyId, (await UserAsync(app, email))!.FacultyId);

        // A coordinator has no faculty to set: refused with a message, not a 500.
        var coordinator = (await UserAsync(app, await OfficeUsers.CreateAsync(app, Roles.Coordinator)))!;
        using var refused = await OfficeUsers.PostFormAsync(admin, "/office/anvandare", "SetFaculty", new() { ["UserId"] = coordinator.Id, ["FacultyId"] = facultyId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("inte fakultetskansli", (await Html.ParseAsync(refused)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await UserAsync(app, coordinator.Email!))!.FacultyId);
    }

    [Fact]
    public async Task Admin_CreatesAFacultyOfficeUserWithItsFaculty_ButNotAFacultyForAnotherRole()
    {
        await using var app = new UuWebFactory(provider);
        var (facultyId, _) = await FirstFacultyAsync(app);
        var admin = await OfficeUsers.SignedInClientAsync(app, Roles.Admin);
        var id = facultyId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var email = $"kansli-{Guid.NewGuid():N}@uu-demo.se";

        using (var created = await OfficeUsers.PostFormAsync(admin, "/office/anvandare", "Create", new() { ["Email"] = email, ["Role"] = Roles.FacultyOffice, ["FacultyId"] = id }))
        {
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        }
        Assert.Equal(facultyId, (await UserAsync(app, email))!.FacultyId);

        var other = $"samordnare-{Guid.NewGuid():N}@uu-demo.se";
        using var refused = await OfficeUsers.PostFormAsync(admin, "/office/anvandare", "Create", new() { ["Email"] = other, ["Role"] = Roles.Coordinator, ["FacultyId"] = id });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Bara en användare med rollen fakultetskansli", (await Html.ParseAsync(refused)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await UserAsync(app, other));
    }

    [Fact]
    public async Task CreateUserVerb_GivesTheFacultyByName_AndNamesAnUnknownFaculty()
    {
        await using var app = new UuWebFactory(provider);
        var (facultyId, facultyName) = await FirstFacultyAsync(app);
        var email = $"kansli-{Guid.NewGuid():N}@uu-demo.se";
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, interactive: false);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var verb = scope.ServiceProvider.GetRequiredService<CreateUserVerb>();
            Assert.Equal(0, await verb.RunAsync(console, email, "facultyoffice", facultyName.ToUpperInvariant(), CancellationToken.None));
            Assert.Equal(CommandLine.InvalidInput, await verb.RunAsync(console, "annan-" + email, "FacultyOffice", "Fakulteten för trolldom", CancellationToken.None));
        }
        Assert.Equal(facultyId, (await UserAsync(app, email))!.FacultyId);
        Assert.Contains("There is no faculty 'Fakulteten för trolldom'", error.ToString(), StringComparison.Ordinal);
        Assert.Null(await UserAsync(app, "annan-" + email));
    }
}

public sealed class FacultyOfficeUserTestsOnSqlite() : FacultyOfficeUserTests(Provider.Sqlite);

public sealed class FacultyOfficeUserTestsOnPostgres() : FacultyOfficeUserTests(Provider.Postgres);
