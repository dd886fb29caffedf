using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Features.Office;
using UU.Web.Features.Accounts;

namespace UU.Web.Tests.Infrastructure;

public static class OfficeUsers
{
    public const string Password = "korrekt häst batteri häftklammer";

    /// <summary>Creates a user with the role (a unique email per call unless one is given) and returns the email.</summary>
    public static async Task<string> CreateAsync(UuWebFactory app, string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@uu-demo.se";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UuUser>>();
        var user = new UuUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }

    public static HttpClient Client(UuWebFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real form; returns the response of the POST.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password)
    {
        var form = await client.GetDocumentAsync("/office/logga-in");
        return await client.PostAsync("/office/logga-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.AntiforgeryToken(),
            ["Email"] = email,
            ["Password"] = password,
        }));
    }

    public static async Task<HttpClient> SignedInClientAsync(UuWebFactory app, string role, string? email = null)
    {
        var client = Client(app);
        using var response = await SignInAsync(client, await CreateAsync(app, role, email));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts a form of an office page with its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string handler, Dictionary<string, string>? fields = null)
    {
        var document = await client.GetDocumentAsync(page);
        var values = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = document.AntiforgeryToken() };
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(values));
    }
}
