using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Commissions;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Commissions;

/// <summary>What the case tests do through the office's pages: enter a case, act on it, find a checklist step.</summary>
internal static class OfficeCases
{
    public static async Task<int> SubjectIdAsync(UuWebFactory app, string slug)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UuDbContext>().Subjects.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync();
    }

    /// <summary>Enters a case through the coordinators' form and returns its reference number.</summary>
    public static async Task<string> EnterAsync(UuWebFactory app, HttpClient coordinator, string? subject, string organisation = "Timrå kommun", string wayIn = "Email")
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.WayIn"] = wayIn, ["Form.OrganisationName"] = organisation, ["Form.ContactName"] = "Maja Ek", ["Form.Email"] = "maja.ek@timra.example",
            ["Form.Description"] = "Kompetensutveckling i bedömning för 40 lärare.", ["Form.RegistryNumber"] = "MU 2026/77",
        };
        if (subject is not null)
        {
            fields["Form.SubjectIds"] = (await SubjectIdAsync(app, subject)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        using var response = await OfficeUsers.PostFormAsync(coordinator, "/office/forfragningar/ny", "", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Uri.UnescapeDataString(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    public static Task<HttpResponseMessage> ActAsync(HttpClient client, string reference, string handler, Dictionary<string, string>? fields = null) =>
        OfficeUsers.PostFormAsync(client, CaseRoutes.Case(reference), handler, fields);

    public static async Task<string> StepIdAsync(HttpClient client, string reference, string title)
    {
        var page = await client.GetDocumentAsync(CaseRoutes.Case(reference));
        return page.QuerySelectorAll("li[data-step]").Single(li => li.TextContent.Contains(title, StringComparison.Ordinal)).GetAttribute("data-step")!;
    }

    /// <summary>Marks every open step of the case's current phase not applicable, through the page, and moves it on.</summary>
    public static async Task AdvancePastOpenStepsAsync(HttpClient client, string reference)
    {
        var page = await client.GetDocumentAsync(CaseRoutes.Case(reference));
        var phase = page.QuerySelector("[data-testid=case-state]")!.TextContent;
        foreach (var step in page.QuerySelectorAll("ul[data-current=true] li[data-step][data-state=Open]").Select(li => li.GetAttribute("data-step")!).ToList())
        {
            using var marked = await ActAsync(client, reference, "Step", new() { ["StepId"] = step, ["State"] = "NotApplicable" });
            Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        }
        using var advanced = await ActAsync(client, reference, "Advance");
        Assert.True(advanced.StatusCode == HttpStatusCode.Redirect, $"the case did not leave the phase {phase}");
    }
}
