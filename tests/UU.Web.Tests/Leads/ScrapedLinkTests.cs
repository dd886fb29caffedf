using System.Net;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Leads;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Leads;

/// <summary>A lead stored with a link that is not http(s) (from before the parsers dropped them) is shown as text, never as a link.</summary>
public sealed class ScrapedLinkTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task ALeadsJavascriptOrDataLink_IsShownAsText_AndAWebLinkAsALink()
    {
        int id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            var now = app.Clock.GetUtcNow();
            var lead = new Lead { Title = "Kompetensutveckling i digital pedagogik", Buyer = "Timrå kommun", Kind = LeadKind.WebItem, CreatedAt = now, UpdatedAt = now };
            lead.Sources.Add(new LeadSource { Source = "Timrå kommun", ExternalId = "elak-1", Url = "javascript:alert(document.cookie)", FirstSeenAt = now, LastSeenAt = now });
            lead.Sources.Add(new LeadSource { Source = "Timrå data", ExternalId = "elak-2", Url = "data:text/html;base64,PHNjcmlwdD4=", FirstSeenAt = now, LastSeenAt = now });
            lead.Sources.Add(new LeadSource { Source = "Timrå webb", ExternalId = "bra-3", Url = "https://www.timra.se/upphandling/3", FirstSeenAt = now, LastSeenAt = now });
            db.Leads.Add(lead);
            await db.SaveChangesAsync();
            id = lead.Id;
        }
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        using var response = await coordinator.GetAsync($"/office/leads/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", html, StringComparison.OrdinalIgnoreCase);
        var page = await Html.ParseAsync(response);
        Assert.Contains(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href") == "https://www.timra.se/upphandling/3");
        Assert.Contains("elak-1", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
