using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Features.Office;
using UU.Web.Tests.Infrastructure;
using UU.Web.Features.Accounts;

namespace UU.Web.Tests.Office;

public sealed class FirstAdminTests
{
    [Fact]
    public async Task FirstAdmin_ComesFromTheEnvironment()
    {
        await using var app = new UuWebFactory(Provider.Sqlite, new Dictionary<string, string?>
        {
            ["UU_ADMIN_EMAIL"] = "admin@uu-demo.se",
            ["UU_ADMIN_PASSWORD"] = "ett långt och hemligt lösenord",
        });
        var client = OfficeUsers.Client(app);
        using var signIn = await OfficeUsers.SignInAsync(client, "admin@uu-demo.se", "ett långt och hemligt lösenord");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using var users = await client.GetAsync("/office/anvandare");
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<UuUser>>();
        Assert.True(await manager.IsInRoleAsync((await manager.FindByEmailAsync("admin@uu-demo.se"))!, Roles.Admin));
    }

    [Fact]
    public async Task TooShortAdminPassword_StopsTheStartWithAMessageNamingTheVariable()
    {
        await using var app = new UuWebFactory(Provider.Sqlite, new Dictionary<string, string?>
        {
            ["UU_ADMIN_EMAIL"] = "admin@uu-demo.se",
            ["UU_ADMIN_PASSWORD"] = "kort",
        });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("UU_ADMIN_PASSWORD", error.ToString(), StringComparison.Ordinal);
    }
}
