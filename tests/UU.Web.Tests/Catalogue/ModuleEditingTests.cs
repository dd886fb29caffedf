using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Office;
using UU.Web.Tests.Infrastructure;
using UU.Web.Features.Accounts;
using static UU.Web.Tests.Catalogue.ModuleForms;

namespace UU.Web.Tests.Catalogue;

public sealed class ModuleEditingTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task EditingAPublishedModule_ChangesNothingForVisitorsUntilPublished_AndASlugChangeRedirects()
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        int id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<UuDbContext>().Modules.Where(m => m.Slug == "motiverande-samtal").Select(m => m.Id).SingleAsync();
        }
        var page = $"/office/utbildningar/{id}";
        var (fields, _) = await FormAsync(editor, page);
        fields["Form.TitleSv"] = "Motiverande samtal i praktiken";
        fields["Form.Slug"] = "motiverande-samtal-i-praktiken";
        using (var saved = await PostAsync(editor, page, "Save", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var visitor = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var before = await visitor.GetDocumentAsync("/utbildningar/motiverande-samtal");
        Assert.Equal("Motiverande samtal", before.QuerySelector("h1")!.TextContent.Trim());

        (fields, _) = await FormAsync(editor, page);
        using (var published = await PostAsync(editor, page, "Publish", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }
        var after = await visitor.GetDocumentAsync("/utbildningar/motiverande-samtal-i-praktiken");
        Assert.Equal("Motiverande samtal i praktiken", after.QuerySelector("h1")!.TextContent.Trim());
        using var moved = await visitor.GetAsync("/utbildningar/motiverande-samtal");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/utbildningar/motiverande-samtal-i-praktiken", moved.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task BadCoursesAndNumbers_AreNamed_AndStaleSavesAreRefused()
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        int id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<UuDbContext>().Modules.Where(m => m.Slug == "stress-och-aterhamtning").Select(m => m.Id).SingleAsync();
        }
        var page = $"/office/utbildningar/{id}";
        var (fields, _) = await FormAsync(editor, page);
        var good = new Dictionary<string, string>(fields);
        fields["Form.Courses"] = "XX999X | Del 1 | tre";
        fields["Form.MinParticipants"] = "30";
        fields["Form.MaxParticipants"] = "10";
        using (var bad = await PostAsync(editor, page, "Save", fields))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var document = await Html.ParseAsync(bad);
            Assert.NotNull(document.QuerySelector("#err-Courses"));
            Assert.NotNull(document.QuerySelector("#err-MaxParticipants"));
        }
        using (var ok = await PostAsync(editor, page, "Save", good))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }
        using var stale = await PostAsync(editor, page, "Save", good); // still carries the old version
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task ModuleHistory_ShowsADiff_AndRollsBackTheDraft()
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        int id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<UuDbContext>().Modules.Where(m => m.Slug == "klarsprak").Select(m => m.Id).SingleAsync();
        }
        var page = $"/office/utbildningar/{id}";
        var (fields, _) = await FormAsync(editor, page);
        fields["Form.SummarySv"] = "Första omskrivningen.";
        (await PostAsync(editor, page, "Save", fields)).Dispose();
        (fields, _) = await FormAsync(editor, page);
        fields["Form.SummarySv"] = "Andra omskrivningen.";
        (await PostAsync(editor, page, "Save", fields)).Dispose();

        var history = await editor.GetDocumentAsync($"{page}/historik?version=1");
        var diff = string.Join("\n", history.QuerySelectorAll(".diff").Select(d => d.TextContent));
        Assert.Contains("− Första omskrivningen.", diff, StringComparison.Ordinal);
        Assert.Contains("+ Andra omskrivningen.", diff, StringComparison.Ordinal);

        var rollbackForm = history.QuerySelector("form input[name=number][value='1']")!.ParentElement!;
        using var rolledBack = await editor.PostAsync($"{page}/historik?handler=Rollback", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = rollbackForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["number"] = "1",
            ["basedOnVersion"] = rollbackForm.QuerySelector("input[name=basedOnVersion]")!.GetAttribute("value")!,
        }));
        Assert.Equal(HttpStatusCode.Redirect, rolledBack.StatusCode);
        var (after, _) = await FormAsync(editor, page);
        Assert.Equal("Första omskrivningen.", after["Form.SummarySv"]);
        var visitor = await app.CreateClient().GetDocumentAsync("/utbildningar/klarsprak");
        Assert.DoesNotContain("omskrivningen", visitor.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal); // drafts only
    }

    [Fact]
    public async Task ModulePreview_ShowsTheDraftToEditorsOnly()
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        int id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<UuDbContext>().Modules.Where(m => m.Slug == "palliativ-vard").Select(m => m.Id).SingleAsync();
        }
        var page = $"/office/utbildningar/{id}";
        var (fields, _) = await FormAsync(editor, page);
        fields["Form.TitleSv"] = "Palliativ vård – ny lydelse";
        fields["Form.Courses"] = "OM032G\nOM031G | Del 1: Bemötande | 3";
        using (var saved = await PostAsync(editor, page, "Save", fields))
        {
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, (await Html.ParseAsync(saved)).QuerySelector(".error-summary")?.TextContent);
        }

        var preview = await editor.GetDocumentAsync("/utbildningar/palliativ-vard?utkast=1");
        Assert.Equal("Palliativ vård – ny lydelse", preview.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(preview.QuerySelector(".preview-banner"));
        Assert.Contains("Del 1: Bemötande", preview.QuerySelector("#courses-heading ~ table")!.TextContent, StringComparison.Ordinal);
        var visitor = await app.CreateClient().GetDocumentAsync("/utbildningar/palliativ-vard?utkast=1");
        Assert.Equal("Palliativ vård i kommunen", visitor.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(visitor.QuerySelector(".preview-banner"));
    }

    [Fact]
    public async Task ANewModule_AppearsInTheCatalogueOnlyWhenPublished()
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        var (fields, _) = await FormAsync(editor, "/office/utbildningar/ny");
        fields["Form.TitleSv"] = "Arkivering för förskolechefer";
        fields["Form.SummarySv"] = "Kort kurs om dokumentation och arkivering i förskolan.";
        fields["Form.SubjectSlug"] = "arkivvetenskap";
        fields["Form.Hours"] = "12";
        fields["Form.Courses"] = "AV011G | Del 1: Dokumentation | 1,5";
        fields["Form.Targets#forskola"] = "forskola";
        using var created = await PostAsync(editor, "/office/utbildningar/ny", "Save", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString.Split('?')[0];
        using (var hidden = await app.CreateClient().GetAsync("/utbildningar/arkivering-for-forskolechefer"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }
        // A new module waits for the subject collegium's approval, which a coordinator records, before it can be published.
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        using (var approved = await OfficeUsers.PostFormAsync(coordinator, "/office/inventering/godkannanden", "Approve", new()
        {
            ["moduleId"] = page.Split('/')[^1], ["approvedOn"] = "2026-03-16",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }
        (fields, _) = await FormAsync(editor, page);
        (await PostAsync(editor, page, "Publish", fields)).Dispose();
        var published = await app.CreateClient().GetDocumentAsync("/utbildningar/arkivering-for-forskolechefer");
        Assert.Contains("12 timmar", published.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("AV011G", published.QuerySelector("#courses-heading ~ table")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class SubjectEditingTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task ContactPersons_AreEditableByCoordinators_AndBadLinesAreNamed()
    {
        var coordinator = await OfficeUsers.SignedInClientAsync(app, Roles.Coordinator);
        var form = await coordinator.GetDocumentAsync("/office/amnen/historia/kontaktpersoner");
        async Task<HttpResponseMessage> Save(string contacts) => await coordinator.PostAsync("/office/amnen/historia/kontaktpersoner", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("form.content-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Contacts"] = contacts,
        }));
        using (var bad = await Save("Per Nyström | Ämnesföreträdare | inte-en-adress"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("inte-en-adress", (await Html.ParseAsync(bad)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        using (var ok = await Save("Per Nyström | Ämnesföreträdare | per.nystrom@uu-demo.se\nAnna Ek | Studierektor | anna.ek@uu-demo.se | 010-142 80 10"))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }
        var page = await app.CreateClient().GetDocumentAsync("/amnen/historia");
        Assert.Contains("anna.ek@uu-demo.se", page.QuerySelector("#contacts-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class CourseEditingTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task CourseTexts_AreEditable_AndBadCreditsAreNamed()
    {
        var editor = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        var form = await editor.GetDocumentAsync("/office/kurser/ps022g");
        async Task<HttpResponseMessage> Save(string credits) => await editor.PostAsync("/office/kurser/PS022G", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("form.content-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["TitleSv"] = "Samtalsmetodik i professionella möten",
            ["Credits"] = credits,
            ["Level"] = "grund",
            ["DescriptionSv"] = "Motiverande samtal och samtalsteknik.",
        }));
        using (var bad = await Save("sju och en halv"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }
        using (var ok = await Save("7,5"))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }
        var page = await app.CreateClient().GetDocumentAsync("/kurser/PS022G");
        Assert.Contains("Samtalsmetodik i professionella möten", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }
}
