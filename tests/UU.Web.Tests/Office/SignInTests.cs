using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Cli;
using UU.Web.Features.Office;
using UU.Web.Tests.Infrastructure;
using UU.Web.Features.Audit;
using UU.Web.Features.Accounts;

namespace UU.Web.Tests.Office;

public sealed class SignInTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<List<AuditEntry>> AuditAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UuDbContext>().AuditEntries.Where(a => a.UserEmail == email).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task SignIn_Succeeds_AndIsAudited()
    {
        var email = await OfficeUsers.CreateAsync(app, Roles.Editor);
        var client = OfficeUsers.Client(app);
        using var response = await OfficeUsers.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/office", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("uu.auth=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(await AuditAsync(email), a => a.Action == "sign-in");
    }

    [Fact]
    public async Task WrongPasswords_LockTheAccountAfterFive_AndAreAudited()
    {
        var email = await OfficeUsers.CreateAsync(app, Roles.Coordinator);
        var client = OfficeUsers.Client(app);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await OfficeUsers.SignInAsync(client, email, "fel lösenord helt enkelt");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        using var locked = await OfficeUsers.SignInAsync(client, email); // the right password, too late
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        var page = await Html.ParseAsync(locked);
        Assert.Contains("låst", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.True((await AuditAsync(email)).Count(a => a.Action == "sign-in-failed") >= 5);
    }

    [Fact]
    public async Task Passwords_ShorterThan12Characters_AreRefused()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UuUser>>();
        var result = await users.CreateAsync(new UuUser { UserName = "kort@uu-demo.se", Email = "kort@uu-demo.se" }, "elva tecken");
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == "PasswordTooShort");
    }

    [Fact]
    public async Task SignOutEverywhere_EndsTheOtherSessions()
    {
        var email = await OfficeUsers.CreateAsync(app, Roles.Editor);
        var laptop = OfficeUsers.Client(app);
        var phone = OfficeUsers.Client(app);
        (await OfficeUsers.SignInAsync(laptop, email)).Dispose();
        (await OfficeUsers.SignInAsync(phone, email)).Dispose();
        using (var before = await phone.GetAsync("/office"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }
        // A GET never changes anything: opening the sign-out page does not sign out.
        (await phone.GetAsync("/office/logga-ut")).Dispose();
        using (var stillIn = await phone.GetAsync("/office"))
        {
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        }

        using var signOut = await OfficeUsers.PostFormAsync(laptop, "/office/konto", "SignOutEverywhere");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(1)); // the stamp is checked on every request issued before now

        using var after = await phone.GetAsync("/office");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        using var laptopAfter = await laptop.GetAsync("/office");
        Assert.Equal(HttpStatusCode.Redirect, laptopAfter.StatusCode);
    }

    [Fact]
    public async Task ApiToken_FromTheOffice_CarriesTheRoles_AndStopsWorkingWhenRevoked()
    {
        var client = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        using var created = await OfficeUsers.PostFormAsync(client, "/office/konto", "CreateToken", new() { ["TokenName"] = "Power BI" });
        var secret = (await Html.ParseAsync(created)).QuerySelector("[data-testid=new-token]")!.TextContent.Trim();
        Assert.StartsWith("uu_", secret, StringComparison.Ordinal);

        var script = app.CreateClient();
        script.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        using (var ok = await script.GetAsync("/api/inquiries?status=Received"))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            using var json = JsonDocument.Parse(await ok.Content.ReadAsStringAsync());
            Assert.True(json.RootElement.TryGetProperty("items", out _));
        }
        using (var bad = await script.GetAsync("/api/inquiries?status=Maybe"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("status", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            var stored = await db.ApiTokens.SingleAsync(t => t.Prefix == secret.Substring(0, 10));
            Assert.NotEqual(secret, stored.Hash);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret))), stored.Hash);
            Assert.NotNull(stored.LastUsedAt);
            using var revoked = await OfficeUsers.PostFormAsync(client, "/office/konto", "RevokeToken", new() { ["TokenId"] = stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }
        using var refused = await script.GetAsync("/api/inquiries");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var editorScript = app.CreateClient();
        editorScript.DefaultRequestHeaders.Authorization = new("Bearer", "uu_not-a-real-token-at-all");
        using var unknown = await editorScript.GetAsync("/api/inquiries");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    [Fact]
    public async Task CommandLine_CreatesUsersAndTokens()
    {
        var email = $"cli-{Guid.NewGuid():N}@uu-demo.se";
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["create-user", email, "coordinator"]));
        Assert.Equal(2, await CommandLine.RunAsync(app.Services, ["create-user", "other@uu-demo.se", "Rektor"]));
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["create-token", email, "skript"]));
        Assert.Equal(2, await CommandLine.RunAsync(app.Services, ["create-token", "finns-inte@uu-demo.se"]));
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UuUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.NotNull(user);
        Assert.True(await users.IsInRoleAsync(user, Roles.Coordinator));
        Assert.Null(await users.FindByEmailAsync("other@uu-demo.se"));
        Assert.True(await scope.ServiceProvider.GetRequiredService<UuDbContext>().ApiTokens.AnyAsync(t => t.UserId == user.Id && t.Name == "skript"));
    }

    [Fact]
    public async Task AdminCreatesAUser_WhoCanSignInWithTheShownPassword()
    {
        var admin = await OfficeUsers.SignedInClientAsync(app, Roles.Admin);
        var email = $"ny-{Guid.NewGuid():N}@uu-demo.se";
        using var created = await OfficeUsers.PostFormAsync(admin, "/office/anvandare", "Create", new() { ["Email"] = email, ["Role"] = Roles.SubjectContact });
        var password = (await Html.ParseAsync(created)).QuerySelector("[data-testid=new-password]")!.TextContent.Trim();
        using var signIn = await OfficeUsers.SignInAsync(OfficeUsers.Client(app), email, password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task TwoFactor_WithAnAuthenticatorApp_IsAskedForAtSignIn()
    {
        var email = await OfficeUsers.CreateAsync(app, Roles.Editor);
        var client = OfficeUsers.Client(app);
        (await OfficeUsers.SignInAsync(client, email)).Dispose();
        using var started = await OfficeUsers.PostFormAsync(client, "/office/konto", "StartTwoFactor");
        var key = (await Html.ParseAsync(started)).QuerySelector("[data-testid=authenticator-key]")!.TextContent.Trim();
        using var enabled = await OfficeUsers.PostFormAsync(client, "/office/konto", "EnableTwoFactor", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);

        var fresh = OfficeUsers.Client(app);
        using var first = await OfficeUsers.SignInAsync(fresh, email);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode); // asks for the code
        var codeForm = await Html.ParseAsync(first);
        Assert.NotNull(codeForm.QuerySelector("input#Code"));
        async Task<HttpResponseMessage> SendCode(string code) => await fresh.PostAsync("/office/logga-in?handler=Code", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = codeForm.AntiforgeryToken(),
            ["Code"] = code,
        }));
        using (var wrong = await SendCode("000000"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        using var right = await SendCode(Totp.Code(key, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        using var office = await fresh.GetAsync("/office");
        Assert.Equal(HttpStatusCode.OK, office.StatusCode);
    }

    [Fact]
    public async Task DataProtectionKeys_AreKeptInTheDatabase()
    {
        (await OfficeUsers.SignedInClientAsync(app, Roles.Editor)).Dispose();
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<UuDbContext>().DataProtectionKeys.AnyAsync());
    }
}

/// <summary>RFC 6238 codes as an authenticator app computes them (HMAC-SHA1, 30 s, 6 digits).</summary>
internal static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var key = Base32(base32Key);
        var counter = at.ToUnixTimeSeconds() / 30;
        var bytes = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(bytes);
        }
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; the test must compute what they compute.
        var hash = HMACSHA1.HashData(key, bytes);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. output];
    }
}
