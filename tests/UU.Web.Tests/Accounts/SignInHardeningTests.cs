using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Tests.Infrastructure;
using UU.Web.Tests.Office;

namespace UU.Web.Tests.Accounts;

/// <summary>Sign-in as a stranger sees it: the answer does not tell which addresses exist, guessing is throttled, and guessing cannot lock the owner out.</summary>
public sealed class SignInHardeningTests
{
    [Fact]
    public async Task AnUnknownAddress_CostsAPasswordCheck_LikeAKnownOne()
    {
        var hasher = new CountingHasher();
        await using var app = new HasherApp(hasher);
        var email = await OfficeUsers.CreateAsync(app, Roles.Editor);
        var client = OfficeUsers.Client(app);

        var before = hasher.Verifications;
        using var known = await OfficeUsers.SignInAsync(client, email, "fel lösenord helt enkelt");
        var forKnown = hasher.Verifications - before;
        before = hasher.Verifications;
        using var unknown = await OfficeUsers.SignInAsync(client, $"finns-inte-{Guid.NewGuid():N}@uu-demo.se", "fel lösenord helt enkelt");
        var forUnknown = hasher.Verifications - before;

        Assert.Equal(HttpStatusCode.BadRequest, known.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(1, forKnown);
        Assert.Equal(forKnown, forUnknown); // the same work, so the same time
        // And the same words: nothing tells the two apart.
        Assert.Equal(
            (await Html.ParseAsync(known)).QuerySelector(".error-summary")!.TextContent.Trim(),
            (await Html.ParseAsync(unknown)).QuerySelector(".error-summary")!.TextContent.Trim());
    }

    [Fact]
    public async Task AStrangersWrongPasswords_DoNotLockTheOwnerOut_ButLockTheStranger()
    {
        await using var app = new AddressedApp(Provider.Sqlite);
        var email = await OfficeUsers.CreateAsync(app, Roles.Coordinator);
        var stranger = app.ClientFrom("203.0.113.66");
        for (var i = 0; i < 6; i++)
        {
            using var wrong = await OfficeUsers.SignInAsync(stranger, email, "gissat lösenord nummer " + i);
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        // The stranger, even with the right password now, is locked out of this account...
        using (var strangerRight = await OfficeUsers.SignInAsync(stranger, email))
        {
            Assert.Equal(HttpStatusCode.BadRequest, strangerRight.StatusCode);
            Assert.Contains("låst", (await Html.ParseAsync(strangerRight)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        // ...and the owner, from their own address, signs in as usual.
        using var owner = await OfficeUsers.SignInAsync(app.ClientFrom("192.0.2.10"), email);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<UuUser>>().FindByEmailAsync(email);
        Assert.False(await scope.ServiceProvider.GetRequiredService<UserManager<UuUser>>().IsLockedOutAsync(user!));
    }

    [Fact]
    public async Task SignInAttempts_AreThrottledPerClientAddress()
    {
        await using var app = new AddressedApp(Provider.Sqlite, new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3" });
        var email = await OfficeUsers.CreateAsync(app, Roles.Editor);
        var guesser = app.ClientFrom("198.51.100.7");
        for (var i = 0; i < 3; i++)
        {
            (await OfficeUsers.SignInAsync(guesser, $"nagon-{i}@uu-demo.se", "gissat lösenord här")).Dispose();
        }
        using var throttled = await OfficeUsers.SignInAsync(guesser, email);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter is not null);
        Assert.Contains("För många inloggningsförsök", await throttled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Another address is not affected.
        using var other = await OfficeUsers.SignInAsync(app.ClientFrom("198.51.100.8"), email);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task StartingTwoFactor_KeepsTheUserSignedIn()
    {
        await using var app = new SqliteApp();
        var client = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        using var started = await OfficeUsers.PostFormAsync(client, "/office/konto", "StartTwoFactor");
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(1)); // the security stamp is checked on every request issued before now
        using var next = await client.GetAsync("/office/konto");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.NotNull((await Html.ParseAsync(next)).QuerySelector("[data-testid=authenticator-key]"));
    }

    [Fact]
    public async Task TurningTwoFactorOff_AsksForThePasswordOrACode()
    {
        await using var app = new SqliteApp();
        var email = await OfficeUsers.CreateAsync(app, Roles.Editor);
        var client = OfficeUsers.Client(app);
        (await OfficeUsers.SignInAsync(client, email)).Dispose();
        using var started = await OfficeUsers.PostFormAsync(client, "/office/konto", "StartTwoFactor");
        var key = (await Html.ParseAsync(started)).QuerySelector("[data-testid=authenticator-key]")!.TextContent.Trim();
        (await OfficeUsers.PostFormAsync(client, "/office/konto", "EnableTwoFactor", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) })).Dispose();

        async Task<bool> EnabledAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UuUser>>();
            return await users.GetTwoFactorEnabledAsync((await users.FindByEmailAsync(email))!);
        }
        Assert.True(await EnabledAsync());

        using (var bare = await OfficeUsers.PostFormAsync(client, "/office/konto", "DisableTwoFactor"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
            Assert.Contains("lösenord", (await Html.ParseAsync(bare)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        using (var wrong = await OfficeUsers.PostFormAsync(client, "/office/konto", "DisableTwoFactor", new() { ["CurrentPassword"] = "inte mitt lösenord alls" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        Assert.True(await EnabledAsync());
        using (var right = await OfficeUsers.PostFormAsync(client, "/office/konto", "DisableTwoFactor", new() { ["CurrentPassword"] = OfficeUsers.Password }))
        {
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        }
        Assert.False(await EnabledAsync());
    }

    /// <summary>The real hasher, counting how often a password is checked.</summary>
    private sealed class CountingHasher : IPasswordHasher<UuUser>
    {
        private readonly PasswordHasher<UuUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(UuUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(UuUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private sealed class HasherApp(CountingHasher hasher) : UuWebFactory(Provider.Sqlite)
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<IPasswordHasher<UuUser>>();
                services.AddSingleton<IPasswordHasher<UuUser>>(hasher);
            });
        }
    }
}
